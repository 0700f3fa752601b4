/**
 * Carts of anonymous visitors live in memory (sticky sessions) until checkout.
 * The method names follow the Prisma client so the checkout code reads the
 * same whichever store it talks to; nothing here touches MySQL.
 */
export interface CartLine {
  variantId: number;
  quantity: number;
}

export interface Cart {
  token: string;
  storeId: number;
  lines: CartLine[];
  updatedAt: number;
}

export class CartStore {
  private readonly carts = new Map<string, Cart>();

  findUnique(args: { where: { token: string } }): Cart | null {
    return this.carts.get(args.where.token) ?? null;
  }

  findMany(args: { where: { storeId: number } }): Cart[] {
    return [...this.carts.values()].filter((cart) => cart.storeId === args.where.storeId);
  }

  upsert(args: { where: { token: string }; create: Cart; update: Partial<Cart> }): Cart {
    const existing = this.carts.get(args.where.token);
    const next = existing ? { ...existing, ...args.update, updatedAt: Date.now() } : args.create;
    this.carts.set(args.where.token, next);
    return next;
  }

  delete(args: { where: { token: string } }): void {
    this.carts.delete(args.where.token);
  }
}

export const carts = new CartStore();
