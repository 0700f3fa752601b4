import { db } from "@timecard/db";
import { chunk } from "../lib/chunk";

// Postgres handles a 500-element IN list comfortably; bigger invoices are split.
const ENTRY_CHUNK = 500;

async function nextInvoiceNumber(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], orgId: string) {
  const issued = await tx.invoice.count({ where: { orgId } });
  return `${new Date().getUTCFullYear()}-${String(issued + 1).padStart(5, "0")}`;
}

export async function createInvoice(orgId: string, clientId: string, entryIds: string[]) {
  return db.$transaction(async (tx) => {
    const number = await nextInvoiceNumber(tx, orgId);
    const invoice = await tx.invoice.create({ data: { orgId, clientId, number } });

    for (const ids of chunk(entryIds, ENTRY_CHUNK)) {
      await tx.timeEntry.updateMany({
        where: { id: { in: ids }, invoiceId: null, billable: true },
        data: { invoiceId: invoice.id },
      });
    }

    const [{ total }] = await tx.$queryRaw<{ total: number }[]>`SELECT COALESCE(SUM(e."minutes" * m."hourlyRateCents" / 60), 0)::int AS "total" FROM "TimeEntry" e JOIN "Member" m ON m."id" = e."memberId" WHERE e."invoiceId" = ${invoice.id}`;

    return tx.invoice.update({
      where: { id: invoice.id },
      data: { totalCents: total },
      select: { id: true, number: true, totalCents: true, status: true },
    });
  });
}

/** Minutes are shown with one decimal of an hour in the project header (e.g. 12.5 h). */
function toHours(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

export async function unbilledSummary(projectId: string) {
  const entries = await db.timeEntry.findMany({ where: { projectId, billable: true, invoiceId: null } }); // expect: unbounded-query
  const minutes = entries.reduce((sum, entry) => sum + entry.minutes, 0); // expect: in-memory-aggregation
  return { projectId, minutes, hours: toHours(minutes) };
}
