import { AutoIncrement, BelongsTo, Column, CreatedAt, DataType, ForeignKey, Index, Model, PrimaryKey, Table, Unique } from "sequelize-typescript";
import { Ticket } from "./ticket.model";
import { User } from "./workspace.model";

@Table({ tableName: "ticket_comments" })
export class Comment extends Model {
  @PrimaryKey @AutoIncrement @Column declare id: number;

  @Index @ForeignKey(() => Ticket) @Column declare ticketId: number;

  @BelongsTo(() => Ticket) declare ticket: Ticket;

  @ForeignKey(() => User) @Column declare authorId: number;

  @BelongsTo(() => User) declare author: User; // expect: unindexed-foreign-key

  @Column(DataType.TEXT) declare body: string;
}

@Table({ tableName: "attachments" })
export class Attachment extends Model {
  @PrimaryKey @AutoIncrement @Column declare id: number;

  @ForeignKey(() => Ticket) @Column declare ticketId: number;

  @BelongsTo(() => Ticket) declare ticket: Ticket;

  @ForeignKey(() => User) @Column declare uploadedById: number;

  @BelongsTo(() => User) declare uploadedBy: User; // expect: unindexed-foreign-key

  // Object-storage key, e.g. "ws/12/att/6f1c....png".
  @Unique @Column declare storageKey: string;

  @Column declare filename: string;

  @Column(DataType.BIGINT) declare sizeBytes: number;

  @Column declare contentType: string;
}

@Table({ tableName: "notifications", updatedAt: false })
export class Notification extends Model {
  @PrimaryKey @AutoIncrement @Column declare id: number;

  @Index("notifications_user_created") @ForeignKey(() => User) @Column declare userId: number;

  @BelongsTo(() => User) declare user: User;

  @Column declare kind: string;

  @Column(DataType.JSONB) declare data: Record<string, unknown>;

  @Column(DataType.DATE) declare readAt: Date | null;

  @Index("notifications_user_created") @CreatedAt declare createdAt: Date;
}
