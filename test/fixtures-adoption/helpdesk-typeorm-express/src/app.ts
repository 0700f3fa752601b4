import "reflect-metadata";
import express, { NextFunction, Request, Response } from "express";
import { ZodError } from "zod";
import { AppDataSource } from "./data-source";
import { ticketsRouter } from "./routes/tickets";
import { adminRouter } from "./routes/admin";
import { HttpError } from "./services/ticket-service";

const app = express();
app.use(express.json({ limit: "512kb" }));
app.use("/api", ticketsRouter);
app.use("/api/admin", adminRouter);

app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
  if (err instanceof ZodError) return res.status(400).json({ error: "invalid request", issues: err.issues });
  if (err instanceof HttpError) return res.status(err.status).json({ error: err.message });
  console.error(err);
  res.status(500).json({ error: "internal error" });
});

AppDataSource.initialize()
  .then(() => {
    const port = Number(process.env.PORT ?? 4000);
    app.listen(port, () => console.log(`helpdesk api on :${port}`));
  })
  .catch((err) => {
    console.error("could not connect to the database", err);
    process.exit(1);
  });
