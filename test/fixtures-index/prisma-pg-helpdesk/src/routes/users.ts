import { Router } from "express";
import * as users from "../services/userService";
import * as workspaces from "../services/workspaceService";
import { ticketRepository } from "../repositories/ticketRepository";

export const userRoutes = Router();

const ADMIN_EMAILS = (process.env.ADMIN_EMAILS ?? "").split(",").filter(Boolean);

userRoutes.get("/me/workspaces", async (_req, res, next) => {
  try {
    const userId = String(res.locals.userId);
    const [memberOf, assignedIn] = await Promise.all([users.workspacesOf(userId), workspaces.workspacesWhereAssigned(userId)]);
    res.json({ memberOf: memberOf.map((m) => ({ role: m.role, ...m.workspace })), assignedIn });
  } catch (err) {
    next(err);
  }
});

userRoutes.get("/me/sessions", async (_req, res, next) => {
  try {
    res.json(await users.activeSessions(String(res.locals.userId)));
  } catch (err) {
    next(err);
  }
});

userRoutes.post("/me/sessions/revoke", async (_req, res, next) => {
  try {
    res.json(await users.revokeSessions(String(res.locals.userId)));
  } catch (err) {
    next(err);
  }
});

userRoutes.get("/users/search", async (req, res, next) => {
  try {
    res.json(await users.searchUsers(String(req.query.q ?? "")));
  } catch (err) {
    next(err);
  }
});

userRoutes.post("/inbound", async (req, res, next) => {
  try {
    const sender = await users.findByContact(String(req.body.from));
    res.json({ matched: sender });
  } catch (err) {
    next(err);
  }
});

userRoutes.get("/admin/overview", async (_req, res, next) => {
  try {
    if (!ADMIN_EMAILS.find((email) => email === res.locals.email)) return res.status(403).end();
    const [newest, newestSpaces, active, notClosed, live] = await Promise.all([users.newestUsers(), workspaces.newestWorkspaces(), users.activeUserCount(), ticketRepository.notClosedCount(), ticketRepository.liveCount()]);
    return res.json({ newest, newestSpaces, active, notClosed, live });
  } catch (err) {
    return next(err);
  }
});

userRoutes.get("/admin/export", async (req, res, next) => {
  try {
    if (!ADMIN_EMAILS.includes(String(res.locals.email))) return res.status(403).end();
    return res.json(await ticketRepository.requestedByEmail(String(req.query.email)));
  } catch (err) {
    return next(err);
  }
});

userRoutes.get("/admin/trials", async (_req, res, next) => {
  try {
    const cutoff = new Date(Date.now() - 30 * 24 * 3_600_000);
    res.json(await workspaces.abandonedTrials(cutoff));
  } catch (err) {
    next(err);
  }
});
