import { IsNull } from "typeorm";
import type { Folder } from "../entities";
import { BaseRepository } from "./base.repository";

// The web app refuses to create more than this many subfolders in one folder.
const MAX_CHILDREN = 200;

export class FolderRepository extends BaseRepository<Folder> {
  pageForWorkspace(workspaceId: string, take: number, skip: number): Promise<Folder[]> {
    return this.repo.find({
      where: { workspace: { id: workspaceId }, parent: IsNull() },
      order: { name: "ASC" },
      take,
      skip,
    });
  }

  childrenOf(parentId: string): Promise<Folder[]> {
    return this.repo.find({
      where: { parent: { id: parentId } },
      order: { position: "ASC" },
      take: MAX_CHILDREN,
    });
  }
}
