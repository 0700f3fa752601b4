import type { Tool } from "../entities/Tool";

// Hot tool pages are served from memory for a minute; the catalogue changes a few times a day.
class ToolCache {
  private readonly entries = new Map<number, { tool: Tool; expiresAt: number }>();

  constructor(private readonly ttlMs: number) {}

  findOne(id: number): Tool | null {
    const entry = this.entries.get(id);
    if (!entry || entry.expiresAt < Date.now()) return null;
    return entry.tool;
  }

  find(): Tool[] {
    return [...this.entries.values()].map((e) => e.tool);
  }

  save(tool: Tool): void {
    this.entries.set(tool.id, { tool, expiresAt: Date.now() + this.ttlMs });
  }

  delete(id: number): void {
    this.entries.delete(id);
  }
}

export const toolCache = new ToolCache(60_000);
