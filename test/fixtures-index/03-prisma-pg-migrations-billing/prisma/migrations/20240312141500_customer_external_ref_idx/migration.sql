-- Hand-written (prisma migrate dev --create-only). One statement per migration:
-- CREATE INDEX CONCURRENTLY cannot share an implicit transaction with anything else.
-- Stripe webhooks look customers up by their Stripe id.
CREATE INDEX CONCURRENTLY IF NOT EXISTS "Customer_externalRef_idx" ON "Customer"("externalRef");
