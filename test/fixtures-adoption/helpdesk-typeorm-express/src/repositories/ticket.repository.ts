import { AppDataSource } from "../data-source";
import { Ticket, TicketStatus } from "../entities/Ticket";

export const TicketRepository = AppDataSource.getRepository(Ticket).extend({
  findByStatus(status: TicketStatus): Promise<Ticket[]> {
    return this.createQueryBuilder("t") // expect: missing-pagination
      .leftJoinAndSelect("t.assignee", "assignee")
      .where("t.status = :status", { status })
      .orderBy("t.id", "DESC")
      .getMany();
  },

  assignedTo(agentId: number): Promise<Ticket[]> {
    return this.createQueryBuilder("t") // expect: unbounded-query
      .where("t.assigneeId = :agentId", { agentId })
      .orderBy("t.id", "ASC")
      .getMany();
  },

  pageForCustomer(customerId: number, page: number, pageSize = 25): Promise<[Ticket[], number]> {
    const take = Math.min(Math.max(pageSize, 1), 100);
    return this.findAndCount({
      where: { customer: { id: customerId } },
      order: { id: "DESC" },
      take,
      skip: (Math.max(page, 1) - 1) * take,
    });
  },
});
