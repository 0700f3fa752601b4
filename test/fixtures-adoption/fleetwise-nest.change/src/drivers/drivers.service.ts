import { Injectable, NotFoundException } from "@nestjs/common";
import type { Driver } from "@prisma/client";
import { PrismaService } from "../prisma/prisma.service";

/** Emails from the magic-link flow arrive with stray spaces and mixed case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class DriversService {
  constructor(private readonly prisma: PrismaService) {}

  listForFleet(fleetId: string): Promise<Driver[]> {
    return this.prisma.driver.findMany({ where: { fleetId, active: true }, orderBy: { name: "asc" } }); // expect: missing-pagination
  }

  async findByEmail(email: string): Promise<Driver> {
    const normalized = normalizeEmail(email);
    const driver = await this.prisma.driver.findFirst({ where: { email: normalized } }); // expect: unindexed-filter
    if (!driver) throw new NotFoundException("No driver with that email");
    return driver;
  }
}
