import { Args, Int, Parent, Query, ResolveField, Resolver } from "@nestjs/graphql";
import { InjectRepository } from "@nestjs/typeorm";
import { Repository } from "typeorm";
import { Agent } from "../entities/agent.entity";
import { Customer } from "../entities/customer.entity";
import { TicketComment } from "../entities/ticket-comment.entity";
import { Ticket } from "../entities/ticket.entity";
import { TicketLoaders } from "./ticket-loaders";
import { TicketsService } from "./tickets.service";

@Resolver(() => Ticket)
export class TicketsResolver {
  constructor(
    private readonly tickets: TicketsService,
    private readonly loaders: TicketLoaders,
    @InjectRepository(TicketComment) private readonly commentRepo: Repository<TicketComment>,
    @InjectRepository(Customer) private readonly customerRepo: Repository<Customer>,
  ) {}

  @Query(() => [Ticket])
  openTickets(@Args("first", { type: () => Int, defaultValue: 20 }) first: number): Promise<Ticket[]> {
    return this.tickets.listOpen(first);
  }

  /** The public thread of a ticket, oldest first (internal notes stay in the console). */
  @ResolveField(() => [TicketComment])
  comments(@Parent() ticket: Ticket): Promise<TicketComment[]> {
    return this.commentRepo.find({ where: { ticket: { id: ticket.id }, internal: false }, order: { createdAt: "ASC" }, take: 50 }); // expect: n-plus-one
  }

  /** `openTickets` loads the customer with the ticket; other parents fall back to a lookup. */
  @ResolveField(() => Customer)
  async customer(@Parent() ticket: Ticket): Promise<Customer> {
    if (ticket.customer) return ticket.customer;
    return this.customerRepo.findOneByOrFail({ id: ticket.customerId });
  }

  @ResolveField(() => Agent, { nullable: true })
  assignee(@Parent() ticket: Ticket): Promise<Agent | null> | null {
    return ticket.assigneeId ? this.loaders.agents.load(ticket.assigneeId) : null;
  }
}
