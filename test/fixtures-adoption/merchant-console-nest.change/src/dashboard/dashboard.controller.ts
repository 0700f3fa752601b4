import { Controller, Get, Param, ParseIntPipe } from "@nestjs/common";
import { DashboardService, dashboardMeta } from "./dashboard.service";

@Controller("merchants/:merchantId/dashboard")
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  async get(@Param("merchantId", ParseIntPipe) merchantId: number) {
    const [revenue, lowStock, statuses] = await Promise.all([
      this.dashboard.revenue(merchantId),
      this.dashboard.lowStock(merchantId),
      this.dashboard.statusBreakdown(merchantId),
    ]);
    return { merchantId, revenueCents: revenue.totalCents, lowStock, statuses, meta: dashboardMeta() };
  }
}
