import { Shipment } from "../models/index.js";

export function findLatestShipment(orderId) {
  return Shipment.findOne({ where: { orderId }, order: [["createdAt", "DESC"]] });
}

export function findByTrackingNumber(trackingNumber) {
  return Shipment.findOne({ where: { trackingNumber } });
}
