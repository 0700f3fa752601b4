import { ActivityLog } from "../models/activity-log";

export interface ActivityInput {
  companyId: number;
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId: number;
  meta?: Record<string, unknown>;
}

export function logActivity(entry: ActivityInput) {
  return ActivityLog.create({ ...entry });
}

/** Company dashboard feed. */
export function companyFeed(companyId: number) {
  return ActivityLog.findAll({ where: { companyId }, order: [["createdAt", "DESC"]], limit: 50 }); // expect: unindexed-filter
}

/** Timeline on an application / candidate page. */
export function subjectHistory(subjectType: string, subjectId: number) {
  return ActivityLog.findAll({ where: { subjectType, subjectId }, order: [["createdAt", "DESC"]], limit: 100 });
}
