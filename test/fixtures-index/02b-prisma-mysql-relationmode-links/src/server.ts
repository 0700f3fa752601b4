import express from "express";
import * as links from "./services/links";
import * as analytics from "./services/analytics";
import * as workspaces from "./services/workspaces";

const app = express();
app.use(express.json());

app.get("/r/:key", async (req, res) => {
  const link = await links.resolve(req.hostname, req.params.key);
  if (!link || (link.expiresAt && link.expiresAt < new Date())) return res.sendStatus(404);
  void links.recordClick(link.id, req.header("cf-ipcountry") ?? null, req.header("referer") ?? null, req.header("user-agent") ?? null);
  res.redirect(302, link.url);
});

app.use("/api", async (req, res, next) => {
  const key = req.header("authorization")?.replace(/^Bearer /, "");
  const apiKey = key ? await workspaces.authenticateApiKey(key) : null;
  if (!apiKey) return res.sendStatus(401);
  res.locals.workspaceId = apiKey.workspaceId;
  next();
});

app.get("/api/links", async (_req, res) => res.json(await links.dashboard(res.locals.workspaceId)));
app.post("/api/links", async (req, res) => res.status(201).json(await links.createLink(res.locals.workspaceId, req.body.domainId, req.body.url, req.body.userId, req.body.tagIds ?? [])));
app.get("/api/links/:id/tags", async (req, res) => res.json(await links.linkTags(req.params.id)));
app.get("/api/links/:id/clicks", async (req, res) => res.json(await analytics.linkTimeseries(req.params.id, new Date(String(req.query.since)))));
app.get("/api/links/:id/referrers", async (req, res) => res.json(await analytics.referrersLike(req.params.id, String(req.query.q ?? ""))));
app.get("/api/tags", async (_req, res) => res.json(await links.workspaceTags(res.locals.workspaceId)));
app.get("/me/:userId/workspaces", async (req, res) => res.json(await workspaces.myWorkspaces(req.params.userId)));
app.get("/status/countries", async (_req, res) => res.json(await analytics.globalCountries(new Date(Date.now() - 86_400_000))));

export default app;
