import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from "@nestjs/common";
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from "class-validator";
import { VehiclesService } from "./vehicles.service";

class RetireVehiclesDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsUUID("4", { each: true })
  vehicleIds!: string[];
}

@Controller()
export class VehiclesController {
  constructor(private readonly vehicles: VehiclesService) {}

  @Get("fleets/:fleetId/vehicles")
  list(
    @Param("fleetId") fleetId: string,
    @Query("limit", new ParseIntPipe({ optional: true })) limit = 25,
    @Query("cursor") cursor?: string,
  ) {
    return this.vehicles.page(fleetId, limit, cursor);
  }

  @Get("fleets/:fleetId/summary")
  summary(@Param("fleetId") fleetId: string) {
    return this.vehicles.fleetSummary(fleetId);
  }

  @Post("fleets/:fleetId/vehicles/retire")
  async retire(@Param("fleetId") fleetId: string, @Body() dto: RetireVehiclesDto) {
    return { retired: await this.vehicles.retireMany(fleetId, dto.vehicleIds) };
  }

  @Get("vehicles/by-plate/:plate")
  byPlate(@Param("plate") plate: string) {
    return this.vehicles.byPlate(plate);
  }

  @Get("vehicles/by-vin/:vin")
  byVin(@Param("vin") vin: string) {
    return this.vehicles.byVin(vin);
  }

  @Get("vehicles/:vehicleId/fuel")
  fuel(@Param("vehicleId") vehicleId: string) {
    return this.vehicles.fuelUsed(vehicleId);
  }

  @Get("vehicles/:vehicleId/pings")
  pings(@Param("vehicleId") vehicleId: string) {
    return this.vehicles.recentPings(vehicleId);
  }

  @Post("vehicles/:vehicleId/dispatch-check")
  async dispatchCheck(@Param("vehicleId") vehicleId: string) {
    await this.vehicles.assertDispatchable(vehicleId);
    return { ok: true };
  }
}
