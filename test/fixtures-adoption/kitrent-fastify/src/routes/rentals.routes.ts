import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AppDataSource } from "../data-source";
import { Rental } from "../entities/Rental";
import { createLoaders } from "../lib/loaders";
import { closeRental, extendRentals, openRental, rentalsForCustomer } from "../services/rental.service";

const OpenBody = z.object({
  branchId: z.number().int(),
  customerId: z.number().int(),
  equipmentIds: z.array(z.number().int()).min(1).max(30),
  startsAt: z.coerce.date(),
  dueAt: z.coerce.date(),
});

const ExtendBody = z.object({
  changes: z.array(z.object({ rentalId: z.number().int(), dueAt: z.coerce.date() })).min(1).max(20),
});

const OPEN_PAGE = 50;

export async function rentalRoutes(app: FastifyInstance) {
  app.post("/rentals", async (request, reply) => {
    const rental = await openRental(OpenBody.parse(request.body));
    return reply.code(201).send(rental);
  });

  app.post("/rentals/:id/close", async (request) => {
    const { id } = z.object({ id: z.coerce.number().int() }).parse(request.params);
    return closeRental(id);
  });

  app.get("/customers/:id/rentals", async (request) => {
    const { id } = z.object({ id: z.coerce.number().int() }).parse(request.params);
    return rentalsForCustomer(id);
  });

  /** Counter screen: open rentals of the branch, oldest first, with the customer card. */
  app.get("/branches/:branchId/rentals/open", async (request) => {
    const { branchId } = z.object({ branchId: z.coerce.number().int() }).parse(request.params);
    const { after } = z.object({ after: z.coerce.date().optional() }).parse(request.query);

    const qb = AppDataSource.getRepository(Rental)
      .createQueryBuilder("r")
      .where("r.branchId = :branchId", { branchId })
      .andWhere("r.status = :status", { status: "open" })
      .orderBy("r.startsAt", "ASC")
      .take(OPEN_PAGE);
    if (after) qb.andWhere("r.startsAt > :after", { after });
    const page = await qb.getMany();

    const loaders = createLoaders();
    const rows = [];
    for (const rental of page) {
      const customer = await loaders.customer.load(rental.customerId);
      rows.push({ id: rental.id, startsAt: rental.startsAt, dueAt: rental.dueAt, customer });
    }
    return { rows, next: page.length === OPEN_PAGE ? page[page.length - 1].startsAt : null };
  });

  app.post("/branches/:branchId/rentals/extend", async (request) => {
    const { branchId } = z.object({ branchId: z.coerce.number().int() }).parse(request.params);
    const { changes } = ExtendBody.parse(request.body);
    return extendRentals(branchId, changes);
  });
}
