import type { OrderStatus } from "@prisma/client";
import { prisma } from "../db";
import type { CartLine } from "../lib/cartStore";

export class OutOfStockError extends Error {}

export interface Checkout {
  storeId: number;
  email: string;
  firstName: string;
  lastName: string;
  shippingAddressId?: number;
  couponCode?: string;
  lines: (CartLine & { unitPriceCents: number })[];
}

export function orderByNumber(storeId: number, number: string) {
  return prisma.order.findUnique({ where: { storeOrderNumber: { storeId, number } }, include: { items: { include: { variant: true } } } });
}

export function customerOrders(customerId: number) {
  return prisma.order.findMany({ where: { customerId }, orderBy: { placedAt: "desc" }, take: 10 });
}

export function fulfilmentQueue(storeId: number, cursor?: number) {
  return prisma.order.findMany({ where: { storeId, status: "PAID" }, orderBy: { placedAt: "asc" }, cursor: cursor ? { id: cursor } : undefined, skip: cursor ? 1 : 0, take: 100 });
}

export function searchOrders(storeId: number, q: string) {
  return prisma.order.findMany({ where: { storeId, OR: [{ number: { contains: q } }, { customer: { email: { contains: q } } }] }, take: 20 });
}

export function ordersPlacedSince(storeId: number, since: Date) {
  return prisma.order.count({ where: { storeId, placedAt: { gte: since } } });
}

/** Partner dashboard: how much a coupon code brought in, across every store that honours it. */
export function couponUsage(code: string) {
  const counted: OrderStatus[] = ["PAID", "FULFILLED"];
  return prisma.order.aggregate({ where: { couponCode: code, status: { in: counted } }, _count: { _all: true }, _sum: { totalCents: true } }); // expect: unindexed-filter
}

export function marketingAudience(storeId: number, cursor?: number) {
  return prisma.customer.findMany({ where: { storeId, acceptsMarketing: true }, orderBy: { id: "asc" }, cursor: cursor ? { id: cursor } : undefined, skip: cursor ? 1 : 0, take: 500, select: { id: true, email: true, firstName: true } });
}

export function wishlist(customerId: number) {
  return prisma.wishlistItem.findMany({ where: { customerId }, include: { variant: { include: { product: { select: { id: true, title: true } } } } }, orderBy: { addedAt: "desc" } });
}

export function addToWishlist(customerId: number, variantIds: number[]) {
  return prisma.wishlistItem.createMany({ data: variantIds.map((variantId) => ({ customerId, variantId })), skipDuplicates: true });
}

export async function placeOrder(input: Checkout) {
  return prisma.$transaction(async (tx) => {
    const customer = await tx.customer.upsert({ where: { storeId_email: { storeId: input.storeId, email: input.email } }, create: { storeId: input.storeId, email: input.email, firstName: input.firstName, lastName: input.lastName }, update: {} });
    for (const line of input.lines) {
      const { count } = await tx.variant.updateMany({ where: { id: line.variantId, stock: { gte: line.quantity } }, data: { stock: { decrement: line.quantity } } });
      if (count === 0) throw new OutOfStockError(`variant ${line.variantId}`);
    }
    const totalCents = input.lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
    const order = await tx.order.create({
      data: {
        storeId: input.storeId,
        customerId: customer.id,
        shippingAddressId: input.shippingAddressId,
        couponCode: input.couponCode,
        number: `${Date.now().toString(36)}`.toUpperCase(),
        totalCents,
        items: { create: input.lines.map((line, index) => ({ lineNo: index + 1, variantId: line.variantId, quantity: line.quantity, unitPriceCents: line.unitPriceCents })) },
      },
    });
    await tx.inventoryMovement.createMany({ data: input.lines.map((line) => ({ variantId: line.variantId, delta: -line.quantity, reason: "SOLD" as const, reference: `order:${order.id}` })) });
    return order;
  });
}
