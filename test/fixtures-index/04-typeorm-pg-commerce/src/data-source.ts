import "reflect-metadata";
import { DataSource } from "typeorm";
import { Merchant } from "./entities/Merchant";
import { Customer } from "./entities/Customer";
import { Product, Review } from "./entities/Product";
import { Order, OrderItem } from "./entities/Order";
import { Refund, Shipment } from "./entities/Fulfillment";
import { AddOrderLookupIndexes1716400000000 } from "./migrations/1716400000000-AddOrderLookupIndexes";

export const AppDataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL ?? "postgres://storefront:storefront@localhost:5432/storefront",
  entities: [Merchant, Customer, Product, Review, Order, OrderItem, Refund, Shipment],
  migrations: [AddOrderLookupIndexes1716400000000],
  synchronize: false,
  logging: ["error", "warn"],
});
