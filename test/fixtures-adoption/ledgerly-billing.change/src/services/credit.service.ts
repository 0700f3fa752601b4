import { CreditNote, Invoice } from "../models";

export interface CreditRequest {
  invoiceId: number;
  amountCents: number;
  reason: string;
}

export class CreditError extends Error {
  readonly status = 422;
}

export class CreditService {
  /** Issues a credit note against an open or paid invoice, never for more than it was worth. */
  async issue(request: CreditRequest): Promise<CreditNote> {
    const invoice = await Invoice.findByPk(request.invoiceId, {
      attributes: ["id", "customerId", "status", "totalCents"],
    });
    if (!invoice || invoice.status === "draft" || invoice.status === "void") {
      throw new CreditError(`invoice ${request.invoiceId} cannot be credited`);
    }
    if (request.amountCents > invoice.totalCents) {
      throw new CreditError(`credit exceeds the total of invoice ${request.invoiceId}`);
    }
    return CreditNote.create({
      invoiceId: invoice.id,
      customerId: invoice.customerId,
      amountCents: request.amountCents,
      reason: request.reason,
      issuedAt: new Date(),
    });
  }
}
