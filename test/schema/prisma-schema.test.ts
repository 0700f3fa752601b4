import { describe, expect, it } from "vitest";
import { loadPrismaSchema } from "../../src/engine/prisma-schema.js";
import { indexesOn, usableIndex } from "../../src/engine/schema/model.js";
import { prismaDatabaseSchema } from "../../src/engine/schema/prisma.js";
import type { ScanError } from "../../src/types.js";

const SCHEMA = `datasource db {
  provider     = "mysql"
  url          = env("DATABASE_URL")
  relationMode = "prisma"
}

enum Status {
  OPEN
  PAID
}

model Merchant {
  id     String  @id @default(cuid())
  orders Order[]
}

/// Orders of a merchant.
model Order {
  merchantId String   @map("merchant_id")
  number     Int
  merchant   Merchant @relation(fields: [merchantId], references: [id], onDelete: Cascade)
  status     Status
  paid       Boolean  @default(false)
  createdAt  DateTime @default(now()) @map("created_at")
  email      String   @unique(map: "order_email_key")

  @@id([merchantId, number])
  @@unique([number, status], name: "number_status")
  @@index([status, createdAt(sort: Desc)], map: "order_status_created_idx")
  @@map("orders")
}
`;

function load(texts: { file: string; text: string }[]) {
  const errors: ScanError[] = [];
  const info = loadPrismaSchema("/repo", texts, errors);
  expect(errors).toEqual([]);
  return prismaDatabaseSchema(info!.parsedFiles)!;
}

describe("Prisma schema reader", () => {
  const schema = load([{ file: "/repo/prisma/schema.prisma", text: SCHEMA }]);
  const order = schema.tables.get("Order")!;

  it("reads the provider and relationMode", () => {
    expect(schema.engine).toBe("mysql");
    expect(schema.foreignKeyConstraints).toBe(false);
  });

  it("reads keys, unique constraints and indexes with their fields in order, sort arguments aside", () => {
    expect(order.primaryKey).toEqual(["merchantId", "number"]);
    expect(order.indexes.map((i) => [i.fields, i.unique, i.name])).toEqual([
      [["email"], true, "order_email_key"],
      [["number", "status"], true, "number_status"],
      [["status", "createdAt"], false, "order_status_created_idx"],
    ]);
    expect(schema.tables.get("Merchant")!.primaryKey).toEqual(["id"]);
  });

  it("reads @@map and @map, relations with their key fields, and which columns take few values", () => {
    expect(order.table).toBe("orders");
    expect(order.columns.get("createdAt")!.column).toBe("created_at");
    expect(order.columns.get("merchantId")!.column).toBe("merchant_id");
    expect(order.columns.has("merchant")).toBe(false);
    expect(order.relations).toMatchObject([{ field: "merchant", target: "Merchant", kind: "to-one", foreignKey: ["merchantId"], references: ["id"] }]);
    expect(schema.tables.get("Merchant")!.relations).toMatchObject([{ field: "orders", target: "Order", kind: "to-many", foreignKey: [] }]);
    expect(order.columns.get("status")!.valueKind).toBe("enum");
    expect(order.columns.get("paid")!.valueKind).toBe("boolean");
    expect(order.columns.get("number")!.valueKind).toBeNull();
  });

  it("places models, fields and block attributes on their lines", () => {
    const lines = SCHEMA.split("\n");
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(order.site).toMatchObject({ file: "/repo/prisma/schema.prisma", line: lineOf("model Order {"), column: 7 });
    expect(order.relations[0]!.site!.line).toBe(lineOf("merchant   Merchant"));
    expect(order.indexes[2]!.site!.line).toBe(lineOf("@@index("));
  });

  it("MySQL without constraints auto-indexes nothing; the composite primary key serves its leading field", () => {
    expect(indexesOn(schema, order).some((use) => use.kind === "foreign-key-auto")).toBe(false);
    expect(usableIndex(schema, order, ["merchantId"])?.kind).toBe("primary-key");
    expect(usableIndex(schema, order, ["createdAt"])).toBeNull();
    expect(usableIndex(schema, order, ["status", "paid"])?.fields).toEqual(["status", "createdAt"]);
    expect(usableIndex(schema, order, ["email"])?.kind).toBe("unique");
  });

  it("reads a multi-file schema as one, and MySQL with constraints indexes foreign keys", () => {
    const split = SCHEMA.indexOf("enum Status");
    const multi = load([
      { file: "/repo/prisma/schema/db.prisma", text: SCHEMA.slice(0, split).replace('  relationMode = "prisma"\n', "") },
      { file: "/repo/prisma/schema/shop.prisma", text: SCHEMA.slice(split) },
    ]);
    const multiOrder = multi.tables.get("Order")!;
    expect(multi.foreignKeyConstraints).toBe(true);
    expect(multiOrder.site!.file).toBe("/repo/prisma/schema/shop.prisma");
    expect(indexesOn(multi, multiOrder).find((use) => use.kind === "foreign-key-auto")?.fields).toEqual(["merchantId"]);
  });
});
