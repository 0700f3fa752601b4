import { Injectable, Logger } from "@nestjs/common";
import { Cron, CronExpression } from "@nestjs/schedule";
import { PrismaService } from "../prisma/prisma.service";
import { MaintenanceService } from "./maintenance.service";

const SWEEP_SIZE = 300;

@Injectable()
export class MaintenanceScheduler {
  private readonly logger = new Logger(MaintenanceScheduler.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly maintenance: MaintenanceService,
  ) {}

  // Highest odometers first: those are the vehicles most likely past their service interval.
  @Cron(CronExpression.EVERY_HOUR)
  async sweepServiceIntervals(): Promise<void> {
    const vehicles = await this.prisma.vehicle.findMany({
      where: { status: "ACTIVE" },
      select: { id: true, odometerKm: true, nextServiceKm: true },
      orderBy: { odometerKm: "desc" },
      take: SWEEP_SIZE,
    });
    for (const vehicle of vehicles) {
      if (vehicle.odometerKm < vehicle.nextServiceKm) continue;
      await this.maintenance.openTicketIfMissing(vehicle.id, "SERVICE"); // expect: n-plus-one
    }
    this.logger.log("service-interval sweep finished");
  }
}
