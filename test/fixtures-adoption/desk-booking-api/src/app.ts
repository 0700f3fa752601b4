import express from "express";
import { errorHandler } from "./lib/errors";
import { deskRouter } from "./routes/desks.routes";
import { healthRouter } from "./routes/health.routes";
import { memberRouter } from "./routes/members.routes";
import { reportRouter } from "./routes/reports.routes";

export const app = express();

app.disable("x-powered-by");
app.use(express.json({ limit: "100kb" }));

app.use(healthRouter);
app.use("/api", deskRouter);
app.use("/api", memberRouter);
app.use("/api", reportRouter);

app.use(errorHandler);

const port = Number(process.env.PORT ?? 3000);

if (process.env.NODE_ENV !== "test") {
  app.listen(port, () => {
    console.log(`desk-booking-api listening on :${port}`);
  });
}
