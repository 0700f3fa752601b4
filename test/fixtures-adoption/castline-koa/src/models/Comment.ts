import { AfterCreate, AutoIncrement, BelongsTo, Column, DataType, Default, ForeignKey, Model, PrimaryKey, Table } from "sequelize-typescript";
import { Episode } from "./Episode";
import { notifyHostOfComment } from "../lib/mailer";

@Table({ tableName: "comments", indexes: [{ fields: ["episodeId", "createdAt"] }] })
export class Comment extends Model {
  @PrimaryKey @AutoIncrement @Column(DataType.INTEGER) id!: number;

  @ForeignKey(() => Episode) @Column(DataType.INTEGER) episodeId!: number;
  @BelongsTo(() => Episode) episode!: Episode;

  @Column(DataType.STRING) authorName!: string;
  @Column(DataType.STRING) authorEmail!: string;
  @Column(DataType.TEXT) body!: string;
  @Default(false) @Column(DataType.BOOLEAN) approved!: boolean;
  @Default(0) @Column(DataType.INTEGER) reports!: number;

  /** Hosts get one mail per new comment, so they can approve it from their inbox. */
  @AfterCreate
  static async mailHost(comment: Comment): Promise<void> {
    await notifyHostOfComment(comment.episodeId, comment.authorName, comment.body);
  }
}
