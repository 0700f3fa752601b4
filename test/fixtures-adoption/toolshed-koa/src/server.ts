import "reflect-metadata";
import Koa from "koa";
import bodyParser from "koa-bodyparser";
import { AppDataSource } from "./data-source";
import { adminRouter } from "./routes/admin";
import { loansRouter } from "./routes/loans";
import { membersRouter } from "./routes/members";
import { toolsRouter } from "./routes/tools";

async function main() {
  await AppDataSource.initialize();

  const app = new Koa();
  app.use(bodyParser());
  app.use(toolsRouter.routes()).use(toolsRouter.allowedMethods());
  app.use(membersRouter.routes()).use(membersRouter.allowedMethods());
  app.use(loansRouter.routes()).use(loansRouter.allowedMethods());
  app.use(adminRouter.routes()).use(adminRouter.allowedMethods());

  app.listen(Number(process.env.PORT ?? 4000));
}

void main();
