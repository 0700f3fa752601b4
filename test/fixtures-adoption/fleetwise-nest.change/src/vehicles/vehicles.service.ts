import { ConflictException, Injectable, NotFoundException } from "@nestjs/common";
import type { TelemetryPing, Vehicle } from "@prisma/client";
import { chunk } from "../common/chunk";
import { LruCache } from "../common/lru-cache";
import { PrismaService } from "../prisma/prisma.service";

const VEHICLE_STATUSES = ["ACTIVE", "IN_SHOP", "RETIRED"] as const;
const RETIRE_BATCH = 500;
const MAX_PAGE = 100;

/** UK plates are stored without spaces and upper-cased ("AB12 CDE" -> "AB12CDE"). */
export function normalizePlate(plate: string): string {
  return plate.replace(/\s+/g, "").toUpperCase();
}

@Injectable()
export class VehiclesService {
  // Dispatchers type plates all day; the same few hundred vehicles come back again and again.
  private readonly plateCache = new LruCache<string, Vehicle>(500);

  constructor(private readonly prisma: PrismaService) {}

  async page(fleetId: string, limit: number, cursor?: string) {
    const take = Math.min(Math.max(limit, 1), MAX_PAGE);
    const items = await this.prisma.vehicle.findMany({
      where: { fleetId },
      orderBy: { id: "asc" },
      take,
      cursor: cursor ? { id: cursor } : undefined,
      skip: cursor ? 1 : 0,
    });
    return { items, nextCursor: items.length === take ? items[items.length - 1].id : null };
  }

  async byPlate(plate: string): Promise<Vehicle> {
    const normalized = normalizePlate(plate);
    const cached = this.plateCache.get(normalized);
    if (cached) return cached;
    const vehicle = await this.prisma.vehicle.findUnique({ where: { plate: normalized } });
    if (!vehicle) throw new NotFoundException(`No vehicle with plate ${normalized}`);
    this.plateCache.set(normalized, vehicle);
    return vehicle;
  }

  async byVin(vin: string): Promise<Vehicle | null> {
    const cached = this.plateCache.find((vehicle) => vehicle.vin === vin);
    if (cached) return cached;
    return this.prisma.vehicle.findUnique({ where: { vin } });
  }

  async fleetSummary(fleetId: string): Promise<Record<string, number>> {
    const summary: Record<string, number> = {};
    for (const status of VEHICLE_STATUSES) {
      summary[status] = await this.prisma.vehicle.count({ where: { fleetId, status } });
    }
    return summary;
  }

  async fuelUsed(vehicleId: string): Promise<{ vehicleId: string; litersUsed: number }> {
    const trips = await this.prisma.trip.findMany({ where: { vehicleId } }); // expect: unbounded-query
    const litersUsed = trips.reduce((sum, trip) => sum + trip.fuelLiters, 0); // expect: in-memory-aggregation
    return { vehicleId, litersUsed: Math.round(litersUsed * 10) / 10 };
  }

  async assertDispatchable(vehicleId: string): Promise<void> {
    const openTickets = await this.prisma.maintenanceTicket.findMany({ where: { vehicleId, status: "OPEN" } }); // expect: count-via-length, unbounded-query
    if (openTickets.length > 0) {
      throw new ConflictException("Vehicle has open maintenance tickets");
    }
  }

  recentPings(vehicleId: string): Promise<TelemetryPing[]> {
    return this.prisma.$queryRaw<TelemetryPing[]>`SELECT * FROM "TelemetryPing" WHERE "vehicleId" = ${vehicleId} ORDER BY "recordedAt" DESC LIMIT 100`; // expect: select-star
  }

  async retireMany(fleetId: string, vehicleIds: string[]): Promise<number> {
    let retired = 0;
    for (const part of chunk(vehicleIds, RETIRE_BATCH)) {
      const result = await this.prisma.vehicle.updateMany({
        where: { fleetId, id: { in: part } },
        data: { status: "RETIRED" },
      });
      retired += result.count;
    }
    return retired;
  }
}
