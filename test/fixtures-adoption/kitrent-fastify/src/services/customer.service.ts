import { AppDataSource } from "../data-source";
import { Customer } from "../entities/Customer";

export function normalizePhone(raw: string): string {
  const digits = raw.replace(/[^\d+]/g, "");
  return digits.startsWith("00") ? `+${digits.slice(2)}` : digits;
}

/** The counter staff look customers up by the phone number they give at the desk. */
export async function findByPhone(phone: string) {
  return AppDataSource.getRepository(Customer).findOne({ where: { phone: normalizePhone(phone) }, select: { id: true, name: true, email: true, blocked: true } }); // expect: unindexed-filter
}

export async function customersPage(page: number, pageSize: number) {
  const [items, total] = await AppDataSource.getRepository(Customer).findAndCount({
    order: { id: "ASC" },
    take: pageSize,
    skip: (page - 1) * pageSize,
    select: { id: true, name: true, email: true, blocked: true },
  });
  return { items, total, page, pageSize };
}
