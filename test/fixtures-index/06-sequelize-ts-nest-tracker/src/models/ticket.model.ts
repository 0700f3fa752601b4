import { AutoIncrement, BelongsTo, BelongsToMany, Column, DataType, Default, ForeignKey, HasMany, Model, PrimaryKey, Table } from "sequelize-typescript";
import { Project, Label } from "./project.model";
import { User } from "./workspace.model";
import { Comment, Attachment } from "./activity.model";

export type TicketStatus = "open" | "in_progress" | "done" | "closed";
export type TicketPriority = "low" | "medium" | "high" | "urgent";

@Table({
  tableName: "tickets",
  indexes: [
    { name: "tickets_project_status_updated", fields: ["projectId", "status", "updatedAt"] },
    { name: "tickets_project_number", unique: true, fields: ["projectId", "number"] },
  ],
})
export class Ticket extends Model {
  @PrimaryKey @AutoIncrement @Column declare id: number;

  @ForeignKey(() => Project) @Column declare projectId: number;

  @BelongsTo(() => Project) declare project: Project;

  @Column declare number: number;

  @Column declare title: string;

  @Column(DataType.TEXT) declare description: string | null;

  @Default("open") @Column(DataType.ENUM("open", "in_progress", "done", "closed")) declare status: TicketStatus;

  @Default("medium") @Column(DataType.ENUM("low", "medium", "high", "urgent")) declare priority: TicketPriority;

  @ForeignKey(() => User) @Column(DataType.INTEGER) declare assigneeId: number | null;

  @BelongsTo(() => User, "assigneeId") declare assignee: User | null;

  @ForeignKey(() => User) @Column declare reporterId: number;

  @BelongsTo(() => User, "reporterId") declare reporter: User; // expect: unindexed-foreign-key

  @Column(DataType.DATEONLY) declare dueOn: string | null;

  @HasMany(() => Comment) declare comments: Comment[];

  @HasMany(() => Attachment) declare attachments: Attachment[];

  @BelongsToMany(() => Label, () => TicketLabel) declare labels: Label[];
}

// Composite primary key (ticketId, labelId).
@Table({ tableName: "ticket_labels", timestamps: false })
export class TicketLabel extends Model {
  @PrimaryKey @ForeignKey(() => Ticket) @Column declare ticketId: number;

  @PrimaryKey @ForeignKey(() => Label) @Column declare labelId: number;
}
