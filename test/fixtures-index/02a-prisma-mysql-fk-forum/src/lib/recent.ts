import { LRUCache } from "lru-cache";

export interface ThreadSummary {
  id: number;
  forumId: number;
  slug: string;
  title: string;
  lastPostAt: Date;
}

// Hot threads are kept in memory for the front page; this is not a database.
export const hotThreads = new LRUCache<number, ThreadSummary>({ max: 500, ttl: 60_000 });

export const recentlyViewed: ThreadSummary[] = [];

export function rememberView(thread: ThreadSummary): void {
  const existing = recentlyViewed.find((t) => t.id === thread.id);
  if (!existing) recentlyViewed.unshift(thread);
  if (recentlyViewed.length > 50) recentlyViewed.pop();
}

export function findViewedBySlug(slug: string): ThreadSummary | undefined {
  return recentlyViewed.find((t) => t.slug === slug);
}
