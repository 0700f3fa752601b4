import { AppDataSource } from "../data-source";
import { RentalItem } from "../entities/RentalItem";

/** True when the unit is on an open or overdue rental that overlaps [from, to). */
export async function isBooked(equipmentId: number, from: Date, to: Date): Promise<boolean> {
  const overlapping = await AppDataSource.getRepository(RentalItem)
    .createQueryBuilder("item")
    .innerJoin("item.rental", "rental")
    .where("item.equipmentId = :equipmentId", { equipmentId })
    .andWhere("rental.status IN (:...open)", { open: ["open", "overdue"] })
    .andWhere("rental.startsAt < :to", { to })
    .andWhere("rental.dueAt > :from", { from })
    .getCount();
  return overlapping > 0;
}
