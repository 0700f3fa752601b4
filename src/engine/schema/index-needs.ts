// The indexes the code's queries need and the schema lacks, computed once for the index rules and the N+1 fixes.
import { sep } from "node:path";
import type { DbCall } from "../orm.js";
import { isLookupModel } from "../orm.js";
import type { Resolver } from "../resolve.js";
import type { ScopedSchema } from "./database.js";
import { foreignKeyNeedsIndex, indexesOn, tableNamed, usableIndex, type DatabaseSchema, type SchemaRelation, type SchemaTable } from "./model.js";
import { QueryLookups, type TableLookup } from "./query-filters.js";
import { inFields, rawSqlConditions } from "./raw-sql-filters.js";

/** One missing index: a table, the fields to index (equality first, then one range or sort field), the queries. */
export interface IndexNeed {
  schema: DatabaseSchema;
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
  schema: DatabaseSchema;
  table: SchemaTable;
  relation: SchemaRelation;
}

/** A table name as SQL writes it, compared without quotes, schema or case. */
function normalTableName(name: string): string {
  return name.replace(/^.*\./, "").replace(/["`[\]]/g, "").toLowerCase();
}

/**
 * One index serves every need whose fields are a leading part of its own: `(userId)` and `(userId, identifier)` on
 * one table are one index to add, reported once, at the longer need, with the shorter one's queries.
 */
function foldPrefixes(needs: IndexNeed[], byCall: Map<DbCall, IndexNeed[]>): IndexNeed[] {
  const kept: IndexNeed[] = [];
  for (const need of needs) {
    // The widest one, so that a chain (a) ⊂ (a, b) ⊂ (a, b, c) ends at one need.
    const wider = needs
      .filter((other) => other !== need && other.table === need.table && other.fields.length > need.fields.length && need.fields.every((field, i) => other.fields[i] === field))
      .sort((a, b) => b.fields.length - a.fields.length)[0];
    if (!wider) {
      kept.push(need);
      continue;
    }
    wider.queries.push(...need.queries);
    for (const { call } of need.queries) {
      const list = byCall.get(call)!;
      byCall.set(call, [...new Set(list.map((n) => (n === need ? wider : n)))]);
    }
  }
  return kept;
}

/** The sort column a need is about: the filter, if any, is too coarse to be the index's reason. */
function sortNeeded(table: SchemaTable, lookup: TableLookup, fields: readonly string[]): string | null {
  const sort = lookup.sort[0];
  if (!sort || !lookup.limited || !fields.includes(sort)) return null;
  const own = [...lookup.equality, ...lookup.range];
  const selective = (own.length > 0 ? own : lookup.joins).filter((field) => table.columns.get(field)?.valueKind !== "boolean");
  return selective.length === 0 ? sort : null;
}

export class IndexAdvisor {
  private needs: IndexNeed[] | null = null;
  private readonly byCall = new Map<DbCall, IndexNeed[]>();
  private readonly lookups: QueryLookups;
  /** Schemas some scanned query is judged against: only those are this scan's to report on. */
  private readonly queried = new Set<DatabaseSchema>();
  private readonly tableKeys = new Map<SchemaTable, number>();

  /**
   * `packagesOf(file)`: the package folders the file's package can use, its own and its workspace dependencies
   * (transitively); a schema elsewhere belongs to another project.
   */
  constructor(
    private readonly schemas: readonly ScopedSchema[],
    resolver: Resolver,
    private readonly calls: readonly DbCall[],
    private readonly smallTables: ReadonlySet<string>,
    private readonly packagesOf: (file: string) => ReadonlySet<string>,
    /** Told of a query the index rules could not judge because of an internal error. */
    private readonly onProblem: (call: DbCall, error: unknown) => void = () => undefined,
  ) {
    this.lookups = new QueryLookups(resolver);
  }

  /** A literal SQL query over one table of a schema its package can use: that table's lookup. */
  private rawLookup(call: DbCall): { schema: DatabaseSchema; lookup: TableLookup } | null {
    const conditions = rawSqlConditions(call.rawSql!);
    if (!conditions) return null;
    const wanted = normalTableName(conditions.table);
    for (const scoped of this.usableSchemas(call, (schema) => [...schema.tables.values()].some((t) => normalTableName(t.table ?? t.model) === wanted))) {
      const table = [...scoped.schema.tables.values()].find((t) => normalTableName(t.table ?? t.model) === wanted)!;
      const inTable = inFields(conditions, table);
      if (!inTable) return null;
      const { table: _name, ...columns } = inTable;
      return { schema: scoped.schema, lookup: { model: table.model, ...columns, joins: [], via: null, related: [] } };
    }
    return null;
  }

  /** Schemas of the query's ORM that `has` accepts, in a package the query's package contains or depends on; nearest first. */
  private usableSchemas(call: DbCall, has: (schema: DatabaseSchema) => boolean): ScopedSchema[] {
    const file = call.module.absPath;
    const usable = this.packagesOf(file);
    return this.schemas
      .filter((scoped) => scoped.orm === call.orm && has(scoped.schema))
      .filter((scoped) => file.startsWith(scoped.dir.endsWith(sep) ? scoped.dir : scoped.dir + sep) || usable.has(scoped.dir))
      .sort((a, b) => b.dir.length - a.dir.length);
  }

  /** The schema that defines the query's model, in a package the query's package contains or depends on; the nearest. */
  schemaFor(call: DbCall): DatabaseSchema | null {
    const model = call.model;
    if (!model) return null;
    return this.usableSchemas(call, (schema) => tableNamed(schema, model) !== undefined)[0]?.schema ?? null;
  }

  /** Every (table, constrained fields) no usable index serves, in the order of the first query that needs it. */
  indexNeeds(): IndexNeed[] {
    if (this.needs) return this.needs;
    const needs = new Map<string, IndexNeed>();
    for (const call of this.calls) {
      // One query this cannot read costs its own index question, never the others'.
      try {
        this.judge(call, needs);
      } catch (error) {
        this.onProblem(call, error);
      }
    }
    this.needs = foldPrefixes([...needs.values()], this.byCall);
    return this.needs;
  }

  /** Adds the needs of one query: the index questions its lookups ask that no index answers. */
  private judge(call: DbCall, needs: Map<string, IndexNeed>): void {
    const raw = call.rawSql !== null ? this.rawLookup(call) : null;
    const schema = raw?.schema ?? this.schemaFor(call);
    if (!schema) return;
    this.queried.add(schema);
    if (schema.engine === "mongodb") return;
    for (const lookup of raw ? [raw.lookup] : this.lookups.of(call, schema)) {
      const table = tableNamed(schema, lookup.model);
      if (!table) continue;
      const fields = this.missingIndexFor(schema, table, lookup);
      if (!fields) continue;
      const sorted = sortNeeded(table, lookup, fields);
      const equality = lookup.equality.length + lookup.range.length === 0 ? lookup.joins : lookup.equality;
      const constrained = [...new Set([...equality, ...lookup.range, ...lookup.nullChecks, ...(sorted ? [sorted] : [])])].sort();
      const key = `${this.tableKey(table)}\u0000${constrained.join("\u0000")}`;
      let need = needs.get(key);
      if (!need) {
        need = { schema, table, fields, constrained, sortedBy: sorted, queries: [], smallTable: this.isSmall(table) };
        needs.set(key, need);
      }
      need.queries.push({ call, lookup });
      const list = this.byCall.get(call) ?? [];
      if (!list.includes(need)) list.push(need);
      this.byCall.set(call, list);
    }
  }

  /** The missing indexes a query needs (empty when its lookups are served). */
  needsOf(call: DbCall): IndexNeed[] {
    this.indexNeeds();
    return this.byCall.get(call) ?? [];
  }

  /**
   * Foreign keys with no index on engines that need one, in the schemas the scanned code queries, except those an
   * index need already names (the query-level finding says it with the query that suffers).
   */
  unindexedForeignKeys(): UnindexedForeignKey[] {
    const requested = new Set(this.indexNeeds().map((need) => `${this.tableKey(need.table)}\u0000${need.fields[0]}`));
    const found: UnindexedForeignKey[] = [];
    for (const { schema } of this.schemas) {
      if (!this.queried.has(schema)) continue;
      for (const table of schema.tables.values()) {
        const uses = indexesOn(schema, table);
        for (const relation of table.relations) {
          const key = relation.foreignKey;
          if (key.length === 0 || !foreignKeyNeedsIndex(schema, relation)) continue;
          // A composite key (`[ruleId, accountId]` → `[id, accountId]`) is served by an index leading with the part
          // that refers to the target's primary key alone: that one column already picks a single parent.
          const identifying = key.length > 1 ? identifyingKeyField(schema, relation) : null;
          const covered = uses.some((use) => (use.fields.length >= key.length && key.every((field) => use.fields.slice(0, key.length).includes(field))) || (identifying !== null && use.fields[0] === identifying));
          if (covered || requested.has(`${this.tableKey(table)}\u0000${key[0]}`)) continue;
          // A composite key that starts with this one: its index serves both, and is the one reported.
          const longer = table.relations.some((other) => other.foreignKey.length > key.length && key.every((field, i) => other.foreignKey[i] === field));
          if (longer) continue;
          found.push({ schema, table, relation });
        }
      }
    }
    return found;
  }

  /** A table's identity in keys: tables of different schemas can share a model name. */
  private tableKey(table: SchemaTable): number {
    if (!this.tableKeys.has(table)) this.tableKeys.set(table, this.tableKeys.size);
    return this.tableKeys.get(table)!;
  }

  private isSmall(table: SchemaTable): boolean {
    return this.smallTables.has(table.model) || (table.table !== null && this.smallTables.has(table.table)) || isLookupModel(table.model);
  }

  /** The fields of the index a lookup lacks, or null when an index serves it (or there is nothing to serve). */
  private missingIndexFor(schema: DatabaseSchema, table: SchemaTable, given: TableLookup): string[] | null {
    if (given.opaqueFilter) return null;
    // Conditions of its own and a relation filter: the database may start from either, and which one is selective
    // (`plan = 'pro'` or `users: { some: { userId } }`) cannot be read here.
    if (given.equality.length + given.range.length > 0 && (given.joins.length > 0 || given.related.length > 0)) return null;
    // "The latest N": a sort index and a limit, and the database walks the index in order and stops at the limit. Not
    // a sort by the primary key, which is how batches and stable pages are ordered, not a sign of where the rows are.
    const sortedBy = given.sort[0];
    if (given.limited && sortedBy !== undefined && !table.primaryKey.includes(sortedBy) && usableIndex(schema, table, [sortedBy])) return null;
    // The join column of a relation filter is the lookup's only when the table is filtered by nothing else.
    const lookup = given.equality.length + given.range.length === 0 && given.joins.length > 0 ? { ...given, equality: given.joins } : given;
    // A boolean splits a table in two, and `deletedAt IS NULL` keeps nearly all of it: no planner reads that through
    // an index. Alone they need none, unless a sort and a limit make the index the way to the first rows.
    const isBoolean = (field: string) => table.columns.get(field)?.valueKind === "boolean";
    const coarse = [...lookup.equality.filter(isBoolean), ...lookup.nullChecks];
    const filtered = [...lookup.equality, ...lookup.range];
    if (filtered.every(isBoolean) && coarse.length > 0) {
      if (lookup.sort.length === 0 || !lookup.limited || lookup.unjudged || lookup.via !== null || lookup.range.length > 0) return null;
      if (usableIndex(schema, table, coarse)) return null;
      if (usableIndex(schema, table, [...coarse, lookup.sort[0]!])) return null;
      return [...new Set([...coarse, lookup.sort[0]!])];
    }
    if (filtered.length === 0) {
      // A sort alone is an index question only when a limit stops the read early: the top rows of a sorted index.
      if (lookup.sort.length === 0 || !lookup.limited || lookup.via !== null || lookup.unjudged) return null;
      if (usableIndex(schema, table, lookup.sort.slice(0, 1))) return null;
      return lookup.sort;
    }
    // `programId IS NULL` is found through an index on programId like any value.
    if (usableIndex(schema, table, [...filtered, ...lookup.nullChecks])) return null;
    // Keys first (most selective, and shared by the relation's other queries), then the other equalities.
    const keys = new Set(table.relations.flatMap((r) => r.foreignKey));
    const rank = (field: string) => (keys.has(field) ? 0 : isBoolean(field) ? 2 : 1);
    const equality = [...new Set(lookup.equality)].sort((a, b) => rank(a) - rank(b));
    const after = lookup.range.length > 0 ? lookup.range.slice(0, 1) : lookup.sort.filter((field) => !equality.includes(field)).slice(0, 1);
    return [...new Set([...equality, ...after])];
  }
}

/** The foreign-key field that refers to the target's whole single-column primary key, if one does. */
function identifyingKeyField(schema: DatabaseSchema, relation: SchemaRelation): string | null {
  const target = tableNamed(schema, relation.target);
  if (!target || target.primaryKey.length !== 1) return null;
  const index = relation.references.indexOf(target.primaryKey[0]!);
  return index >= 0 ? (relation.foreignKey[index] ?? null) : null;
}
