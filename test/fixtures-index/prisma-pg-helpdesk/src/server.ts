import express, { type NextFunction, type Request, type Response } from "express";
import { createHash } from "node:crypto";
import { ticketRoutes } from "./routes/tickets";
import { userRoutes } from "./routes/users";
import { sessionByToken } from "./services/userService";
import { NotFoundError } from "./services/ticketService";
import { startMaintenance } from "./jobs/maintenance";

const app = express();
app.use(express.json({ limit: "1mb" }));

app.use(async (req: Request, res: Response, next: NextFunction) => {
  try {
    const token = req.header("authorization")?.replace(/^Bearer /, "");
    if (!token) return res.status(401).json({ error: "missing token" });
    const session = await sessionByToken(createHash("sha256").update(token).digest("hex"));
    if (!session || session.revokedAt || session.expiresAt < new Date()) return res.status(401).json({ error: "invalid session" });
    res.locals.userId = session.userId;
    res.locals.email = session.user.email;
    return next();
  } catch (err) {
    return next(err);
  }
});

app.use("/", userRoutes);
app.use("/w/:workspace/tickets", ticketRoutes);

app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
  if (err instanceof NotFoundError) return res.status(404).json({ error: err.message });
  console.error(err);
  return res.status(500).json({ error: "internal error" });
});

app.listen(Number(process.env.PORT ?? 3000), () => {
  startMaintenance();
  console.log("helpdesk api listening");
});
