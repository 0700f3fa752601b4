import { Router } from "express";
import { resolveWorkspace } from "../lib/workspace-cache";
import { completeInspection, desksNeedingAttention, getDeskDetail, listDesks } from "../services/desk.service";
import { buildOccupancyBoard } from "../services/occupancy.service";

export const deskRouter = Router();

deskRouter.get("/workspaces/:workspaceSlug/desks", async (req, res) => {
  const workspace = await resolveWorkspace(req.params.workspaceSlug);
  res.json(await listDesks(workspace.id));
});

deskRouter.get("/workspaces/:workspaceSlug/desks/attention", async (req, res) => {
  const workspace = await resolveWorkspace(req.params.workspaceSlug);
  res.json(await desksNeedingAttention(workspace.id));
});

deskRouter.get("/workspaces/:workspaceSlug/occupancy", async (req, res) => {
  const workspace = await resolveWorkspace(req.params.workspaceSlug);
  res.json(await buildOccupancyBoard(workspace.id));
});

deskRouter.get("/desks/:deskId", async (req, res) => {
  res.json(await getDeskDetail(Number(req.params.deskId)));
});

deskRouter.post("/desks/:deskId/inspection", async (req, res) => {
  res.json(await completeInspection(Number(req.params.deskId)));
});
