import { AppDataSource } from "../data-source";
import { Equipment, type EquipmentStatus } from "../entities/Equipment";
import { Rental } from "../entities/Rental";

const EQUIPMENT_STATES: EquipmentStatus[] = ["available", "rented", "maintenance"];

export async function branchRevenue(branchId: number) {
  const closed = await AppDataSource.getRepository(Rental).createQueryBuilder("r") // expect: unbounded-query
    .where("r.branchId = :branchId", { branchId })
    .andWhere("r.status = :status", { status: "closed" })
    .getMany();

  let revenueCents = 0;
  for (const rental of closed) { // expect: in-memory-aggregation
    revenueCents += rental.totalCents;
  }
  return { branchId, revenueCents };
}

export async function equipmentSummary(branchId: number) {
  const repo = AppDataSource.getRepository(Equipment);
  const counts = await Promise.all(EQUIPMENT_STATES.map((status) => repo.countBy({ branchId, status })));
  return Object.fromEntries(EQUIPMENT_STATES.map((status, index) => [status, counts[index]]));
}

/** The workshop tablet shows the raw log rows, every column included. */
export function maintenanceHistory(equipmentId: number) {
  return AppDataSource.query('SELECT * FROM "maintenance_log" WHERE "equipmentId" = $1 ORDER BY "performedAt" DESC LIMIT 50', [equipmentId]); // expect: select-star
}
