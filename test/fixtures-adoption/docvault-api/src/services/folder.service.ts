import type { Folder } from "../entities";
import { HttpError } from "../lib/http-error";
import type { AuditEventRepository } from "../repositories/audit-event.repository";
import type { DocumentRepository } from "../repositories/document.repository";
import type { FolderRepository } from "../repositories/folder.repository";

const FOLDER_PAGE = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface FolderListItem {
  id: string;
  name: string;
  position: number;
  createdAt: string;
  documentCount: number;
}

export class FolderService {
  constructor(
    private readonly folders: FolderRepository,
    private readonly documents: DocumentRepository,
    private readonly audit: AuditEventRepository,
  ) {}

  async listWithCounts(workspaceId: string, page: number): Promise<FolderListItem[]> {
    const folders = await this.folders.pageForWorkspace(workspaceId, FOLDER_PAGE, page * FOLDER_PAGE);
    const items: FolderListItem[] = [];
    for (const folder of folders) {
      const documentCount = await this.documents.countInFolder(folder.id); // expect: n-plus-one
      items.push({ ...toListItem(folder), documentCount });
    }
    return items;
  }

  async staleDrafts(folderId: string, olderThanDays: number) {
    const cutoff = new Date(Date.now() - olderThanDays * DAY_MS);
    const documents = await this.documents.listInFolder(folderId);
    return documents.filter((document) => document.status === "draft" && document.updatedAt < cutoff); // expect: in-memory-filter
  }

  async deleteIfEmpty(workspaceId: string, folderId: string, actorId: string): Promise<void> {
    const folder = await this.folders.findById(folderId);
    if (!folder) throw new HttpError(404, "Folder not found");
    if (await this.documents.hasAny(folderId)) {
      throw new HttpError(409, "Move or delete the documents first");
    }
    await this.folders.remove(folderId);
    await this.audit.record(workspaceId, actorId, "folder.deleted", { folderId, name: folder.name });
  }
}

function toListItem(folder: Folder): Omit<FolderListItem, "documentCount"> {
  return { id: folder.id, name: folder.name, position: folder.position, createdAt: folder.createdAt.toISOString() };
}
