import { ApolloDriver, ApolloDriverConfig } from "@nestjs/apollo";
import { Module } from "@nestjs/common";
import { GraphQLModule } from "@nestjs/graphql";
import { ScheduleModule } from "@nestjs/schedule";
import { TypeOrmModule } from "@nestjs/typeorm";
import { Agent } from "./entities/agent.entity";
import { Customer } from "./entities/customer.entity";
import { SlaBreach } from "./entities/sla-breach.entity";
import { TicketComment } from "./entities/ticket-comment.entity";
import { Ticket } from "./entities/ticket.entity";
import { StaleTicketSweeper } from "./jobs/stale-ticket-sweeper";
import { SlaController } from "./sla/sla.controller";
import { SlaService } from "./sla/sla.service";
import { TicketLoaders } from "./tickets/ticket-loaders";
import { TicketsController } from "./tickets/tickets.controller";
import { TicketsResolver } from "./tickets/tickets.resolver";
import { TicketsService } from "./tickets/tickets.service";

const entities = [Agent, Customer, Ticket, TicketComment, SlaBreach];

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: "postgres",
      url: process.env.DATABASE_URL,
      entities,
      synchronize: false,
      migrationsRun: false,
      extra: { max: Number(process.env.DB_POOL_MAX ?? 10) },
    }),
    TypeOrmModule.forFeature(entities),
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      path: "/portal/graphql",
    }),
    ScheduleModule.forRoot(),
  ],
  controllers: [TicketsController, SlaController],
  providers: [TicketsService, TicketsResolver, TicketLoaders, SlaService, StaleTicketSweeper],
})
export class AppModule {}
