import { Injectable, NotFoundException } from "@nestjs/common";
import { InjectEntityManager, InjectRepository } from "@nestjs/typeorm";
import { EntityManager, In, QueryFailedError, Repository } from "typeorm";
import { Agent } from "../entities/agent.entity";
import { TicketComment } from "../entities/ticket-comment.entity";
import { Ticket, TicketPriority, TicketStatus } from "../entities/ticket.entity";

const MAX_PAGE = 50;
const EXPORT_CHUNK = 500;
const MAX_REOPEN_ATTEMPTS = 3;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function isSerializationFailure(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === "40001" || code === "40P01";
}

/** Drops duplicates and blanks that the console's multi-select sometimes sends. */
function distinctIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const id of ids) {
    const trimmed = id.trim();
    if (trimmed !== "") seen.add(trimmed);
  }
  return [...seen];
}

@Injectable()
export class TicketsService {
  constructor(
    @InjectRepository(Ticket) private readonly ticketRepo: Repository<Ticket>,
    @InjectRepository(Agent) private readonly agentRepo: Repository<Agent>,
    @InjectEntityManager() private readonly entityManager: EntityManager,
  ) {}

  listOpen(first: number): Promise<Ticket[]> {
    return this.ticketRepo.find({
      where: { status: TicketStatus.Open },
      relations: { customer: true },
      order: { createdAt: "DESC" },
      take: Math.min(Math.max(first, 1), MAX_PAGE),
    });
  }

  /** Agent console: select tickets in the queue, pick an agent, "Assign". */
  async reassign(ticketIds: string[], agentId: string): Promise<{ queued: number }> {
    const agent = await this.agentRepo.findOneBy({ id: agentId, active: true });
    if (!agent) throw new NotFoundException(`no active agent ${agentId}`);

    ticketIds.forEach(async (ticketId) => {
      await this.ticketRepo.update({ id: ticketId }, { assigneeId: agent.id }); // expect: n-plus-one
    });
    return { queued: ticketIds.length };
  }

  /** Folds duplicate tickets into one and leaves a note on the survivor. */
  async merge(targetId: string, sourceIds: string[]): Promise<Ticket> {
    return this.entityManager.transaction(async (tx: EntityManager) => {
      const target = await tx.findOneBy(Ticket, { id: targetId });
      if (!target) throw new NotFoundException(`ticket ${targetId} not found`);

      for (const sourceId of sourceIds) {
        await tx.update(Ticket, { id: sourceId }, { status: TicketStatus.Merged, mergedIntoId: target.id }); // expect: n-plus-one
      }

      await tx.insert(TicketComment, { ticketId: target.id, body: `Merged ${sourceIds.length} duplicate ticket(s) into #${target.number}.`, internal: true });
      return target;
    });
  }

  /** Tickets picked in the console, exported for a customer's quarterly review. */
  async exportByIds(ids: string[]): Promise<Ticket[]> {
    const rows: Ticket[] = [];
    for (const batch of chunk(distinctIds(ids), EXPORT_CHUNK)) {
      rows.push(...(await this.ticketRepo.find({ where: { id: In(batch) }, relations: { customer: true }, order: { number: "ASC" } })));
    }
    return rows;
  }

  /** Queue header: how many open tickets per priority. Four priorities, four counts. */
  async countOpenByPriority(): Promise<Record<TicketPriority, number>> {
    const counts = {} as Record<TicketPriority, number>;
    for (const priority of Object.values(TicketPriority)) {
      counts[priority] = await this.ticketRepo.countBy({ status: TicketStatus.Open, priority });
    }
    return counts;
  }

  /** A customer replied to a closed ticket. Races with the auto-closer, so retry on conflicts. */
  async reopen(ticketId: string): Promise<void> {
    for (let attempt = 1; attempt <= MAX_REOPEN_ATTEMPTS; attempt++) {
      try {
        await this.ticketRepo.update({ id: ticketId }, { status: TicketStatus.Open, reopenCount: () => '"reopenCount" + 1' });
        return;
      } catch (error) {
        if (!isSerializationFailure(error) || attempt === MAX_REOPEN_ATTEMPTS) throw error;
      }
    }
  }
}
