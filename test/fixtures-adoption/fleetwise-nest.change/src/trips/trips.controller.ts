import { InjectQueue } from "@nestjs/bullmq";
import { Body, Controller, Get, NotFoundException, Param, Post } from "@nestjs/common";
import type { Queue } from "bullmq";
import { Type } from "class-transformer";
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsString,
  IsUUID,
  ValidateNested,
} from "class-validator";
import { TripsService, type Waypoint } from "./trips.service";

class WaypointDto implements Waypoint {
  @IsIn(["DEPOT", "STOP", "CUSTOMER"])
  kind!: Waypoint["kind"];

  @IsString()
  name!: string;

  @IsNumber()
  lat!: number;

  @IsNumber()
  lng!: number;
}

class StartTripDto {
  @IsUUID("4")
  vehicleId!: string;

  @IsUUID("4")
  driverId!: string;

  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => WaypointDto)
  waypoints!: WaypointDto[];
}

class CompareTripsDto {
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @IsUUID("4", { each: true })
  tripIds!: string[];
}

type LoadedTrip = NonNullable<Awaited<ReturnType<TripsService["loadOne"]>>>;

function toComparisonRow(trip: LoadedTrip) {
  const hours = trip.endedAt ? (trip.endedAt.getTime() - trip.startedAt.getTime()) / 3_600_000 : null;
  return {
    id: trip.id,
    driver: trip.driver.name,
    startedAt: trip.startedAt.toISOString(),
    distanceKm: trip.distanceKm,
    fuelLiters: trip.fuelLiters,
    litersPer100Km: trip.distanceKm > 0 ? Math.round((trip.fuelLiters / trip.distanceKm) * 1000) / 10 : null,
    hours: hours === null ? null : Math.round(hours * 10) / 10,
  };
}

class TripExportDto {
  @IsISO8601()
  from!: string;

  @IsISO8601()
  to!: string;
}

@Controller("fleets/:fleetId/trips")
export class TripsController {
  constructor(
    private readonly trips: TripsService,
    @InjectQueue("trip-exports") private readonly exportsQueue: Queue,
  ) {}

  @Post()
  start(@Param("fleetId") fleetId: string, @Body() dto: StartTripDto) {
    return this.trips.start(fleetId, dto);
  }

  // Side-by-side view in the dispatcher console: up to ten trips picked from the map.
  @Post("compare")
  async compare(@Param("fleetId") fleetId: string, @Body() dto: CompareTripsDto) {
    const ids = [...new Set(dto.tripIds)];
    const pending = Array.from(ids, (id) => this.trips.loadOne(fleetId, id)); // expect-new: n-plus-one
    const trips = await Promise.all(pending);
    const found = trips.filter((trip): trip is LoadedTrip => trip !== null);
    return { requested: ids.length, trips: found.map(toComparisonRow) };
  }

  @Get(":tripId")
  async one(@Param("fleetId") fleetId: string, @Param("tripId") tripId: string) {
    const trip = await this.trips.loadOne(fleetId, tripId);
    if (!trip) throw new NotFoundException("Trip not found");
    return trip;
  }

  @Post("exports")
  async requestExport(@Param("fleetId") fleetId: string, @Body() dto: TripExportDto) {
    const job = await this.exportsQueue.add("csv", { fleetId, from: dto.from, to: dto.to }, { attempts: 3 });
    return { jobId: job.id };
  }
}
