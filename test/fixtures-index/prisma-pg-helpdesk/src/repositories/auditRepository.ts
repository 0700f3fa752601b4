import type { Prisma } from "@prisma/client";
import { prisma } from "../db";

export interface AuditRow {
  id: bigint;
  action: string;
  actor_id: string | null;
  created_at: Date;
}

export interface AuditEntry {
  workspaceId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  metadata?: Prisma.InputJsonValue;
}

export function recordAudit(entry: AuditEntry) {
  return prisma.auditLog.create({ data: entry });
}

/** History panel on a ticket / user page: newest 50 events about one entity. */
export function entityHistory(entityType: string, entityId: string) {
  return prisma.$queryRaw<AuditRow[]>`SELECT id, action, actor_id, created_at FROM audit_logs WHERE entity_type = ${entityType} AND entity_id = ${entityId} ORDER BY created_at DESC LIMIT 50`; // expect: unindexed-filter
}

/** Workspace activity feed, paged backwards by time. */
export function workspaceFeed(workspaceId: string, before?: Date) {
  return prisma.$queryRaw<AuditRow[]>`SELECT id, action, actor_id, created_at FROM audit_logs WHERE workspace_id = ${workspaceId} AND created_at < ${before ?? new Date()} ORDER BY created_at DESC LIMIT 100`;
}
