import { Sequelize } from "sequelize";

// Tables depots, drivers, vehicles, deliveries, delivery_events, parcels and depot_zones
// were created by sequelize.sync() in v1-v3; since v4 every schema change is a
// sequelize-cli migration in /migrations.
export const sequelize = new Sequelize(process.env.DATABASE_URL ?? "postgres://fleet:fleet@localhost:5432/fleet", {
  dialect: "postgres",
  logging: false,
  pool: { max: 10 },
});
