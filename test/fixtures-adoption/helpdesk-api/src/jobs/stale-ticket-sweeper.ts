import { Injectable, Logger } from "@nestjs/common";
import { Cron, CronExpression } from "@nestjs/schedule";
import { InjectRepository } from "@nestjs/typeorm";
import { In, MoreThan, Repository } from "typeorm";
import { TicketComment } from "../entities/ticket-comment.entity";
import { Ticket, TicketStatus } from "../entities/ticket.entity";

const PAGE_SIZE = 200;
const STALE_AFTER_DAYS = 14;

/**
 * Closes "pending" tickets (waiting on the customer) whose last message is
 * older than two weeks. Walks the pending tickets by ticket number.
 */
@Injectable()
export class StaleTicketSweeper {
  private readonly logger = new Logger(StaleTicketSweeper.name);

  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketComment) private readonly comments: Repository<TicketComment>,
  ) {}

  @Cron(CronExpression.EVERY_6_HOURS)
  async sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - STALE_AFTER_DAYS * 24 * 60 * 60 * 1000);
    const closedIds: string[] = [];
    let lastNumber = 0;

    while (true) {
      const page = await this.tickets.find({
        where: { status: TicketStatus.Pending, number: MoreThan(lastNumber) },
        order: { number: "ASC" },
        take: PAGE_SIZE,
      });
      if (page.length === 0) break;

      const stale: string[] = [];
      for (const ticket of page) {
        const lastMessage = await this.comments.findOne({ where: { ticket: { id: ticket.id } }, order: { createdAt: "DESC" } }); // expect: n-plus-one
        if (!lastMessage || lastMessage.createdAt < cutoff) stale.push(ticket.id);
      }

      if (stale.length > 0) {
        await this.tickets.update({ id: In(stale) }, { status: TicketStatus.Closed });
        closedIds.push(...stale);
      }
      lastNumber = page[page.length - 1].number;
    }

    this.logger.log(`closed ${closedIds.length} stale pending ticket(s)`);
    return closedIds.length;
  }
}
