import { Op } from "sequelize";
import { Invoice } from "../models";
import { daysBetween } from "../lib/batch";

export interface ReminderPreview {
  invoiceNumber: string;
  to: string;
  customerName: string;
  amountDueCents: number;
  daysOverdue: number;
  subject: string;
}

const SUBJECT_PREFIX = process.env.REMINDER_SUBJECT_PREFIX ?? "Payment reminder";

/** The subject finance sees in the preview; the mailer renders the same text. */
export function reminderSubject(invoiceNumber: string, daysOverdue: number): string {
  if (daysOverdue > 60) return `Final notice: invoice ${invoiceNumber} is ${daysOverdue} days overdue`;
  if (daysOverdue > 30) return `${SUBJECT_PREFIX}: invoice ${invoiceNumber} is over a month overdue`;
  return `${SUBJECT_PREFIX}: invoice ${invoiceNumber}`;
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
      const daysOverdue = daysBetween(invoice.dueAt, asOf);
      previews.push({
        invoiceNumber: invoice.number,
        to: customer.email,
        customerName: customer.name,
        amountDueCents: invoice.totalCents,
        daysOverdue,
        subject: reminderSubject(invoice.number, daysOverdue),
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
