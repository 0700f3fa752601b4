import { prisma } from "../db";

const ROLES = ["OWNER", "MODERATOR", "MEMBER"] as const;

export interface RoleCount {
  role: (typeof ROLES)[number];
  count: number;
}

export interface ReadingStats {
  clubId: string;
  minutesRead: number;
  membersByRole: RoleCount[];
}

/** "1 h 05 min" for the club dashboard tooltip. */
export function formatMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return hours > 0 ? `${hours} h ${String(minutes).padStart(2, "0")} min` : `${minutes} min`;
}

/**
 * Minutes read by the whole club, and how many members hold each role.
 * Shown on the club dashboard; refreshed when the page opens.
 */
export async function readingStats(clubId: string): Promise<ReadingStats> {
  const progress = await prisma.readingProgress.findMany({ where: { clubId } }); // expect: unbounded-query
  const minutesRead = progress.reduce((sum, entry) => sum + entry.minutesRead, 0); // expect: in-memory-aggregation

  const membersByRole: RoleCount[] = [];
  for (const role of ROLES) {
    const count = await prisma.membership.count({ where: { clubId, role } });
    membersByRole.push({ role, count });
  }

  return { clubId, minutesRead, membersByRole };
}
