/**
 * A tiny in-process store with a Prisma-like surface. Presence ("who is looking
 * at this ticket right now") changes every few seconds and must never touch
 * PostgreSQL, so it lives here and expires on its own.
 */
export interface PresenceEntry {
  ticketId: number;
  userId: string;
  seenAt: number;
}

function matches<T extends object>(row: T, where: Partial<T>): boolean {
  return (Object.keys(where) as (keyof T)[]).every((key) => row[key] === where[key]);
}

export class MemoryStore<T extends object> {
  private rows: T[] = [];

  constructor(private readonly ttlMs: number, private readonly stampOf: (row: T) => number) {}

  create(args: { data: T }): T {
    this.rows.push(args.data);
    return args.data;
  }

  findMany(args: { where: Partial<T> }): T[] {
    const now = Date.now();
    this.rows = this.rows.filter((row) => now - this.stampOf(row) < this.ttlMs);
    return this.rows.filter((row) => matches(row, args.where));
  }

  findFirst(args: { where: Partial<T> }): T | undefined {
    return this.findMany(args)[0];
  }

  deleteMany(args: { where: Partial<T> }): { count: number } {
    const before = this.rows.length;
    this.rows = this.rows.filter((row) => !matches(row, args.where));
    return { count: before - this.rows.length };
  }
}

export const presence = new MemoryStore<PresenceEntry>(30_000, (row) => row.seenAt);
