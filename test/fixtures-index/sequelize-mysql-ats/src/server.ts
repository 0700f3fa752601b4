import express from "express";
import { sequelize } from "./db";
import { router } from "./routes";
import { startCron } from "./jobs/cron";

async function main() {
  await sequelize.authenticate();
  const app = express();
  app.use(express.json());
  app.use((req, res, next) => {
    res.locals.userId = req.header("x-user-id");
    next();
  });
  app.use("/api", router);
  app.listen(Number(process.env.PORT ?? 4000), () => startCron());
}

void main();
