import Router from "@koa/router";
import { In, LessThan } from "typeorm";
import { Loan } from "../entities/Loan";
import { Member } from "../entities/Member";
import { checkoutTool, returnLoans } from "../services/loan.service";

const REMIND_BATCH = 200;

export const loansRouter = new Router({ prefix: "/loans" });

loansRouter.get("/overdue", async (ctx) => {
  const overdue = await Loan.find({ where: { status: "out", dueAt: LessThan(new Date()) }, order: { dueAt: "ASC" }, take: 100 });
  const report = [];
  for (const loan of overdue) {
    const member = await Member.findOneBy({ id: loan.memberId }); // expect: n-plus-one
    report.push({ loanId: loan.id, toolId: loan.toolId, dueAt: loan.dueAt, member: member ? { name: member.name, email: member.email } : null });
  }
  ctx.body = report;
});

loansRouter.post("/checkout", async (ctx) => {
  const { toolId, memberId } = ctx.request.body as { toolId: number; memberId: number };
  ctx.status = 201;
  ctx.body = await checkoutTool(toolId, memberId);
});

loansRouter.post("/return", async (ctx) => {
  const { loanIds } = ctx.request.body as { loanIds: number[] };
  ctx.body = await returnLoans(loanIds);
});

loansRouter.post("/remind", async (ctx) => {
  const { loanIds } = ctx.request.body as { loanIds: number[] };
  const remindedAt = new Date();
  for (let i = 0; i < loanIds.length; i += REMIND_BATCH) {
    await Loan.update({ id: In(loanIds.slice(i, i + REMIND_BATCH)) }, { remindedAt });
  }
  ctx.body = { marked: loanIds.length };
});
