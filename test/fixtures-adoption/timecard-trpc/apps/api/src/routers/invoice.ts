import { z } from "zod";
import { router, orgProcedure, adminProcedure } from "../trpc";
import { createInvoice } from "../services/billing.service";

const INVOICE_STATUSES = ["DRAFT", "SENT", "PAID", "VOID"] as const;

interface Recipient {
  projectId: string;
  clientId: string;
  name: string;
  email: string | null;
}

export const invoiceRouter = router({
  list: orgProcedure
    .input(z.object({ cursor: z.string().nullish(), limit: z.number().int().min(1).max(50).default(20) }))
    .query(async ({ ctx, input }) => {
      const invoices = await ctx.db.invoice.findMany({
        where: { orgId: ctx.session.orgId },
        orderBy: { createdAt: "desc" },
        take: input.limit + 1,
        cursor: input.cursor ? { id: input.cursor } : undefined,
        skip: input.cursor ? 1 : 0,
        select: { id: true, number: true, status: true, totalCents: true, clientId: true, createdAt: true },
      });
      const clients = await ctx.db.client.findMany({
        where: { id: { in: invoices.map((invoice) => invoice.clientId) } },
        select: { id: true, name: true },
      });
      const nameById = new Map(clients.map((client) => [client.id, client.name] as const));

      const hasMore = invoices.length > input.limit;
      const page = hasMore ? invoices.slice(0, input.limit) : invoices;
      return {
        items: page.map((invoice) => ({ ...invoice, clientName: nameById.get(invoice.clientId) ?? null })),
        nextCursor: hasMore ? page[page.length - 1].id : null,
      };
    }),

  statusCounts: orgProcedure.query(async ({ ctx }) => {
    const counts: Record<string, number> = {};
    for (const status of INVOICE_STATUSES) {
      counts[status] = await ctx.db.invoice.count({ where: { orgId: ctx.session.orgId, status } });
    }
    return counts;
  }),

  previewRecipients: orgProcedure
    .input(z.object({ projectIds: z.array(z.string()).min(1).max(50) }))
    .query(async ({ ctx, input }) => {
      const recipients: Recipient[] = [];
      for (const projectId of input.projectIds) {
        const client = await ctx.db.project.findUnique({ where: { id: projectId } }).client(); // expect: n-plus-one
        if (client) {
          recipients.push({ projectId, clientId: client.id, name: client.name, email: client.email });
        }
      }
      return recipients;
    }),

  create: adminProcedure
    .input(z.object({ clientId: z.string(), entryIds: z.array(z.string()).min(1).max(5000) }))
    .mutation(({ ctx, input }) => createInvoice(ctx.session.orgId, input.clientId, input.entryIds)),
});
