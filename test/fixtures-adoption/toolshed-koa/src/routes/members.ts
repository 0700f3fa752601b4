import Router from "@koa/router";
import { MoreThan } from "typeorm";
import { AppDataSource } from "../data-source";
import { Loan } from "../entities/Loan";
import { Member } from "../entities/Member";

interface ImportRow {
  email: string;
  name: string;
  primary?: boolean;
}

export const membersRouter = new Router({ prefix: "/members" });

membersRouter.get("/export", async (ctx) => {
  const lines = ["id,email"];
  for (let lastId = 0; ; ) {
    const batch = await Member.find({ where: { id: MoreThan(lastId) }, order: { id: "ASC" }, take: 500, select: { id: true, email: true } });
    if (batch.length === 0) break;
    for (const m of batch) lines.push(`${m.id},${m.email}`);
    lastId = batch[batch.length - 1].id;
  }
  ctx.type = "text/csv";
  ctx.body = lines.join("\n");
});

membersRouter.post("/import-check", async (ctx) => {
  const { rows } = ctx.request.body as { rows: ImportRow[] };
  const primary = rows.find((r) => r.primary) ?? rows[0];
  const existing = primary ? await Member.findOneBy({ email: primary.email.toLowerCase() }) : null;
  ctx.body = { exists: existing !== null, rows: rows.length };
});

membersRouter.get("/:id/fees", async (ctx) => {
  const memberId = Number(ctx.params.id);
  const loans = await Loan.find({ where: { memberId } }); // expect: unbounded-query
  const lateFeeCents = loans.reduce((sum, loan) => sum + loan.lateFeeCents, 0); // expect: in-memory-aggregation
  ctx.body = { memberId, lateFeeCents };
});

membersRouter.get("/:id/history", async (ctx) => {
  const memberId = Number(ctx.params.id);
  const rows = await AppDataSource.query('SELECT * FROM "loan" WHERE "memberId" = $1 ORDER BY "dueAt" DESC LIMIT 20', [memberId]); // expect: select-star
  ctx.body = rows;
});
