import { IsNull } from "typeorm";
import type { Folder } from "../entities";
import { BaseRepository } from "./base.repository";

export class FolderRepository extends BaseRepository<Folder> {
  pageForWorkspace(workspaceId: string, take: number, skip: number): Promise<Folder[]> {
    return this.repo.find({
      where: { workspace: { id: workspaceId }, parent: IsNull() },
      order: { name: "ASC" },
      take,
      skip,
    });
  }
}
