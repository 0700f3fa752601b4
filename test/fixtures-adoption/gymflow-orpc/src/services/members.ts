import type { Member } from "@prisma/client";
import { prisma } from "../db.js";

export interface MemberDto {
  id: string;
  name: string;
  email: string;
  planCode: string;
  joinedAt: string;
}

export function toMemberDto(member: Member): MemberDto {
  return {
    id: member.id,
    name: member.name,
    email: member.email,
    planCode: member.planCode,
    joinedAt: member.joinedAt.toISOString(),
  };
}

export async function listMembersOfGym(gymId: string) {
  return prisma.member.findMany({ where: { gymId }, orderBy: { name: "asc" } }); // expect: missing-pagination
}

export async function hasOpenInvoices(memberId: string): Promise<boolean> {
  const open = await prisma.invoice.findMany({ where: { memberId, status: "OPEN" } }); // expect: count-via-length, unbounded-query
  return open.length > 0;
}
