import "reflect-metadata";
import { DataSource } from "typeorm";
import { Branch } from "./entities/Branch";
import { Loan } from "./entities/Loan";
import { Member } from "./entities/Member";
import { Reservation } from "./entities/Reservation";
import { Tool } from "./entities/Tool";

export const AppDataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: [Branch, Member, Tool, Loan, Reservation],
  migrations: ["dist/migrations/*.js"],
  synchronize: false,
});
