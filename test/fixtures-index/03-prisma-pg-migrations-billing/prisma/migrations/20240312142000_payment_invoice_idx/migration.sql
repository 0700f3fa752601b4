-- Hand-written (prisma migrate dev --create-only): payments of an invoice, refunds by invoice.
CREATE INDEX CONCURRENTLY IF NOT EXISTS "Payment_invoiceId_idx" ON "Payment"("invoiceId");
