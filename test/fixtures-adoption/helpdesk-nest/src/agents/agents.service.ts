import { ConflictException, Injectable, NotFoundException } from "@nestjs/common";
import type { Agent, AgentRole } from "@prisma/client";
import { PrismaService } from "../prisma/prisma.service";
import { AgentsRepository } from "./agents.repository";

export interface InviteAgentInput {
  email: string;
  displayName: string;
  role?: AgentRole;
}

@Injectable()
export class AgentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly agents: AgentsRepository,
  ) {}

  roster(organizationId: number): Promise<Agent[]> {
    return this.agents.listActive(organizationId);
  }

  async invite(organizationId: number, input: InviteAgentInput): Promise<Agent> {
    const organization = await this.prisma.organization.findUnique({
      where: { id: organizationId },
      select: { id: true, seatLimit: true },
    });
    if (!organization) {
      throw new NotFoundException(`organization ${organizationId} not found`);
    }

    const seatsUsed = (await this.prisma.agent.findMany({ where: { organizationId, active: true } })).length; // expect: count-via-length, unbounded-query
    if (seatsUsed >= organization.seatLimit) {
      throw new ConflictException(`all ${organization.seatLimit} seats are taken`);
    }

    return this.agents.create({
      organizationId,
      email: input.email.trim().toLowerCase(),
      displayName: input.displayName,
      role: input.role ?? "AGENT",
    });
  }

  async deactivate(organizationId: number, agentId: number): Promise<Agent> {
    const agent = await this.agents.findInOrganization(agentId, organizationId);
    if (!agent) {
      throw new NotFoundException(`agent ${agentId} not found`);
    }
    return this.agents.deactivate(agent.id);
  }
}
