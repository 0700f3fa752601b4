import ts from "#typescript";
import type { Rule } from "./rule.js";
import type { LoopQuery } from "../src/engine/facts.js";
import type { Confidence } from "../src/types.js";
import { lowerConfidence } from "../src/engine/values.js";
import { loopScale } from "../src/engine/scale.js";
import type { RelatedNode, RelatedText } from "../src/engine/findings.js";
import type { DbCall } from "../src/engine/orm.js";
import { indexDeclaration } from "../src/engine/schema/index-fix.js";
import { describeCall, finding, locate, related, relatedSchema } from "./support.js";
import { ruleMeta } from "./catalog.js";

export const nPlusOne: Rule = {
  meta: ruleMeta("n-plus-one"),
  check(facts) {
    // One finding per site line: a chain such as `a.b().c()` is one N+1.
    const seen = new Set<string>();
    return facts.loopQueries.flatMap((loopQuery) => {
      const key = `${loopQuery.module.relPath}:${loopQuery.site.getStart()}`;
      if (seen.has(key)) return [];
      seen.add(key);
      // The model the loop reads, which a generic base class's query only names as `T`.
      const target = loopQuery.model === loopQuery.target.model ? loopQuery.target : { ...loopQuery.target, model: loopQuery.model };
      const query = describeCall(target);
      const via = loopQuery.chain.length > 0 ? ` through ${loopQuery.chain.map(functionName).join(" → ")}` : "";
      const perParent = loopQuery.origin === "field-resolver";
      const relatedLocations: (RelatedNode | RelatedText)[] = [related(loopQuery.module, loopHead(loopQuery), perParent ? "the field resolver that runs once per parent row" : "the loop that runs it once per element")];
      if (loopQuery.chain.length > 0) relatedLocations.push(related(target.module, target.node, `the query it reaches: ${query}`));
      const write = target.kind === "write" || target.kind === "write-many";
      // The batched query filters the same column: the index it needs belongs to the same fix.
      const index = facts.indexAdvisor?.needsOf(loopQuery.target).find((need) => need.table.model === target.model);
      if (index?.table.site) relatedLocations.push(relatedSchema(facts.root, index.table.site, `the ${index.table.model} definition: the batched query needs ${indexDeclaration(index.table, index.fields)}`));
      const indexNote = index ? ` The batched query filters ${index.table.model} on ${index.constrained.join(", ")} too, which no index leads with: add \`${indexDeclaration(index.table, index.fields)}\` with it (see unindexed-filter).` : "";
      return [
        finding("n-plus-one", target, locate(loopQuery.module, loopQuery.site), {
          message: perParent
            ? `${query} runs once per parent row${via}: this field resolver is called for every item of a list, 1 + N queries; batch it with a DataLoader.`
            : `${query} runs once per element of the loop${via}: 1 + N ${write ? "writes" : "queries"} where one would do.`,
          fix: fixFor(target) + indexNote,
          perIteration: facts.indexAdvisor?.schemaFor(loopQuery.target) ? perIteration(target) : undefined,
          queryCount: loopQuery.depth > 1 ? `1 + N^${loopQuery.depth}` : "1 + N",
          confidence: confidenceFor(loopQuery),
          scale: loopScale(loopQuery),
          loopDepth: loopQuery.depth,
          related: relatedLocations,
        }),
      ];
    });
  },
};

/** What each iteration reads, as the schema tells: one row by its key, or all the child rows of one parent. */
function perIteration(target: DbCall): "key-lookup" | "row-set" | undefined {
  if (target.kind === "read-one" && target.filteredByUnique) return "key-lookup";
  if (target.kind === "read-many" && !target.bounded) return "row-set";
  return undefined;
}

function functionName(fn: { node: ts.FunctionLikeDeclaration }): string {
  const node = fn.node;
  if (node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) return `${node.name.text}()`;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return `${parent.name.text}()`;
  if (ts.isPropertyAssignment(parent)) return `${parent.name.getText()}()`;
  return "a helper";
}

function loopHead(loopQuery: LoopQuery): ts.Node {
  const loop = loopQuery.loop;
  if (ts.isCallExpression(loop) && ts.isPropertyAccessExpression(loop.expression)) return loop.expression.name;
  return loop.getChildAt(0, loopQuery.module.sourceFile) ?? loop;
}

/** How to batch the query the loop runs (`target`: the call, with the model the loop reads). */
function fixFor(target: DbCall): string {
  const write = target.kind === "write" || target.kind === "write-many";
  switch (target.orm) {
    case "prisma":
      if (write) return "Batch the writes: createMany/updateMany/deleteMany with an `in` filter, or one $transaction([...]) built before the loop.";
      return `Load the rows before the loop in one query — include the relation on the parent query (\`include: { ${relationGuess(target.model)}: true }\` or \`_count\`), or \`findMany({ where: { id: { in: ids } } })\` and a Map keyed by id.`;
    case "typeorm":
      if (write) return "Batch the writes: repository.save(entities[]) / insert([...]) or one query builder update with `whereInIds`.";
      return `Load the relation with the parent (\`relations: { ${relationGuess(target.model)}: true }\` or leftJoinAndSelect), or one \`find({ where: { id: In(ids) } })\` before the loop and a Map keyed by id.`;
    case "sequelize":
      if (write) return "Batch the writes: Model.bulkCreate([...]) or Model.update(values, { where: { id: ids } }).";
      return `Eager-load with \`include: [{ model: ${target.model ?? "Model"} }]\` on the parent query, or one \`findAll({ where: { id: { [Op.in]: ids } } })\` before the loop and a Map keyed by id.`;
  }
}

/** How sure we are that N gets large: the request or the table decides it, or one parent's children do. */
function confidenceFor(loopQuery: LoopQuery): Confidence {
  const provenance = loopQuery.target.confidence;
  switch (loopQuery.origin) {
    case "request":
    case "field-resolver":
    case "table-rows":
      return provenance;
    case "capped":
      return "low";
    default:
      return lowerConfidence(provenance, "medium");
  }
}

function relationGuess(model: string | null): string {
  if (!model) return "relation";
  return model.charAt(0).toLowerCase() + model.slice(1) + (model.endsWith("s") ? "" : "s");
}
