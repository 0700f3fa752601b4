import { AppDataSource } from "../data-source";
import { Equipment, type EquipmentStatus } from "../entities/Equipment";

export interface ReturnScan {
  serial: string;
  damaged: boolean;
}

export interface ReturnResult {
  serial: string;
  accepted: boolean;
  status?: EquipmentStatus;
  reason?: string;
}

/** A unit scanned at a branch counter is booked into that branch's stock (one-way rentals end elsewhere). */
export async function recordReturnScan(branchId: number, scan: ReturnScan): Promise<ReturnResult> {
  const repo = AppDataSource.getRepository(Equipment);
  const unit = await repo.findOne({ where: { serial: scan.serial }, select: { id: true, status: true } });
  if (!unit) {
    return { serial: scan.serial, accepted: false, reason: "unknown serial" };
  }
  const status: EquipmentStatus = scan.damaged ? "maintenance" : "available";
  await repo.update({ id: unit.id }, { status, branchId });
  return { serial: scan.serial, accepted: true, status };
}
