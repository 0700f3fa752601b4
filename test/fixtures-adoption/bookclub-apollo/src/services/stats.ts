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
