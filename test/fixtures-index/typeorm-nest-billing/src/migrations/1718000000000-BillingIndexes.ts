import { MigrationInterface, QueryRunner, TableIndex } from "typeorm";

/**
 * Indexes that were missing in production. CONCURRENTLY cannot run inside a
 * transaction, hence `transaction = false`.
 */
export class BillingIndexes1718000000000 implements MigrationInterface {
  name = "BillingIndexes1718000000000";

  transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "uq_invoices_external_id" ON "invoices" ("external_id")`);
    await queryRunner.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_payments_status_created" ON "payments" ("status", "created_at")`);
    await queryRunner.createIndex("invoice_lines", new TableIndex({ name: "idx_invoice_lines_invoice_id", columnNames: ["invoice_id"] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex("invoice_lines", "idx_invoice_lines_invoice_id");
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "idx_payments_status_created"`);
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "uq_invoices_external_id"`);
  }
}
