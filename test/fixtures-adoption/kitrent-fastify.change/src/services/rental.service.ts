import { In } from "typeorm";
import { AppDataSource } from "../data-source";
import { Equipment } from "../entities/Equipment";
import { Rental } from "../entities/Rental";
import { RentalItem } from "../entities/RentalItem";
import { ConflictError, NotFoundError, isSerializationFailure } from "../lib/errors";

/** SERIALIZABLE conflicts are rare at the counter; three tries cover a busy Saturday morning. */
const MAX_ATTEMPTS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface OpenRentalInput {
  branchId: number;
  customerId: number;
  equipmentIds: number[];
  startsAt: Date;
  dueAt: Date;
}

/** Customers who still have kit out past its due date cannot start a new rental. */
export async function assertNoOverdue(customerId: number): Promise<void> {
  const overdue = await AppDataSource.getRepository(Rental).find({ where: { customerId, status: "overdue" } }); // expect: count-via-length, unbounded-query
  if (overdue.length > 0) {
    throw new ConflictError(`customer ${customerId} has ${overdue.length} overdue rental(s)`);
  }
}

export async function openRental(input: OpenRentalInput) {
  await assertNoOverdue(input.customerId);

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      return await AppDataSource.manager.transaction("SERIALIZABLE", async (manager) => {
        const units = await manager.find(Equipment, {
          where: { id: In(input.equipmentIds), branchId: input.branchId, status: "available" },
        });
        const byId = new Map(units.map((unit) => [unit.id, unit]));
        const missing = input.equipmentIds.filter((id) => !byId.has(id));
        if (missing.length > 0) {
          throw new ConflictError(`not available: ${missing.join(", ")}`);
        }

        const rental = await manager.save(
          manager.create(Rental, {
            branchId: input.branchId,
            customerId: input.customerId,
            startsAt: input.startsAt,
            dueAt: input.dueAt,
            status: "open",
          }),
        );
        await manager.insert(
          RentalItem,
          input.equipmentIds.map((equipmentId) => ({
            rentalId: rental.id,
            equipmentId,
            dailyRateCents: byId.get(equipmentId)!.dailyRateCents,
          })),
        );
        await manager.update(Equipment, { id: In(input.equipmentIds) }, { status: "rented" });
        return { id: rental.id, items: input.equipmentIds.length };
      });
    } catch (error) {
      if (!isSerializationFailure(error) || attempt === MAX_ATTEMPTS) throw error;
    }
  }
  throw new Error("unreachable");
}

export async function closeRental(rentalId: number, returnedAt = new Date()) {
  return AppDataSource.manager.transaction(async (manager) => {
    const rental = await manager.findOne(Rental, { where: { id: rentalId }, relations: { items: true } });
    if (!rental) throw new NotFoundError(`rental ${rentalId} not found`);
    if (rental.status === "closed") throw new ConflictError(`rental ${rentalId} is already closed`);

    for (const item of rental.items) {
      await manager.update(Equipment, { id: item.equipmentId }, { status: "available" }); // expect: n-plus-one
    }

    const days = Math.max(1, Math.ceil((returnedAt.getTime() - rental.startsAt.getTime()) / DAY_MS));
    const dailyCents = (await manager.sum(RentalItem, "dailyRateCents", { rentalId })) ?? 0;
    const totalCents = dailyCents * days;
    await manager.update(Rental, { id: rentalId }, { status: "closed", returnedAt, totalCents });
    return { id: rentalId, days, totalCents };
  });
}

export function rentalsForCustomer(customerId: number) {
  return AppDataSource.getRepository(Rental).find({ where: { customerId }, order: { startsAt: "DESC" } }); // expect: missing-pagination
}

export async function extendRentals(branchId: number, changes: { rentalId: number; dueAt: Date }[]) {
  const repo = AppDataSource.getRepository(Rental);
  const extended: number[] = [];
  for (const change of changes) {
    // perf-scan-disable-next-line n-plus-one -- each rental gets its own due date, so one UPDATE cannot do it; the counter screen sends at most 20
    const result = await repo.update({ id: change.rentalId, branchId, status: "open" }, { dueAt: change.dueAt });
    if (result.affected) extended.push(change.rentalId);
  }
  return { extended };
}
