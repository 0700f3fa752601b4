import Fastify from "fastify";
import { ZodError } from "zod";
import { AppDataSource } from "./data-source";
import { adminRoutes } from "./routes/admin.routes";
import { equipmentRoutes } from "./routes/equipment.routes";
import { rentalRoutes } from "./routes/rentals.routes";
import { reportRoutes } from "./routes/reports.routes";
import { returnRoutes } from "./routes/returns.routes";

const app = Fastify({ logger: true });

app.setErrorHandler((error, _request, reply) => {
  if (error instanceof ZodError) {
    return reply.code(422).send({ error: error.flatten() });
  }
  const statusCode = (error as { statusCode?: number }).statusCode ?? 500;
  return reply.code(statusCode).send({ error: statusCode === 500 ? "internal error" : error.message });
});

app.register(equipmentRoutes);
app.register(rentalRoutes);
app.register(reportRoutes);
app.register(returnRoutes);
app.register(adminRoutes);

async function main() {
  await AppDataSource.initialize();
  await app.listen({ port: Number(process.env.PORT ?? 3000), host: "0.0.0.0" });
}

main().catch((error) => {
  app.log.error(error);
  process.exit(1);
});
