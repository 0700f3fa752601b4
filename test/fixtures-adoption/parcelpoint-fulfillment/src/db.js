import { Sequelize } from "sequelize";

const databaseUrl = process.env.DATABASE_URL ?? "postgres://parcel:parcel@localhost:5432/parcelpoint";

// Shared by the API process and the worker process (each builds its own pool once, at import).
export const sequelize = new Sequelize(databaseUrl, {
  dialect: "postgres",
  logging: false,
  pool: { max: 10, min: 0, idle: 10000 },
});
