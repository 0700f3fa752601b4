import { InjectQueue } from "@nestjs/bullmq";
import { Body, Controller, Get, NotFoundException, Param, Post } from "@nestjs/common";
import type { Queue } from "bullmq";
import { Type } from "class-transformer";
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsNumber, IsString, IsUUID, ValidateNested } from "class-validator";
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
