import { AutoIncrement, BelongsTo, Column, DataType, Default, ForeignKey, HasMany, Model, PrimaryKey, Table } from "sequelize-typescript";
import { Workspace } from "./workspace.model";
import { Ticket } from "./ticket.model";

@Table({ tableName: "projects", indexes: [{ name: "projects_workspace_key", unique: true, fields: ["workspaceId", "key"] }] })
export class Project extends Model {
  @PrimaryKey @AutoIncrement @Column declare id: number;

  @ForeignKey(() => Workspace) @Column declare workspaceId: number;

  @BelongsTo(() => Workspace) declare workspace: Workspace;

  // Short prefix of ticket numbers, e.g. "WEB" in WEB-142.
  @Column(DataType.STRING(10)) declare key: string;

  @Column declare name: string;

  @Default(false) @Column declare archived: boolean;

  @HasMany(() => Ticket) declare tickets: Ticket[];
}

@Table({ tableName: "labels", indexes: [{ name: "labels_workspace_name", unique: true, fields: ["workspaceId", "name"] }] })
export class Label extends Model {
  @PrimaryKey @AutoIncrement @Column declare id: number;

  @ForeignKey(() => Workspace) @Column declare workspaceId: number;

  @BelongsTo(() => Workspace) declare workspace: Workspace;

  @Column declare name: string;

  @Default("#888888") @Column declare color: string;
}
