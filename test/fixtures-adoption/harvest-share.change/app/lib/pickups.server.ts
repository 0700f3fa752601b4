import { db } from "~/lib/db.server";

// The next delivery still ahead of a subscriber at this farm, if any.
export async function nextPickupFor(farmId: number, subscriberId: number) {
  return db.delivery.findFirst({
    where: { farmId, subscriberId, scheduledFor: { gte: new Date() } },
    orderBy: { scheduledFor: "asc" },
    select: { id: true, scheduledFor: true, status: true },
  });
}
