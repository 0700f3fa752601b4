import { AutoIncrement, BelongsTo, Column, DataType, ForeignKey, HasMany, Model, PrimaryKey, Table, Unique } from "sequelize-typescript";
import { User } from "./User";
import { Episode } from "./Episode";

@Table({ tableName: "shows" })
export class Show extends Model {
  @PrimaryKey @AutoIncrement @Column(DataType.INTEGER) id!: number;
  @Unique @Column(DataType.STRING) slug!: string;
  @Column(DataType.STRING) title!: string;
  @Column(DataType.TEXT) description!: string;
  @Column(DataType.STRING) language!: string;

  @ForeignKey(() => User) @Column(DataType.INTEGER) ownerId!: number;
  @BelongsTo(() => User) owner!: User; // expect: unindexed-foreign-key

  @HasMany(() => Episode) episodes!: Episode[];
}
