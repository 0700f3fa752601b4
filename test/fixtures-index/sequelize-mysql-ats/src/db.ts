import "reflect-metadata";
import { Sequelize } from "sequelize-typescript";
import { ActivityLog } from "./models/activity-log";
import { Application, Candidate, Interview, Job } from "./models/hiring";
import { Company, User } from "./models/org";

export const sequelize = new Sequelize({
  dialect: "mysql",
  host: process.env.DB_HOST ?? "127.0.0.1",
  port: Number(process.env.DB_PORT ?? 3306),
  database: process.env.DB_NAME ?? "ats_dev",
  username: process.env.DB_USER ?? "ats",
  password: process.env.DB_PASSWORD ?? "ats",
  models: [Company, User, Job, Candidate, Application, Interview, ActivityLog],
  logging: false,
  pool: { max: 10 },
});
