import { BadRequestException, Injectable, NotFoundException } from "@nestjs/common";
import { PrismaService } from "../prisma/prisma.service";

export interface Waypoint {
  kind: "DEPOT" | "STOP" | "CUSTOMER";
  name: string;
  lat: number;
  lng: number;
}

export interface StartTripInput {
  vehicleId: string;
  driverId: string;
  waypoints: Waypoint[];
}

@Injectable()
export class TripsService {
  constructor(private readonly prisma: PrismaService) {}

  loadOne(fleetId: string, tripId: string) {
    return this.prisma.trip.findFirst({
      where: { id: tripId, fleetId },
      include: { driver: { select: { id: true, name: true } } },
    });
  }

  async start(fleetId: string, input: StartTripInput) {
    const depot = input.waypoints.find((waypoint) => waypoint.kind === "DEPOT");
    if (!depot) throw new BadRequestException("A trip starts at a depot");

    const vehicle = await this.prisma.vehicle.findFirst({ where: { id: input.vehicleId, fleetId, status: "ACTIVE" } });
    if (!vehicle) throw new NotFoundException("Vehicle not found or not active");
    const driver = await this.prisma.driver.findFirst({ where: { id: input.driverId, fleetId, active: true } });
    if (!driver) throw new NotFoundException("Driver not found or inactive");

    return this.prisma.trip.create({
      data: {
        fleetId,
        vehicleId: vehicle.id,
        driverId: driver.id,
        startedAt: new Date(),
        originName: depot.name,
      },
    });
  }
}
