import { describe, expect, it, vi } from "vitest";
import { findingsOf, scanProject } from "../support/project.js";
import { packageJson, TSCONFIG } from "../support/project.js";

// A schema reader that throws on some model file must cost that schema only: the scan reports everything else.
vi.mock("../../src/engine/schema/sequelize.js", () => ({
  readSequelizeSchema: () => {
    throw new Error("unexpected model shape");
  },
}));

describe("a failing schema reader", () => {
  it("leaves its schema out with a one-line internal note; the other rules still report", async () => {
    const result = await scanProject({
      "package.json": packageJson({ sequelize: "^6.37.5", pg: "^8.13.1" }),
      "tsconfig.json": TSCONFIG,
      "src/models.ts": `import { DataTypes, Model, Sequelize } from 'sequelize';

export const sequelize = new Sequelize('postgres://localhost/shop');
export class Order extends Model {}
Order.init({ merchantId: DataTypes.INTEGER }, { sequelize, modelName: 'Order' });
`,
      "src/orders.ts": `import { Order } from './models';

export async function each(ids: number[]) {
  for (const id of ids) await Order.findAll({ where: { merchantId: id } });
}
`,
    });
    expect(findingsOf(result, "n-plus-one")).toEqual(["src/orders.ts:4 n-plus-one"]);
    expect(findingsOf(result, "unindexed-filter")).toEqual([]);
    const notes = result.errors.filter((error) => error.kind === "internal");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toBe("reading Sequelize models: unexpected model shape; that schema is left out of the index rules");
  });
});
