import { Router } from "express";
import { resolveWorkspace } from "../lib/workspace-cache";
import { invoiceStatusBreakdown, paidRevenueCents } from "../services/report.service";

export const reportRouter = Router();

reportRouter.get("/workspaces/:workspaceSlug/reports/revenue", async (req, res) => {
  const workspace = await resolveWorkspace(req.params.workspaceSlug);
  const cents = await paidRevenueCents(workspace.id);
  res.json({ workspace: workspace.slug, currency: workspace.currency, paidRevenueCents: cents });
});

reportRouter.get("/workspaces/:workspaceSlug/reports/invoices", async (req, res) => {
  const workspace = await resolveWorkspace(req.params.workspaceSlug);
  res.json(await invoiceStatusBreakdown(workspace.id));
});
