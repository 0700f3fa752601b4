import type { Prisma } from "@prisma/client";
import { prisma } from "../db";

export interface ProductQuery {
  maxPriceCents?: number;
  q?: string;
  take?: number;
}

const cardSelect = { id: true, sku: true, title: true, priceCents: true, publishedAt: true } satisfies Prisma.ProductSelect;

export function storeByHandle(handle: string) {
  return prisma.store.findUnique({ where: { handle } });
}

export function productBySku(storeId: number, sku: string) {
  return prisma.product.findUnique({ where: { storeSku: { storeId, sku } }, include: { variants: true } });
}

export function listProducts(storeId: number, query: ProductQuery) {
  const where: Prisma.ProductWhereInput = { storeId, status: "ACTIVE" };
  if (query.maxPriceCents !== undefined) where.priceCents = { lte: query.maxPriceCents };
  if (query.q) where.title = { contains: query.q };
  return prisma.product.findMany({ where, select: cardSelect, orderBy: { publishedAt: "desc" }, take: Math.min(query.take ?? 24, 96) });
}

/** Point-of-sale scanner: EAN/UPC codes are global, the store is checked afterwards. */
export function variantByBarcode(barcode: string) {
  return prisma.variant.findFirst({ where: { barcode }, include: { product: { select: { id: true, storeId: true, title: true, priceCents: true } } } }); // expect: unindexed-filter
}

/** Cart lines reference either a variant or a product (its default variant). */
export function resolveCartLines(variantIds: number[], productIds: number[]) {
  return prisma.variant.findMany({ where: { OR: [{ id: { in: variantIds } }, { productId: { in: productIds } }] }, include: { product: { select: { id: true, title: true, priceCents: true } } } });
}

export function productReviews(productId: number) {
  return prisma.review.findMany({ where: { productId, approved: true }, orderBy: { createdAt: "desc" }, take: 20, select: { id: true, rating: true, body: true, createdAt: true } });
}

export function ratingSummary(productId: number) {
  return prisma.review.aggregate({ where: { productId, approved: true }, _avg: { rating: true }, _count: { _all: true } });
}

export function reviewsByCustomer(customerId: number) {
  return prisma.review.findMany({ where: { customerId }, select: { id: true, productId: true, rating: true, approved: true } });
}

/** Moderation screen: the newest reviews platform-wide, approved or not. */
export function latestReviewsForModeration() {
  return prisma.review.findMany({ orderBy: { createdAt: "desc" }, take: 20, include: { product: { select: { id: true, title: true, storeId: true } } } }); // expect: unindexed-filter
}

/** "Sold 1.2k" badges on the product page. */
export function unitsSold(variantIds: number[]) {
  return prisma.orderItem.groupBy({ by: ["variantId"], where: { variantId: { in: variantIds } }, _sum: { quantity: true } }); // expect: unindexed-filter
}
