import { Router } from "express";
import { z } from "zod";
import type { Document } from "../entities";
import { aclCache } from "../lib/acl-cache";
import type { DocumentRepository } from "../repositories/document.repository";
import type { UsageService } from "../services/usage.service";

const MAX_PAGE = 100;

const MoveBody = z.object({
  targetFolderId: z.string().uuid(),
  documentIds: z.array(z.string().uuid()).min(1).max(5000),
});

function toDocumentDto(document: Document) {
  return {
    id: document.id,
    title: document.title,
    status: document.status,
    mimeType: document.mimeType,
    sizeBytes: document.sizeBytes,
    updatedAt: document.updatedAt.toISOString(),
  };
}

export function documentsRouter(documents: DocumentRepository, usage: UsageService): Router {
  const router = Router();

  router.get("/folders/:folderId/documents", async (req, res, next) => {
    try {
      const take = Math.min(Number(req.query.limit) || 25, MAX_PAGE);
      const skip = Math.max(Number(req.query.offset) || 0, 0);
      const [items, total] = await documents.pageInFolder(req.params.folderId, take, skip);
      res.json({ items: items.map(toDocumentDto), total, take, skip });
    } catch (error) {
      next(error);
    }
  });

  router.get("/folders/:folderId/documents/status-counts", async (req, res, next) => {
    try {
      res.json(await documents.statusCounts(req.params.folderId));
    } catch (error) {
      next(error);
    }
  });

  router.get("/folders/:folderId/documents/recent", async (req, res, next) => {
    try {
      res.json(await documents.recentRaw(req.params.folderId));
    } catch (error) {
      next(error);
    }
  });

  router.post("/documents/move", async (req, res, next) => {
    try {
      const memberId = req.header("x-member-id") ?? "";
      const body = MoveBody.parse(req.body);
      if (!aclCache.findOne(memberId, body.targetFolderId)?.canWrite) {
        res.status(403).json({ error: "No write access to the target folder" });
        return;
      }
      const moved = await documents.moveMany(body.documentIds, body.targetFolderId);
      res.json({ moved });
    } catch (error) {
      next(error);
    }
  });

  router.get("/members/:memberId/usage", async (req, res, next) => {
    try {
      res.json(await usage.storageUsedBy(req.params.memberId));
    } catch (error) {
      next(error);
    }
  });

  router.get("/members/:memberId/writable-folders", (req, res) => {
    const writable = aclCache.find(req.params.memberId).filter((entry) => entry.canWrite);
    res.json({ folderIds: writable.map((entry) => entry.folderId) });
  });

  return router;
}
