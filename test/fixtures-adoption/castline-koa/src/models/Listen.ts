import { AutoIncrement, BelongsTo, Column, DataType, ForeignKey, Model, PrimaryKey, Table } from "sequelize-typescript";
import { Episode } from "./Episode";

@Table({ tableName: "listens", updatedAt: false, indexes: [{ fields: ["episodeId", "createdAt"] }] })
export class Listen extends Model {
  @PrimaryKey @AutoIncrement @Column(DataType.BIGINT) id!: number;

  @ForeignKey(() => Episode) @Column(DataType.INTEGER) episodeId!: number;
  @BelongsTo(() => Episode) episode!: Episode;

  @Column(DataType.STRING(2)) countryCode!: string;
  @Column(DataType.STRING) userAgent!: string;
  @Column(DataType.INTEGER) seconds!: number;
}
