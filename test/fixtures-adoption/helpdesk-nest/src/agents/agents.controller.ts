import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post } from "@nestjs/common";
import { AgentsService, InviteAgentInput } from "./agents.service";

@Controller("organizations/:organizationId/agents")
export class AgentsController {
  constructor(private readonly agentsService: AgentsService) {}

  @Get()
  roster(@Param("organizationId", ParseIntPipe) organizationId: number) {
    return this.agentsService.roster(organizationId);
  }

  @Post()
  invite(@Param("organizationId", ParseIntPipe) organizationId: number, @Body() body: InviteAgentInput) {
    return this.agentsService.invite(organizationId, body);
  }

  @Delete(":agentId")
  deactivate(
    @Param("organizationId", ParseIntPipe) organizationId: number,
    @Param("agentId", ParseIntPipe) agentId: number,
  ) {
    return this.agentsService.deactivate(organizationId, agentId);
  }
}
