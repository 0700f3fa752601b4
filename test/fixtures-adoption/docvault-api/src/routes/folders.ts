import { Router } from "express";
import type { FolderService } from "../services/folder.service";

function actorOf(header: string | undefined): string {
  if (!header) throw Object.assign(new Error("x-member-id is required"), { status: 401 });
  return header;
}

export function foldersRouter(folders: FolderService): Router {
  const router = Router();

  router.get("/workspaces/:workspaceId/folders", async (req, res, next) => {
    try {
      const page = Math.max(Number(req.query.page) || 0, 0);
      res.json({ page, folders: await folders.listWithCounts(req.params.workspaceId, page) });
    } catch (error) {
      next(error);
    }
  });

  router.get("/folders/:folderId/stale-drafts", async (req, res, next) => {
    try {
      const days = Math.min(Math.max(Number(req.query.days) || 30, 1), 365);
      res.json({ drafts: await folders.staleDrafts(req.params.folderId, days) });
    } catch (error) {
      next(error);
    }
  });

  router.delete("/workspaces/:workspaceId/folders/:folderId", async (req, res, next) => {
    try {
      await folders.deleteIfEmpty(req.params.workspaceId, req.params.folderId, actorOf(req.header("x-member-id")));
      res.status(204).end();
    } catch (error) {
      next(error);
    }
  });

  return router;
}
