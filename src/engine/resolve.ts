import { dirname } from "node:path";
import ts from "#typescript";
import type { ModuleInfo, Project } from "./project.js";
import { requireSpecifier, sitesInside } from "./project.js";
import type { ClassRef, FunctionRef, Value } from "./values.js";
import { UNKNOWN, lowerConfidence, confidenceOf } from "./values.js";
import type { PrismaSchemaInfo } from "./prisma-schema.js";
import type { TypeOracle } from "./type-oracle.js";
import { clientValue, type ConfiguredClients } from "./configured-clients.js";
import type { Orm } from "../types.js";
import { memberName } from "./syntax.js";

/** A name's declaration: a node in a project module, an import from a package, or a client the config names. */
export type Binding =
  | { kind: "node"; node: ts.Node; module: ModuleInfo }
  | { kind: "external"; module: string; name: string }
  /** An import of one of the config's `clients`: that ORM's client, whatever the wrapper's code says (or hides). */
  | { kind: "client"; orm: Orm };

const PRISMA_MODULE = /(^@prisma\/client($|\/))|(^|\/)\.prisma\/client|(^|[/@])(generated\/)?prisma(\/client)?$|prisma-client|\/generated\/prisma/i;
const TYPEORM_MODULE = /^typeorm($|\/)/;
const SEQUELIZE_MODULE = /^(sequelize|sequelize-typescript|@sequelize\/core)($|\/)/;
const NEST_TYPEORM = /^@nestjs\/typeorm$/;
const NEST_SEQUELIZE = /^@nestjs\/sequelize$/;

export function isPrismaModule(specifier: string): boolean {
  return PRISMA_MODULE.test(specifier);
}
export function isTypeormModule(specifier: string): boolean {
  return TYPEORM_MODULE.test(specifier);
}
export function isSequelizeModule(specifier: string): boolean {
  return SEQUELIZE_MODULE.test(specifier);
}

export interface ClassOrmInfo {
  /** `extends PrismaClient` (NestJS PrismaService). */
  prismaClient: boolean;
  /** `extends Repository<E>` (TypeORM custom repository). */
  typeormRepository: string | null;
  orm: "typeorm" | "sequelize" | null;
  /** Static query API available: Sequelize models, TypeORM BaseEntity subclasses. */
  activeRecord: boolean;
  modelName: string;
}

function unwrap(expression: ts.Expression): ts.Expression {
  let expr = expression;
  while (
    ts.isParenthesizedExpression(expr) ||
    ts.isAsExpression(expr) ||
    ts.isNonNullExpression(expr) ||
    ts.isTypeAssertionExpression(expr) ||
    ts.isSatisfiesExpression(expr) ||
    ts.isAwaitExpression(expr)
  ) {
    expr = expr.expression;
  }
  return expr;
}
export { unwrap as unwrapExpression };

export function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** How many values may be under evaluation at once (see `memoised`). */
const MAX_EVALUATION_DEPTH = 200;

/**
 * Syntactic provenance: resolves names across files and evaluates expressions to what they hold
 * (an ORM client, a repository, rows of a query, a user class…). Every answer is memoised, so each
 * expression is evaluated once per scan whichever rule asks.
 */
function addCall(index: Map<string, ts.CallExpression[]>, node: ts.CallExpression): void {
  const callee = node.expression;
  const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (!calleeName) return;
  const list = index.get(calleeName);
  if (list) list.push(node);
  else index.set(calleeName, [node]);
}

export class Resolver {
  /** Values under evaluation right now, nested. */
  private evaluationDepth = 0;
  private readonly valueCache = new Map<ts.Node, Value>();
  private readonly inProgress = new Set<ts.Node>();
  private readonly bindingCache = new Map<ts.Identifier, Binding | undefined>();
  private readonly classInfoCache = new Map<ts.Node, ClassOrmInfo>();
  private readonly returnCache = new Map<ts.Node, Value>();
  /** The type-checker path, when the scanned project has its ORM installed. */
  typeOracle: TypeOracle | null = null;
  /** Hook the ORM layer installs so that query calls evaluate to rows or instances. */
  queryValue: (call: ts.CallExpression) => Value | undefined = () => undefined;
  /** The config's `clients`: wrapper exports and runtime names that are ORM clients. */
  configuredClients: ConfiguredClients | null = null;

  constructor(
    readonly project: Project,
    readonly prismaSchema: PrismaSchemaInfo | null,
    /** The project depends on Prisma: enables the `ctx.prisma` / `db` naming fallback. */
    readonly prismaInUse: boolean,
    /** The project depends on Sequelize: enables recognising `x.define("Model", {…})` on an untyped connection. */
    readonly sequelizeInUse = false,
  ) {}

  moduleOf(node: ts.Node): ModuleInfo | undefined {
    return this.project.getModule(node.getSourceFile().fileName);
  }

  // ---------- names ----------

  lookup(identifier: ts.Identifier): Binding | undefined {
    if (this.bindingCache.has(identifier)) return this.bindingCache.get(identifier);
    const binding = this.lookupUncached(identifier);
    this.bindingCache.set(identifier, binding);
    return binding;
  }

  private lookupUncached(identifier: ts.Identifier): Binding | undefined {
    const name = identifier.text;
    const module = this.moduleOf(identifier);
    if (!module) return undefined;
    let node: ts.Node | undefined = identifier.parent;
    let previous: ts.Node = identifier;
    while (node) {
      const found = declarationIn(node, name, previous);
      if (found) return { kind: "node", node: found, module };
      if (ts.isSourceFile(node)) break;
      previous = node;
      node = node.parent;
    }
    const imported = module.imports.get(name);
    if (imported) return this.followImport(imported.module, imported.external, imported.name, 0, module.absPath);
    return undefined;
  }

  /** `fromFile`: the file whose import (or re-export) this is, so that a configured client module can be matched. */
  followImport(moduleId: string, external: boolean, name: string, depth = 0, fromFile?: string): Binding | undefined {
    const configured = fromFile !== undefined ? this.configuredClients?.forImport(fromFile, { module: moduleId, external }, name) : undefined;
    if (configured) return { kind: "client", orm: configured };
    if (external) return { kind: "external", module: moduleId, name };
    const target = this.project.getModule(moduleId);
    if (!target) return undefined;
    if (name === "*") return { kind: "node", node: target.sourceFile, module: target };
    return this.resolveExport(target, name, depth);
  }

  resolveExport(module: ModuleInfo, name: string, depth = 0): Binding | undefined {
    const found = this.exportInTree(module, name, depth);
    if (found || depth > 12) return found;
    // `export * from "../generated/prisma"` in a checkout where the client is not generated: the ORM's export, once
    // every re-export of the tree has been asked (a sibling barrel may hold the name).
    const orm = this.ormStarExport(module, 0, new Set());
    return orm ? { kind: "external", module: orm, name } : undefined;
  }

  private ormStarExport(module: ModuleInfo, depth: number, seen: Set<ModuleInfo>): string | undefined {
    if (depth > 12 || seen.has(module)) return undefined;
    seen.add(module);
    const own = module.externalStarExports.find((specifier) => isPrismaModule(specifier) || isTypeormModule(specifier) || isSequelizeModule(specifier));
    if (own) return own;
    for (const star of module.starExports) {
      const target = this.project.getModule(star);
      const found = target ? this.ormStarExport(target, depth + 1, seen) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  private exportInTree(module: ModuleInfo, name: string, depth: number): Binding | undefined {
    if (depth > 12) return undefined;
    const exported = module.exports.get(name);
    if (exported) {
      if (exported.kind === "node") return { kind: "node", node: exported.node, module };
      if (exported.kind === "reexport") return this.followImport(exported.module, exported.external, exported.name, depth + 1, module.absPath);
      const local = module.topLevel.get(exported.name);
      if (local) return { kind: "node", node: local, module };
      const imported = module.imports.get(exported.name);
      if (imported) return this.followImport(imported.module, imported.external, imported.name, depth + 1, module.absPath);
      return undefined;
    }
    for (const star of module.starExports) {
      const target = this.project.getModule(star);
      if (!target) continue;
      const found = this.exportInTree(target, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  // ---------- values ----------

  evaluate(expression: ts.Expression): Value {
    // The cache first: this is the engine's hottest call, and most answers are known.
    return this.valueCache.get(expression) ?? this.memoised(expression, () => this.evaluateUncached(expression));
  }

  /**
   * The value of a node, computed once: unknown at a cycle, and unknown past MAX_EVALUATION_DEPTH. Provenance chains
   * in real code are a few dozen steps; a generated one (a parameter passed on through hundreds of functions) would
   * overflow the stack and cost every file that asks.
   */
  private memoised(node: ts.Node, compute: () => Value): Value {
    const cached = this.valueCache.get(node);
    if (cached) return cached;
    if (this.inProgress.has(node) || this.evaluationDepth >= MAX_EVALUATION_DEPTH) return UNKNOWN;
    this.inProgress.add(node);
    this.evaluationDepth++;
    let value: Value;
    try {
      value = compute();
    } finally {
      this.inProgress.delete(node);
      this.evaluationDepth--;
    }
    this.valueCache.set(node, value);
    return value;
  }

  private evaluateUncached(expression: ts.Expression): Value {
    // `x as { prisma: PrismaClient }`: the asserted type says more than the expression.
    if (ts.isAsExpression(expression) || ts.isTypeAssertionExpression(expression) || ts.isSatisfiesExpression(expression)) {
      const asserted = expression.type.kind === ts.SyntaxKind.UnknownKeyword || expression.type.kind === ts.SyntaxKind.AnyKeyword ? UNKNOWN : this.typeValue(expression.type);
      if (asserted.kind !== "unknown") return asserted;
      return this.evaluate(expression.expression);
    }
    const expr = unwrap(expression);
    if (expr !== expression) return this.evaluate(expr);
    if (ts.isIdentifier(expr)) {
      if (expr.text === "undefined") return UNKNOWN;
      const binding = this.lookup(expr);
      return binding ? this.valueOfBinding(binding) : this.globalValue(expr);
    }
    if (expr.kind === ts.SyntaxKind.ThisKeyword) {
      const extended = extendCallOfMethod(expr);
      if (extended) return this.evaluate(extended);
      const cls = enclosingClass(expr);
      const module = this.moduleOf(expr);
      if (!cls || !module) return UNKNOWN;
      const ref: ClassRef = { node: cls, module };
      if (isStaticContext(expr)) return this.classValue(ref);
      return this.instanceValue(ref);
    }
    if (ts.isPropertyAccessExpression(expr)) {
      return this.member(this.evaluate(expr.expression), expr.name.text, expr);
    }
    if (ts.isElementAccessExpression(expr) && ts.isStringLiteralLike(expr.argumentExpression)) {
      return this.member(this.evaluate(expr.expression), expr.argumentExpression.text, expr);
    }
    if (ts.isCallExpression(expr)) return this.evaluateCall(expr);
    if (ts.isNewExpression(expr)) return this.evaluateNew(expr);
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
        return moreCertain(this.evaluate(expr.left), this.evaluate(expr.right));
      }
      if (op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.QuestionQuestionEqualsToken || op === ts.SyntaxKind.BarBarEqualsToken) {
        return this.evaluate(expr.right);
      }
      return UNKNOWN;
    }
    if (ts.isConditionalExpression(expr)) {
      const whenTrue = this.evaluate(expr.whenTrue);
      const whenFalse = this.evaluate(expr.whenFalse);
      // A collection is constant only when both branches are.
      if (whenTrue.kind === "constant" || whenFalse.kind === "constant") return whenTrue.kind === whenFalse.kind ? whenTrue : UNKNOWN;
      return moreCertain(whenTrue, whenFalse);
    }
    if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) {
      const module = this.moduleOf(expr);
      return module ? { kind: "function", fn: { node: expr, module } } : UNKNOWN;
    }
    if (ts.isClassExpression(expr)) {
      const module = this.moduleOf(expr);
      return module ? this.classValue({ node: expr, module }) : UNKNOWN;
    }
    if (ts.isObjectLiteralExpression(expr)) {
      const module = this.moduleOf(expr);
      return module ? { kind: "object", node: expr, module } : UNKNOWN;
    }
    if (ts.isArrayLiteralExpression(expr)) {
      // `[]` is a collection about to be filled, not a constant one.
      return expr.elements.length > 0 && expr.elements.every((e) => isConstantExpression(e)) ? { kind: "constant" } : UNKNOWN;
    }
    return UNKNOWN;
  }

  valueOfBinding(binding: Binding): Value {
    if (binding.kind === "external") return { kind: "external", module: binding.module, name: binding.name };
    if (binding.kind === "client") return clientValue(binding.orm, "high");
    return this.valueOfDeclaration(binding.node, binding.module);
  }

  /** A name declared nowhere and imported from nowhere: a client the runtime provides, when the config names it. */
  private globalValue(identifier: ts.Identifier): Value {
    const orm = this.configuredClients?.forName(identifier.text);
    if (!orm || this.moduleOf(identifier)?.imports.has(identifier.text)) return UNKNOWN;
    return clientValue(orm, "high");
  }

  /** The wrapper's own declaration of a configured client (`export const db = makeDb()` in `~/server/db`). */
  private configuredDeclaration(node: ts.Node): Orm | undefined {
    return this.configuredClients?.forDeclaration(node, (file, name) => {
      const target = this.project.getModule(file);
      const binding = target && this.resolveExport(target, name);
      return binding?.kind === "node" ? binding.node : undefined;
    });
  }

  valueOfDeclaration(node: ts.Node, module: ModuleInfo): Value {
    const configured = this.configuredDeclaration(node);
    if (configured) return clientValue(configured, "high");
    // `export default X` / `module.exports = X` store the expression itself: evaluate it as an expression.
    if (ts.isExpression(node) && !ts.isClassExpression(node) && !ts.isFunctionExpression(node) && !ts.isArrowFunction(node)) return this.evaluate(node);
    return this.valueCache.get(node) ?? this.memoised(node, () => this.declarationValueUncached(node, module));
  }

  private declarationValueUncached(node: ts.Node, module: ModuleInfo): Value {
    if (ts.isSourceFile(node)) return { kind: "namespace", module };
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) return this.classValue({ node, module });
    if (isFunctionLike(node)) return { kind: "function", fn: { node, module } };
    if (ts.isEnumDeclaration(node)) return { kind: "constant" };
    if (ts.isInterfaceDeclaration(node)) return { kind: "interface", node, module };
    if (ts.isTypeAliasDeclaration(node)) return this.typeValue(node.type);
    if (ts.isVariableDeclaration(node)) {
      const specifier = requireSpecifier(node.initializer);
      if (specifier && node.initializer) return this.requiredValue(node.initializer, specifier);
      const forOf = forOfOwner(node);
      if (forOf) return this.elementOf(this.evaluate(forOf.expression));
      const fromType = node.type ? this.typeValue(node.type) : UNKNOWN;
      if (fromType.kind !== "unknown" && fromType.kind !== "interface") return fromType;
      if (node.initializer) {
        const initial = this.evaluate(node.initializer);
        if (initial.kind !== "unknown") {
          if (initial.kind === "constant" && !isConstDeclaration(node)) return UNKNOWN;
          if (initial.kind === "typeorm-query-builder" && ts.isIdentifier(node.name)) return withStatementCalls(initial, node.name.text, node, this.moduleOf(node)?.factSites ?? []);
          return initial;
        }
      } else if (ts.isIdentifier(node.name)) {
        const assigned = this.valueFromAssignments(node.name.text, node);
        if (assigned.kind !== "unknown") return assigned;
      }
      return fromType;
    }
    if (ts.isParameter(node)) return this.parameterValue(node);
    if (ts.isBindingElement(node)) {
      // const { PrismaClient } = require("@prisma/client")
      const owner = node.parent.parent;
      const specifier = ts.isVariableDeclaration(owner) && ts.isObjectBindingPattern(node.parent) ? requireSpecifier(owner.initializer) : undefined;
      if (specifier) {
        const imported = node.propertyName && ts.isIdentifier(node.propertyName) ? node.propertyName.text : ts.isIdentifier(node.name) ? node.name.text : undefined;
        const target = this.project.resolveImport(module.absPath, specifier);
        const binding = imported ? this.followImport(target.module, target.external, imported, 0, module.absPath) : undefined;
        if (binding) return this.valueOfBinding(binding);
      }
      return this.bindingElementValue(node);
    }
    if (ts.isPropertyDeclaration(node)) {
      const fromType = node.type ? this.typeValue(node.type) : UNKNOWN;
      if (fromType.kind !== "unknown") return fromType;
      return node.initializer ? this.evaluate(node.initializer) : UNKNOWN;
    }
    if (ts.isPropertyAssignment(node)) return this.evaluate(node.initializer);
    if (ts.isShorthandPropertyAssignment(node)) return this.evaluate(node.name);
    if (ts.isPropertySignature(node)) return node.type ? this.typeValue(node.type) : UNKNOWN;
    if (ts.isExportAssignment(node)) return this.evaluate(node.expression);
    if (ts.isExpression(node)) return this.evaluate(node);
    return UNKNOWN;
  }

  /** `let prisma; … prisma = new PrismaClient()`: the first assignment in the declaring scope that evaluates. */
  private valueFromAssignments(name: string, declaration: ts.VariableDeclaration): Value {
    const scope = declaration.parent?.parent?.parent;
    if (!scope) return UNKNOWN;
    let result: Value = UNKNOWN;
    const visit = (node: ts.Node): void => {
      if (result.kind !== "unknown") return;
      if (
        ts.isBinaryExpression(node) &&
        (node.operatorToken.kind === ts.SyntaxKind.EqualsToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken) &&
        ts.isIdentifier(node.left) &&
        node.left.text === name
      ) {
        const value = this.evaluate(node.right);
        if (value.kind !== "unknown") result = value;
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(scope);
    return result;
  }

  private parameterValue(node: ts.ParameterDeclaration): Value {
    const decorated = this.decoratorValue(node);
    if (decorated.kind !== "unknown") return decorated;
    if (node.type) {
      const typed = this.typeValue(node.type);
      if (typed.kind !== "unknown") return typed;
    }
    if (node.initializer) {
      const initial = this.evaluate(node.initializer);
      if (initial.kind !== "unknown") return initial;
    }
    // Callback parameters: infer from the call that receives the callback.
    const fn = node.parent;
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return this.parameterFromCallers(node);
    const call = fn.parent;
    if (!ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return this.parameterFromCallers(node);
    const index = fn.parameters.indexOf(node);
    if (!ts.isPropertyAccessExpression(call.expression)) return UNKNOWN;
    const method = call.expression.name.text;
    const receiver = this.evaluate(call.expression.expression);
    if (index === 0 && method === "$transaction" && receiver.kind === "prisma-client") return receiver;
    if (index === 0 && method === "transaction" && receiver.kind === "typeorm-manager") return receiver;
    if (method === "then" && index === 0) {
      const settled = this.evaluate(call.expression.expression);
      return settled;
    }
    if ((receiver.kind === "rows" || receiver.kind === "instances") && index === 0 && ITERATION_METHODS.has(method)) return this.elementOf(receiver);
    if ((receiver.kind === "rows" || receiver.kind === "instances") && method === "reduce" && index === 1) return this.elementOf(receiver);
    return UNKNOWN;
  }

  /** An untyped function parameter: when every caller in the project passes an ORM value, so does the parameter. */
  private parameterFromCallers(node: ts.ParameterDeclaration): Value {
    if (node.dotDotDotToken) return UNKNOWN;
    for (const argument of this.argumentsFor(node)) {
      const value = this.evaluate(argument);
      if (ORM_VALUE_KINDS.has(value.kind)) return { ...value, confidence: lowerConfidence(confidenceOf(value), "medium") } as Value;
    }
    return UNKNOWN;
  }

  /** The arguments project callers pass for a parameter (`findOrderItems({ productId })` for `where`). */
  argumentsFor(node: ts.ParameterDeclaration): ts.Expression[] {
    const fn = node.parent;
    if (!isFunctionLike(fn)) return [];
    const name = functionName(fn);
    const index = fn.parameters.indexOf(node);
    if (!name || index < 0) return [];
    return this.callsNamed(name)
      .filter((call) => this.calleeFunction(call)?.node === fn)
      .flatMap((call) => (call.arguments[index] ? [call.arguments[index]!] : []));
  }

  private callIndex: Map<string, ts.CallExpression[]> | null = null;
  private collectedCalls: Map<string, ts.CallExpression[]> | null = new Map();

  /** Indexes a call seen by a walk over every scanned file, so that the index needs no walk of its own. */
  noteCall(node: ts.CallExpression): void {
    if (this.collectedCalls) addCall(this.collectedCalls, node);
  }

  /** Every scanned file's calls have been noted: they are the index (unless it was built meanwhile). */
  callsNoted(): void {
    this.callIndex ??= this.collectedCalls;
    this.collectedCalls = null;
  }

  /** Calls in the scanned files by callee name (`load(…)`, `this.load(…)`, `svc.load(…)`), built once on demand. */
  private callsNamed(name: string): ts.CallExpression[] {
    if (!this.callIndex) {
      const index = new Map<string, ts.CallExpression[]>();
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node)) addCall(index, node);
        ts.forEachChild(node, visit);
      };
      for (const module of this.project.scannedModules) visit(module.sourceFile);
      this.callIndex = index;
      this.collectedCalls = null;
    }
    return this.callIndex.get(name) ?? [];
  }

  private decoratorValue(node: ts.ParameterDeclaration | ts.PropertyDeclaration): Value {
    const decorators = ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined;
    for (const decorator of decorators ?? []) {
      const call = decorator.expression;
      if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) continue;
      const binding = this.lookup(call.expression);
      if (binding?.kind !== "external") continue;
      if (NEST_TYPEORM.test(binding.module)) {
        if (binding.name === "InjectRepository") return this.withEntityClass({ kind: "typeorm-repository", entity: entityName(call.arguments[0]), confidence: "high" }, call.arguments[0]);
        if (binding.name === "InjectEntityManager" || binding.name === "InjectDataSource" || binding.name === "InjectConnection") return { kind: "typeorm-manager", confidence: "high" };
      }
      if (NEST_SEQUELIZE.test(binding.module) && binding.name === "InjectModel" && call.arguments[0]) {
        const model = this.evaluate(call.arguments[0]);
        if (model.kind === "orm-model") return model;
      }
    }
    return UNKNOWN;
  }

  private bindingElementValue(node: ts.BindingElement): Value {
    const pattern = node.parent;
    const propertyName = node.propertyName && (ts.isIdentifier(node.propertyName) || ts.isStringLiteral(node.propertyName)) ? node.propertyName.text : ts.isIdentifier(node.name) ? node.name.text : undefined;
    if (!propertyName) return UNKNOWN;
    const owner = pattern.parent;
    let parentValue: Value = UNKNOWN;
    if (ts.isArrayBindingPattern(pattern) && ts.isVariableDeclaration(owner) && owner.initializer) {
      // const [repo, other] = cond ? [a, b] : [c, d]; const [a, b] = await Promise.all([qa, qb])
      const index = pattern.elements.indexOf(node);
      for (const source of operandsOf(owner.initializer)) {
        let list = unwrap(source);
        if (ts.isCallExpression(list) && /^Promise\.(all|allSettled)$/.test(list.expression.getText()) && list.arguments[0]) list = unwrap(list.arguments[0]);
        if (ts.isArrayLiteralExpression(list) && list.elements[index]) {
          const value = this.evaluate(list.elements[index]!);
          if (value.kind !== "unknown") return value;
        } else if (index === 0) {
          // const [group, created] = await Group.findOrCreate(...)
          const value = this.evaluate(list);
          if (value.kind === "orm-instance") return value;
          // const [rows, total] = await repo.findAndCount(…) / qb.getManyAndCount()
          if (value.kind === "rows" && /^(findAndCount|findAndCountBy|getManyAndCount)$/.test(value.call.operation)) return value;
        }
      }
      return UNKNOWN;
    }
    if (ts.isObjectBindingPattern(pattern)) {
      if (ts.isVariableDeclaration(owner)) {
        const forOf = forOfOwner(owner);
        if (forOf) parentValue = this.elementOf(this.evaluate(forOf.expression));
        else if (owner.type) parentValue = this.typeValue(owner.type);
        if (parentValue.kind === "unknown" && owner.initializer) parentValue = this.evaluate(owner.initializer);
      } else if (ts.isParameter(owner)) {
        parentValue = this.parameterValue(owner);
      } else if (ts.isBindingElement(owner)) {
        parentValue = this.bindingElementValue(owner);
      }
      return this.member(parentValue, propertyName, node);
    }
    return UNKNOWN;
  }

  // ---------- types ----------

  typeValue(type: ts.TypeNode): Value {
    const cached = this.valueCache.get(type);
    if (cached) return cached;
    if (this.inProgress.has(type)) return UNKNOWN;
    this.inProgress.add(type);
    let value: Value;
    try {
      value = this.typeValueUncached(type);
    } finally {
      this.inProgress.delete(type);
    }
    this.valueCache.set(type, value);
    return value;
  }

  private typeValueUncached(type: ts.TypeNode): Value {
    if (ts.isParenthesizedTypeNode(type)) return this.typeValue(type.type);
    if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) {
      for (const member of type.types) {
        const value = this.typeValue(member);
        if (value.kind !== "unknown") return value;
      }
      return UNKNOWN;
    }
    if (ts.isArrayTypeNode(type)) {
      const element = this.typeValue(type.elementType);
      return element.kind === "orm-instance" ? { kind: "instances", of: element } : UNKNOWN;
    }
    if (ts.isIndexedAccessTypeNode(type) && ts.isLiteralTypeNode(type.indexType) && ts.isStringLiteral(type.indexType.literal)) {
      // PrismaClient["sentEmail"]
      return this.member(this.typeValue(type.objectType), type.indexType.literal.text, type);
    }
    if (ts.isTypeQueryNode(type)) {
      const name = type.exprName;
      if (ts.isIdentifier(name)) return this.evaluate(name);
      return UNKNOWN;
    }
    if (ts.isTypeLiteralNode(type)) {
      const module = this.moduleOf(type);
      return module ? { kind: "interface", node: type, module } : UNKNOWN;
    }
    if (ts.isImportTypeNode(type) && ts.isLiteralTypeNode(type.argument) && ts.isStringLiteral(type.argument.literal) && type.qualifier) {
      // import("../service/product-variant.service").ProductVariantService
      const module = this.moduleOf(type);
      if (!module) return UNKNOWN;
      const target = this.project.resolveImport(module.absPath, type.argument.literal.text);
      const name = ts.isIdentifier(type.qualifier) ? type.qualifier.text : type.qualifier.right.text;
      const binding = this.followImport(target.module, target.external, name, 0, module.absPath);
      if (binding?.kind === "external") return externalTypeValue(binding.module, binding.name, binding.name, type.typeArguments ?? []);
      if (binding?.kind === "client") return clientValue(binding.orm, "high");
      return binding ? this.typeOfDeclaration(binding.node, binding.module) : UNKNOWN;
    }
    if (!ts.isTypeReferenceNode(type)) return UNKNOWN;
    const args = type.typeArguments ?? [];
    const typeName = type.typeName;
    let left: ts.Identifier;
    let right: string | null = null;
    if (ts.isIdentifier(typeName)) left = typeName;
    else if (ts.isIdentifier(typeName.left)) {
      left = typeName.left;
      right = typeName.right.text;
    } else return UNKNOWN;

    if (["Omit", "Pick", "Readonly", "Partial", "Required", "NonNullable", "Promise", "Awaited"].includes(left.text) && right === null && args[0]) {
      return this.typeValue(args[0]);
    }
    if ((left.text === "Array" || left.text === "ReadonlyArray") && right === null && args[0]) {
      const element = this.typeValue(args[0]);
      return element.kind === "orm-instance" ? { kind: "instances", of: element } : UNKNOWN;
    }
    const binding = this.lookup(left);
    if (!binding) return UNKNOWN;
    if (binding.kind === "external") {
      const name = right ?? binding.name;
      return this.withEntityClass(externalTypeValue(binding.module, binding.name, name, args), args[0]);
    }
    // `db: Db` where the config names `Db` (a client class, or the client's own type) as a client.
    if (binding.kind === "client") return right === null ? clientValue(binding.orm, "high") : UNKNOWN;
    const target = binding.node;
    if (right !== null) {
      // Namespace.Type from a project module: follow the namespace's export.
      if (ts.isSourceFile(target)) {
        const exported = this.resolveExport(binding.module, right);
        if (exported?.kind === "external") return externalTypeValue(exported.module, exported.name, exported.name, args);
        if (exported?.kind === "client") return clientValue(exported.orm, "high");
        if (exported?.kind === "node") return this.typeOfDeclaration(exported.node, exported.module);
      }
      return UNKNOWN;
    }
    return this.typeOfDeclaration(target, binding.module);
  }

  private typeOfDeclaration(target: ts.Node, module: ModuleInfo): Value {
    if (ts.isIdentifier(target) || ts.isPropertyAccessExpression(target)) {
      // `export default User` used as a type: the class behind the expression
      const value = this.evaluate(target);
      if (value.kind === "class") return this.instanceValue(value.cls);
      if (value.kind === "orm-model") return { kind: "orm-instance", orm: value.orm, model: value.model, cls: value.cls, source: null, confidence: value.confidence };
      return UNKNOWN;
    }
    if (ts.isClassDeclaration(target)) {
      const ref: ClassRef = { node: target, module };
      return this.instanceValue(ref);
    }
    if (ts.isTypeAliasDeclaration(target)) return this.typeValue(target.type);
    if (ts.isInterfaceDeclaration(target)) return { kind: "interface", node: target, module };
    return UNKNOWN;
  }

  /** Attaches the entity class behind `Repository<Post>` / `getRepository(Post)`, for lazy relations. */
  withEntityClass(value: Value, entity: ts.TypeNode | ts.Expression | undefined): Value {
    if (value.kind !== "typeorm-repository" || !entity) return value;
    let identifier: ts.Identifier | undefined;
    if (ts.isTypeReferenceNode(entity) && ts.isIdentifier(entity.typeName)) identifier = entity.typeName;
    else if (ts.isExpression(entity) && ts.isIdentifier(unwrap(entity))) identifier = unwrap(entity) as ts.Identifier;
    if (!identifier) return value;
    const entityValue = this.evaluate(identifier);
    const cls = entityValue.kind === "orm-model" || entityValue.kind === "class" ? entityValue.cls : null;
    return cls ? { ...value, entityClass: cls } : value;
  }

  // ---------- classes ----------

  classInfo(cls: ClassRef): ClassOrmInfo {
    const cached = this.classInfoCache.get(cls.node);
    if (cached) return cached;
    const info: ClassOrmInfo = { prismaClient: false, typeormRepository: null, orm: null, activeRecord: false, modelName: cls.node.name?.text ?? "anonymous" };
    this.classInfoCache.set(cls.node, info);
    const decorators = ts.canHaveDecorators(cls.node) ? ts.getDecorators(cls.node) : undefined;
    for (const decorator of decorators ?? []) {
      const callee = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
      if (!ts.isIdentifier(callee)) continue;
      const binding = this.lookup(callee);
      if (binding?.kind !== "external") continue;
      if (isTypeormModule(binding.module) && (binding.name === "Entity" || binding.name === "ViewEntity" || binding.name === "ChildEntity")) info.orm = "typeorm";
      if (isSequelizeModule(binding.module) && binding.name === "Table") {
        info.orm = "sequelize";
        info.activeRecord = true;
      }
    }
    const base = this.baseClassExpression(cls.node);
    if (base) {
      const baseValue = this.evaluate(base.expression);
      if (baseValue.kind === "external") {
        if (isPrismaModule(baseValue.module) && baseValue.name === "PrismaClient") info.prismaClient = true;
        if (isTypeormModule(baseValue.module) && baseValue.name === "BaseEntity") {
          info.orm = "typeorm";
          info.activeRecord = true;
        }
        if (isTypeormModule(baseValue.module) && (baseValue.name === "Repository" || baseValue.name === "TreeRepository")) {
          info.typeormRepository = entityTypeName(base.typeArguments?.[0]) ?? "unknown";
        }
        if (isSequelizeModule(baseValue.module) && baseValue.name === "Model") {
          info.orm = "sequelize";
          info.activeRecord = true;
        }
      } else if (baseValue.kind === "class") {
        const parent = this.classInfo(baseValue.cls);
        info.prismaClient ||= parent.prismaClient;
        info.typeormRepository ??= parent.typeormRepository;
        if (parent.orm) {
          info.orm = parent.orm;
          info.activeRecord ||= parent.activeRecord;
        }
      } else if (baseValue.kind === "orm-model" && baseValue.orm !== "prisma") {
        info.orm = baseValue.orm;
        info.activeRecord ||= baseValue.activeRecord;
      } else if (baseValue.kind === "prisma-client") {
        info.prismaClient = true;
      }
    }
    return info;
  }

  baseClassExpression(cls: ts.ClassLikeDeclaration): ts.ExpressionWithTypeArguments | undefined {
    for (const clause of cls.heritageClauses ?? []) {
      if (clause.token === ts.SyntaxKind.ExtendsKeyword) return clause.types[0];
    }
    return undefined;
  }

  baseClass(cls: ClassRef): ClassRef | undefined {
    const base = this.baseClassExpression(cls.node);
    if (!base) return undefined;
    const value = this.evaluate(base.expression);
    return value.kind === "class" ? value.cls : undefined;
  }

  classValue(cls: ClassRef): Value {
    const info = this.classInfo(cls);
    if (info.orm) return { kind: "orm-model", orm: info.orm, model: info.modelName, cls, activeRecord: info.activeRecord, confidence: "high" };
    return { kind: "class", cls };
  }

  instanceValue(cls: ClassRef): Value {
    const info = this.classInfo(cls);
    if (info.prismaClient) return { kind: "prisma-client", confidence: "high" };
    if (info.typeormRepository) return { kind: "typeorm-repository", entity: info.typeormRepository === "unknown" ? null : info.typeormRepository, confidence: "high", repositoryClass: cls };
    if (info.orm) return { kind: "orm-instance", orm: info.orm, model: info.modelName, cls, source: null, confidence: "high" };
    return { kind: "instance", cls };
  }

  /** Finds a member declaration in a class or its bases. */
  classMember(cls: ClassRef, name: string, wantStatic: boolean): { node: ts.Node; module: ModuleInfo } | undefined {
    let current: ClassRef | undefined = cls;
    for (let depth = 0; current && depth < 10; depth++) {
      for (const member of current.node.members) {
        const isStatic = hasStatic(member);
        // Overloads: the implementation (with a body) is what runs.
        if (member.name && memberName(member.name) === name && isStatic === wantStatic && !isOverloadSignature(member)) return { node: member, module: current.module };
        if (!wantStatic && ts.isConstructorDeclaration(member)) {
          for (const parameter of member.parameters) {
            if (ts.isIdentifier(parameter.name) && parameter.name.text === name && isParameterProperty(parameter)) return { node: parameter, module: current.module };
          }
        }
      }
      current = this.baseClass(current);
    }
    return undefined;
  }

  /**
   * A member a generic base class declares, read on a subclass: `typeOrmRepository: Repository<T>` in
   * `CrudService<T>`, on `class RoleService extends CrudService<Role>`, is the repository of `Role`.
   */
  private inheritedMemberValue(cls: ClassRef, member: ts.Node, value: Value): Value {
    if (value.kind !== "typeorm-repository" || !value.entity) return value;
    const declaring = ts.isParameter(member) ? member.parent.parent : member.parent;
    if (!ts.isClassLike(declaring) || declaring === cls.node) return value;
    const entity = this.typeArgumentThrough(cls, declaring, value.entity);
    return entity ? { ...value, entity } : value;
  }

  /** What a type parameter of an ancestor class stands for in a subclass, following `extends Base<…>` up to it. */
  typeArgumentThrough(start: ClassRef, ancestor: ts.ClassLikeDeclaration, parameter: string): string | null {
    if (!(ancestor.typeParameters ?? []).some((declared) => declared.name.text === parameter)) return null;
    let current: ClassRef | undefined = start;
    // The type parameters of `current`, bound to a concrete type name (null: still generic, or not a plain name).
    let bound = new Map<string, string | null>();
    for (let depth = 0; current && depth < 10; depth++) {
      if (current.node === ancestor) return bound.get(parameter) ?? null;
      const heritage = this.baseClassExpression(current.node);
      const base = this.baseClass(current);
      if (!heritage || !base) return null;
      const own = new Set((current.node.typeParameters ?? []).map((declared) => declared.name.text));
      const baseOwn = new Set((base.node.typeParameters ?? []).map((declared) => declared.name.text));
      const next = new Map<string, string | null>();
      (base.node.typeParameters ?? []).forEach((declared, index) => {
        const explicit = heritage.typeArguments?.[index];
        const argument = explicit ?? declared.default;
        let name: string | null = null;
        if (argument && ts.isTypeReferenceNode(argument) && ts.isIdentifier(argument.typeName) && !argument.typeArguments) {
          const text = argument.typeName.text;
          // An argument is read where `extends` is written; a default (`class Crud<E, R = E>`) inside the base.
          if (explicit) name = bound.has(text) ? bound.get(text)! : own.has(text) ? null : text;
          else name = baseOwn.has(text) ? (next.get(text) ?? null) : text;
        }
        next.set(declared.name.text, name);
      });
      bound = next;
      current = base;
    }
    return null;
  }

  // ---------- members and calls ----------

  member(object: Value, name: string, site: ts.Node): Value {
    // `const { rows, count } = await Hotel.findAndCountAll(…)`: the page of rows, beside its total.
    if (object.kind === "rows" && object.call.operation === "findAndCountAll") return name === "rows" ? object : UNKNOWN;
    switch (object.kind) {
      case "prisma-client":
        if (name.startsWith("$") || name.startsWith("_")) return UNKNOWN;
        if (this.prismaSchema && !this.prismaSchema.byDelegate.has(name)) return UNKNOWN;
        if (PRISMA_CLIENT_NON_MODEL.has(name)) return UNKNOWN;
        return { kind: "prisma-delegate", model: this.prismaSchema?.byDelegate.get(name)?.name ?? capitalize(name), confidence: object.confidence };
      case "instance": {
        const found = this.classMember(object.cls, name, false);
        if (found) return this.inheritedMemberValue(object.cls, found.node, this.memberDeclarationValue(found.node, found.module));
        return UNKNOWN;
      }
      case "class": {
        const found = this.classMember(object.cls, name, true);
        if (found) return this.memberDeclarationValue(found.node, found.module);
        return UNKNOWN;
      }
      case "orm-model": {
        if (object.cls) {
          const found = this.classMember(object.cls, name, true);
          if (found && !ts.isPropertyDeclaration(found.node)) return this.memberDeclarationValue(found.node, found.module);
        }
        return UNKNOWN;
      }
      case "orm-instance": {
        if (object.cls) {
          const found = this.classMember(object.cls, name, false);
          if (found && (ts.isMethodDeclaration(found.node) || ts.isGetAccessorDeclaration(found.node))) return this.memberDeclarationValue(found.node, found.module);
        }
        return UNKNOWN;
      }
      case "typeorm-manager":
        if (name === "manager") return object;
        return UNKNOWN;
      case "sequelize-client":
        return name === "models" ? { kind: "sequelize-models", confidence: object.confidence } : UNKNOWN;
      case "sequelize-models":
        // `sequelize.models.User`: the model defined under that name.
        return /^[A-Za-z_$][\w$]*$/.test(name) ? { kind: "orm-model", orm: "sequelize", model: name, cls: null, activeRecord: true, confidence: object.confidence } : UNKNOWN;
      case "typeorm-repository": {
        // `getRepository(Ticket).extend({ findByStatus(status) { … } })`: a custom method of the extension.
        if (object.extension) {
          const extended = this.member({ kind: "object", ...object.extension }, name, site);
          if (extended.kind !== "unknown") return extended;
        }
        // a custom repository's own methods: `this.users.findActive()` on `class UserRepository extends Repository<User>`
        const found = object.repositoryClass && this.classMember(object.repositoryClass, name, false);
        return found ? this.memberDeclarationValue(found.node, found.module) : UNKNOWN;
      }
      case "namespace": {
        // `import * as dbModule from "~/server/db"; dbModule.db`: the namespace of a configured client module.
        const configured = this.configuredMember({ module: object.module.absPath, external: false }, name, site);
        if (configured) return configured;
        const binding = this.resolveExport(object.module, name);
        return binding ? this.valueOfBinding(binding) : UNKNOWN;
      }
      case "object": {
        for (const property of object.node.properties) {
          if (property.name && memberName(property.name) === name) {
            if (ts.isMethodDeclaration(property) || ts.isGetAccessorDeclaration(property)) return { kind: "function", fn: { node: property, module: object.module } };
            return this.valueOfDeclaration(property, object.module);
          }
        }
        return this.assignedMember(object.node, name);
      }
      case "interface": {
        const members = ts.isInterfaceDeclaration(object.node) ? object.node.members : object.node.members;
        for (const member of members) {
          if (member.name && memberName(member.name) === name && ts.isPropertySignature(member) && member.type) return this.typeValue(member.type);
        }
        return UNKNOWN;
      }
      case "external":
        // A member of a package namespace (`typeorm.getRepository`, `Sequelize.Model`) is that package's export.
        if (object.name === "*" || object.name === "default" || (isSequelizeModule(object.module) && object.name === "Sequelize")) {
          // `import * as m from "@acme/db"; m.db` (or the default export of a CommonJS package, `pkg.db`).
          return (object.name !== "Sequelize" && this.configuredMember({ module: object.module, external: true }, name, site)) || { kind: "external", module: object.module, name };
        }
        return UNKNOWN;
      case "unknown":
        return this.namingFallback(name, site);
      default:
        return UNKNOWN;
    }
  }

  /** A member of a module namespace that the config names as a client (`(await import("@acme/db")).db`). */
  private configuredMember(target: { module: string; external: boolean }, name: string, site: ts.Node): Value | undefined {
    const from = this.configuredClients && this.moduleOf(site);
    const orm = from ? this.configuredClients!.forImport(from.absPath, target, name) : undefined;
    return orm ? clientValue(orm, "high") : undefined;
  }

  /** `require("./db")`: what its `module.exports` holds, else the module namespace (or the package). */
  private requiredValue(site: ts.Node, specifier: string): Value {
    const module = this.moduleOf(site);
    if (!module) return UNKNOWN;
    const target = this.project.resolveImport(module.absPath, specifier);
    // A whole-module require of a configured client module is its default export (`module.exports = db`).
    const configured = this.configuredClients?.forImport(module.absPath, target, "default");
    if (configured) return clientValue(configured, "high");
    const loaded = target.external ? undefined : this.project.getModule(target.module);
    if (loaded?.commonJsExport) return this.evaluate(loaded.commonJsExport);
    const binding = this.followImport(target.module, target.external, "*");
    return binding ? this.valueOfBinding(binding) : UNKNOWN;
  }

  /** `const db = {}; db.User = require("./user")(sequelize, DataTypes)`: a property assigned after the literal. */
  private assignedMember(literal: ts.ObjectLiteralExpression, name: string): Value {
    const declaration = literal.parent;
    if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return UNKNOWN;
    const holder = declaration.name.text;
    let found: Value = UNKNOWN;
    let dynamicKeys = false;
    const visit = (node: ts.Node): void => {
      if (found.kind !== "unknown") return;
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const left = node.left;
        const key = ts.isPropertyAccessExpression(left) ? left.name.text : ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression) ? left.argumentExpression.text : undefined;
        if (key === name && left.getChildAt(0).getText() === holder) {
          found = this.evaluate(node.right);
          return;
        }
        if (ts.isElementAccessExpression(left) && !ts.isStringLiteralLike(left.argumentExpression) && left.expression.getText() === holder) dynamicKeys = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(literal.getSourceFile());
    // sequelize-cli's models/index.js: `fs.readdirSync(__dirname).forEach(f => { const m = require(f)(…); db[m.name] = m })`
    if (found.kind === "unknown" && dynamicKeys) found = this.modelInDirectory(literal.getSourceFile().fileName, name);
    return found;
  }

  private readonly directoryModels = new Map<string, Map<string, Value>>();

  /** The Sequelize models defined by the sibling files of a model registry, by model name. */
  private modelInDirectory(registryFile: string, name: string): Value {
    const dir = dirname(registryFile);
    let models = this.directoryModels.get(dir);
    if (!models) {
      models = new Map();
      this.directoryModels.set(dir, models);
      for (const module of this.project.modules.values()) {
        if (dirname(module.absPath) !== dir || module.absPath === registryFile) continue;
        const exported = module.commonJsExport ?? (module.exports.get("default")?.kind === "node" ? (module.exports.get("default") as { node: ts.Node }).node : undefined);
        if (!exported) continue;
        let value = ts.isExpression(exported) ? this.evaluate(exported) : this.valueOfDeclaration(exported, module);
        if (value.kind === "function") value = this.returnValue(value.fn);
        if (value.kind === "orm-model") models.set(value.model, value);
      }
    }
    return models.get(name) ?? UNKNOWN;
  }

  /**
   * No provenance: a Prisma client reached through an untyped context (`ctx.prisma`, `ctx.db`, `req.prisma`).
   * Only in projects that use Prisma, only for these names, and confirmed later by a model delegate and a Prisma operation.
   */
  private namingFallback(name: string, site: ts.Node): Value {
    // A context property the config names (`ctx.db`, `req.db`, `globalThis.db`): that ORM's client, for any ORM.
    const configured = this.configuredClients?.forName(name);
    if (configured && (ts.isPropertyAccessExpression(site) || ts.isBindingElement(site))) {
      return clientValue(configured, ts.isPropertyAccessExpression(site) && isGlobalObject(site.expression) ? "high" : "medium");
    }
    if (!this.prismaInUse) return UNKNOWN;
    if (!PRISMA_CONTEXT_NAMES.has(name)) return UNKNOWN;
    if (!ts.isPropertyAccessExpression(site) && !ts.isBindingElement(site)) return UNKNOWN;
    return { kind: "prisma-client", confidence: "low" };
  }

  private memberDeclarationValue(node: ts.Node, module: ModuleInfo): Value {
    if (ts.isMethodDeclaration(node)) return { kind: "function", fn: { node, module } };
    if (ts.isGetAccessorDeclaration(node)) return this.returnValue({ node, module });
    if (ts.isParameter(node)) return this.parameterValue(node);
    if (ts.isPropertyDeclaration(node)) {
      const decorated = this.decoratorValue(node);
      if (decorated.kind !== "unknown") return decorated;
    }
    return this.valueOfDeclaration(node, module);
  }

  private evaluateNew(expr: ts.NewExpression): Value {
    const ctor = this.evaluate(expr.expression);
    if (ctor.kind === "external") {
      if (isPrismaModule(ctor.module) && ctor.name === "PrismaClient") return { kind: "prisma-client", confidence: "high" };
      // `const Sequelize = require("sequelize"); new Sequelize(…)`: the package itself is the class
      if (isSequelizeModule(ctor.module) && (ctor.name === "Sequelize" || ctor.name === "*" || ctor.name === "default")) return { kind: "sequelize-client", confidence: "high" };
      if (isTypeormModule(ctor.module) && (ctor.name === "DataSource" || ctor.name === "Connection")) return { kind: "typeorm-manager", confidence: "high" };
      return UNKNOWN;
    }
    if (ctor.kind === "class") return this.instanceValue(ctor.cls);
    if (ctor.kind === "orm-model") return { kind: "orm-instance", orm: ctor.orm, model: ctor.model, cls: ctor.cls, source: null, confidence: ctor.confidence };
    // `new Db()` where the config names `Db`, a client class the engine cannot see into: an instance is a client too.
    if (ctor.kind === "prisma-client" || ctor.kind === "typeorm-manager" || ctor.kind === "sequelize-client") return ctor;
    return UNKNOWN;
  }

  private evaluateCall(call: ts.CallExpression): Value {
    const fromQuery = this.queryValue(call);
    if (fromQuery) return fromQuery;
    const required = requireSpecifier(call);
    if (required) return this.requiredValue(call, required);
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = this.evaluate(callee.expression);
      const ormValue = ormMethodValue(receiver, method, call, this);
      if (ormValue) return ormValue;
      if (receiver.kind === "rows" && ROW_PRESERVING_METHODS.has(method)) {
        return { kind: "rows", call: receiver.call, derived: true, capped: receiver.capped || CAPPING_METHODS.has(method), filtered: receiver.filtered || method === "filter" };
      }
      if (method === "then" || method === "catch" || method === "finally") return method === "then" ? UNKNOWN : receiver;
      // A filtered, mapped or sorted constant collection has at most as many elements as the constant.
      if (receiver.kind === "constant" && ROW_PRESERVING_METHODS.has(method) && method !== "concat" && method !== "flat" && method !== "flatMap") return receiver;
      // `Object.entries(PLATFORM_FIELDS)`: the keys of an object literal are as many as written.
      if (ts.isIdentifier(callee.expression) && callee.expression.text === "Object" && OBJECT_ITERATORS.has(method) && call.arguments[0]) {
        const target = this.evaluate(call.arguments[0]);
        if (target.kind === "constant" || (target.kind === "object" && !target.node.properties.some(ts.isSpreadAssignment))) return { kind: "constant" };
      }
    }
    if (ts.isIdentifier(callee)) {
      const binding = this.lookup(callee);
      if (binding?.kind === "external") {
        if (isTypeormModule(binding.module)) {
          if (binding.name === "getRepository" || binding.name === "getCustomRepository") return this.withEntityClass({ kind: "typeorm-repository", entity: entityName(call.arguments[0]), confidence: "high" }, call.arguments[0]);
          if (binding.name === "getManager" || binding.name === "getConnection" || binding.name === "createConnection") return { kind: "typeorm-manager", confidence: "high" };
        }
        return UNKNOWN;
      }
    }
    // `sequelize.define("User", { …attributes })` on a connection we could not place (a factory parameter):
    // the call shape is Sequelize's own, in a project that depends on Sequelize.
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === "define" && this.sequelizeInUse && call.arguments.length >= 2 && ts.isStringLiteralLike(call.arguments[0]!) && ts.isObjectLiteralExpression(unwrap(call.arguments[1]!))) {
      return { kind: "orm-model", orm: "sequelize", model: call.arguments[0].text, cls: null, activeRecord: true, confidence: "medium" };
    }
    const calleeValue = this.evaluate(callee);
    if (calleeValue.kind === "function") {
      const returned = this.returnValue(calleeValue.fn);
      // A repository factory (`connection.getRepository(ctx, Product)`): the entity is the class the caller passes.
      if (returned.kind === "typeorm-repository" && returned.entity === null) {
        const entityArgument = call.arguments.find((argument) => entityName(argument) !== null);
        if (entityArgument) return this.withEntityClass({ ...returned, entity: entityName(entityArgument) }, entityArgument);
      }
      return returned.kind !== "unknown" ? returned : this.passThroughValue(calleeValue.fn, call);
    }
    return UNKNOWN;
  }

  /** `function remember<T>(name: string, make: () => T): T`: the return type is bound by an argument. */
  private typeParameterBinding(fn: FunctionRef, call: ts.CallExpression): Value {
    const returnType = fn.node.type;
    const typeParameters = fn.node.typeParameters?.map((t) => t.name.text) ?? [];
    if (!returnType || !ts.isTypeReferenceNode(returnType) || !ts.isIdentifier(returnType.typeName)) return UNKNOWN;
    const name = returnType.typeName.text;
    if (!typeParameters.includes(name)) return UNKNOWN;
    for (const [index, parameter] of fn.node.parameters.entries()) {
      const type = parameter.type;
      const argument = call.arguments[index];
      if (!type || !argument) continue;
      const isT = (node: ts.TypeNode | undefined) => !!node && ts.isTypeReferenceNode(node) && node.typeName.getText() === name;
      if (isT(type)) return this.evaluate(argument);
      if (ts.isFunctionTypeNode(type) && (isT(type.type) || (ts.isTypeReferenceNode(type.type) && type.type.typeName.getText() === "Promise" && isT(type.type.typeArguments?.[0])))) {
        const value = this.evaluate(argument);
        if (value.kind === "function") return this.returnValue(value.fn);
      }
    }
    return UNKNOWN;
  }

  /**
   * Memo and singleton helpers return what their argument produces: `remember("prisma", () => new PrismaClient())`,
   * `once(() => …)`, `identity(x)`. When the function returns (a call of) one of its parameters, use the argument.
   */
  private passThroughValue(fn: FunctionRef, call: ts.CallExpression): Value {
    const generic = this.typeParameterBinding(fn, call);
    if (generic.kind !== "unknown") return generic;
    const body = fn.node.body;
    if (!body) return UNKNOWN;
    const results = ts.isBlock(body) ? returnExpressions(body) : [body];
    for (const result of results) {
      for (const candidate of operandsOf(result)) {
        const callee = ts.isCallExpression(candidate) ? unwrap(candidate.expression) : candidate;
        if (!ts.isIdentifier(callee)) continue;
        const index = fn.node.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === callee.text);
        const argument = index >= 0 ? call.arguments[index] : undefined;
        if (!argument) continue;
        const value = this.evaluate(argument);
        if (ts.isCallExpression(candidate)) {
          if (value.kind === "function") {
            const produced = this.returnValue(value.fn);
            if (produced.kind !== "unknown") return produced;
          }
        } else if (value.kind !== "unknown") {
          return value;
        }
      }
    }
    return UNKNOWN;
  }

  /** What a function returns: the first return expression that evaluates to something known. */
  returnValue(fn: FunctionRef): Value {
    const cached = this.returnCache.get(fn.node);
    if (cached) return cached;
    if (this.inProgress.has(fn.node)) return UNKNOWN;
    this.inProgress.add(fn.node);
    let result: Value = UNKNOWN;
    try {
      const body = fn.node.body;
      if (body && !ts.isBlock(body)) result = this.evaluate(body);
      else if (body) {
        for (const expression of returnExpressions(body)) {
          const value = this.evaluate(expression);
          if (value.kind !== "unknown") {
            result = value;
            break;
          }
        }
      }
      if (result.kind === "unknown" && fn.node.type) result = this.typeValue(fn.node.type);
    } finally {
      this.inProgress.delete(fn.node);
    }
    this.returnCache.set(fn.node, result);
    return result;
  }

  /** One element of an iterated value. */
  elementOf(collection: Value): Value {
    if (collection.kind === "rows") {
      const call = collection.call;
      return { kind: "orm-instance", orm: call.orm, model: call.model ?? "unknown", cls: call.modelClass, source: call, confidence: call.confidence };
    }
    if (collection.kind === "instances") return collection.of;
    if (collection.kind === "constant") return { kind: "constant" };
    return UNKNOWN;
  }

  /** Evaluates a user function called at `call` to its declaration, if the callee is project code. */
  calleeFunction(call: ts.CallExpression | ts.NewExpression): FunctionRef | undefined {
    if (ts.isNewExpression(call)) {
      const ctor = this.evaluate(call.expression);
      if (ctor.kind !== "class") return undefined;
      const constructorNode = ctor.cls.node.members.find(ts.isConstructorDeclaration);
      return constructorNode ? { node: constructorNode, module: ctor.cls.module } : undefined;
    }
    const callee = unwrap(call.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.SuperKeyword) {
      const cls = enclosingClass(callee);
      const module = this.moduleOf(callee);
      if (!cls || !module) return undefined;
      const base = this.baseClass({ node: cls, module });
      const found = base && this.classMember(base, callee.name.text, isStaticContext(callee));
      return found && isFunctionLike(found.node) ? { node: found.node, module: found.module } : undefined;
    }
    const value = this.evaluate(callee);
    return value.kind === "function" ? value.fn : undefined;
  }

}

const ORM_VALUE_KINDS = new Set<Value["kind"]>(["prisma-client", "prisma-delegate", "typeorm-repository", "typeorm-manager", "typeorm-query-builder", "sequelize-client", "orm-model"]);

function functionName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name))) return fn.name.text;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

/**
 * A query builder held in a variable and configured by statements (`qb.take(n)`, `qb.setFindOptions({ take })`,
 * `qb.where("id IN (:...ids)")`) rather than one chain: read those calls in the declaring function, from the
 * module's fact sites (`sites`), which hold every call.
 */
function withStatementCalls(builder: Extract<Value, { kind: "typeorm-query-builder" }>, name: string, declaration: ts.Node, sites: readonly ts.Node[]): Value {
  let scope: ts.Node | undefined = declaration.parent;
  while (scope && !isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  if (!scope || sites.length === 0) return builder;
  // Every call chained on the variable, `qb.take(5)` as well as `qb.andWhere(…).orderBy(…).limit(5)`.
  let bounded = false;
  let listFilter = false;
  // The first constant take/limit in the text (a chain's inner call comes after its outer one in walk order).
  let literal: { value: number; at: number } | null = null;
  for (const node of sitesInside(sites, scope)) {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) continue;
    let receiver: ts.Expression = node.expression.expression;
    while (ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression)) receiver = receiver.expression.expression;
    if (!ts.isIdentifier(receiver) || receiver.text !== name) continue;
    const method = node.expression.name.text;
    const first = node.arguments[0];
    if (method === "take" || method === "limit") {
      bounded = true;
      // `qb.take(500)`: its number, for `pagination.maxPageSize`.
      if (first && ts.isNumericLiteral(first) && (literal === null || node.expression.name.pos < literal.at)) literal = { value: Number(first.text), at: node.expression.name.pos };
    }
    // `setFindOptions({ take })`, also a take under a spread (`...(paged ? { take } : {})`).
    if (method === "setFindOptions" && first && ts.isObjectLiteralExpression(first) && first.properties.some((property) => property.name?.getText() === "take" || (ts.isSpreadAssignment(property) && /\btake\b/.test(property.expression.getText())))) bounded = true;
    // A condition written out (a string, `p(\`…\`)`), not one built in a callback or Brackets, which may add it only sometimes.
    if (/where/i.test(method) && first && !isFunctionLike(first) && !ts.isNewExpression(first) && /IN\s*\(\s*:\.\.\./.test(first.getText())) listFilter = true;
  }
  const limit = builder.limit ?? literal?.value ?? null;
  return { ...builder, bounded: builder.bounded || bounded, listFilter: builder.listFilter || listFilter, limit };
}

/** Of two candidate values, the known one with the higher confidence (the first on a tie). */
function moreCertain(a: Value, b: Value): Value {
  if (a.kind === "unknown") return b;
  if (b.kind === "unknown") return a;
  const rank = { high: 3, medium: 2, low: 1 } as const;
  return rank[confidenceOf(b)] > rank[confidenceOf(a)] ? b : a;
}

// ---------- helpers shared by the ORM layer ----------

export const ITERATION_METHODS = new Set(["map", "forEach", "flatMap", "reduce", "reduceRight", "filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex"]);
const ROW_PRESERVING_METHODS = new Set(["filter", "slice", "sort", "toSorted", "reverse", "concat", "flat", "map", "flatMap", "splice"]);
/** Array methods that cut the rows to a fixed size: what follows is no longer "every row". */
const CAPPING_METHODS = new Set(["slice", "splice"]);
const OBJECT_ITERATORS = new Set(["keys", "values", "entries"]);
const PRISMA_CLIENT_NON_MODEL = new Set(["then", "catch", "finally", "constructor", "toString", "connect", "disconnect"]);
const PRISMA_CONTEXT_NAMES = new Set(["prisma", "db", "prismaClient"]);

/** `globalThis.db`, `global.db`, `window.db`: a global read through the global object (not declared in the file). */
function isGlobalObject(expression: ts.Expression): boolean {
  const expr = unwrap(expression);
  return ts.isIdentifier(expr) && /^(globalThis|global|window|self)$/.test(expr.text);
}

function lastStringArgument(call: ts.CallExpression): string | undefined {
  const last = call.arguments[call.arguments.length - 1];
  return last && ts.isStringLiteralLike(last) ? last.text : undefined;
}

export function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function externalTypeValue(module: string, importedName: string, name: string, args: readonly ts.TypeNode[]): Value {
  if (isPrismaModule(module)) {
    if (name === "PrismaClient" || name === "TransactionClient" || (importedName === "Prisma" && name === "TransactionClient")) return { kind: "prisma-client", confidence: "high" };
    return UNKNOWN;
  }
  if (isTypeormModule(module)) {
    if (name === "Repository" || name === "TreeRepository" || name === "MongoRepository") return { kind: "typeorm-repository", entity: entityTypeName(args[0]), confidence: "high" };
    if (name === "EntityManager" || name === "DataSource" || name === "Connection" || name === "MongoEntityManager") return { kind: "typeorm-manager", confidence: "high" };
    if (name === "SelectQueryBuilder") return { kind: "typeorm-query-builder", entity: entityTypeName(args[0]), bounded: false, confidence: "high" };
    return UNKNOWN;
  }
  if (isSequelizeModule(module)) {
    if (name === "Sequelize") return { kind: "sequelize-client", confidence: "high" };
    return UNKNOWN;
  }
  if (NEST_SEQUELIZE.test(module) || NEST_TYPEORM.test(module)) return UNKNOWN;
  return UNKNOWN;
}

/** `Repository<User>` → "User". */
export function entityTypeName(type: ts.TypeNode | undefined): string | null {
  if (type && ts.isTypeReferenceNode(type)) {
    const name = type.typeName;
    return ts.isIdentifier(name) ? name.text : name.right.text;
  }
  return null;
}

/** `getRepository(User)` / `getRepository("user")` → "User". */
export function entityName(expression: ts.Expression | undefined): string | null {
  if (!expression) return null;
  const expr = unwrap(expression);
  // Entity classes are capitalised; a lower-case identifier is a parameter or variable holding one.
  if (ts.isIdentifier(expr)) return /^[A-Z]/.test(expr.text) ? expr.text : null;
  if (ts.isStringLiteralLike(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return /^[A-Z]/.test(expr.name.text) ? expr.name.text : null;
  return null;
}

/**
 * `repo.extend({ findByStatus() { return this.createQueryBuilder(…) } })`: for a `this` in a method of the object
 * handed to `.extend(…)`, that call (which evaluates to the extended repository). Arrow functions keep the outer `this`.
 */
function extendCallOfMethod(thisNode: ts.Node): ts.CallExpression | null {
  let fn: ts.Node | undefined = thisNode.parent;
  while (fn && (!isFunctionLike(fn) || ts.isArrowFunction(fn))) fn = fn.parent;
  if (!fn) return null;
  // `findByStatus() {}` is the method itself; `findByStatus: function () {}` sits in a property assignment.
  const member = ts.isFunctionExpression(fn) && ts.isPropertyAssignment(fn.parent) ? fn.parent : fn;
  if (!ts.isMethodDeclaration(member) && !ts.isPropertyAssignment(member)) return null;
  const object = member.parent;
  if (!ts.isObjectLiteralExpression(object)) return null;
  let holder: ts.Node = object.parent;
  while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder)) holder = holder.parent;
  if (!ts.isCallExpression(holder) || !ts.isPropertyAccessExpression(holder.expression) || holder.expression.name.text !== "extend") return null;
  return unwrap(holder.arguments[0] ?? holder) === object ? holder : null;
}

/** Values produced by ORM factory methods (`getRepository`, `createQueryBuilder`, `$extends`, query-builder chains). */
function ormMethodValue(receiver: Value, method: string, call: ts.CallExpression, resolver: Resolver): Value | undefined {
  switch (receiver.kind) {
    case "prisma-client":
      if (method === "$extends") return receiver;
      return undefined;
    case "typeorm-manager":
      if (method === "getRepository" || method === "getTreeRepository" || method === "getCustomRepository" || method === "withRepository") {
        return resolver.withEntityClass({ kind: "typeorm-repository", entity: entityName(call.arguments[0]), confidence: receiver.confidence }, call.arguments[0]);
      }
      if (method === "createQueryBuilder") return { kind: "typeorm-query-builder", entity: entityName(call.arguments[0]), bounded: false, confidence: receiver.confidence };
      if (method === "initialize") return receiver;
      // `dataSource.createQueryRunner()`: its `manager` is the data source's, its `query()` raw SQL.
      if (method === "createQueryRunner") return receiver;
      return undefined;
    case "typeorm-repository":
      if (method === "createQueryBuilder") return { kind: "typeorm-query-builder", entity: receiver.entity, bounded: false, confidence: receiver.confidence };
      if (method === "extend") {
        const methods = call.arguments[0] && unwrap(call.arguments[0]);
        const module = methods && ts.isObjectLiteralExpression(methods) ? resolver.moduleOf(methods) : undefined;
        return methods && module && ts.isObjectLiteralExpression(methods) ? { ...receiver, extension: { node: methods, module } } : receiver;
      }
      return undefined;
    case "orm-model":
      // User.scope("withTeam").findAll(), Document.unscoped().findOne()
      if (receiver.orm === "sequelize" && (method === "scope" || method === "unscoped" || method === "schema")) return receiver;
      if (receiver.orm === "typeorm" && receiver.activeRecord && method === "createQueryBuilder") return { kind: "typeorm-query-builder", entity: receiver.model, bounded: false, confidence: receiver.confidence };
      if (receiver.orm === "typeorm" && receiver.activeRecord && method === "getRepository") return { kind: "typeorm-repository", entity: receiver.model, confidence: receiver.confidence };
      return undefined;
    case "typeorm-query-builder":
      if (QUERY_BUILDER_CHAIN.has(method)) {
        const firstArg = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
        const whereText = /where/i.test(method) && firstArg && ts.isStringLiteralLike(firstArg) ? firstArg.text : "";
        const takeOption = method === "setFindOptions" && firstArg !== undefined && ts.isObjectLiteralExpression(firstArg) ? firstArg.properties.find((p) => p.name?.getText() === "take") : undefined;
        const setsTake = takeOption !== undefined;
        // `.take(500)`, `.limit(PAGE)`, `setFindOptions({ take: 500 })`: the constant, for `pagination.maxPageSize`.
        const takeValue = method === "take" || method === "limit" ? firstArg : takeOption && ts.isPropertyAssignment(takeOption) ? takeOption.initializer : undefined;
        return {
          ...receiver,
          bounded: receiver.bounded || method === "take" || method === "limit" || setsTake,
          limit: takeValue ? constantNumber(takeValue, resolver) : receiver.limit,
          listFilter: receiver.listFilter || /InIds$/.test(method) || /\bIN\s*\(\s*:\.\.\./i.test(whereText),
          keyScoped: receiver.keyScoped || /(^|[\s.(])\w*(id|Id|_id)\s*=\s*:/.test(whereText),
          scopeKey: receiver.scopeKey ?? /(?:^|[\s.(])(\w*(?:id|Id|_id))\s*=\s*:/.exec(whereText)?.[1],
          relation: receiver.relation || method === "relation",
          relationName: method === "relation" ? lastStringArgument(call) ?? receiver.relationName : receiver.relationName,
        };
      }
      return undefined;
    case "sequelize-client":
      if (method === "model" && call.arguments[0] && ts.isStringLiteralLike(call.arguments[0])) {
        return { kind: "orm-model", orm: "sequelize", model: call.arguments[0].text, cls: null, activeRecord: true, confidence: receiver.confidence };
      }
      if (method === "define" && call.arguments[0] && ts.isStringLiteralLike(call.arguments[0])) {
        return { kind: "orm-model", orm: "sequelize", model: call.arguments[0].text, cls: null, activeRecord: true, confidence: receiver.confidence };
      }
      return undefined;
    default:
      return undefined;
  }
}

const QUERY_BUILDER_CHAIN = new Set([
  "select", "addSelect", "from", "where", "andWhere", "orWhere", "whereInIds", "andWhereInIds", "orWhereInIds", "having", "andHaving", "orHaving",
  "orderBy", "addOrderBy", "groupBy", "addGroupBy", "leftJoin", "leftJoinAndSelect", "innerJoin", "innerJoinAndSelect", "leftJoinAndMapMany",
  "leftJoinAndMapOne", "innerJoinAndMapMany", "innerJoinAndMapOne", "loadRelationCountAndMap", "loadRelationIdAndMap", "skip", "take", "offset",
  "limit", "setParameter", "setParameters", "withDeleted", "setLock", "cache", "useTransaction", "distinct", "distinctOn", "subQuery", "relation", "of",
  "update", "set", "delete", "insert", "into", "values", "orUpdate", "orIgnore", "returning", "softDelete", "restore", "setFindOptions",
]);

/** The sub-expressions a value can come from: `a ?? b`, `x ??= b`, `c ? a : b`, `await a`, `a as T`. */
function operandsOf(expression: ts.Expression): ts.Expression[] {
  const expr = unwrap(expression);
  if (ts.isBinaryExpression(expr) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(expr.operatorToken.kind)) return [...operandsOf(expr.left), ...operandsOf(expr.right)];
  if (ts.isBinaryExpression(expr) && [ts.SyntaxKind.EqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken].includes(expr.operatorToken.kind)) return [...operandsOf(expr.left), ...operandsOf(expr.right)];
  if (ts.isConditionalExpression(expr)) return [...operandsOf(expr.whenTrue), ...operandsOf(expr.whenFalse)];
  return [expr];
}

export function returnExpressions(body: ts.Block): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

function isOverloadSignature(member: ts.ClassElement): boolean {
  return (ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member)) && member.body === undefined;
}

function hasStatic(member: ts.ClassElement): boolean {
  const modifiers = ts.canHaveModifiers(member) ? ts.getModifiers(member) : undefined;
  return modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;
}

function isParameterProperty(parameter: ts.ParameterDeclaration): boolean {
  const modifiers = ts.getModifiers(parameter);
  return (
    modifiers?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.PublicKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword || m.kind === ts.SyntaxKind.ReadonlyKeyword) ?? false
  );
}

export function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  let current: ts.Node | undefined = node.parent;
  while (current) {
    if (ts.isClassLike(current)) return current;
    if ((ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) && !ts.isClassLike(current.parent)) return undefined;
    current = current.parent;
  }
  return undefined;
}

function isStaticContext(node: ts.Node): boolean {
  let current: ts.Node | undefined = node.parent;
  while (current && !ts.isClassLike(current)) {
    if (ts.isClassElement(current)) return hasStatic(current);
    current = current.parent;
  }
  return false;
}

function forOfOwner(declaration: ts.VariableDeclaration): ts.ForOfStatement | undefined {
  const list = declaration.parent;
  if (ts.isVariableDeclarationList(list) && ts.isForOfStatement(list.parent) && list.parent.initializer === list) return list.parent;
  return undefined;
}

export function isConstDeclaration(declaration: ts.VariableDeclaration): boolean {
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
}

/** `20`, `PAGE_SIZE` (a `const` number, in this file or imported): a take/limit the code fixes. */
export function constantNumber(expression: ts.Expression, resolver: Resolver): number | null {
  const expr = unwrap(expression);
  if (ts.isNumericLiteral(expr)) return Number(expr.text);
  if (!ts.isIdentifier(expr)) return null;
  const binding = resolver.lookup(expr);
  if (binding?.kind !== "node" || !ts.isVariableDeclaration(binding.node) || !binding.node.initializer || !isConstDeclaration(binding.node)) return null;
  const initial = unwrap(binding.node.initializer);
  return ts.isNumericLiteral(initial) ? Number(initial.text) : null;
}

/** A module constant's name: `OPEN_STATUSES`, `MAX`. */
export const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;

export function isConstantExpression(expression: ts.Expression): boolean {
  const expr = unwrap(expression);
  if (ts.isStringLiteralLike(expr) || ts.isNumericLiteral(expr) || expr.kind === ts.SyntaxKind.TrueKeyword || expr.kind === ts.SyntaxKind.FalseKeyword || expr.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isPrefixUnaryExpression(expr)) return isConstantExpression(expr.operand);
  if (ts.isObjectLiteralExpression(expr)) return expr.properties.every((p) => ts.isPropertyAssignment(p) && isConstantExpression(p.initializer));
  if (ts.isArrayLiteralExpression(expr)) return expr.elements.every((e) => isConstantExpression(e));
  if (ts.isPropertyAccessExpression(expr)) return /^[A-Z]/.test(expr.expression.getText()); // Enum.Member, CONSTANTS.X
  if (ts.isIdentifier(expr)) return CONSTANT_NAME.test(expr.text);
  return false;
}

/** Finds a declaration of `name` directly inside `scope` (statements, parameters, loop heads, catch clauses). */
function declarationIn(scope: ts.Node, name: string, from: ts.Node): ts.Node | undefined {
  if (isFunctionLike(scope)) {
    for (const parameter of scope.parameters) {
      const found = bindingNamed(parameter.name, name, parameter);
      if (found) return found;
    }
    if ((ts.isFunctionExpression(scope) || ts.isFunctionDeclaration(scope)) && scope.name?.text === name && from === scope.body) return scope;
    return undefined;
  }
  if (ts.isClassExpression(scope) && scope.name?.text === name) return scope;
  if (ts.isForOfStatement(scope) || ts.isForInStatement(scope) || ts.isForStatement(scope)) {
    const init = scope.initializer;
    if (init && ts.isVariableDeclarationList(init)) {
      for (const declaration of init.declarations) {
        const found = bindingNamed(declaration.name, name, declaration);
        if (found) return found;
      }
    }
    return undefined;
  }
  if (ts.isCatchClause(scope) && scope.variableDeclaration) return bindingNamed(scope.variableDeclaration.name, name, scope.variableDeclaration);
  if (ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
    for (const statement of scope.statements) {
      const found = statementDeclares(statement, name);
      if (found) return found;
    }
  }
  return undefined;
}

function statementDeclares(statement: ts.Statement, name: string): ts.Node | undefined {
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      const found = bindingNamed(declaration.name, name, declaration);
      if (found) return found;
    }
    return undefined;
  }
  if (ts.isFunctionDeclaration(statement) && !statement.body && statement.name?.text === name) return undefined; // overload signature
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name?.text === name) {
    return statement;
  }
  return undefined;
}

function bindingNamed(binding: ts.BindingName, name: string, owner: ts.Node): ts.Node | undefined {
  if (ts.isIdentifier(binding)) return binding.text === name ? owner : undefined;
  for (const element of binding.elements) {
    if (ts.isOmittedExpression(element)) continue;
    if (ts.isIdentifier(element.name)) {
      if (element.name.text === name) return element;
    } else {
      const found = bindingNamed(element.name, name, element);
      if (found) return found;
    }
  }
  return undefined;
}

