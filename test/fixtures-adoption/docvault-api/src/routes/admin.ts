import { Router } from "express";
import type { AuditEvent } from "../entities";
import type { AuditEventRepository } from "../repositories/audit-event.repository";

function toAuditDto(event: AuditEvent) {
  return {
    id: event.id,
    action: event.action,
    details: event.details,
    createdAt: event.createdAt.toISOString(),
  };
}

// Internal back-office endpoints, behind the VPN.
export function adminRouter(auditEvents: AuditEventRepository): Router {
  const router = Router();

  router.get("/audit-events", async (_req, res, next) => {
    try {
      const events = await auditEvents.findAll();
      res.json(events.map(toAuditDto));
    } catch (error) {
      next(error);
    }
  });

  return router;
}
