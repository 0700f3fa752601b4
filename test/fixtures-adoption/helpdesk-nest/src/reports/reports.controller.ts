import { Controller, Get, Param, ParseIntPipe } from "@nestjs/common";
import { ReportsService } from "./reports.service";

@Controller("organizations/:organizationId/reports")
export class ReportsController {
  constructor(private readonly reportsService: ReportsService) {}

  @Get("workload")
  workload(@Param("organizationId", ParseIntPipe) organizationId: number) {
    return this.reportsService.agentWorkload(organizationId);
  }

  @Get("resolution")
  async resolution(@Param("organizationId", ParseIntPipe) organizationId: number) {
    return { averageResolutionMinutes: await this.reportsService.averageResolutionMinutes(organizationId) };
  }

  @Get("priorities")
  priorities(@Param("organizationId", ParseIntPipe) organizationId: number) {
    return this.reportsService.openByPriority(organizationId);
  }

  @Get("oldest-open")
  oldestOpen(@Param("organizationId", ParseIntPipe) organizationId: number) {
    return this.reportsService.oldestOpen(organizationId);
  }
}
