import * as pipeline from "../services/pipeline";
import { closeExpiredJobs } from "../services/companies";

const MINUTE = 60_000;

async function every15Minutes() {
  const now = Date.now();
  const due = await pipeline.remindersDue(new Date(now + 60 * MINUTE), new Date(now + 75 * MINUTE));
  console.log(`interview reminders: ${due.length}`);
}

async function hourly() {
  const [closed] = await closeExpiredJobs();
  const stale = await pipeline.staleScreening(new Date(Date.now() - 5 * 24 * 60 * MINUTE));
  console.log(`closed jobs: ${closed}, stale screening: ${stale.length}`);
}

async function nightly() {
  const rejected = await pipeline.rejectedSince(new Date(Date.now() - 24 * 60 * MINUTE));
  console.log(`rejection mails: ${rejected.length}`);
}

export function startCron() {
  setInterval(() => void every15Minutes(), 15 * MINUTE);
  setInterval(() => void hourly(), 60 * MINUTE);
  setInterval(() => void nightly(), 24 * 60 * MINUTE);
}
