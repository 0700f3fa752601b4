import { findLatestShipment } from "../repositories/shipment-repo.js";

function toTracking(shipment) {
  if (!shipment) return null;
  return {
    carrier: shipment.carrier,
    number: shipment.trackingNumber,
    status: shipment.status,
    shippedAt: shipment.shippedAt,
  };
}

/** The order card of the merchant back office: the order and where its parcel is. */
export async function buildOrderSummary(order) {
  const shipment = await findLatestShipment(order.id);
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    customerEmail: order.customerEmail,
    placedAt: order.placedAt,
    tracking: toTracking(shipment),
  };
}
