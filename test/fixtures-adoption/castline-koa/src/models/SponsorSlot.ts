import { AutoIncrement, BelongsTo, Column, DataType, ForeignKey, Model, PrimaryKey, Table } from "sequelize-typescript";
import { Episode } from "./Episode";

@Table({ tableName: "sponsor_slots", indexes: [{ fields: ["episodeId", "startsAt"] }] })
export class SponsorSlot extends Model {
  @PrimaryKey @AutoIncrement @Column(DataType.INTEGER) id!: number;

  @ForeignKey(() => Episode) @Column(DataType.INTEGER) episodeId!: number;
  @BelongsTo(() => Episode) episode!: Episode;

  @Column(DataType.STRING) sponsorName!: string;
  @Column(DataType.TEXT) readText!: string;
  @Column(DataType.INTEGER) cpmCents!: number;
  @Column(DataType.INTEGER) impressions!: number;
  @Column(DataType.DATE) startsAt!: Date;
  @Column(DataType.DATE) endsAt!: Date;
}
