import { db } from "@timecard/db";

export interface CloseOutResult {
  projectId: string;
  archived: boolean;
  unbilledEntries: number;
}

/**
 * Closes a finished project: it is archived once every billable entry is on an invoice.
 * Projects with unbilled time stay open and are reported back to the caller.
 */
export async function closeOutProject(orgId: string, projectId: string): Promise<CloseOutResult> {
  const project = await db.project.findFirst({ where: { id: projectId, orgId }, select: { id: true, archived: true } });
  if (!project) {
    throw new Error(`project ${projectId} not found`);
  }
  const unbilledEntries = await db.timeEntry.count({ where: { projectId, billable: true, invoiceId: null } });
  const archived = unbilledEntries === 0;
  if (archived && !project.archived) {
    await db.project.update({ where: { id: projectId }, data: { archived: true } });
  }
  return { projectId, archived, unbilledEntries };
}
