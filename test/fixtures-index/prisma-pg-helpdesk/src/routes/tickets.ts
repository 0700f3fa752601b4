import { Router, type NextFunction, type Request, type Response } from "express";
import type { Role, TicketStatus, Workspace } from "@prisma/client";
import { z } from "zod";
import * as tickets from "../services/ticketService";
import { membershipOf, workspaceBySlug } from "../services/workspaceService";
import { ticketRepository } from "../repositories/ticketRepository";
import { entityHistory } from "../repositories/auditRepository";
import { presence } from "../lib/memoryStore";

export const ticketRoutes = Router({ mergeParams: true });

interface Ctx {
  workspace: Workspace;
  userId: string;
  role: Role;
}

const workspaceCache = new Map<string, { workspace: Workspace; at: number }>();
const STATUSES: TicketStatus[] = ["OPEN", "PENDING", "SOLVED", "CLOSED"];

type Handler = (req: Request, res: Response, ctx: Ctx) => Promise<unknown>;

function withMember(handler: Handler) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const slug = String(req.params.workspace);
      const cached = workspaceCache.get(slug);
      const workspace = cached && Date.now() - cached.at < 60_000 ? cached.workspace : await workspaceBySlug(slug);
      if (!workspace) return res.status(404).json({ error: "workspace not found" });
      workspaceCache.set(slug, { workspace, at: Date.now() });
      const userId = String(res.locals.userId);
      const member = await membershipOf(workspace.id, userId);
      if (!member) return res.status(403).json({ error: "not a member" });
      return res.json(await handler(req, res, { workspace, userId, role: member.role }));
    } catch (err) {
      return next(err);
    }
  };
}

ticketRoutes.get("/", withMember(async (req, _res, { workspace, userId, role }) => {
  if (req.query.mine === "1") return tickets.inbox(workspace.id, { userId, role }, false);
  const status = STATUSES.find((s) => s === req.query.status);
  const cursor = req.query.cursor ? Number(req.query.cursor) : undefined;
  return tickets.listTickets(workspace.id, { status, cursor, assigneeId: typeof req.query.assignee === "string" ? req.query.assignee : undefined });
}));

ticketRoutes.get("/queue", withMember(async (_req, _res, { workspace, userId }) => ticketRepository.myQueue(workspace.id, userId)));
ticketRoutes.get("/search", withMember(async (req, _res, { workspace }) => ticketRepository.search(workspace.id, String(req.query.q ?? ""))));
ticketRoutes.get("/stats", withMember(async (_req, _res, { workspace }) => ticketRepository.statusCounts(workspace.id)));
ticketRoutes.get("/awaiting-reply", withMember(async (_req, _res, { workspace }) => ticketRepository.pendingWithoutPublicReply(workspace.id)));
ticketRoutes.get("/lookup/:ref", withMember(async (req, _res, { workspace }) => ticketRepository.findByReference(workspace.id, String(req.params.ref))));

ticketRoutes.get("/:number", withMember(async (req, _res, { workspace }) => {
  const ticket = await tickets.getTicket(workspace.id, Number(req.params.number));
  const viewers = presence.findMany({ where: { ticketId: ticket.id } }).map((p) => p.userId);
  const [comments, history] = await Promise.all([tickets.listComments(ticket.id, typeof req.query.after === "string" ? req.query.after : undefined), entityHistory("ticket", String(ticket.id))]);
  return { ticket, comments, history, viewers };
}));

ticketRoutes.get("/:number/files", withMember(async (req, _res, { workspace }) => {
  const ticket = await tickets.getTicket(workspace.id, Number(req.params.number));
  return tickets.ticketFiles(ticket.id);
}));

const newTicket = z.object({ subject: z.string().min(1), body: z.string(), priority: z.enum(["LOW", "NORMAL", "HIGH", "URGENT"]).optional() });

ticketRoutes.post("/", withMember(async (req, _res, { workspace, userId }) => tickets.createTicket(workspace.id, userId, newTicket.parse(req.body))));

const newComment = z.object({
  body: z.string().min(1),
  internal: z.boolean().default(false),
  files: z.array(z.object({ fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), sha256: z.string().length(64), storageKey: z.string() })).default([]),
});

ticketRoutes.post("/:number/comments", withMember(async (req, _res, { workspace, userId }) => {
  const input = newComment.parse(req.body);
  const ticket = await tickets.getTicket(workspace.id, Number(req.params.number));
  const known = new Map((await tickets.existingUploads(input.files.map((f) => f.sha256))).map((a) => [a.sha256, a.storageKey]));
  const files = input.files.map((f) => ({ ...f, storageKey: known.get(f.sha256) ?? f.storageKey }));
  presence.create({ data: { ticketId: ticket.id, userId, seenAt: Date.now() } });
  return tickets.addComment(ticket.id, userId, input.body, input.internal, files);
}));

ticketRoutes.put("/:number/tags", withMember(async (req, _res, { workspace }) => {
  const ticket = await tickets.getTicket(workspace.id, Number(req.params.number));
  return tickets.setTags(workspace.id, ticket.id, z.array(z.string().min(1)).parse(req.body));
}));
