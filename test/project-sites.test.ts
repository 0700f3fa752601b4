import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "#typescript";
import { afterAll, describe, expect, it } from "vitest";
import { discoverFilesSync } from "../src/engine/discover.js";
import { Project, sitesInside, type ModuleInfo } from "../src/engine/project.js";
import { isFunctionLike } from "../src/engine/resolve.js";

const dir = realpathSync(mkdtempSync(join(tmpdir(), "perf-scan-sites-")));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = `
import { prisma } from "./db";
@Controller("orders")
export class OrdersController {
  constructor(private readonly service: Service) {}
  @Get(":id") async one(@Param("id") id: string) { return this.service.find(id).then((o) => o ?? null); }
  get total() { return [1, 2].map((n) => n * 2).length; }
}
export async function load(ids: number[]) {
  hoisted(ids);
  for (const id of ids) await prisma.order.findUnique({ where: { id } });
  for (let i = 0; i < ids.length; i++) new Date(ids[i]!);
  const x = <T,>(v: T) => ({ v, w: () => sql\`select \${v}\` });
  function hoisted(list: number[]) { return list.filter((n) => n > 1); }
  return x;
}
`;

function parsed(): ModuleInfo {
  writeFileSync(join(dir, "orders.ts"), SOURCE);
  const project = new Project(discoverFilesSync({ paths: [dir], cwd: dir, maxFileBytes: 1024 * 1024 }));
  project.parseScanned();
  return project.modules.get(join(dir, "orders.ts"))!;
}

/** Every node under `root` (itself included), in a recursive walk's order. */
function walked(root: ts.Node): ts.Node[] {
  const nodes: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    nodes.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return nodes;
}

describe("a module's sites", () => {
  const module = parsed();

  it("sets every node's parent as the parser would, without the parser's own walk", () => {
    const visit = (node: ts.Node): void => {
      ts.forEachChild(node, (child) => {
        expect(child.parent).toBe(node);
        visit(child);
      });
    };
    visit(module.sourceFile);
  });

  it("lists the fact sites and the functions in walk order", () => {
    const all = walked(module.sourceFile);
    expect(module.factSites).toEqual(all.filter((node) => [ts.SyntaxKind.CallExpression, ts.SyntaxKind.TaggedTemplateExpression, ts.SyntaxKind.PropertyAccessExpression, ts.SyntaxKind.NewExpression, ts.SyntaxKind.ForStatement, ts.SyntaxKind.ForOfStatement, ts.SyntaxKind.Decorator].includes(node.kind)));
    expect(module.functionSites).toEqual(all.filter(isFunctionLike));
    expect(module.functionSites.length).toBe(10);
  });

  it("finds the sites inside any node as a walk of that node would, and none of its ancestors or neighbours", () => {
    for (const node of walked(module.sourceFile)) {
      const under = walked(node);
      expect(sitesInside(module.factSites, node)).toEqual(module.factSites.filter((site) => under.includes(site)));
      expect(sitesInside(module.functionSites, node)).toEqual(module.functionSites.filter((site) => under.includes(site)));
    }
  });
});
