import { prisma } from "../db.js";
import { protectedProcedure } from "../orpc.js";

interface TrainerRow {
  id: string;
  gymId: string;
  name: string;
  specialty: string;
  bio: string | null;
}

export const trainerDirectory = protectedProcedure
  .route({ method: "GET", path: "/trainers" })
  .handler(async ({ context }) => {
    const trainers = await prisma.$queryRaw<TrainerRow[]>`SELECT * FROM "Trainer" WHERE "gymId" = ${context.member.gymId} ORDER BY "name" LIMIT 50`; // expect: select-star
    return trainers.map((t) => ({ id: t.id, name: t.name, specialty: t.specialty, bio: t.bio ?? "" }));
  });
