// The indexes the code's queries need and the schema lacks, computed once for the index rules and the N+1 fixes.
import type { DbCall } from "../orm.js";
import { isLookupModel } from "../orm.js";
import { foreignKeysNeedIndexes, indexesOn, usableIndex, type DatabaseSchema, type SchemaRelation, type SchemaTable } from "./model.js";
import type { QueryLookups, TableLookup } from "./query-filters.js";

/** One missing index: a table, the fields to index (equality first, then one range or sort field), the queries. */
export interface IndexNeed {
  table: SchemaTable;
  /** The index to add, in order. */
  fields: string[];
  /** What the queries constrain (a set, sorted): the identity of the need. */
  constrained: string[];
  /** The sort column the index must serve to stop at the limit, when the need is the sort's (no selective filter). */
  sortedBy: string | null;
  queries: { call: DbCall; lookup: TableLookup }[];
  /** A small reference table (roles, countries…): a scan of it costs little. */
  smallTable: boolean;
}

/** A foreign key the engine does not index on its own, and no index leads with. */
export interface UnindexedForeignKey {
  table: SchemaTable;
  relation: SchemaRelation;
}

/** The sort column a need is about: the filter, if any, is too coarse to be the index's reason. */
function sortNeeded(table: SchemaTable, lookup: TableLookup, fields: readonly string[]): string | null {
  const sort = lookup.sort[0];
  if (!sort || !fields.includes(sort)) return null;
  const selective = [...lookup.equality, ...lookup.range].filter((field) => table.columns.get(field)?.valueKind !== "boolean");
  return selective.length === 0 ? sort : null;
}

export class IndexAdvisor {
  private needs: IndexNeed[] | null = null;
  private readonly byCall = new Map<DbCall, IndexNeed[]>();

  constructor(
    readonly schema: DatabaseSchema,
    private readonly lookups: QueryLookups,
    private readonly calls: readonly DbCall[],
    private readonly smallTables: ReadonlySet<string>,
  ) {}

  /** Every (table, constrained fields) no usable index serves, in the order of the first query that needs it. */
  indexNeeds(): IndexNeed[] {
    if (this.needs) return this.needs;
    const needs = new Map<string, IndexNeed>();
    if (this.schema.engine !== "mongodb") {
      for (const call of this.calls) {
        for (const lookup of this.lookups.of(call)) {
          const table = this.schema.tables.get(lookup.model);
          if (!table) continue;
          const fields = this.missingIndexFor(table, lookup);
          if (!fields) continue;
          const sorted = sortNeeded(table, lookup, fields);
          const constrained = [...new Set([...lookup.equality, ...lookup.range, ...lookup.nullChecks, ...(sorted ? [sorted] : [])])].sort();
          const key = `${table.model}\u0000${constrained.join("\u0000")}`;
          let need = needs.get(key);
          if (!need) {
            need = { table, fields, constrained, sortedBy: sorted, queries: [], smallTable: this.isSmall(table) };
            needs.set(key, need);
          }
          need.queries.push({ call, lookup });
          const list = this.byCall.get(call) ?? [];
          if (!list.includes(need)) list.push(need);
          this.byCall.set(call, list);
        }
      }
    }
    this.needs = [...needs.values()];
    return this.needs;
  }

  /** The missing indexes a query needs (empty when its lookups are served). */
  needsOf(call: DbCall): IndexNeed[] {
    this.indexNeeds();
    return this.byCall.get(call) ?? [];
  }

  /**
   * Foreign keys with no index on engines that need one, except those an index need already names (the query-level
   * finding says it with the query that suffers).
   */
  unindexedForeignKeys(): UnindexedForeignKey[] {
    if (!foreignKeysNeedIndexes(this.schema)) return [];
    const requested = new Set(this.indexNeeds().map((need) => `${need.table.model}\u0000${need.fields[0]}`));
    const found: UnindexedForeignKey[] = [];
    for (const table of this.schema.tables.values()) {
      const uses = indexesOn(this.schema, table);
      for (const relation of table.relations) {
        const key = relation.foreignKey;
        if (key.length === 0) continue;
        const covered = uses.some((use) => use.fields.length >= key.length && key.every((field) => use.fields.slice(0, key.length).includes(field)));
        if (covered || requested.has(`${table.model}\u0000${key[0]}`)) continue;
        found.push({ table, relation });
      }
    }
    return found;
  }

  private isSmall(table: SchemaTable): boolean {
    return this.smallTables.has(table.model) || (table.table !== null && this.smallTables.has(table.table)) || isLookupModel(table.model);
  }

  /** The fields of the index a lookup lacks, or null when an index serves it (or there is nothing to serve). */
  private missingIndexFor(table: SchemaTable, lookup: TableLookup): string[] | null {
    // A boolean splits a table in two, and `deletedAt IS NULL` keeps nearly all of it: no planner reads that through
    // an index. Alone they need none, unless a sort and a limit make the index the way to the first rows.
    const isBoolean = (field: string) => table.columns.get(field)?.valueKind === "boolean";
    const coarse = [...lookup.equality.filter(isBoolean), ...lookup.nullChecks];
    const filtered = [...lookup.equality, ...lookup.range];
    if (filtered.every(isBoolean) && coarse.length > 0) {
      if (lookup.sort.length === 0 || !lookup.limited || lookup.unjudged || lookup.via !== null || lookup.range.length > 0) return null;
      if (usableIndex(this.schema, table, [...coarse, lookup.sort[0]!])) return null;
      return [...new Set([...coarse, lookup.sort[0]!])];
    }
    if (filtered.length === 0) {
      // A sort alone is an index question only when a limit stops the read early: the top rows of a sorted index.
      if (lookup.sort.length === 0 || !lookup.limited || lookup.via !== null || lookup.unjudged) return null;
      if (usableIndex(this.schema, table, lookup.sort.slice(0, 1))) return null;
      return lookup.sort;
    }
    if (usableIndex(this.schema, table, filtered)) return null;
    // Keys first (most selective, and shared by the relation's other queries), then the other equalities.
    const keys = new Set(table.relations.flatMap((r) => r.foreignKey));
    const rank = (field: string) => (keys.has(field) ? 0 : isBoolean(field) ? 2 : 1);
    const equality = [...new Set(lookup.equality)].sort((a, b) => rank(a) - rank(b));
    const after = lookup.range.length > 0 ? lookup.range.slice(0, 1) : lookup.sort.filter((field) => !equality.includes(field)).slice(0, 1);
    return [...new Set([...equality, ...after])];
  }
}
