import type { DocumentRepository } from "../repositories/document.repository";

export interface StorageUsage {
  memberId: string;
  usedBytes: number;
}

export class UsageService {
  constructor(private readonly documents: DocumentRepository) {}

  async storageUsedBy(memberId: string): Promise<StorageUsage> {
    const documents = await this.documents.listByOwner(memberId);
    const usedBytes = documents.reduce((total, document) => total + document.sizeBytes, 0); // expect: in-memory-aggregation
    return { memberId, usedBytes };
  }
}
