import type { Rule } from "./rule.js";
import { locate, related } from "./support.js";
import { ruleMeta } from "./catalog.js";

const CLIENT_NAMES = { prisma: "PrismaClient", sequelize: "Sequelize", typeorm: "DataSource" } as const;

export const clientPerRequest: Rule = {
  meta: ruleMeta("client-per-request"),
  check(facts) {
    return facts.clientCreations.map((creation) => {
      const name = CLIENT_NAMES[creation.orm];
      const where = creation.reason.kind === "loop" ? "once per loop iteration" : `on every request${creation.reason.handler.endpoint ? ` to ${creation.reason.handler.endpoint}` : ""}`;
      const relatedNode =
        creation.reason.kind === "loop"
          ? related(creation.module, creation.reason.node, "the loop")
          : related(creation.reason.handler.fn.module, creation.reason.handler.registration, "the request handler that runs it");
      return {
        ruleId: "client-per-request" as const,
        confidence: "high" as const,
        orm: creation.orm,
        model: null,
        operation: `new ${name}`,
        message: `A new ${name} is created ${where}: each one opens its own connection pool, so every request pays connection setup and the database runs out of connections under load.`,
        fix: `Create one ${name} at module scope (or the globalThis singleton in dev) and import it; in NestJS inject a single provider.`,
        queryCount: null,
        released: creation.released,
        at: locate(creation.module, creation.node),
        related: [relatedNode],
      };
    });
  },
};
