import "server-only";
import { prisma } from "@/lib/db";

export interface PublicProfile {
  id: string;
  name: string;
  avatarUrl: string | null;
}

export async function getPublicProfile(userId: string): Promise<PublicProfile | null> {
  return prisma.user.findUnique({ where: { id: userId }, select: { id: true, name: true, avatarUrl: true } });
}
