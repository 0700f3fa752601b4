import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from "@nestjs/common";
import { TicketsService } from "./tickets.service";
import { TicketStatus } from "../models/ticket.model";

@Controller()
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get("workspaces/:workspaceId/projects")
  projects(@Param("workspaceId", ParseIntPipe) workspaceId: number) {
    return this.tickets.activeProjects(workspaceId);
  }

  @Get("workspaces/:workspaceId/projects/:key/board")
  async board(@Param("workspaceId", ParseIntPipe) workspaceId: number, @Param("key") key: string, @Query("status") status?: string) {
    const project = await this.tickets.projectByKey(workspaceId, key);
    const statuses = (status ? status.split(",") : ["open", "in_progress"]) as TicketStatus[];
    return this.tickets.board(project.id, statuses);
  }

  @Get("projects/:projectId/tickets/:number")
  ticket(@Param("projectId", ParseIntPipe) projectId: number, @Param("number", ParseIntPipe) number: number) {
    return this.tickets.byNumber(projectId, number);
  }

  @Get("projects/:projectId/search")
  search(@Param("projectId", ParseIntPipe) projectId: number, @Query("q") q = "") {
    return this.tickets.search(projectId, q);
  }

  @Post("projects/:projectId/tickets")
  create(@Param("projectId", ParseIntPipe) projectId: number, @Body() body: { reporterId: number; title: string }) {
    return this.tickets.create(projectId, body.reporterId, body.title);
  }

  @Get("users/:userId/assigned")
  assigned(@Param("userId", ParseIntPipe) userId: number) {
    return this.tickets.assignedTo(userId);
  }

  @Get("tickets/due")
  due(@Query("from") from: string, @Query("to") to: string) {
    return this.tickets.dueBetween(from, to);
  }

  @Get("admin/tickets/recent")
  recent() {
    return this.tickets.recentlyCreated();
  }

  @Get("admin/metrics/done")
  async done(@Query("since") since: string) {
    return { done: await this.tickets.doneSince(new Date(since)) };
  }

  @Get("labels/:labelId/tickets")
  withLabel(@Param("labelId", ParseIntPipe) labelId: number) {
    return this.tickets.ticketIdsWithLabel(labelId);
  }

  @Get("tickets/:id/labels")
  labels(@Param("id", ParseIntPipe) id: number) {
    return this.tickets.labelsOf(id);
  }

  @Get("tickets/:id/comments")
  comments(@Param("id", ParseIntPipe) id: number) {
    return this.tickets.thread(id);
  }

  @Post("tickets/:id/comments")
  comment(@Param("id", ParseIntPipe) id: number, @Body() body: { authorId: number; body: string }) {
    return this.tickets.addComment(id, body.authorId, body.body);
  }

  @Get("tickets/:id/attachments")
  attachments(@Param("id", ParseIntPipe) id: number) {
    return this.tickets.attachmentsOf(id);
  }

  @Get("attachments/by-key")
  attachment(@Query("key") key: string) {
    return this.tickets.attachmentByKey(key);
  }

  @Post("tickets/:id/assign")
  assign(@Param("id", ParseIntPipe) id: number, @Body() body: { assigneeId: number | null }) {
    return this.tickets.assign(id, body.assigneeId);
  }
}
