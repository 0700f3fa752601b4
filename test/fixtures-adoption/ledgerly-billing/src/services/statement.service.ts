import { Op } from "sequelize";
import { Customer, Invoice, Payment, Subscription } from "../models";
import { planCatalog } from "../lib/plan-catalog";
import { addDays } from "../lib/batch";

export interface StatementRow {
  number: string;
  dueAt: Date;
  totalCents: number;
  lastPaymentAt: Date | null;
}

export interface Statement {
  customer: { id: number; name: string; email: string };
  plans: { planCode: string; planName: string; status: string; seats: number; renewsAt: Date }[];
  openInvoices: StatementRow[];
}

export class NotFoundError extends Error {
  readonly status = 404;
}

const OPEN_INVOICES_ON_STATEMENT = 100;

const AGING_BUCKETS = [
  { label: "0-30", fromDays: 0, toDays: 30 },
  { label: "31-60", fromDays: 31, toDays: 60 },
  { label: "61-90", fromDays: 61, toDays: 90 },
  { label: "90+", fromDays: 91, toDays: 3650 },
];

export class StatementService {
  async buildStatement(customerId: number): Promise<Statement> {
    const customer = await Customer.findByPk(customerId, {
      include: [{ model: Subscription, as: "subscriptions" }],
    });
    if (!customer) throw new NotFoundError(`customer ${customerId} not found`);

    // Subscriptions come with the customer row (one JOIN); plans are looked up in the in-code catalog.
    const plans = (customer.subscriptions ?? []).map((subscription) => {
      const plan = planCatalog.findByPk(subscription.planCode);
      return {
        planCode: subscription.planCode,
        planName: plan?.name ?? subscription.planCode,
        status: subscription.status,
        seats: subscription.quantity,
        renewsAt: subscription.currentPeriodEnd,
      };
    });

    const invoices = await Invoice.findAll({
      where: { customerId, status: "open" },
      order: [["dueAt", "ASC"]],
      limit: OPEN_INVOICES_ON_STATEMENT,
    });

    const openInvoices = await invoices.reduce<Promise<StatementRow[]>>(async (previous, invoice) => {
      const rows = await previous;
      const lastPayment = await Payment.findOne({ where: { invoiceId: invoice.id }, order: [["paidAt", "DESC"]] }); // expect: n-plus-one
      rows.push({
        number: invoice.number,
        dueAt: invoice.dueAt,
        totalCents: invoice.totalCents,
        lastPaymentAt: lastPayment?.paidAt ?? null,
      });
      return rows;
    }, Promise.resolve([]));

    return {
      customer: { id: customer.id, name: customer.name, email: customer.email },
      plans,
      openInvoices,
    };
  }

  /** Number of open invoices per aging bucket, for the collections widget. */
  async agingReport(customerId: number, asOf: Date): Promise<Record<string, number>> {
    const report: Record<string, number> = {};
    for (const bucket of AGING_BUCKETS) {
      report[bucket.label] = await Invoice.count({
        where: {
          customerId,
          status: "open",
          dueAt: { [Op.between]: [addDays(asOf, -bucket.toDays), addDays(asOf, -bucket.fromDays)] },
        },
      });
    }
    return report;
  }
}
