// On-call rotation, loaded from the ROTATION_JSON env var at boot and kept in memory.
// The query-like method names let services treat it like a read-only repository.
export interface RotationEntry {
  id: number;
  displayName: string;
  team: "tier1" | "tier2" | "billing";
  onCall: boolean;
}

class AgentDirectory {
  private readonly byId = new Map<number, RotationEntry>();

  constructor(entries: RotationEntry[]) {
    for (const entry of entries) this.byId.set(entry.id, entry);
  }

  find(where: Partial<RotationEntry> = {}): RotationEntry[] {
    return [...this.byId.values()].filter((entry) =>
      Object.entries(where).every(([key, value]) => entry[key as keyof RotationEntry] === value),
    );
  }

  findOneBy(where: Partial<RotationEntry>): RotationEntry | null {
    if (where.id !== undefined) return this.byId.get(where.id) ?? null;
    return this.find(where)[0] ?? null;
  }
}

function loadRotation(): RotationEntry[] {
  try {
    return JSON.parse(process.env.ROTATION_JSON ?? "[]") as RotationEntry[];
  } catch {
    return [];
  }
}

export const directory = new AgentDirectory(loadRotation());
