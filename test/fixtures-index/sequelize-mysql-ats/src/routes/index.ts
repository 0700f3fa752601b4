import { Router, type NextFunction, type Request, type Response } from "express";
import * as candidates from "../services/candidates";
import * as pipeline from "../services/pipeline";
import * as companies from "../services/companies";
import * as activity from "../services/activity";
import { flags, stageByKey, STAGES } from "../lib/flags";
import type { Stage } from "../models/hiring";

export const router = Router();

const handle = (fn: (req: Request, res: Response) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) => fn(req, res).then((body) => res.json(body), next);

router.get("/jobs", handle(async () => companies.openJobs()));
router.get("/companies/:id/jobs", handle(async (req) => (req.query.q ? companies.searchCompanyJobs(Number(req.params.id), String(req.query.q)) : companies.companyJobs(Number(req.params.id)))));
router.get("/companies/:id/recruiters", handle(async (req) => companies.recruiters(Number(req.params.id))));
router.get("/companies/:id/feed", handle(async (req) => activity.companyFeed(Number(req.params.id))));

router.post("/signup", handle(async (req) => {
  const existing = await companies.userByEmail(String(req.body.email));
  if (existing) return { userId: existing.id, existing: true };
  const company = await companies.companyForEmail(String(req.body.email));
  return { company: company?.slug ?? null };
}));

router.post("/apply/:jobId", handle(async (req) => {
  const { email, phone, fullName } = req.body as { email: string; phone?: string; fullName: string };
  const candidate = (await candidates.findDuplicate(email, phone)) ?? (await candidates.createCandidate(email, fullName, phone));
  const application = await pipeline.apply(Number(req.params.jobId), candidate.id);
  return { candidateId: candidate.id, applicationId: application.id };
}));

router.post("/sourcing/linkedin", handle(async (req) => {
  const [candidate, created] = await candidates.importFromLinkedIn(req.body);
  return { id: candidate.id, created };
}));

router.get("/candidates", handle(async (req) => (req.query.q ? candidates.searchCandidates(String(req.query.q)) : candidates.newestCandidates())));
router.get("/candidates/:id", handle(async (req) => candidates.candidateProfile(Number(req.params.id))));
router.get("/candidates/:id/open-applications", handle(async (req) => pipeline.openApplicationsOf(Number(req.params.id))));

router.get("/jobs/:id/pipeline", handle(async (req) => ({ hired: await pipeline.hiredCount(Number(req.params.id)), stages: STAGES.map((s) => s.label) })));

router.post("/applications/:id/stage", handle(async (req) => {
  const stage = String(req.body.stage);
  if (!stageByKey.get(stage)) throw Object.assign(new Error(`unknown stage ${stage}`), { status: 400 });
  await pipeline.moveStage(Number(req.params.id), stage as Stage);
  return { ok: true, history: await activity.subjectHistory("application", Number(req.params.id)) };
}));

router.get("/applications/:id/interviews", handle(async (req) => pipeline.interviewsOf(Number(req.params.id))));
router.get("/me/interviews", handle(async (_req, res) => pipeline.upcomingFor(Number(res.locals.userId))));

router.post("/hooks/calendar", handle(async (req) => {
  if (!flags.findOne({ where: { key: "calendar-sync" } })?.enabled) return { skipped: true };
  const interview = await pipeline.byCalendarEvent(String(req.body.eventId));
  if (interview && req.body.state === "cancelled") await interview.update({ status: "cancelled" });
  return { matched: !!interview };
}));
