import { AllowNull, AutoIncrement, BelongsTo, Column, DataType, Default, ForeignKey, HasMany, Model, PrimaryKey, Table } from "sequelize-typescript";
import { Show } from "./Show";
import { Listen } from "./Listen";
import { Comment } from "./Comment";
import { SponsorSlot } from "./SponsorSlot";

export type EpisodeStatus = "draft" | "scheduled" | "published" | "archived";

@Table({
  tableName: "episodes",
  indexes: [
    { fields: ["showId", "status", "publishedAt"] },
    { unique: true, fields: ["showId", "season", "number"] },
    { fields: ["status", "updatedAt"] },
  ],
})
export class Episode extends Model {
  @PrimaryKey @AutoIncrement @Column(DataType.INTEGER) id!: number;

  @ForeignKey(() => Show) @Column(DataType.INTEGER) showId!: number;
  @BelongsTo(() => Show) show!: Show;

  @Column(DataType.STRING) title!: string;
  @Column(DataType.TEXT) showNotes!: string;
  @Column(DataType.STRING) audioUrl!: string;
  @Column(DataType.INTEGER) durationSec!: number;
  @Column(DataType.INTEGER) season!: number;
  @Column(DataType.INTEGER) number!: number;
  @Default("draft") @Column(DataType.STRING) status!: EpisodeStatus;
  @AllowNull @Column(DataType.DATE) publishedAt!: Date | null;

  @HasMany(() => Listen) listens!: Listen[];
  @HasMany(() => Comment) comments!: Comment[];
  @HasMany(() => SponsorSlot) sponsorSlots!: SponsorSlot[];
}
