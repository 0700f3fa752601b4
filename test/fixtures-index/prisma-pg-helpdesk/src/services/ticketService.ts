import type { Priority, Role } from "@prisma/client";
import { prisma } from "../db";
import { recordAudit } from "../repositories/auditRepository";
import { ticketRepository, type TicketListFilter } from "../repositories/ticketRepository";
import { visibleTicketsWhere } from "../queries/ticketWhere";

export class NotFoundError extends Error {}

export interface NewTicket {
  subject: string;
  body: string;
  priority?: Priority;
  dueAt?: Date;
}

export interface UploadedFile {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

export async function createTicket(workspaceId: string, requesterId: string, input: NewTicket) {
  const ticket = await prisma.$transaction(async (tx) => {
    const last = await tx.ticket.aggregate({ where: { workspaceId }, _max: { number: true } });
    return tx.ticket.create({ data: { workspaceId, requesterId, number: (last._max.number ?? 0) + 1, subject: input.subject, body: input.body, priority: input.priority ?? "NORMAL", dueAt: input.dueAt } });
  });
  await recordAudit({ workspaceId, actorId: requesterId, action: "ticket.created", entityType: "ticket", entityId: String(ticket.id) });
  return ticket;
}

export async function getTicket(workspaceId: string, number: number) {
  const ticket = await ticketRepository.byNumber(workspaceId, number);
  if (!ticket || ticket.deletedAt) throw new NotFoundError(`ticket #${number}`);
  return ticket;
}

export function listTickets(workspaceId: string, filter: TicketListFilter) {
  return ticketRepository.list(workspaceId, filter);
}

export function inbox(workspaceId: string, member: { userId: string; role: Role }, everything: boolean) {
  return ticketRepository.visible(visibleTicketsWhere(workspaceId, member, everything), 50);
}

export function listComments(ticketId: number, cursor?: string) {
  return prisma.comment.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" }, cursor: cursor ? { id: cursor } : undefined, skip: cursor ? 1 : 0, take: 50, include: { attachments: true } });
}

export function ticketFiles(ticketId: number) {
  return prisma.attachment.findMany({ where: { comment: { is: { ticketId } } }, select: { id: true, fileName: true, mimeType: true, sizeBytes: true, storageKey: true } });
}

/** Files already stored under the same content hash are linked instead of uploaded twice. */
export function existingUploads(hashes: string[]) {
  return prisma.attachment.findMany({ where: { sha256: { in: hashes } }, select: { id: true, sha256: true, storageKey: true } }); // expect: unindexed-filter
}

export async function addComment(ticketId: number, authorId: string, body: string, internal: boolean, files: UploadedFile[]) {
  const comment = await prisma.comment.create({ data: { ticketId, authorId, body, internal, attachments: { create: files } } });
  await prisma.ticket.update({ where: { id: ticketId }, data: { status: internal ? undefined : "PENDING" } });
  return comment;
}

export async function setTags(workspaceId: string, ticketId: number, names: string[]) {
  const tags = await Promise.all(names.map((name) => prisma.tag.upsert({ where: { workspaceId_name: { workspaceId, name } }, create: { workspaceId, name }, update: {} })));
  await prisma.$transaction([
    prisma.ticketTag.deleteMany({ where: { ticketId } }),
    prisma.ticketTag.createMany({ data: tags.map((tag) => ({ ticketId, tagId: tag.id })) }),
  ]);
  return tags;
}
