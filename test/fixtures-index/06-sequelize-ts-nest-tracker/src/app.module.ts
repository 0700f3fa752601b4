import { Module } from "@nestjs/common";
import { SequelizeModule } from "@nestjs/sequelize";
import { Workspace, User } from "./models/workspace.model";
import { Project, Label } from "./models/project.model";
import { Ticket, TicketLabel } from "./models/ticket.model";
import { Comment, Attachment, Notification } from "./models/activity.model";
import { TicketsController } from "./tickets/tickets.controller";
import { TicketsService } from "./tickets/tickets.service";
import { UsersController, UsersService } from "./users/users.service";

const models = [Workspace, User, Project, Label, Ticket, TicketLabel, Comment, Attachment, Notification];

@Module({
  imports: [
    SequelizeModule.forRoot({
      dialect: "postgres",
      host: process.env.PGHOST ?? "localhost",
      port: Number(process.env.PGPORT ?? 5432),
      username: process.env.PGUSER ?? "tracker",
      password: process.env.PGPASSWORD ?? "tracker",
      database: process.env.PGDATABASE ?? "tracker",
      models,
      synchronize: false,
      logging: false,
    }),
    SequelizeModule.forFeature(models),
  ],
  controllers: [TicketsController, UsersController],
  providers: [TicketsService, UsersService],
})
export class AppModule {}
