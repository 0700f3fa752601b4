import { db } from "~/lib/db.server";

const farmNames = new Map<number, string>();

export async function farmName(farmId: number): Promise<string> {
  if (farmNames.has(farmId)) return farmNames.get(farmId)!;
  const farm = await db.farm.findUnique({ where: { id: farmId }, select: { name: true } });
  const name = farm?.name ?? "Unknown farm";
  farmNames.set(farmId, name);
  return name;
}
