import { In } from "typeorm";
import type { Document, DocumentStatus } from "../entities";
import { chunk } from "../lib/chunk";
import { BaseRepository } from "./base.repository";

const DOCUMENT_STATUSES: readonly DocumentStatus[] = ["draft", "published", "archived"];
const MOVE_BATCH = 200;

/** Published and archived documents are read-only until they are moved back to draft. */
export function isEditable(status: DocumentStatus): boolean {
  return status === "draft";
}

export class DocumentRepository extends BaseRepository<Document> {
  countInFolder(folderId: string): Promise<number> {
    return this.repo.count({ where: { folder: { id: folderId } } });
  }

  pageInFolder(folderId: string, take: number, skip: number): Promise<[Document[], number]> {
    return this.repo.findAndCount({
      where: { folder: { id: folderId } },
      order: { updatedAt: "DESC" },
      take,
      skip,
    });
  }

  listInFolder(folderId: string): Promise<Document[]> {
    return this.repo.find({ where: { folder: { id: folderId } }, order: { updatedAt: "DESC" } }); // expect: unbounded-query
  }

  listByOwner(memberId: string): Promise<Document[]> {
    return this.repo.find({ where: { owner: { id: memberId } } }); // expect: unbounded-query
  }

  async hasAny(folderId: string): Promise<boolean> {
    const documents = await this.repo.find({ where: { folder: { id: folderId } } }); // expect: count-via-length, unbounded-query
    return documents.length > 0;
  }

  async statusCounts(folderId: string): Promise<Record<DocumentStatus, number>> {
    const counts: Record<DocumentStatus, number> = { draft: 0, published: 0, archived: 0 };
    for (const status of DOCUMENT_STATUSES) {
      counts[status] = await this.repo.count({ where: { folder: { id: folderId }, status } });
    }
    return counts;
  }

  recentRaw(folderId: string): Promise<Document[]> {
    return this.repo.query('SELECT * FROM "documents" WHERE "folderId" = $1 ORDER BY "updatedAt" DESC LIMIT 20', [folderId]); // expect: select-star
  }

  async moveMany(ids: readonly string[], targetFolderId: string): Promise<number> {
    let moved = 0;
    for (const part of chunk(ids, MOVE_BATCH)) {
      const result = await this.repo.update({ id: In(part) }, { folder: { id: targetFolderId } });
      moved += result.affected ?? 0;
    }
    return moved;
  }
}
