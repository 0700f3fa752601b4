import "reflect-metadata";
import { DataSource } from "typeorm";
import { Branch } from "./entities/Branch";
import { Customer } from "./entities/Customer";
import { Equipment } from "./entities/Equipment";
import { MaintenanceLog } from "./entities/MaintenanceLog";
import { Rental } from "./entities/Rental";
import { RentalItem } from "./entities/RentalItem";

export const AppDataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL ?? "postgres://kitrent:kitrent@localhost:5432/kitrent",
  entities: [Branch, Customer, Equipment, MaintenanceLog, Rental, RentalItem],
  synchronize: false,
  logging: ["error"],
  extra: { max: 20 },
});
