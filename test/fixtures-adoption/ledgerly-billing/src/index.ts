import express, { type NextFunction, type Request, type Response } from "express";
import { ZodError } from "zod";
import { sequelize } from "./db";
import "./models";
import { accountsRouter } from "./routes/accounts.routes";
import { invoicesRouter } from "./routes/invoices.routes";

const app = express();
app.use(express.json({ limit: "2mb" }));

app.get("/healthz", (_req, res) => {
  res.json({ ok: true });
});

app.use("/invoices", invoicesRouter);
app.use("/", accountsRouter);

app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
  if (err instanceof ZodError) {
    res.status(400).json({ error: "invalid request", issues: err.issues });
    return;
  }
  const status = (err as { status?: number }).status ?? 500;
  if (status >= 500) console.error(err);
  res.status(status).json({ error: status >= 500 ? "internal error" : (err as Error).message });
});

async function main(): Promise<void> {
  await sequelize.authenticate();
  const port = Number(process.env.PORT ?? 3000);
  app.listen(port, () => console.log(`ledgerly-billing listening on :${port}`));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
