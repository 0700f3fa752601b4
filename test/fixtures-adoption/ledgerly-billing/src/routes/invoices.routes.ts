import { Router, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { container } from "../container";

const createInvoiceSchema = z.object({
  customerId: z.number().int().positive(),
  currency: z.string().length(3),
  dueInDays: z.number().int().min(0).max(120).default(30),
  lines: z
    .array(
      z.object({
        productId: z.number().int().positive(),
        quantity: z.number().int().positive(),
        description: z.string().max(500).optional(),
      }),
    )
    .min(1)
    .max(100),
});

const markPaidSchema = z.object({
  invoiceIds: z.array(z.number().int().positive()).min(1).max(5000),
  paidAt: z.coerce.date(),
});

export const invoicesRouter = Router();

invoicesRouter.post("/", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const input = createInvoiceSchema.parse(req.body);
    const invoice = await container.invoices.createInvoice(input);
    res.status(201).json(invoice);
  } catch (err) {
    next(err);
  }
});

invoicesRouter.get("/by-number/:number", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const invoice = await container.invoices.findByNumber(req.params.number);
    if (!invoice) {
      res.status(404).json({ error: "invoice not found" });
      return;
    }
    res.json(invoice);
  } catch (err) {
    next(err);
  }
});

invoicesRouter.post("/mark-paid", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const { invoiceIds, paidAt } = markPaidSchema.parse(req.body);
    await container.invoices.markPaid(invoiceIds, paidAt);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

invoicesRouter.get("/reminders/preview", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const asOf = req.query.asOf ? new Date(String(req.query.asOf)) : new Date();
    res.json({ reminders: await container.reminders.previewOverdueReminders(asOf) });
  } catch (err) {
    next(err);
  }
});

invoicesRouter.post("/drafts/void-stale", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const days = Number(req.body?.olderThanDays ?? 14);
    const cutoff = new Date(Date.now() - days * 86_400_000);
    const voided = await container.reminders.voidStaleDrafts(cutoff);
    res.json({ voided });
  } catch (err) {
    next(err);
  }
});
