import express from "express";
import * as dispatch from "./services/dispatch";
import * as fleet from "./services/fleet";

const app = express();
app.use(express.json());

app.get("/depots/:depotId/board/:day", async (req, res) => res.json(await dispatch.dispatchBoard(Number(req.params.depotId), req.params.day)));
app.get("/depots/:depotId/plan", async (req, res) => res.json(await dispatch.plannedStops(Number(req.params.depotId))));
app.get("/depots/:depotId/drivers", async (req, res) => res.json(await dispatch.onShiftDrivers(Number(req.params.depotId))));
app.get("/depots/:depotId/search", async (req, res) => res.json(await dispatch.searchDepot(Number(req.params.depotId), String(req.query.q ?? ""))));
app.get("/depots/:depotId/zones", async (req, res) => res.json(await fleet.depotZones(Number(req.params.depotId))));
app.get("/drivers/:driverId/stops/:day", async (req, res) => res.json(await dispatch.driverStops(Number(req.params.driverId), req.params.day)));
app.get("/drivers/badge/:employeeNo", async (req, res) => res.json(await dispatch.driverByBadge(req.params.employeeNo)));
app.get("/drivers/:driverId/proofs", async (req, res) => res.json(await fleet.driverProofs(Number(req.params.driverId), new Date(String(req.query.since)))));
app.get("/track/:code", async (req, res) => res.json(await dispatch.track(req.params.code)));
app.get("/deliveries/:id", async (req, res) => res.json(await dispatch.deliveryDetail(Number(req.params.id))));
app.get("/deliveries/:id/timeline", async (req, res) => res.json(await dispatch.timeline(Number(req.params.id))));
app.get("/deliveries/:id/proof", async (req, res) => res.json(await fleet.proofFor(Number(req.params.id))));
app.post("/deliveries/:id/assign", async (req, res) => res.json(await dispatch.assign(Number(req.params.id), Number(req.body.driverId), Number(req.body.vehicleId))));
app.get("/support/find/:ref", async (req, res) => res.json(await dispatch.findByReference(req.params.ref)));
app.get("/support/recipient/:phone", async (req, res) => res.json(await dispatch.recipientHistory(req.params.phone)));
app.get("/reports/failed", async (req, res) => res.json({ failed: await dispatch.failedSince(new Date(String(req.query.since))) }));
app.get("/reports/licences", async (req, res) => res.json(await dispatch.expiringLicences(String(req.query.today), String(req.query.until))));
app.get("/reports/handheld", async (_req, res) => res.json(await dispatch.handheldScans()));
app.get("/fleet/service-due", async (_req, res) => res.json(await fleet.serviceDue(new Date(Date.now() + 7 * 86_400_000))));
app.get("/fleet/in-service", async (_req, res) => res.json(await fleet.vehiclesInService()));
app.get("/fleet/vehicles/:plate", async (req, res) => res.json(await fleet.vehicleByPlate(req.params.plate)));
app.get("/parcels/:barcode", async (req, res) => res.json(await fleet.parcelByBarcode(req.params.barcode)));
app.get("/parcels/stats/fragile", async (_req, res) => res.json({ fragile: await fleet.fragileParcelCount() }));
app.get("/quote/:postcode", async (req, res) => res.json(await fleet.zoneForPostcode(req.params.postcode)));
app.get("/depots/by-code/:code/timezone", async (req, res) => res.json({ timezone: await fleet.depotTimezone(req.params.code) }));

app.listen(Number(process.env.PORT ?? 3000));
