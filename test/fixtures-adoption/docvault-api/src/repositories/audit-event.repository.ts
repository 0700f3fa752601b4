import type { AuditEvent } from "../entities";
import { BaseRepository } from "./base.repository";

export class AuditEventRepository extends BaseRepository<AuditEvent> {
  async record(workspaceId: string, actorId: string | null, action: string, details: Record<string, unknown>): Promise<void> {
    await this.repo.insert({
      workspace: { id: workspaceId },
      actor: actorId ? { id: actorId } : null,
      action,
      details,
    });
  }
}
