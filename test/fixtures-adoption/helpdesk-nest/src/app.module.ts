import { Module } from "@nestjs/common";
import { PrismaService } from "./prisma/prisma.service";
import { TicketsController } from "./tickets/tickets.controller";
import { TicketsService } from "./tickets/tickets.service";
import { TicketsRepository } from "./tickets/tickets.repository";
import { MessagesRepository } from "./tickets/messages.repository";
import { RecentTicketsStore } from "./tickets/recent-tickets.store";
import { AgentsController } from "./agents/agents.controller";
import { AgentsService } from "./agents/agents.service";
import { AgentsRepository } from "./agents/agents.repository";
import { ReportsController } from "./reports/reports.controller";
import { ReportsService } from "./reports/reports.service";

@Module({
  controllers: [TicketsController, AgentsController, ReportsController],
  providers: [
    PrismaService,
    TicketsService,
    TicketsRepository,
    MessagesRepository,
    RecentTicketsStore,
    AgentsService,
    AgentsRepository,
    ReportsService,
  ],
})
export class AppModule {}
