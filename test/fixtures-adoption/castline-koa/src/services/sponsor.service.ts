import { Op } from "sequelize";
import { SponsorSlot } from "../models/SponsorSlot";

export async function currentSponsorFor(episodeId: number, at: Date) {
  return SponsorSlot.findOne({
    where: { episodeId, startsAt: { [Op.lte]: at }, endsAt: { [Op.gt]: at } },
    attributes: ["sponsorName", "readText"],
  });
}

export async function sponsorRevenueCents(episodeId: number): Promise<number> {
  const slots = await SponsorSlot.findAll({ where: { episodeId } }); // expect: unbounded-query
  return slots.reduce((sum, slot) => sum + Math.round((slot.cpmCents * slot.impressions) / 1000), 0); // expect: in-memory-aggregation
}
