import type { Folder } from "../entities";
import type { FolderRepository } from "../repositories/folder.repository";

// The sidebar shows at most this many levels; deeper folders open on click.
const MAX_TREE_DEPTH = 6;

export interface FolderNode {
  id: string;
  name: string;
  position: number;
  children: FolderNode[];
}

function toNode(folder: Folder): FolderNode {
  return { id: folder.id, name: folder.name, position: folder.position, children: [] };
}

export class FolderTreeService {
  constructor(private readonly folders: FolderRepository) {}

  async tree(rootId: string): Promise<FolderNode | null> {
    const root = await this.folders.findById(rootId);
    if (!root) return null;
    const node = toNode(root);
    node.children = (await this.folders.childrenOf(root.id)).map(toNode);
    await this.attachChildren(node.children, 1);
    return node;
  }

  private async attachChildren(nodes: FolderNode[], depth: number): Promise<void> {
    if (depth >= MAX_TREE_DEPTH) return;
    for (const child of nodes) {
      child.children = (await this.folders.childrenOf(child.id)).map(toNode); // expect-new: n-plus-one
      await this.attachChildren(child.children, depth + 1);
    }
  }
}
