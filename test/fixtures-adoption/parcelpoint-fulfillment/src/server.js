import express from "express";
import { sequelize } from "./db.js";
import "./models/index.js";
import { adminRouter } from "./routes/admin.js";
import { ordersRouter } from "./routes/orders.js";
import { warehouseRouter } from "./routes/warehouse.js";

const app = express();
app.use(express.json({ limit: "1mb" }));

app.get("/healthz", (_req, res) => res.json({ ok: true }));

app.use(ordersRouter);
app.use(warehouseRouter);
app.use(adminRouter);

app.use((err, _req, res, _next) => {
  const status = err.status ?? 500;
  if (status >= 500) console.error(err);
  res.status(status).json({ error: status >= 500 ? "internal error" : err.message });
});

const port = Number(process.env.PORT ?? 4000);
await sequelize.authenticate();
app.listen(port, () => console.log(`parcelpoint-fulfillment listening on :${port}`));
