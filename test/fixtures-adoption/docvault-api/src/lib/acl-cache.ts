// Folder permissions are pushed by the permissions service on every change and kept in memory.
// The method names mirror the repositories so that callers read the same way.
export interface AclEntry {
  memberId: string;
  folderId: string;
  canRead: boolean;
  canWrite: boolean;
}

export class AclCache {
  private readonly entries = new Map<string, AclEntry>();

  private key(memberId: string, folderId: string): string {
    return `${memberId}:${folderId}`;
  }

  findOne(memberId: string, folderId: string): AclEntry | undefined {
    return this.entries.get(this.key(memberId, folderId));
  }

  find(memberId: string): AclEntry[] {
    return [...this.entries.values()].filter((entry) => entry.memberId === memberId);
  }

  save(entry: AclEntry): void {
    this.entries.set(this.key(entry.memberId, entry.folderId), entry);
  }
}

export const aclCache = new AclCache();
