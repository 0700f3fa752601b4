import { Op } from "sequelize";
import { Depot, DepotZone, Parcel, ProofOfDelivery, Vehicle } from "../models/associations";

const depotTimezones = new Map<string, string>();

export async function depotTimezone(code: string): Promise<string> {
  const cached = depotTimezones.get(code);
  if (cached) return cached;
  const depot = await Depot.findOne({ where: { code } });
  const tz = depot?.timezone ?? "UTC";
  depotTimezones.set(code, tz);
  return tz;
}

export async function vehicleByPlate(plate: string) {
  return Vehicle.findOne({ where: { plate } });
}

export async function vehiclesInService() {
  return Vehicle.findAll({ where: { inService: true } });
}

// Weekly maintenance planning across the whole fleet.
export async function serviceDue(before: Date) {
  return Vehicle.findAll({ where: { nextServiceAt: { [Op.lte]: before } }, order: [["nextServiceAt", "ASC"]] }); // expect: unindexed-filter
}

// Checkout quote: which depot serves this postcode?
export async function zoneForPostcode(postcode: string) {
  return DepotZone.findOne({ where: { postcode } }); // expect: unindexed-filter
}

export async function depotZones(depotId: number) {
  return DepotZone.findAll({ where: { depotId }, order: [["postcode", "ASC"]] });
}

export async function parcelByBarcode(barcode: string) {
  return Parcel.findOne({ where: { barcode } });
}

export async function fragileParcelCount() {
  return Parcel.count({ where: { fragile: true } });
}

export async function proofFor(deliveryId: number) {
  return ProofOfDelivery.findOne({ where: { deliveryId } });
}

// Payroll: proofs captured by one driver since the start of the pay period.
export async function driverProofs(driverId: number, since: Date) {
  return ProofOfDelivery.findAll({ where: { driverId, capturedAt: { [Op.gte]: since } } }); // expect: unindexed-filter
}
