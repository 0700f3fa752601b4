// Redirect hot path cache. Entries are keyed by "hostname/key" and expire after a minute.
// The method names follow Prisma's on purpose (the redirect handler falls back to
// prisma.link.findUnique with the same argument), but this is a plain Map.

export interface CachedLink {
  id: string;
  url: string;
  expiresAt: Date | null;
}

interface Entry {
  link: CachedLink;
  storedAt: number;
}

export class EdgeCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs = 60_000) {}

  findUnique(args: { where: { hostname: string; key: string } }): CachedLink | null {
    const entry = this.entries.get(`${args.where.hostname}/${args.where.key}`);
    if (!entry || Date.now() - entry.storedAt > this.ttlMs) return null;
    return entry.link;
  }

  upsert(hostname: string, key: string, link: CachedLink): void {
    this.entries.set(`${hostname}/${key}`, { link, storedAt: Date.now() });
  }

  deleteMany(args: { where: { linkId: string } }): void {
    for (const [k, entry] of this.entries) {
      if (entry.link.id === args.where.linkId) this.entries.delete(k);
    }
  }
}

export const edgeCache = new EdgeCache();
