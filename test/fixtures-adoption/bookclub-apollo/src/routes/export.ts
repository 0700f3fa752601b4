import { Router } from "express";
import type { Review } from "@prisma/client";
import { prisma } from "../db";

export const exportRouter = Router();

function toReviewExport(review: Review) {
  return {
    id: review.id,
    bookId: review.bookId,
    authorId: review.authorId,
    rating: review.rating,
    body: review.body,
    createdAt: review.createdAt.toISOString(),
  };
}

// Club owners download their club's reviews to archive them.
exportRouter.get("/export/clubs/:clubId/reviews.json", async (req, res) => {
  const reviews = await prisma.review.findMany({ where: { clubId: req.params.clubId }, orderBy: { createdAt: "asc" } }); // expect: missing-pagination
  res.json({ clubId: req.params.clubId, reviews: reviews.map(toReviewExport) });
});

exportRouter.get("/healthz", async (_req, res) => {
  await prisma.$queryRaw`SELECT 1`;
  res.json({ ok: true });
});
