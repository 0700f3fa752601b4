import { Injectable } from "@nestjs/common";
import type { TicketStatus } from "@prisma/client";

export interface TicketSnapshot {
  id: number;
  subject: string;
  status: TicketStatus;
  viewedAt: number;
}

const PER_AGENT = 15;

// "Recently viewed" sidebar. Process-local on purpose: losing it on deploy is fine.
@Injectable()
export class RecentTicketsStore {
  private readonly snapshots = new Map<number, TicketSnapshot>();
  private readonly byAgent = new Map<number, number[]>();

  remember(agentId: number, snapshot: Omit<TicketSnapshot, "viewedAt">): void {
    this.snapshots.set(snapshot.id, { ...snapshot, viewedAt: Date.now() });
    const ids = (this.byAgent.get(agentId) ?? []).filter((id) => id !== snapshot.id);
    ids.unshift(snapshot.id);
    this.byAgent.set(agentId, ids.slice(0, PER_AGENT));
  }

  findUnique(ticketId: number): TicketSnapshot | undefined {
    return this.snapshots.get(ticketId);
  }

  findMany(agentId: number): number[] {
    return this.byAgent.get(agentId) ?? [];
  }
}
