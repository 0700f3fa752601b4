import { setTimeout as sleep } from "node:timers/promises";
import { Op, type Sequelize } from "sequelize";
import { Invoice, InvoiceLine, Product } from "../models";
import { addDays, chunk } from "../lib/batch";

export interface DraftLineInput {
  productId: number;
  quantity: number;
  description?: string;
}

export interface CreateInvoiceInput {
  customerId: number;
  currency: string;
  dueInDays: number;
  lines: DraftLineInput[];
}

export class InvoiceInputError extends Error {
  readonly status = 422;
}

const MAX_LOOKUP_ATTEMPTS = 3;
const MARK_PAID_CHUNK = 200;

function makeInvoiceNumber(now: Date): string {
  const stamp = now.toISOString().slice(0, 10).replace(/-/g, "");
  const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
  return `INV-${stamp}-${suffix}`;
}

function isTransient(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name ?? "";
  return name === "SequelizeConnectionError" || name === "SequelizeConnectionAcquireTimeoutError";
}

export class InvoiceService {
  constructor(private readonly sequelize: Sequelize) {}

  /** Creates an open invoice from the lines a billing admin entered. */
  async createInvoice(input: CreateInvoiceInput): Promise<Invoice> {
    const now = new Date();
    return this.sequelize.transaction(async (t) => {
      const invoice = await Invoice.create(
        {
          customerId: input.customerId,
          number: makeInvoiceNumber(now),
          status: "open",
          currency: input.currency,
          totalCents: 0,
          issuedAt: now,
          dueAt: addDays(now, input.dueInDays),
          paidAt: null,
          voidedAt: null,
        },
        { transaction: t },
      );

      const lineRows = [];
      for (const line of input.lines) {
        const product = await Product.findByPk(line.productId, { transaction: t }); // expect: n-plus-one
        if (!product || !product.active) {
          throw new InvoiceInputError(`product ${line.productId} cannot be invoiced`);
        }
        if (product.currency !== input.currency) {
          throw new InvoiceInputError(`product ${product.sku} is priced in ${product.currency}`);
        }
        lineRows.push({
          invoiceId: invoice.id,
          productId: product.id,
          description: line.description ?? product.name,
          quantity: line.quantity,
          unitPriceCents: product.unitPriceCents,
          amountCents: product.unitPriceCents * line.quantity,
        });
      }
      await InvoiceLine.bulkCreate(lineRows, { transaction: t });

      const totalCents = (await InvoiceLine.sum("amountCents", { where: { invoiceId: invoice.id }, transaction: t })) ?? 0;
      await invoice.update({ totalCents }, { transaction: t });
      return invoice;
    });
  }

  /** Invoice numbers are printed on PDFs; the lookup is retried while the replica pool reconnects. */
  async findByNumber(number: string): Promise<Invoice | null> {
    for (let attempt = 1; attempt <= MAX_LOOKUP_ATTEMPTS; attempt++) {
      try {
        return await Invoice.findOne({ where: { number }, include: [{ model: InvoiceLine, as: "lines" }] });
      } catch (err) {
        if (attempt === MAX_LOOKUP_ATTEMPTS || !isTransient(err)) throw err;
        await sleep(100 * attempt);
      }
    }
    return null;
  }

  /** Reconciliation: the bank export lists the invoices that were settled today. */
  async markPaid(invoiceIds: number[], paidAt: Date): Promise<void> {
    for (const ids of chunk(invoiceIds, MARK_PAID_CHUNK)) {
      await Invoice.update({ status: "paid", paidAt }, { where: { id: { [Op.in]: ids }, status: "open" } });
    }
  }
}
