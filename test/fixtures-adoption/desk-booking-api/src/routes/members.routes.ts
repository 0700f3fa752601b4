import { Router } from "express";
import { z } from "zod";
import { resolveWorkspace } from "../lib/workspace-cache";
import {
  availablePlans,
  bookDesk,
  getAgenda,
  getMemberProfile,
  listMembers,
  lookupMembers,
} from "../services/member.service";

export const memberRouter = Router();

const lookupBody = z.object({ ids: z.array(z.number().int().positive()).max(200) });

const bookingBody = z.object({
  deskId: z.number().int().positive(),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  note: z.string().max(500).optional(),
});

memberRouter.get("/plans", async (_req, res) => {
  res.json(await availablePlans());
});

memberRouter.get("/workspaces/:workspaceSlug/members", async (req, res) => {
  const workspace = await resolveWorkspace(req.params.workspaceSlug);
  const cursor = Number(req.query.cursor) || undefined;
  const limit = Number(req.query.limit) || undefined;
  res.json(await listMembers(workspace.id, { cursor, limit }));
});

memberRouter.post("/members/lookup", async (req, res) => {
  const { ids } = lookupBody.parse(req.body);
  res.json(await lookupMembers(ids));
});

memberRouter.get("/members/:memberId", async (req, res) => {
  res.json(await getMemberProfile(Number(req.params.memberId)));
});

memberRouter.get("/members/:memberId/agenda", async (req, res) => {
  res.json(await getAgenda(Number(req.params.memberId)));
});

memberRouter.post("/members/:memberId/bookings", async (req, res) => {
  const input = bookingBody.parse(req.body);
  const booking = await bookDesk(Number(req.params.memberId), input);
  res.status(201).json(booking);
});
