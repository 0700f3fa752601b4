import { AppDataSource } from "../data-source";
import { Loan } from "../entities/Loan";
import { Tool } from "../entities/Tool";
import { addDays } from "../lib/dates";

const LOAN_DAYS = 7;

export async function checkoutTool(toolId: number, memberId: number): Promise<Loan> {
  const runner = AppDataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction("SERIALIZABLE");
  try {
    const tool = await runner.manager.findOne(Tool, { where: { id: toolId }, lock: { mode: "pessimistic_write" } });
    if (!tool) throw new Error(`tool ${toolId} not found`);
    const active = await runner.manager.countBy(Loan, { toolId, status: "out" });
    if (active > 0) throw new Error(`tool ${toolId} is already out`);

    const loan = runner.manager.create(Loan, { toolId, memberId, status: "out", dueAt: addDays(new Date(), LOAN_DAYS) });
    await runner.manager.save(loan);
    await runner.commitTransaction();
    return loan;
  } catch (err) {
    await runner.rollbackTransaction();
    throw err;
  } finally {
    await runner.release();
  }
}

export async function returnLoans(loanIds: number[]): Promise<{ returned: number }> {
  const runner = AppDataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const returnedAt = new Date();
    for (const loanId of loanIds) {
      await runner.manager.update(Loan, { id: loanId, status: "out" }, { status: "returned", returnedAt }); // expect: n-plus-one
    }
    await runner.commitTransaction();
    return { returned: loanIds.length };
  } catch (err) {
    await runner.rollbackTransaction();
    throw err;
  } finally {
    await runner.release();
  }
}
