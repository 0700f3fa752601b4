import Bluebird from "bluebird";
import { Router } from "express";
import { createInventoryService } from "../services/inventory.js";
import { findByTrackingNumber } from "../repositories/shipment-repo.js";
import { rateTable, zoneFor } from "../lib/rate-table.js";

export const warehouseRouter = Router();

const inventory = createInventoryService({ historyLimit: 50 });

warehouseRouter.post("/warehouse/rate-quotes", (req, res) => {
  const parcels = Array.isArray(req.body.parcels) ? req.body.parcels : [];
  const quotes = [];
  for (const parcel of parcels) {
    const zone = zoneFor(parcel.country);
    const cheapest = rateTable.findOne({ where: { carrier: parcel.carrier, zone }, grams: parcel.grams });
    const alternatives = rateTable.findAll({ where: { zone } }).filter((rate) => rate.maxGrams >= parcel.grams);
    quotes.push({ reference: parcel.reference, cheapest, alternatives });
  }
  res.json({ quotes });
});

/** Returned parcels are unpacked at the returns desk; the scanner posts the lines it booked back in. */
warehouseRouter.post("/warehouse/returns/restock", async (req, res) => {
  const lines = Array.isArray(req.body.lines) ? req.body.lines : [];
  if (lines.length === 0 || lines.length > 100) {
    return res.status(400).json({ error: "between 1 and 100 returned lines per request" });
  }
  const movements = await Bluebird.map(lines, (line) => inventory.restock(line), { concurrency: 4 }); // expect-new: n-plus-one
  res.status(201).json({ movements });
});

warehouseRouter.get("/warehouse/shipments/:trackingNumber", async (req, res) => {
  const shipment = await findByTrackingNumber(req.params.trackingNumber);
  if (!shipment) return res.status(404).json({ error: "unknown tracking number" });
  res.json(shipment);
});

warehouseRouter.get("/warehouse/products/:id/movements", async (req, res) => {
  const limit = Number(req.query.limit) || 50;
  res.json({ movements: await inventory.history(Number(req.params.id), limit) });
});
