import { Worker } from "bullmq";
import { Op } from "sequelize";
import { connection } from "../queues.js";
import { Merchant, Order, Shipment } from "../models/index.js";

const EXPORT_CHUNK = 500;
const MANIFEST_LIMIT = 1000;

// Merchants hardly ever change; one worker process keeps the few it has seen.
const merchantCache = new Map();

async function merchantFor(merchantId) {
  if (merchantCache.has(merchantId)) return merchantCache.get(merchantId);
  const merchant = await Merchant.findByPk(merchantId, { attributes: ["id", "slug", "name"] });
  merchantCache.set(merchantId, merchant);
  return merchant;
}

/** The warehouse scanner posts the shipment ids of a handed-over cage; the API enqueues them. */
export async function markShipped(job) {
  const { shipmentIds } = job.data;
  const shippedAt = job.data.shippedAt ? new Date(job.data.shippedAt) : new Date();
  for (const shipmentId of shipmentIds) {
    await Shipment.update({ status: "shipped", shippedAt }, { where: { id: shipmentId, status: "label_created" } }); // expect: n-plus-one
  }
  return { shipments: shipmentIds.length };
}

/** Flags the orders an ERP export contained, in slices of EXPORT_CHUNK ids. */
export async function markExported(job) {
  const { orderIds } = job.data;
  const exportedAt = new Date();
  for (let i = 0; i < orderIds.length; i += EXPORT_CHUNK) {
    const slice = orderIds.slice(i, i + EXPORT_CHUNK);
    await Order.update({ exportedAt }, { where: { id: { [Op.in]: slice } } });
  }
  return { orders: orderIds.length };
}

/** The end-of-day hand-over list a carrier's driver signs. */
export async function buildCarrierManifest(job) {
  const { carrier } = job.data;
  const shipments = await Shipment.findAll({
    where: { carrier, status: "label_created" },
    include: [{ model: Order, as: "order", attributes: ["id", "number", "merchantId"] }],
    order: [["createdAt", "ASC"]],
    limit: MANIFEST_LIMIT,
  });

  const lines = [];
  for (const shipment of shipments) {
    const merchant = await merchantFor(shipment.order.merchantId);
    lines.push({
      trackingNumber: shipment.trackingNumber,
      orderNumber: shipment.order.number,
      merchant: merchant?.name ?? "unknown merchant",
    });
  }
  return { carrier, generatedAt: new Date().toISOString(), lines };
}

const processors = {
  "mark-shipped": markShipped,
  "mark-exported": markExported,
  "carrier-manifest": buildCarrierManifest,
};

export const fulfillmentWorker = new Worker(
  "fulfillment",
  async (job) => {
    const processor = processors[job.name];
    if (!processor) throw new Error(`no processor for job ${job.name}`);
    return processor(job);
  },
  { connection, concurrency: 4 },
);

fulfillmentWorker.on("failed", (job, err) => {
  console.error(`job ${job?.id} (${job?.name}) failed: ${err.message}`);
});
