import "reflect-metadata";
import { DataSource } from "typeorm";
import { AuditEvent, Document, Folder, Member, Workspace } from "./entities";

export const AppDataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: [Workspace, Member, Folder, Document, AuditEvent],
  synchronize: false,
  logging: process.env.TYPEORM_LOGGING === "1",
  extra: { max: 20 },
});
