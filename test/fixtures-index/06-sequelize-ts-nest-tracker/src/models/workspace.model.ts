import { AutoIncrement, Column, DataType, HasMany, Model, PrimaryKey, Table, Unique } from "sequelize-typescript";
import { Project } from "./project.model";

@Table({ tableName: "workspaces" })
export class Workspace extends Model {
  @PrimaryKey @AutoIncrement @Column declare id: number;

  @Unique @Column declare slug: string;

  @Column declare name: string;

  @HasMany(() => Project) declare projects: Project[];
}

@Table({ tableName: "users" })
export class User extends Model {
  @PrimaryKey @AutoIncrement @Column declare id: number;

  @Unique @Column declare email: string;

  @Column declare displayName: string;

  @Column(DataType.DATE) declare lastLoginAt: Date | null;
}
