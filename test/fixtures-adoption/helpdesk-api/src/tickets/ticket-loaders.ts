import { Injectable, Scope } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import DataLoader from "dataloader";
import { In, Repository } from "typeorm";
import { Agent } from "../entities/agent.entity";

/**
 * One instance per GraphQL request: every `assignee` asked for while a
 * response is being resolved is collected and fetched in a single query.
 */
@Injectable({ scope: Scope.REQUEST })
export class TicketLoaders {
  readonly agents: DataLoader<string, Agent | null>;

  constructor(@InjectRepository(Agent) private readonly agentRepo: Repository<Agent>) {
    this.agents = new DataLoader<string, Agent | null>(async (ids) => {
      const agents = await this.agentRepo.find({ where: { id: In([...ids]) } });
      const byId = new Map<string, Agent>();
      for (const agent of agents) byId.set(agent.id, agent);
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}
