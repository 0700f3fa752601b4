import "reflect-metadata";
import { Sequelize } from "sequelize-typescript";
import { User } from "./models/User";
import { Show } from "./models/Show";
import { Episode } from "./models/Episode";
import { Listen } from "./models/Listen";
import { Comment } from "./models/Comment";
import { SponsorSlot } from "./models/SponsorSlot";

export const sequelize = new Sequelize(process.env.DATABASE_URL ?? "postgres://castline:castline@localhost:5432/castline", {
  dialect: "postgres",
  logging: false,
  pool: { max: 10, min: 1, idle: 10_000 },
  models: [User, Show, Episode, Listen, Comment, SponsorSlot],
});
