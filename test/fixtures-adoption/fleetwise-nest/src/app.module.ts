import { BullModule } from "@nestjs/bullmq";
import { Module } from "@nestjs/common";
import { ScheduleModule } from "@nestjs/schedule";
import { DriversController } from "./drivers/drivers.controller";
import { DriversService } from "./drivers/drivers.service";
import { TripExportProcessor } from "./exports/trip-export.processor";
import { MaintenanceScheduler } from "./maintenance/maintenance.scheduler";
import { MaintenanceService } from "./maintenance/maintenance.service";
import { PrismaService } from "./prisma/prisma.service";
import { TripsController } from "./trips/trips.controller";
import { TripsService } from "./trips/trips.service";
import { VehiclesController } from "./vehicles/vehicles.controller";
import { VehiclesService } from "./vehicles/vehicles.service";

@Module({
  imports: [
    ScheduleModule.forRoot(),
    BullModule.forRoot({
      connection: { host: process.env.REDIS_HOST ?? "localhost", port: Number(process.env.REDIS_PORT ?? 6379) },
    }),
    BullModule.registerQueue({ name: "trip-exports" }),
  ],
  controllers: [VehiclesController, DriversController, TripsController],
  providers: [
    PrismaService,
    VehiclesService,
    DriversService,
    TripsService,
    MaintenanceService,
    MaintenanceScheduler,
    TripExportProcessor,
  ],
})
export class AppModule {}
