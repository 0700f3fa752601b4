import { Injectable } from "@nestjs/common";
import type { MaintenanceTicket } from "@prisma/client";
import { PrismaService } from "../prisma/prisma.service";

@Injectable()
export class MaintenanceService {
  constructor(private readonly prisma: PrismaService) {}

  async openTicketIfMissing(vehicleId: string, kind: string): Promise<MaintenanceTicket> {
    const open = await this.prisma.maintenanceTicket.findFirst({ where: { vehicleId, kind, status: "OPEN" } });
    if (open) return open;
    return this.prisma.maintenanceTicket.create({ data: { vehicleId, kind, notes: "Opened by the service-interval sweep" } });
  }
}
