import { Injectable, NotFoundException } from "@nestjs/common";
import { InjectModel } from "@nestjs/sequelize";
import { Op } from "sequelize";
import { Project } from "../models/project.model";
import { Ticket, TicketLabel, TicketStatus } from "../models/ticket.model";
import { Attachment, Comment } from "../models/activity.model";

@Injectable()
export class TicketsService {
  constructor(
    @InjectModel(Project) private readonly projects: typeof Project,
    @InjectModel(Ticket) private readonly tickets: typeof Ticket,
    @InjectModel(TicketLabel) private readonly ticketLabels: typeof TicketLabel,
    @InjectModel(Comment) private readonly comments: typeof Comment,
    @InjectModel(Attachment) private readonly attachments: typeof Attachment,
  ) {}

  async projectByKey(workspaceId: number, key: string) {
    const project = await this.projects.findOne({ where: { workspaceId, key } });
    if (!project) throw new NotFoundException(`project ${key}`);
    return project;
  }

  activeProjects(workspaceId: number) {
    return this.projects.findAll({ where: { workspaceId, archived: false }, order: [["name", "ASC"]] });
  }

  board(projectId: number, statuses: TicketStatus[]) {
    return this.tickets.findAll({ where: { projectId, status: statuses }, order: [["updatedAt", "DESC"]], limit: 200 });
  }

  byNumber(projectId: number, number: number) {
    return this.tickets.findOne({ where: { projectId, number } });
  }

  search(projectId: number, q: string) {
    return this.tickets.findAll({ where: { projectId, title: { [Op.iLike]: `%${q}%` } }, limit: 25 });
  }

  // "Assigned to me" across every project of every workspace.
  assignedTo(userId: number) {
    return this.tickets.findAll({ where: { assigneeId: userId }, order: [["updatedAt", "DESC"]], limit: 50 }); // expect: unindexed-filter
  }

  dueBetween(from: string, to: string) {
    return this.tickets.findAll({ where: { dueOn: { [Op.between]: [from, to] } }, order: [["dueOn", "ASC"]], limit: 100 }); // expect: unindexed-filter
  }

  recentlyCreated() {
    return Ticket.findAll({ order: [["createdAt", "DESC"]], limit: 20 }); // expect: unindexed-filter
  }

  // Instance-wide throughput metric for the admin dashboard.
  doneSince(since: Date) {
    return this.tickets.count({ where: { status: "done", updatedAt: { [Op.gte]: since } } }); // expect: unindexed-filter
  }

  labelsOf(ticketId: number) {
    return this.ticketLabels.findAll({ where: { ticketId } });
  }

  ticketIdsWithLabel(labelId: number) {
    return this.ticketLabels.findAll({ where: { labelId }, attributes: ["ticketId"] }); // expect: unindexed-filter
  }

  thread(ticketId: number) {
    return this.comments.findAll({ where: { ticketId }, order: [["createdAt", "ASC"]] });
  }

  addComment(ticketId: number, authorId: number, body: string) {
    return this.comments.create({ ticketId, authorId, body });
  }

  attachmentsOf(ticketId: number) {
    return this.attachments.findAll({ where: { ticketId }, order: [["createdAt", "ASC"]] }); // expect: unindexed-filter
  }

  attachmentByKey(storageKey: string) {
    return this.attachments.findOne({ where: { storageKey } });
  }

  async create(projectId: number, reporterId: number, title: string) {
    const last = await this.tickets.findOne({ where: { projectId }, order: [["number", "DESC"]] });
    return this.tickets.create({ projectId, reporterId, title, number: (last?.number ?? 0) + 1 });
  }

  assign(id: number, assigneeId: number | null) {
    return this.tickets.update({ assigneeId }, { where: { id } });
  }
}
