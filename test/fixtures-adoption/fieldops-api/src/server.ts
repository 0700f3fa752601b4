import Fastify from "fastify";
import { prisma } from "./db";
import { HttpError } from "./lib/auth";
import { loadRateCards } from "./lib/rateCardStore";
import { dispatchRoutes } from "./routes/dispatch";
import { partRoutes } from "./routes/parts";
import { reportRoutes } from "./routes/reports";
import { siteRoutes } from "./routes/sites";
import { workOrderRoutes } from "./routes/workOrders";

export function buildServer() {
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? "info" } });

  // Hand CSV uploads to the route as a stream instead of buffering them.
  app.addContentTypeParser("text/csv", (_request, payload, done) => done(null, payload));

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HttpError) return reply.code(error.statusCode).send({ error: error.message });
    app.log.error(error);
    return reply.code(500).send({ error: "internal error" });
  });

  app.register(workOrderRoutes, { prefix: "/work-orders" });
  app.register(dispatchRoutes, { prefix: "/dispatch" });
  app.register(partRoutes, { prefix: "/parts" });
  app.register(siteRoutes, { prefix: "/sites" });
  app.register(reportRoutes, { prefix: "/reports" });

  app.addHook("onClose", async () => {
    await prisma.$disconnect();
  });

  return app;
}

if (require.main === module) {
  loadRateCards();
  const app = buildServer();
  app.listen({ port: Number(process.env.PORT ?? 3000), host: "0.0.0.0" }).catch((error) => {
    app.log.error(error);
    process.exit(1);
  });
}
