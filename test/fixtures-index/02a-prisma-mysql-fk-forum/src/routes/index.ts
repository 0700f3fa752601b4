import { Router } from "express";
import * as threads from "../services/threads";
import * as users from "../services/users";
import * as moderation from "../services/moderation";

export const router = Router();

router.get("/f/:forum", async (req, res) => {
  const result = await threads.listForumThreads(req.params.forum, Number(req.query.page ?? 0));
  if (!result) return res.sendStatus(404);
  res.json(result);
});

router.get("/t/:slug", async (req, res) => {
  const thread = await threads.resolveLegacySlug(req.params.slug);
  if (!thread) return res.sendStatus(404);
  res.redirect(301, `/f/${thread.forumId}/${thread.slug}`);
});

router.get("/f/:forumId/:slug", async (req, res) => {
  const thread = await threads.getThread(Number(req.params.forumId), req.params.slug);
  if (!thread) return res.sendStatus(404);
  res.json({ thread, posts: await threads.threadPosts(thread.id, Number(req.query.page ?? 0)) });
});

router.get("/latest", async (_req, res) => res.json(await threads.latestActivity()));
router.get("/search", async (req, res) => res.json(await threads.searchTitles(String(req.query.q ?? ""))));
router.get("/u/:username", async (req, res) => {
  const user = await users.profile(req.params.username);
  if (!user) return res.sendStatus(404);
  res.json({ user, posts: await users.userPosts(user.id), threads: await threads.threadsByAuthor(user.id), reactions: await users.reactionsGiven(user.id) });
});
router.get("/online", async (_req, res) => res.json(await users.onlineNow()));
router.get("/leaderboard", async (_req, res) => res.json(await users.leaderboard()));
router.get("/mod/queue", async (_req, res) => res.json(await moderation.moderationQueue()));
router.get("/mod/ip/:ip", async (req, res) => res.json(await moderation.postsFromAddress(req.params.ip)));
router.get("/mod/posts/:id/reports", async (req, res) => res.json(await moderation.reportsForPost(Number(req.params.id))));
router.get("/mod/users/:id/reports", async (req, res) => res.json(await moderation.reportsFiledBy(Number(req.params.id))));
router.post("/mod/reports/:id/resolve", async (req, res) => res.json(await moderation.resolve(Number(req.params.id), Boolean(req.body?.dismissed))));
router.post("/t/:id/reply", async (req, res) => res.status(201).json(await threads.reply(Number(req.params.id), Number(req.body.userId), String(req.body.body), req.ip ?? "0.0.0.0")));
