import type { Rule } from "./rule.js";
import { docsUrl } from "./rule.js";

export const clientPerRequest: Rule = {
  meta: {
    id: "client-per-request",
    title: "Database client per request",
    description: "A new PrismaClient, Sequelize or DataSource is created in code that runs per request or per item.",
    defaultSeverity: "error",
    docsUrl: docsUrl("client-per-request"),
  },
  check() {
    return [];
  },
};
