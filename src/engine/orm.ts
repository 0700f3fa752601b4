import ts from "#typescript";
import type { Confidence, Orm } from "../types.js";
import type { ModuleInfo } from "./project.js";
import type { Resolver } from "./resolve.js";
import { CONSTANT_NAME, capitalize, constantNumber, entityName, unwrapExpression } from "./resolve.js";
import type { ClassRef, Value } from "./values.js";
import { lowerConfidence } from "./values.js";

export type QueryKind = "read-many" | "read-one" | "count" | "aggregate" | "write" | "write-many" | "raw";

/** One database operation in the code, recognised by the provenance of its receiver. */
export interface DbCall {
  node: ts.CallExpression | ts.TaggedTemplateExpression | ts.PropertyAccessExpression;
  module: ModuleInfo;
  orm: Orm;
  model: string | null;
  modelClass: ClassRef | null;
  operation: string;
  kind: QueryKind;
  confidence: Confidence;
  /** The options object (`findMany({...})`, `find(Entity, {...})`), when there is one. */
  options: ts.Expression | undefined;
  /** Has take/limit (or a bounded query-builder chain). */
  bounded: boolean;
  /** The take/limit when it is a constant number (`take: 20`, `limit: PAGE_SIZE`). */
  limit: number | null;
  /** Has a where filter of any kind: a subset of the table, not all of it. */
  filtered: boolean;
  /** Options could not be read (spread or opaque variable): never report unboundedness. */
  optionsOpaque: boolean;
  /** Filtered by a list from the input (`id: { in: ids }`, `In(ids)`, `[Op.in]`). */
  filteredByList: boolean;
  /** Filtered on a unique column (at most one row). */
  filteredByUnique: boolean;
  /** Scoped to one parent by a key (`where: { merchantId }`, `{ merchant: { id } }`, an association getter). */
  scopedByKey: boolean;
  /** What the rows are scoped to: the key (`merchantId`, `merchant`) or the parent model of a relation read (`User`). */
  scopeKey: string | null;
  /** Raw SQL text when it is a literal. */
  rawSql: string | null;
}

const PRISMA_DELEGATE_OPS: Record<string, QueryKind> = {
  findMany: "read-many",
  findUnique: "read-one",
  findUniqueOrThrow: "read-one",
  findFirst: "read-one",
  findFirstOrThrow: "read-one",
  count: "count",
  aggregate: "aggregate",
  groupBy: "aggregate",
  create: "write",
  update: "write",
  upsert: "write",
  delete: "write",
  createMany: "write-many",
  createManyAndReturn: "write-many",
  updateMany: "write-many",
  updateManyAndReturn: "write-many",
  deleteMany: "write-many",
};
/** Where a Sequelize static method takes its options: `sum("amount", { where })`, `update(values, { where })`. */
const SEQUELIZE_OPTIONS_ARGUMENT: Record<string, number> = { findByPk: 1, update: 1, sum: 1, max: 1, min: 1, increment: 1, decrement: 1, aggregate: 2 };

const PRISMA_RAW_OPS: Record<string, QueryKind> = { $queryRaw: "raw", $queryRawUnsafe: "raw", $executeRaw: "write", $executeRawUnsafe: "write", $runCommandRaw: "raw" };

const TYPEORM_OPS: Record<string, QueryKind> = {
  find: "read-many",
  findBy: "read-many",
  findAndCount: "read-many",
  findAndCountBy: "read-many",
  findByIds: "read-many",
  findOne: "read-one",
  findOneBy: "read-one",
  findOneOrFail: "read-one",
  findOneByOrFail: "read-one",
  count: "count",
  countBy: "count",
  exist: "count",
  exists: "count",
  existsBy: "count",
  sum: "aggregate",
  average: "aggregate",
  minimum: "aggregate",
  maximum: "aggregate",
  save: "write",
  insert: "write",
  update: "write",
  upsert: "write",
  delete: "write",
  remove: "write",
  softDelete: "write",
  softRemove: "write",
  restore: "write",
  recover: "write",
  increment: "write",
  decrement: "write",
  clear: "write",
  preload: "read-one",
  query: "raw",
};
/** EntityManager methods whose first argument is the entity instance or the SQL, not the entity class. */
const TYPEORM_MANAGER_INSTANCE_OPS = new Set(["save", "remove", "softRemove", "recover", "query"]);

const TYPEORM_QB_TERMINALS: Record<string, QueryKind> = {
  getMany: "read-many",
  getRawMany: "read-many",
  getManyAndCount: "read-many",
  getRawAndEntities: "read-many",
  stream: "read-many",
  getOne: "read-one",
  getOneOrFail: "read-one",
  getRawOne: "read-one",
  getCount: "count",
  getExists: "count",
  execute: "write",
};
/** Terminals of the relation query builder: `qb.relation(Post, "tags").of(post).add(tag)`. */
const TYPEORM_RELATION_TERMINALS: Record<string, QueryKind> = { add: "write", remove: "write", set: "write", addAndRemove: "write", loadMany: "read-many", loadOne: "read-one" };

const SEQUELIZE_STATIC_OPS: Record<string, QueryKind> = {
  findAll: "read-many",
  findAndCountAll: "read-many",
  findOne: "read-one",
  findByPk: "read-one",
  findOrCreate: "read-one",
  findCreateFind: "read-one",
  findOrBuild: "read-one",
  count: "count",
  sum: "aggregate",
  max: "aggregate",
  min: "aggregate",
  aggregate: "aggregate",
  create: "write",
  update: "write-many",
  destroy: "write-many",
  upsert: "write",
  increment: "write-many",
  decrement: "write-many",
  restore: "write-many",
  truncate: "write-many",
  bulkCreate: "write-many",
};
const SEQUELIZE_INSTANCE_OPS: Record<string, QueryKind> = { save: "write", reload: "read-one", destroy: "write", update: "write", increment: "write", decrement: "write", restore: "write" };
const SEQUELIZE_TS_INSTANCE_OPS: Record<string, QueryKind> = { $get: "read-many", $count: "count", $add: "write", $set: "write", $remove: "write", $create: "write", $has: "read-one" };
const ASSOCIATION_ACCESSOR = /^(get|count|has|set|add|remove|create)([A-Z]\w*)$/;
/** Model instance methods that look like accessors but never query. */
const SEQUELIZE_NON_QUERY_GETTERS = new Set(["getDataValue", "getAttributes", "getTableName", "getPrimaryKey", "getChangedFields", "setDataValue", "setAttributes", "setValidators", "addHook", "removeHook", "hasHook", "hasHooks", "addScope", "hasChanged"]);

const PROMISE_METHODS = new Set(["then", "catch", "finally"]);

export interface SequelizeAssociation {
  source: string;
  target: string;
  alias: string;
  many: boolean;
}

/** Names worth a receiver evaluation: the cheap syntactic filter before any provenance work. */
export const ORM_METHOD_NAMES = new Set([
  ...Object.keys(PRISMA_DELEGATE_OPS),
  ...Object.keys(PRISMA_RAW_OPS),
  ...Object.keys(TYPEORM_OPS),
  ...Object.keys(TYPEORM_QB_TERMINALS),
  ...Object.keys(TYPEORM_RELATION_TERMINALS),
  ...Object.keys(SEQUELIZE_STATIC_OPS),
  ...Object.keys(SEQUELIZE_INSTANCE_OPS),
  ...Object.keys(SEQUELIZE_TS_INSTANCE_OPS),
]);

/**
 * The read's constant take/limit is larger than `maxPageSize` (the config's `pagination.maxPageSize`): the read has
 * a bound, but not one that counts. A take computed at run time is never compared.
 */
export function overPageSize(call: DbCall, maxPageSize: number | null): boolean {
  return maxPageSize !== null && call.limit !== null && call.limit > maxPageSize;
}

/**
 * A list read with no take/limit whose options we could read, or (with `pagination.maxPageSize`) one whose constant
 * take/limit is over that page size. Reads pinned to one row by a unique filter, or to an input list
 * (`id: { in: ids }` — the batched fix for an N+1), are bounded by their input and not reported.
 */
export function isUnboundedRead(call: DbCall, maxPageSize: number | null = null): boolean {
  return call.kind === "read-many" && !isPageBounded(call, maxPageSize) && !call.optionsOpaque && !call.filteredByUnique && !call.filteredByList && !isLookupModel(call.model);
}

/** Bounded by a take/limit (or a time window) that counts: no constant over `maxPageSize`. */
export function isPageBounded(call: DbCall, maxPageSize: number | null): boolean {
  return call.bounded && !overPageSize(call, maxPageSize);
}

export function mightBeOrmCall(name: string): boolean {
  return ORM_METHOD_NAMES.has(name) || ASSOCIATION_ACCESSOR.test(name);
}

export class OrmRecognizer {
  private readonly cache = new Map<ts.Node, DbCall | null>();
  /** Sequelize associations by source model name. */
  readonly associations = new Map<string, SequelizeAssociation[]>();
  /** TypeORM entity classes' lazy relation properties: class node → property → list? */
  private readonly lazyRelationsCache = new Map<ts.Node, Map<string, { many: boolean; target: string | null }>>();

  constructor(private readonly resolver: Resolver) {}

  /** Models whose writes fire side-effect hooks, by model name: `afterCreate`, `afterUpdate`, `destroy`. */
  readonly writeHooks = new Map<string, Set<"create" | "update" | "destroy">>();

  /**
   * Lifecycle hooks with side effects (`@AfterCreate`, `@BeforeDestroy`, `hooks: { afterCreate }`,
   * `Model.addHook("afterCreate", …)`, TypeORM `@AfterInsert`): writing such rows one by one is how the hook runs.
   */
  recordHook(node: ts.Node): void {
    const add = (model: string | undefined, hook: string) => {
      const kind = /create|insert/i.test(hook) && /^after/i.test(hook) ? "create" : /update|save/i.test(hook) && /^after/i.test(hook) ? "update" : /destroy|remove/i.test(hook) ? "destroy" : undefined;
      if (!model || !kind) return;
      const set = this.writeHooks.get(model) ?? new Set();
      set.add(kind);
      this.writeHooks.set(model, set);
    };
    if (ts.isDecorator(node)) {
      const name = (ts.isCallExpression(node.expression) ? node.expression.expression : node.expression).getText();
      const cls = node.parent?.parent;
      if (/^(After|Before)(Create|Update|Save|Destroy|BulkCreate|Insert|Remove)$/.test(name) && cls && ts.isClassLike(cls)) add(cls.name?.text, name);
      return;
    }
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
    const method = node.expression.name.text;
    const receiver = node.expression.expression.getText();
    if (method === "addHook" && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) add(receiver, node.arguments[0].text);
    else if (/^(after|before)(Create|Update|Save|Destroy)$/.test(method)) add(receiver, method);
    else if (method === "init" && node.arguments[1] && ts.isObjectLiteralExpression(node.arguments[1])) {
      const hooks = propertyInitializer(node.arguments[1], "hooks");
      if (hooks && ts.isObjectLiteralExpression(hooks)) for (const hook of hooks.properties) if (hook.name) add(receiver, hook.name.getText());
    }
  }

  /** The write runs a side-effect hook of its model (so one-by-one writes are deliberate). */
  firesWriteHook(call: DbCall): boolean {
    if (!call.model || (call.kind !== "write" && call.kind !== "write-many")) return false;
    const hooks = this.writeHooks.get(call.model);
    if (!hooks) return false;
    const op = call.operation;
    if (/^(create|bulkCreate|save|insert|findOrCreate|upsert)$|^create[A-Z]/.test(op) && hooks.has("create")) return true;
    if (/^(update|save|increment|decrement)$/.test(op) && hooks.has("update")) return true;
    return /^(destroy|remove|delete|softRemove)$/.test(op) && hooks.has("destroy");
  }

  /** `User.hasMany(Post, { as: "posts" })`: records the accessors it creates. */
  recordAssociation(call: ts.CallExpression): void {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return;
    const kind = callee.name.text;
    if (!["hasMany", "belongsTo", "hasOne", "belongsToMany"].includes(kind)) return;
    const source = this.resolver.evaluate(callee.expression);
    const targetArg = call.arguments[0];
    if (source.kind !== "orm-model" || source.orm !== "sequelize" || !targetArg) return;
    const target = this.resolver.evaluate(targetArg);
    const targetName = target.kind === "orm-model" ? target.model : entityName(targetArg) ?? "unknown";
    let alias: string | null = null;
    const options = call.arguments[1] && unwrapExpression(call.arguments[1]);
    if (options && ts.isObjectLiteralExpression(options)) {
      const as = propertyInitializer(options, "as");
      if (as && ts.isStringLiteralLike(as)) alias = as.text;
      else if (as && ts.isObjectLiteralExpression(as)) {
        const plural = propertyInitializer(as, "plural");
        if (plural && ts.isStringLiteralLike(plural)) alias = plural.text;
      }
    }
    const many = kind === "hasMany" || kind === "belongsToMany";
    const list = this.associations.get(source.model) ?? [];
    list.push({ source: source.model, target: targetName, alias: alias ?? (many ? pluralize(targetName) : targetName), many });
    this.associations.set(source.model, list);
  }

  classify(node: ts.CallExpression | ts.TaggedTemplateExpression | ts.PropertyAccessExpression): DbCall | null {
    if (this.cache.has(node)) return this.cache.get(node)!;
    this.cache.set(node, null); // cycle guard
    const result = this.classifyUncached(node);
    this.cache.set(node, result);
    return result;
  }

  /** Rows or an instance for a call that is a read query; used by the resolver to follow query results. */
  valueOfQueryCall(call: ts.CallExpression): Value | undefined {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || (!mightBeOrmCall(callee.name.text) && !ts.isCallExpression(callee.expression))) return undefined;
    const db = this.classify(call);
    if (!db) return undefined;
    if (db.kind === "read-many") return { kind: "rows", call: db, derived: false, capped: false };
    if (db.kind === "read-one" && db.model) return { kind: "orm-instance", orm: db.orm, model: db.model, cls: db.modelClass, source: db, confidence: db.confidence };
    return { kind: "unknown" };
  }

  private classifyUncached(node: ts.CallExpression | ts.TaggedTemplateExpression | ts.PropertyAccessExpression): DbCall | null {
    if (ts.isPropertyAccessExpression(node)) return this.classifyLazyRelation(node);
    const module = this.resolver.moduleOf(node);
    if (!module) return null;
    const callee = ts.isTaggedTemplateExpression(node) ? node.tag : node.expression;
    if (!ts.isPropertyAccessExpression(callee)) return null;
    const method = callee.name.text;
    const args = ts.isCallExpression(node) ? node.arguments : [];
    const base = (orm: Orm, model: string | null, modelClass: ClassRef | null, kind: QueryKind, confidence: Confidence, options: ts.Expression | undefined): DbCall => {
      const shape = readOptions(options, orm, this.resolver);
      // `distinct: ["type"]` on enum or Boolean fields: at most as many rows as the values those fields can take.
      const fields = orm === "prisma" && model ? this.resolver.prismaSchema?.models.get(model)?.fields : undefined;
      const schemaEnums = this.resolver.prismaSchema?.enums;
      const fewValues = (name: string): boolean => {
        const type = fields?.get(name)?.type;
        return type === "Boolean" || (type !== undefined && (schemaEnums?.has(type) ?? false));
      };
      if (shape.distinct.length > 0 && shape.distinct.every(fewValues)) shape.bounded = true;
      // `where: { userUid }` where the schema's relation names `userUid`: the rows of one parent, whatever its name.
      const foreignKeys = orm === "prisma" && model ? this.resolver.prismaSchema?.models.get(model)?.foreignKeys : undefined;
      const scopeKey = shape.scopeKey ?? shape.keyEqualities.find((key) => foreignKeys?.has(key)) ?? null;
      return {
        node,
        module,
        orm,
        model,
        modelClass,
        operation: method,
        kind,
        confidence,
        options,
        bounded: shape.bounded,
        limit: shape.limit,
        filtered: shape.whereKeys.length > 0 || shape.opaque,
        optionsOpaque: shape.opaque,
        filteredByList: shape.filteredByList || inLoaderBatch(node),
        filteredByUnique: shape.filteredByUnique || (orm === "prisma" && this.prismaWhereIsUnique(model, shape.whereKeys)),
        scopedByKey: scopeKey !== null,
        scopeKey,
        rawSql: null,
      };
    };

    // Prisma fluent relation API: prisma.user.findUnique(...).posts()
    if (ts.isCallExpression(callee.expression) && ts.isCallExpression(node) && !PROMISE_METHODS.has(method)) {
      const inner = this.classify(callee.expression);
      if (inner && inner.orm === "prisma" && inner.kind === "read-one") {
        const field = inner.model ? this.resolver.prismaSchema?.models.get(inner.model)?.fields.get(method) : undefined;
        if (this.resolver.prismaSchema && !field?.relationTo) return null;
        const call = base("prisma", field?.relationTo ?? null, null, field && !field.list ? "read-one" : "read-many", inner.confidence, args[0]);
        call.scopedByKey = true;
        call.scopeKey = inner.model;
        return call;
      }
    }

    if (!mightBeOrmCall(method)) return null;
    let receiver = this.resolver.evaluate(callee.expression);
    // Syntax could not place the receiver: ask the type checker when the project has its ORM installed.
    if (receiver.kind === "unknown" && this.resolver.typeOracle && ORM_METHOD_NAMES.has(method)) receiver = this.resolver.typeOracle.valueOf(callee.expression) ?? receiver;
    switch (receiver.kind) {
      case "prisma-delegate": {
        const kind = PRISMA_DELEGATE_OPS[method];
        if (!kind || ts.isTaggedTemplateExpression(node)) return null;
        return base("prisma", receiver.model, null, kind, receiver.confidence, args[0]);
      }
      case "prisma-client": {
        const kind = PRISMA_RAW_OPS[method];
        if (!kind) return null;
        const call = base("prisma", null, null, kind, receiver.confidence, undefined);
        call.rawSql = sqlText(ts.isTaggedTemplateExpression(node) ? node.template : args[0]);
        return call;
      }
      case "typeorm-repository": {
        const kind = TYPEORM_OPS[method];
        if (!kind || ts.isTaggedTemplateExpression(node)) return null;
        const call = base("typeorm", receiver.entity, receiver.entityClass ?? null, kind, receiver.confidence, args[0]);
        if (kind === "raw") call.rawSql = sqlText(args[0]);
        return call;
      }
      case "typeorm-manager": {
        const kind = TYPEORM_OPS[method];
        if (!kind || ts.isTaggedTemplateExpression(node)) return null;
        if (TYPEORM_MANAGER_INSTANCE_OPS.has(method)) {
          const call = base("typeorm", method === "query" ? null : entityName(args[0]), null, kind, receiver.confidence, undefined);
          if (kind === "raw") call.rawSql = sqlText(args[0]);
          return call;
        }
        const entityValue = args[0] ? this.resolver.evaluate(args[0]) : undefined;
        // An entity target: a known entity class, a string name, or a class-like name from elsewhere (an installed models package).
        const isEntity = entityValue?.kind === "orm-model" || entityValue?.kind === "class" || entityValue?.kind === "external" || (args[0] !== undefined && (ts.isStringLiteralLike(unwrapExpression(args[0])) || entityName(args[0]) !== null));
        if (!isEntity) return null;
        return base("typeorm", entityName(args[0]), entityValue?.kind === "orm-model" ? entityValue.cls : null, kind, receiver.confidence, args[1]);
      }
      case "typeorm-query-builder": {
        const kind = receiver.relation ? TYPEORM_RELATION_TERMINALS[method] : TYPEORM_QB_TERMINALS[method];
        if (!kind) return null;
        // `relation(Order, "channels").of(order).loadMany()` reads Channel rows, not Order rows.
        const entity = receiver.relation && receiver.relationName ? capitalize(singularize(receiver.relationName)) : receiver.entity;
        const call = base("typeorm", entity, null, kind, receiver.confidence, undefined);
        call.bounded = receiver.bounded;
        call.limit = receiver.limit ?? null;
        call.optionsOpaque = false;
        call.filteredByList = receiver.listFilter ?? false;
        call.scopedByKey = (receiver.keyScoped ?? false) || (receiver.relation ?? false);
        call.scopeKey = call.scopedByKey ? receiver.scopeKey ?? receiver.entity : null;
        return call;
      }
      case "orm-model": {
        if (receiver.orm === "sequelize") {
          const kind = SEQUELIZE_STATIC_OPS[method];
          if (!kind) return null;
          return base("sequelize", receiver.model, receiver.cls, kind, receiver.confidence, args[SEQUELIZE_OPTIONS_ARGUMENT[method] ?? 0]);
        }
        if (receiver.orm === "typeorm" && receiver.activeRecord) {
          const kind = TYPEORM_OPS[method];
          if (!kind || method === "save" || method === "remove") return null;
          const call = base("typeorm", receiver.model, receiver.cls, kind, receiver.confidence, args[0]);
          if (kind === "raw") call.rawSql = sqlText(args[0]);
          return call;
        }
        return null;
      }
      case "orm-instance":
        return this.classifyInstanceCall(receiver, method, args, base);
      case "sequelize-client": {
        if (method !== "query") return null;
        const call = base("sequelize", null, null, "raw", receiver.confidence, undefined);
        call.rawSql = sqlText(args[0]);
        return call;
      }
      default:
        return null;
    }
  }

  private classifyInstanceCall(
    receiver: Extract<Value, { kind: "orm-instance" }>,
    method: string,
    args: readonly ts.Expression[],
    base: (orm: Orm, model: string | null, modelClass: ClassRef | null, kind: QueryKind, confidence: Confidence, options: ts.Expression | undefined) => DbCall,
  ): DbCall | null {
    if (receiver.orm === "typeorm") {
      // Active-record instances: entity.save(), entity.remove(), entity.reload()
      if (receiver.cls && this.resolver.classInfo(receiver.cls).activeRecord && ["save", "remove", "softRemove", "recover", "reload"].includes(method)) {
        return base("typeorm", receiver.model, receiver.cls, method === "reload" ? "read-one" : "write", receiver.confidence, undefined);
      }
      return null;
    }
    if (receiver.orm !== "sequelize") return null;
    const instanceKind = SEQUELIZE_INSTANCE_OPS[method];
    if (instanceKind) return base("sequelize", receiver.model, receiver.cls, instanceKind, receiver.confidence, undefined);
    const tsKind = SEQUELIZE_TS_INSTANCE_OPS[method];
    if (tsKind) {
      const property = args[0] && ts.isStringLiteralLike(args[0]) ? args[0].text : null;
      const relation = property && receiver.cls ? this.sequelizeTsRelation(receiver.cls, property) : null;
      const kind = method === "$get" && relation && !relation.many ? "read-one" : tsKind;
      const call = base("sequelize", relation?.target ?? receiver.model, null, kind, receiver.confidence, args[1]);
      call.operation = property ? `${method}('${property}')` : method;
      call.scopedByKey = true;
      call.scopeKey = receiver.model;
      return call;
    }
    const match = ASSOCIATION_ACCESSOR.exec(method);
    if (!match || SEQUELIZE_NON_QUERY_GETTERS.has(method)) return null;
    // `getSummary = () => …` written on the model class is the model's own code, not an association accessor.
    if (receiver.cls && declaresMember(receiver.cls.node, method)) return null;
    const verb = match[1]!;
    const target = match[2]!;
    const known = this.associations.get(receiver.model);
    const association = known?.find((a) => sameName(a.alias, target) || sameName(a.target, target) || sameName(pluralize(a.alias), target) || sameName(singularize(a.alias), target));
    if (known && known.length > 0 && !association) return null;
    const many = association ? association.many : /s$/.test(target);
    const kind: QueryKind = verb === "get" ? (many ? "read-many" : "read-one") : verb === "count" ? "count" : verb === "has" ? "read-one" : "write";
    const confidence = association ? receiver.confidence : lowerConfidence(receiver.confidence, "medium");
    const call = base("sequelize", association?.target ?? target, null, kind, confidence, args[0]);
    call.scopedByKey = true;
    call.scopeKey = receiver.model;
    return call;
  }

  /** sequelize-typescript: `@HasMany(() => Line) lines: Line[]`. */
  private sequelizeTsRelation(cls: ClassRef, property: string): { target: string | null; many: boolean } | null {
    for (const member of cls.node.members) {
      if (!ts.isPropertyDeclaration(member) || !member.name || !ts.isIdentifier(member.name) || member.name.text !== property) continue;
      const decorators = ts.getDecorators(member) ?? [];
      const names = decorators.map((d) => (ts.isCallExpression(d.expression) ? d.expression.expression.getText() : d.expression.getText()));
      const many = names.some((n) => n === "HasMany" || n === "BelongsToMany") || (member.type !== undefined && ts.isArrayTypeNode(member.type));
      const target = member.type && ts.isArrayTypeNode(member.type) ? member.type.elementType.getText() : member.type?.getText() ?? null;
      return { target, many };
    }
    return null;
  }

  /** TypeORM lazy relation: `await post.comments` where `comments: Promise<Comment[]>`. */
  private classifyLazyRelation(node: ts.PropertyAccessExpression): DbCall | null {
    const owner = this.resolver.evaluate(node.expression);
    if (owner.kind !== "orm-instance" || owner.orm !== "typeorm" || !owner.cls) return null;
    const relation = this.lazyRelations(owner.cls).get(node.name.text);
    if (!relation) return null;
    if (owner.source && preloads(owner.source, node.name.text)) return null;
    const module = this.resolver.moduleOf(node);
    if (!module) return null;
    return {
      node,
      module,
      orm: "typeorm",
      model: relation.target,
      modelClass: null,
      operation: node.name.text,
      kind: relation.many ? "read-many" : "read-one",
      confidence: owner.confidence,
      options: undefined,
      bounded: false,
      limit: null,
      filtered: false,
      optionsOpaque: false,
      filteredByList: false,
      filteredByUnique: false,
      scopedByKey: true,
      scopeKey: owner.model,
      rawSql: null,
    };
  }

  lazyRelations(cls: ClassRef): Map<string, { many: boolean; target: string | null }> {
    const cached = this.lazyRelationsCache.get(cls.node);
    if (cached) return cached;
    const relations = new Map<string, { many: boolean; target: string | null }>();
    for (const member of cls.node.members) {
      if (!ts.isPropertyDeclaration(member) || !member.name || !ts.isIdentifier(member.name)) continue;
      const decorators = ts.getDecorators(member) ?? [];
      const relationDecorator = decorators.find((d) => ts.isCallExpression(d.expression) && /^(OneToMany|ManyToOne|OneToOne|ManyToMany)$/.test(d.expression.expression.getText()));
      if (!relationDecorator) continue;
      const type = member.type;
      const promised = type && ts.isTypeReferenceNode(type) && type.typeName.getText() === "Promise" ? type.typeArguments?.[0] : undefined;
      const lazyOption = ts.isCallExpression(relationDecorator.expression) && relationDecorator.expression.arguments.some((arg) => ts.isObjectLiteralExpression(arg) && propertyInitializer(arg, "lazy")?.kind === ts.SyntaxKind.TrueKeyword);
      if (!promised && !lazyOption) continue;
      const inner = promised ?? type;
      const many = inner !== undefined && ts.isArrayTypeNode(inner);
      const target = inner ? (ts.isArrayTypeNode(inner) ? inner.elementType.getText() : inner.getText()) : null;
      relations.set(member.name.text, { many, target });
    }
    this.lazyRelationsCache.set(cls.node, relations);
    return relations;
  }

  private prismaWhereIsUnique(model: string | null, whereKeys: string[]): boolean {
    if (!model || whereKeys.length === 0) return false;
    const schemaModel = this.resolver.prismaSchema?.models.get(model);
    if (!schemaModel) return whereKeys.includes("id");
    return whereKeys.some((key) => schemaModel.fields.get(key)?.unique);
  }
}

/** The query that produced an entity already loaded the relation (`relations: { comments: true }`, a join-and-select). */
function preloads(source: DbCall, relation: string): boolean {
  const options = source.options?.getText() ?? "";
  const mentions = new RegExp(`\\b${relation}\\b`);
  if (/\brelations\s*:/.test(options) && mentions.test(options.slice(options.search(/\brelations\s*:/)))) return true;
  const chain = source.node.getText();
  return /JoinAndSelect\s*\(/.test(chain) && new RegExp(`\\.${relation}\\b`).test(chain);
}

interface OptionsShape {
  bounded: boolean;
  limit: number | null;
  opaque: boolean;
  filteredByList: boolean;
  filteredByUnique: boolean;
  scopeKey: string | null;
  whereKeys: string[];
  /** Where keys compared for equality (`{ userUid }`, `{ userUid: id }`, `{ userUid: { equals: id } }`). */
  keyEqualities: string[];
  /** Prisma `distinct: ["type"]`: the fields whose distinct values the rows are. */
  distinct: string[];
}

/** Reads take/limit and the where filter from an options object literal (followed through one variable). */
function readOptions(options: ts.Expression | undefined, orm: Orm, resolver: Resolver): OptionsShape {
  const shape: OptionsShape = { bounded: false, limit: null, opaque: false, filteredByList: false, filteredByUnique: false, scopeKey: null, whereKeys: [], keyEqualities: [], distinct: [] };
  if (!options) return shape;
  const literal = objectLiteralOf(options, resolver);
  if (!literal) {
    shape.opaque = true;
    return shape;
  }
  for (const property of literal.properties) {
    if (ts.isSpreadAssignment(property)) {
      shape.opaque = true;
      continue;
    }
    const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
    if (!name) continue;
    if (name === "take" || name === "limit" || name === "first" || name === "last") {
      shape.bounded = true;
      if (ts.isPropertyAssignment(property)) shape.limit = constantNumber(property.initializer, resolver);
    }
    if (name === "distinct" && ts.isPropertyAssignment(property)) {
      const value = unwrapExpression(property.initializer);
      const items = ts.isArrayLiteralExpression(value) ? [...value.elements] : [value];
      shape.distinct = items.every((item) => ts.isStringLiteralLike(item)) ? items.map((item) => (item as ts.StringLiteralLike).text) : [];
    }
    if (name === "where") {
      const whereExpression = ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
      const where = whereExpression ? objectLiteralOf(whereExpression, resolver) : undefined;
      // A where built elsewhere (a helper, a parameter): its bounds are unknown, so never claim it is unbounded.
      if (!where) shape.opaque = true;
      if (where) {
        shape.filteredByList = hasListFilter(where);
        for (const whereProperty of where.properties) {
          const key = whereProperty.name && (ts.isIdentifier(whereProperty.name) || ts.isStringLiteral(whereProperty.name)) ? whereProperty.name.text : undefined;
          if (key) shape.whereKeys.push(key);
          const value = ts.isPropertyAssignment(whereProperty) ? unwrapExpression(whereProperty.initializer) : undefined;
          const equality = ts.isShorthandPropertyAssignment(whereProperty) || (value && (!ts.isObjectLiteralExpression(value) || value.properties.some((p) => p.name?.getText() === "equals")));
          if (key && equality) shape.keyEqualities.push(key);
        }
        shape.scopeKey = scopingKey(where);
        if (isTimeWindow(where)) shape.bounded = true;
        if (orm === "sequelize" && hasPluralListValue(where)) shape.filteredByList = true;
      }
    }
  }
  // TypeORM findBy(where): the argument is the where object itself.
  if (orm === "typeorm" && !literal.properties.some((p) => p.name && ["where", "take", "skip", "order", "relations", "select"].includes(p.name.getText()))) {
    shape.filteredByList = hasListFilter(literal);
    shape.scopeKey = scopingKey(literal);
  }
  return shape;
}

/** Inside `new DataLoader(async (keys) => …)`: the batch function reads the rows of its keys, a list from the input. */
function inLoaderBatch(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (!(ts.isArrowFunction(current) || ts.isFunctionExpression(current))) continue;
    const call: ts.Node = current.parent;
    if ((ts.isNewExpression(call) || ts.isCallExpression(call)) && call.arguments?.[0] === current && /dataloader/i.test(call.expression.getText())) return true;
  }
  return false;
}

/** `createdAt: { gte: from, lt: to }`, `[Op.between]: [a, b]`, `Between(a, b)`: a time window, bounded by the clock, not by the table. */
function isTimeWindow(where: ts.ObjectLiteralExpression): boolean {
  return where.properties.some((property) => {
    if (!ts.isPropertyAssignment(property)) return false;
    const value = unwrapExpression(property.initializer);
    // TypeORM `createdAt: Between(from, to)`
    if (ts.isCallExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === "Between" && value.arguments.length === 2) return true;
    if (!ts.isObjectLiteralExpression(value)) return false;
    const keys = value.properties.map((p) => p.name?.getText().replace(/^\[Op\.|\]$|^\$/g, "") ?? "");
    return keys.includes("between") || (keys.some((k) => k === "gte" || k === "gt") && keys.some((k) => k === "lte" || k === "lt"));
  });
}

/** Sequelize reads an array value as IN: `{ TransactionGroupId: groupIds }`, `{ status: statuses }`. */
function hasPluralListValue(where: ts.ObjectLiteralExpression): boolean {
  return where.properties.some((property) => {
    if (!ts.isPropertyAssignment(property)) return false;
    const value = unwrapExpression(property.initializer);
    return ts.isIdentifier(value) && /[^su]s$/i.test(value.text);
  });
}

const KEY_COLUMN = /^(id|_id|uuid)$|Id$|ID$|_id$|Uuid$|Uid$/;

/** An equality on a key column, or a relation filter by key: the rows belong to one parent. */
function scopingKey(where: ts.ObjectLiteralExpression): string | null {
  for (const property of where.properties) {
    const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
    if (!key) continue;
    const value = ts.isPropertyAssignment(property) ? unwrapExpression(property.initializer) : undefined;
    if (KEY_COLUMN.test(key)) {
      if (!value || !ts.isObjectLiteralExpression(value)) return key; // { merchantId } or { merchantId: x }
      if (value.properties.some((p) => p.name?.getText() === "equals")) return key;
    }
    // { merchant: { id } } (TypeORM/Prisma relation filter), AND: [...] is not followed
    if (value && ts.isObjectLiteralExpression(value) && value.properties.some((p) => p.name && KEY_COLUMN.test(p.name.getText()) && !(ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(unwrapExpression(p.initializer))))) return key;
    // { links: { some: { linkId } } }, { author: { is: { id } } }: the rows related to one parent (Prisma)
    if (value && ts.isObjectLiteralExpression(value)) {
      for (const inner of value.properties) {
        const innerValue = ts.isPropertyAssignment(inner) ? unwrapExpression(inner.initializer) : undefined;
        if ((inner.name?.getText() === "some" || inner.name?.getText() === "is") && innerValue && ts.isObjectLiteralExpression(innerValue) && scopingKey(innerValue) !== null) return key;
      }
    }
  }
  return null;
}

/**
 * Configuration and reference tables that stay small whatever the traffic (roles, countries, currencies, payment and
 * shipping methods, settings). Reading them whole is normal; a later issue makes the list configurable.
 */
const LOOKUP_MODEL = /^(role|permission|country|countries|zone|region|currency|currencies|language|locale|tax_?rate|tax_?category|channel|payment_?method|shipping_?method|stock_?location|seller|setting|settings|config|configuration|(global|infra|app|system|site|platform|instance)_?(settings?|config|configuration)|feature_?flag|plan|scheduled_?task)s?$/i;

/**
 * Code the class itself declares under that name: a method with a body, a property holding a function, or (with
 * `getters`) a get accessor. `declare getPosts: HasManyGetAssociationsMixin<Post>` is not.
 */
export function declaresMember(cls: ts.ClassLikeDeclaration, name: string, getters = false): boolean {
  return cls.members.some((member) => {
    if (member.name === undefined || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) || member.name.text !== name) return false;
    if (ts.isMethodDeclaration(member)) return member.body !== undefined;
    if (ts.isGetAccessorDeclaration(member)) return getters;
    return ts.isPropertyDeclaration(member) && member.initializer !== undefined && (ts.isArrowFunction(member.initializer) || ts.isFunctionExpression(member.initializer));
  });
}

export function isLookupModel(model: string | null): boolean {
  return model !== null && LOOKUP_MODEL.test(model);
}

export function objectLiteralOf(expression: ts.Expression, resolver: Resolver): ts.ObjectLiteralExpression | undefined {
  const expr = unwrapExpression(expression);
  if (ts.isObjectLiteralExpression(expr)) return expr;
  if (ts.isIdentifier(expr)) {
    const binding = resolver.lookup(expr);
    if (binding?.kind === "node" && ts.isVariableDeclaration(binding.node) && binding.node.initializer) {
      const init = unwrapExpression(binding.node.initializer);
      if (ts.isObjectLiteralExpression(init)) return init;
    }
    // A where passed in by the caller: read the object literal the (first) project caller passes.
    if (binding?.kind === "node" && ts.isParameter(binding.node)) {
      const passed = resolver.argumentsFor(binding.node).map((a) => unwrapExpression(a));
      const literal = passed.find(ts.isObjectLiteralExpression);
      if (literal && passed.every(ts.isObjectLiteralExpression)) return literal;
    }
  }
  return undefined;
}

/** Keys that exclude values: a list under them bounds nothing. */
const NEGATED_FILTER_KEYS = new Set(["notIn", "not", "NOT", "none", "[Op.notIn]", "[Op.ne]", "[Op.not]", "$nin", "$ne"]);

/** `{ id: { in: ids } }`, `{ id: In(ids) }`, `{ id: { [Op.in]: ids } }`, `{ id: ids }` (Sequelize arrays). */
const LIKELY_KEY_COLUMN = /^(id|_id|uuid|pk|key|slug|code|email)$/;

const isConstantName = (expression: ts.Expression): boolean => {
  const expr = unwrapExpression(expression);
  return ts.isIdentifier(expr) && CONSTANT_NAME.test(expr.text);
};

/** `["open", "pending"]`, `[Status.Open, Status.Paid]`, `OPEN_STATUSES`, `[...OPEN_STATUSES]`: constants, not an input list. */
function isFixedValueList(node: ts.Expression): boolean {
  const list = unwrapExpression(node);
  if (isConstantName(list)) return true;
  if (!ts.isArrayLiteralExpression(list) || list.elements.length === 0) return false;
  return list.elements.every((element) => {
    if (ts.isSpreadElement(element)) return isConstantName(element.expression);
    const value = unwrapExpression(element);
    return ts.isStringLiteralLike(value) || ts.isNumericLiteral(value) || (ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.expression) && /^[A-Z]/.test(value.expression.text));
  });
}

function hasListFilter(where: ts.ObjectLiteralExpression): boolean {
  for (const property of where.properties) {
    if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
    // `status: { notIn: [...] }`, `[Op.notIn]`, `NOT`: excluding a list bounds nothing.
    if (NEGATED_FILTER_KEYS.has(property.name.getText().replace(/^["'`]|["'`]$/g, ""))) continue;
    if (ts.isShorthandPropertyAssignment(property)) {
      if (/(ids|Ids|List|list)$/.test(property.name.text)) return true;
      continue;
    }
    const value = unwrapExpression(property.initializer);
    // `status: ["open", "paid"]` (Sequelize's IN), `status: { in: [...OPEN] }`: a fixed set of values bounds nothing,
    // unless the column is a key (`id: { in: [1, 2, 3] }` is three rows).
    const fixedSetBoundsNothing = !LIKELY_KEY_COLUMN.test(property.name.getText().replace(/^["'`]|["'`]$/g, ""));
    if (fixedSetBoundsNothing && isFixedValueList(value)) continue;
    if (ts.isObjectLiteralExpression(value)) {
      for (const inner of value.properties) {
        const key = inner.name?.getText() ?? "";
        if ((key === "in" || key === "[Op.in]" || key === "hasSome" || key === "$in") && !(fixedSetBoundsNothing && ts.isPropertyAssignment(inner) && isFixedValueList(inner.initializer))) return true;
      }
      if (hasListFilter(value)) return true;
    } else if (ts.isCallExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === "In") {
      return true;
    } else if (ts.isArrayLiteralExpression(value)) {
      return true;
    } else if (ts.isIdentifier(value) && /(ids|Ids|List|list)$/.test(value.text)) {
      return true;
    }
  }
  return false;
}

function propertyInitializer(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === name) return unwrapExpression(property.initializer);
  }
  return undefined;
}

/** The SQL of a raw query when it is written in place (string, template, `Prisma.sql` tag). */
export function sqlText(expression: ts.Node | undefined): string | null {
  if (!expression) return null;
  if (ts.isStringLiteralLike(expression)) return expression.text;
  if (ts.isTemplateExpression(expression)) return expression.head.text + expression.templateSpans.map((span) => " ? " + span.literal.text).join("");
  if (ts.isTaggedTemplateExpression(expression)) return sqlText(expression.template);
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return `${sqlText(expression.left) ?? " ? "}${sqlText(expression.right) ?? " ? "}`;
  }
  if (ts.isParenthesizedExpression(expression)) return sqlText(expression.expression);
  return null;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function pluralize(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return name.slice(0, -1) + "ies";
  if (/(s|x|z|ch|sh)$/i.test(name)) return name + "es";
  return name + "s";
}

function singularize(name: string): string {
  if (/ies$/i.test(name)) return name.slice(0, -3) + "y";
  if (/(ses|xes|zes|ches|shes)$/i.test(name)) return name.slice(0, -2);
  if (/s$/i.test(name)) return name.slice(0, -1);
  return name;
}
