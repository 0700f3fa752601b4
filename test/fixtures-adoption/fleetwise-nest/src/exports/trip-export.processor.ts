import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Processor, WorkerHost } from "@nestjs/bullmq";
import type { Trip } from "@prisma/client";
import type { Job } from "bullmq";
import { PrismaService } from "../prisma/prisma.service";

const EXPORT_PAGE = 1000;
const HEADER = "id,vehicleId,driverId,startedAt,endedAt,distanceKm,fuelLiters";

interface TripExportJob {
  fleetId: string;
  from: string;
  to: string;
}

function toCsv(trip: Trip): string {
  return [
    trip.id,
    trip.vehicleId,
    trip.driverId,
    trip.startedAt.toISOString(),
    trip.endedAt ? trip.endedAt.toISOString() : "",
    trip.distanceKm.toFixed(1),
    trip.fuelLiters.toFixed(2),
  ].join(",");
}

@Processor("trip-exports")
export class TripExportProcessor extends WorkerHost {
  private readonly s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-west-1" });

  constructor(private readonly prisma: PrismaService) {
    super();
  }

  async process(job: Job<TripExportJob>): Promise<{ key: string; rows: number }> {
    const { fleetId } = job.data;
    const from = new Date(job.data.from);
    const to = new Date(job.data.to);
    const lines = [HEADER];
    let cursor: string | undefined;

    // Keyset pages over the window; the CSV is uploaded once at the end.
    for (;;) {
      const page = await this.prisma.trip.findMany({
        where: { fleetId, startedAt: { gte: from, lt: to } },
        orderBy: { id: "asc" },
        take: EXPORT_PAGE,
        cursor: cursor ? { id: cursor } : undefined,
        skip: cursor ? 1 : 0,
      });
      for (const trip of page) lines.push(toCsv(trip));
      await job.updateProgress(lines.length - 1);
      if (page.length < EXPORT_PAGE) break;
      cursor = page[page.length - 1].id;
    }

    const key = `exports/${fleetId}/trips-${job.data.from.slice(0, 10)}-${job.data.to.slice(0, 10)}.csv`;
    await this.s3.send(
      new PutObjectCommand({ Bucket: process.env.EXPORT_BUCKET, Key: key, Body: lines.join("\n"), ContentType: "text/csv" }),
    );
    return { key, rows: lines.length - 1 };
  }
}
