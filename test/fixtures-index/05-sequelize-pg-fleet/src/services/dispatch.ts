import { Op } from "sequelize";
import { Delivery, DeliveryEvent, Driver, Vehicle } from "../models/associations";

interface PlannedStop {
  deliveryId: number;
  depotId: number;
  eta: Date;
}

// Output of the route optimiser, kept in memory between optimiser runs.
// Same call shape as a model so the planner UI code can switch sources; not a table.
class RoutePlanCache {
  private readonly plans = new Map<number, PlannedStop[]>();

  store(depotId: number, stops: PlannedStop[]): void {
    this.plans.set(depotId, stops);
  }

  findAll(options: { where: { depotId: number; eta?: { [Op.gte]?: Date } } }): PlannedStop[] {
    const after = options.where.eta?.[Op.gte];
    return (this.plans.get(options.where.depotId) ?? []).filter((s) => !after || s.eta >= after);
  }
}

export const routePlans = new RoutePlanCache();

export async function dispatchBoard(depotId: number, day: string) {
  return Delivery.findAll({ where: { depotId, scheduledFor: day, status: { [Op.in]: ["pending", "assigned"] } }, order: [["createdAt", "ASC"]] });
}

export async function plannedStops(depotId: number) {
  return routePlans.findAll({ where: { depotId, eta: { [Op.gte]: new Date() } } });
}

export async function driverStops(driverId: number, day: string) {
  return Delivery.findAll({ where: { driverId, scheduledFor: day }, order: [["sequence", "ASC"]] });
}

export async function onShiftDrivers(depotId: number) {
  return Driver.findAll({ where: { depotId, status: "on_shift" } });
}

export async function driverByBadge(employeeNo: string) {
  return Driver.findOne({ where: { employeeNo } });
}

// Compliance report: licences that expire within the next 30 days.
export async function expiringLicences(today: string, in30Days: string) {
  return Driver.findAll({ where: { licenseExpiresAt: { [Op.between]: [today, in30Days] } }, order: [["licenseExpiresAt", "ASC"]] }); // expect: unindexed-filter
}

export async function track(trackingCode: string) {
  return Delivery.findOne({ where: { trackingCode }, include: [{ model: DeliveryEvent, as: "events" }] });
}

export async function deliveryDetail(id: number) {
  return Delivery.findByPk(id, { include: [Driver, Vehicle] });
}

// Merchant support pastes either our tracking code or their own order number.
export async function findByReference(ref: string) {
  return Delivery.findOne({ where: { [Op.or]: [{ trackingCode: ref }, { externalOrderRef: ref }] } }); // expect: unindexed-filter
}

export async function recipientHistory(phone: string) {
  return Delivery.findAll({ where: { recipientPhone: phone }, order: [["createdAt", "DESC"]], limit: 20 }); // expect: unindexed-filter
}

export async function searchDepot(depotId: number, q: string) {
  return Delivery.findAll({ where: { depotId, [Op.or]: [{ recipientName: { [Op.iLike]: `%${q}%` } }, { address: { [Op.iLike]: `%${q}%` } }] }, limit: 25 });
}

export async function failedSince(since: Date) {
  return Delivery.count({ where: { status: "failed", createdAt: { [Op.gte]: since } } }); // expect: unindexed-filter
}

export async function timeline(deliveryId: number) {
  return DeliveryEvent.findAll({ where: { deliveryId }, order: [["occurredAt", "ASC"]] });
}

export async function handheldScans() {
  return DeliveryEvent.findAll({ where: { payload: { source: "handheld" } }, limit: 100 });
}

export async function assign(deliveryId: number, driverId: number, vehicleId: number) {
  return Delivery.update({ driverId, vehicleId, status: "assigned" }, { where: { id: deliveryId } });
}
