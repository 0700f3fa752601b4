import "reflect-metadata";
import express, { type NextFunction, type Request, type Response } from "express";
import { ZodError } from "zod";
import { AppDataSource } from "./data-source";
import { AuditEvent, Document, Folder } from "./entities";
import { HttpError } from "./lib/http-error";
import { AuditEventRepository } from "./repositories/audit-event.repository";
import { DocumentRepository } from "./repositories/document.repository";
import { FolderRepository } from "./repositories/folder.repository";
import { adminRouter } from "./routes/admin";
import { documentsRouter } from "./routes/documents";
import { foldersRouter } from "./routes/folders";
import { FolderService } from "./services/folder.service";
import { UsageService } from "./services/usage.service";

function errorHandler(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (error instanceof ZodError) {
    res.status(400).json({ error: "Invalid request", issues: error.issues });
    return;
  }
  if (error instanceof HttpError) {
    res.status(error.status).json({ error: error.message });
    return;
  }
  console.error(error);
  res.status(500).json({ error: "Internal error" });
}

async function main(): Promise<void> {
  await AppDataSource.initialize();

  const folderRepository = new FolderRepository(AppDataSource.getRepository(Folder));
  const documentRepository = new DocumentRepository(AppDataSource.getRepository(Document));
  const auditEventRepository = new AuditEventRepository(AppDataSource.getRepository(AuditEvent));

  const folderService = new FolderService(folderRepository, documentRepository, auditEventRepository);
  const usageService = new UsageService(documentRepository);

  const app = express();
  app.use(express.json({ limit: "2mb" }));
  app.use("/api", foldersRouter(folderService));
  app.use("/api", documentsRouter(documentRepository, usageService));
  app.use("/api/admin", adminRouter(auditEventRepository));
  app.use(errorHandler);

  const port = Number(process.env.PORT ?? 3000);
  app.listen(port, () => console.log(`docvault-api on :${port}`));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
