import { NextFunction, Request, Response, Router } from "express";
import { z } from "zod";
import { CustomerRepository } from "../repositories/customer.repository";
import { TicketRepository } from "../repositories/ticket.repository";
import { closeAllForCustomer, createTicket, listByStatus, ticketsByIds, toTicketDto } from "../services/ticket-service";

export const ticketsRouter = Router();

const StatusQuery = z.enum(["open", "pending", "closed"]);
const NewTicket = z.object({
  subject: z.string().min(3).max(240),
  body: z.string().min(1),
  priority: z.enum(["low", "normal", "high", "urgent"]).default("normal"),
  requesterEmail: z.string().email(),
});

ticketsRouter.get("/tickets", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const status = StatusQuery.parse(req.query.status ?? "open");
    const items = await listByStatus(status);
    res.json({ items });
  } catch (err) {
    next(err);
  }
});

ticketsRouter.get("/tickets/batch", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const ids = String(req.query.ids ?? "")
      .split(",")
      .map(Number)
      .filter((id) => Number.isInteger(id) && id > 0)
      .slice(0, 100);
    res.json({ items: await ticketsByIds(ids) });
  } catch (err) {
    next(err);
  }
});

ticketsRouter.post("/tickets", async (req: Request, res: Response, next: NextFunction) => {
  try {
    res.status(201).json(await createTicket(NewTicket.parse(req.body)));
  } catch (err) {
    next(err);
  }
});

ticketsRouter.get("/customers", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const [items, total] = await CustomerRepository.page(Number(req.query.page) || 1, Number(req.query.pageSize) || 25);
    res.json({ items, total });
  } catch (err) {
    next(err);
  }
});

ticketsRouter.get("/customers/:id/tickets", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const [tickets, total] = await TicketRepository.pageForCustomer(Number(req.params.id), Number(req.query.page) || 1);
    res.json({ items: tickets.map(toTicketDto), total });
  } catch (err) {
    next(err);
  }
});

ticketsRouter.post("/customers/:id/close-all", async (req: Request, res: Response, next: NextFunction) => {
  try {
    res.json({ closed: await closeAllForCustomer(Number(req.params.id)) });
  } catch (err) {
    next(err);
  }
});
