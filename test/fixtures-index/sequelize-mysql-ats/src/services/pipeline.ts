import { Op } from "sequelize";
import { Application, Candidate, Interview, Job, type Stage } from "../models/hiring";
import { User } from "../models/org";

export function apply(jobId: number, candidateId: number) {
  return Application.create({ jobId, candidateId, appliedAt: new Date() });
}

export function hiredCount(jobId: number) {
  return Application.count({ where: { jobId, stage: "hired" } });
}

export function openApplicationsOf(candidateId: number) {
  return Application.findAll({ where: { candidateId }, include: [{ model: Job, where: { status: "open" }, required: true }] });
}

/** Reminder to the recruiter: applications waiting in screening for too long. */
export function staleScreening(cutoff: Date) {
  return Application.findAll({ where: { stage: "screening", appliedAt: { [Op.lt]: cutoff } }, include: [Candidate, Job] });
}

/** Nightly: send the polite rejection e-mail to everyone rejected since the last run. */
export function rejectedSince(since: Date) {
  return Application.findAll({ where: { rejectedAt: { [Op.gte]: since } }, include: [Candidate] }); // expect: unindexed-filter
}

export function moveStage(id: number, stage: Stage) {
  return Application.update({ stage, rejectedAt: stage === "rejected" ? new Date() : null }, { where: { id } });
}

export function upcomingFor(interviewerId: number) {
  return Interview.findAll({ where: { interviewerId, scheduledAt: { [Op.gte]: new Date() } }, order: [["scheduledAt", "ASC"]], limit: 10 });
}

export function interviewsOf(applicationId: number) {
  return Interview.findAll({ where: { applicationId }, order: [["scheduledAt", "ASC"]] });
}

/** Every 15 minutes: interviews starting in the next window get a reminder. */
export function remindersDue(from: Date, to: Date) {
  return Interview.findAll({ where: { [Op.and]: [{ status: "scheduled" }, { scheduledAt: { [Op.between]: [from, to] } }] }, include: [{ model: User, as: "interviewer" }] }); // expect: unindexed-filter
}

/** Calendar push notification: the interviewer moved or deleted the event. */
export function byCalendarEvent(calendarEventId: string) {
  return Interview.findOne({ where: { calendarEventId } }); // expect: unindexed-filter
}
