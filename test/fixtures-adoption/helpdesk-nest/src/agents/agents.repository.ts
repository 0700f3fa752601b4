import { Injectable } from "@nestjs/common";
import type { Agent, AgentRole } from "@prisma/client";
import { PrismaService } from "../prisma/prisma.service";

// Largest team we sell (Enterprise plan); the roster UI does not page.
const MAX_AGENTS = 100;

@Injectable()
export class AgentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  listActive(organizationId: number): Promise<Agent[]> {
    return this.prisma.agent.findMany({
      where: { organizationId, active: true },
      orderBy: { displayName: "asc" },
      take: MAX_AGENTS,
    });
  }

  findInOrganization(id: number, organizationId: number): Promise<Agent | null> {
    return this.prisma.agent.findFirst({ where: { id, organizationId } });
  }

  create(data: { organizationId: number; email: string; displayName: string; role: AgentRole }): Promise<Agent> {
    return this.prisma.agent.create({ data });
  }

  deactivate(id: number): Promise<Agent> {
    return this.prisma.agent.update({ where: { id }, data: { active: false } });
  }
}
