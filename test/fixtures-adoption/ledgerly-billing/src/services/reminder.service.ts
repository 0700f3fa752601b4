import { Op } from "sequelize";
import { Invoice } from "../models";
import { daysBetween } from "../lib/batch";

export interface ReminderPreview {
  invoiceNumber: string;
  to: string;
  customerName: string;
  amountDueCents: number;
  daysOverdue: number;
}

const REMINDER_BATCH = 200;
const STALE_DRAFT_BATCH = 500;

export class ReminderService {
  /** What the dunning run would send; finance reviews it before the mails go out. */
  async previewOverdueReminders(asOf: Date): Promise<ReminderPreview[]> {
    const overdue = await Invoice.findAll({
      where: { status: "open", dueAt: { [Op.lt]: asOf } },
      order: [["dueAt", "ASC"]],
      limit: REMINDER_BATCH,
    });

    const previews: ReminderPreview[] = [];
    for (const invoice of overdue) {
      const customer = await invoice.getCustomer(); // expect: n-plus-one
      previews.push({
        invoiceNumber: invoice.number,
        to: customer.email,
        customerName: customer.name,
        amountDueCents: invoice.totalCents,
        daysOverdue: daysBetween(invoice.dueAt, asOf),
      });
    }
    return previews;
  }

  /** Drafts nobody finished are voided so that their numbers are not reused. */
  async voidStaleDrafts(olderThan: Date): Promise<number> {
    const drafts = await Invoice.findAll({
      where: { status: "draft", createdAt: { [Op.lt]: olderThan } },
      order: [["createdAt", "ASC"]],
      limit: STALE_DRAFT_BATCH,
    });

    const voidedAt = new Date();
    for (const draft of drafts) {
      draft.status = "void";
      draft.voidedAt = voidedAt;
      await draft.save(); // expect: n-plus-one
    }
    return drafts.length;
  }
}
