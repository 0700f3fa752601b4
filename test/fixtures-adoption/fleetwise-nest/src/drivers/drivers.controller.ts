import { Controller, Get, Param, Query } from "@nestjs/common";
import { DriversService } from "./drivers.service";

@Controller()
export class DriversController {
  constructor(private readonly drivers: DriversService) {}

  @Get("fleets/:fleetId/drivers")
  list(@Param("fleetId") fleetId: string) {
    return this.drivers.listForFleet(fleetId);
  }

  // The driver app signs in with a magic link and resolves the driver by email.
  @Get("drivers/lookup")
  lookup(@Query("email") email: string) {
    return this.drivers.findByEmail(email);
  }
}
