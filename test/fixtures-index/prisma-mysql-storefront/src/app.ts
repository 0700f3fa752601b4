import express, { type NextFunction, type Request, type Response } from "express";
import { storefront } from "./routes/storefront";
import { admin } from "./routes/admin";
import { startScheduler } from "./jobs/scheduler";

const app = express();
app.use(express.json());
app.use("/s/:store", storefront);
app.use("/admin", admin);

app.use((err: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
  res.status(err.status ?? 500).json({ error: err.message });
});

app.listen(Number(process.env.PORT ?? 8080), () => startScheduler());
