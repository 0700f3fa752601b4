import { AutoIncrement, Column, DataType, Model, PrimaryKey, Table, Unique } from "sequelize-typescript";

@Table({ tableName: "users" })
export class User extends Model {
  @PrimaryKey @AutoIncrement @Column(DataType.INTEGER) id!: number;
  @Unique @Column(DataType.STRING) email!: string;
  @Column(DataType.STRING) displayName!: string;
}
