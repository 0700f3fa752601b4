import { Injectable, NotFoundException } from "@nestjs/common";
import type { Driver } from "@prisma/client";
import { PrismaService } from "../prisma/prisma.service";

@Injectable()
export class DriversService {
  constructor(private readonly prisma: PrismaService) {}

  listForFleet(fleetId: string): Promise<Driver[]> {
    return this.prisma.driver.findMany({ where: { fleetId, active: true }, orderBy: { name: "asc" } }); // expect: missing-pagination
  }

  async findByEmail(email: string): Promise<Driver> {
    const normalized = email.trim().toLowerCase();
    const driver = await this.prisma.driver.findFirst({ where: { email: normalized } }); // expect: unindexed-filter
    if (!driver) throw new NotFoundException("No driver with that email");
    return driver;
  }
}
