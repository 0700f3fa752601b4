import { Body, Controller, Get, Headers, Param, ParseIntPipe, Post, Query } from "@nestjs/common";
import { TicketsService } from "./tickets.service";

interface LookupBody {
  ids: number[];
}

interface ReplyBody {
  agentId: number;
  body: string;
  internal?: boolean;
}

@Controller("organizations/:organizationId/tickets")
export class TicketsController {
  constructor(private readonly ticketsService: TicketsService) {}

  @Get()
  listOpen(
    @Param("organizationId", ParseIntPipe) organizationId: number,
    @Query("cursor") cursor?: string,
    @Query("limit") limit?: string,
  ) {
    return this.ticketsService.listOpen(organizationId, {
      cursor: cursor ? Number(cursor) : undefined,
      limit: limit ? Number(limit) : undefined,
    });
  }

  @Get("overdue")
  overdue(@Param("organizationId", ParseIntPipe) organizationId: number) {
    return this.ticketsService.overdue(organizationId);
  }

  @Get("recent")
  recent(@Headers("x-agent-id") agentId: string) {
    return this.ticketsService.recentFor(Number(agentId));
  }

  @Post("lookup")
  lookup(@Body() body: LookupBody) {
    return this.ticketsService.lookup(body.ids.slice(0, 100));
  }

  @Get(":ticketId")
  getTicket(@Param("ticketId", ParseIntPipe) ticketId: number, @Headers("x-agent-id") agentId?: string) {
    return this.ticketsService.getTicket(ticketId, agentId ? Number(agentId) : undefined);
  }

  @Get(":ticketId/messages")
  messages(@Param("ticketId", ParseIntPipe) ticketId: number) {
    return this.ticketsService.messagesFor(ticketId);
  }

  @Post(":ticketId/messages")
  reply(@Param("ticketId", ParseIntPipe) ticketId: number, @Body() body: ReplyBody) {
    return this.ticketsService.reply(ticketId, body.agentId, body.body, body.internal ?? false);
  }

  @Post(":ticketId/escalate")
  escalate(@Param("ticketId", ParseIntPipe) ticketId: number) {
    return this.ticketsService.escalate(ticketId);
  }
}
