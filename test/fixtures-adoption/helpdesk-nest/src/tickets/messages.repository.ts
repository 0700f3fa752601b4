import { Injectable } from "@nestjs/common";
import type { TicketMessage } from "@prisma/client";
import { PrismaService } from "../prisma/prisma.service";

@Injectable()
export class MessagesRepository {
  constructor(private readonly prisma: PrismaService) {}

  listForTicket(ticketId: number): Promise<TicketMessage[]> {
    return this.prisma.ticketMessage.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" } }); // expect: missing-pagination
  }

  addReply(ticketId: number, authorAgentId: number, body: string, internal = false): Promise<TicketMessage> {
    return this.prisma.ticketMessage.create({ data: { ticketId, authorAgentId, body, internal } });
  }
}
