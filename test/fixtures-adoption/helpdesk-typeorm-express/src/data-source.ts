import "reflect-metadata";
import { DataSource } from "typeorm";
import { Agent } from "./entities/Agent";
import { Comment } from "./entities/Comment";
import { Customer } from "./entities/Customer";
import { Ticket } from "./entities/Ticket";

export const AppDataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL ?? "postgres://helpdesk:helpdesk@localhost:5432/helpdesk",
  entities: [Agent, Comment, Customer, Ticket],
  migrations: ["dist/migrations/*.js"],
  synchronize: false,
  logging: process.env.SQL_LOG === "1",
  extra: { max: 15 },
});
