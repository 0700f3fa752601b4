import { MigrationInterface, QueryRunner, TableIndex } from "typeorm";

// Indexes the entities do not declare: built concurrently on the live tables,
// so this migration runs outside a transaction.
export class AddOrderLookupIndexes1716400000000 implements MigrationInterface {
  name = "AddOrderLookupIndexes1716400000000";
  transaction = false as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_refunds_orderId" ON "refunds" ("orderId")`);
    await queryRunner.createIndex("orders", new TableIndex({ name: "IDX_orders_customer_created", columnNames: ["customerId", "createdAt"] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex("orders", "IDX_orders_customer_created");
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "IDX_refunds_orderId"`);
  }
}
