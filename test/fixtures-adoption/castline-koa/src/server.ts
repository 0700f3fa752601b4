import Koa from "koa";
import bodyParser from "koa-bodyparser";
import { ZodError } from "zod";
import { sequelize } from "./db";
import { showsRouter } from "./routes/shows";
import { episodesRouter } from "./routes/episodes";
import { statsRouter } from "./routes/stats";

const app = new Koa();

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (error instanceof ZodError) {
      ctx.status = 422;
      ctx.body = { error: error.flatten() };
      return;
    }
    throw error;
  }
});

app.use(bodyParser({ jsonLimit: "5mb" }));

for (const router of [showsRouter, episodesRouter, statsRouter]) {
  app.use(router.routes()).use(router.allowedMethods());
}

async function main() {
  await sequelize.authenticate();
  const port = Number(process.env.PORT ?? 3000);
  app.listen(port, () => console.log(`castline api on :${port}`));
}

void main();
