import { Sequelize } from "sequelize";

const databaseUrl = process.env.DATABASE_URL ?? "postgres://ledgerly:ledgerly@localhost:5432/ledgerly";

// One pool for the whole process; every model is initialised against it.
export const sequelize = new Sequelize(databaseUrl, {
  dialect: "postgres",
  logging: process.env.SQL_LOG === "1" ? console.log : false,
  pool: { max: 10, min: 0, idle: 10_000, acquire: 30_000 },
});
