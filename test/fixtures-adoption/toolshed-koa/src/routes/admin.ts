import Router from "@koa/router";
import { DataSource } from "typeorm";

export const adminRouter = new Router({ prefix: "/admin" });

// Ops asked for a button that checks the read replica before they point reporting at it.
adminRouter.get("/replica-check", async (ctx) => {
  if (ctx.get("x-admin-token") !== process.env.ADMIN_TOKEN) ctx.throw(403);
  const replica = new DataSource({ type: "postgres", url: process.env.REPLICA_URL, entities: [] }); // expect: client-per-request
  await replica.initialize();
  try {
    const [row] = await replica.query("SELECT now() AS now, pg_is_in_recovery() AS standby");
    ctx.body = { ok: true, now: row.now, standby: row.standby };
  } finally {
    await replica.destroy();
  }
});
