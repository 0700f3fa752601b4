import type { FastifyInstance } from "fastify";
import { DataSource } from "typeorm";
import { z } from "zod";
import { AppDataSource } from "../data-source";
import { Branch } from "../entities/Branch";
import { customersPage, findByPhone } from "../services/customer.service";

export async function adminRoutes(app: FastifyInstance) {
  app.addHook("onRequest", async (request, reply) => {
    if (request.headers["x-admin-token"] !== process.env.ADMIN_TOKEN) {
      return reply.code(401).send({ error: "unauthorized" });
    }
  });

  /** Lets the franchise owner check the reporting database URL they typed into the settings page. */
  app.post("/admin/branches/:id/reporting-db/check", async (request, reply) => {
    const { id } = z.object({ id: z.coerce.number().int() }).parse(request.params);
    const branch = await AppDataSource.getRepository(Branch).findOneBy({ id });
    if (!branch?.reportingDbUrl) {
      return reply.code(404).send({ error: "branch has no reporting database" });
    }

    const probe = new DataSource({ type: "postgres", url: branch.reportingDbUrl, connectTimeoutMS: 3000 }); // expect: client-per-request
    try {
      await probe.initialize();
      await probe.query("SELECT 1");
      return { ok: true };
    } catch (error) {
      return reply.code(502).send({ ok: false, error: (error as Error).message });
    } finally {
      if (probe.isInitialized) await probe.destroy();
    }
  });

  app.get("/admin/customers", async (request) => {
    const { page, pageSize } = z
      .object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(50) })
      .parse(request.query);
    return customersPage(page, pageSize);
  });

  app.get("/admin/customers/lookup", async (request, reply) => {
    const { phone } = z.object({ phone: z.string().min(5) }).parse(request.query);
    const customer = await findByPhone(phone);
    return customer ?? reply.code(404).send({ error: "no customer with that phone number" });
  });
}
