import type ts from "#typescript";
import type { Confidence, Orm } from "../types.js";
import type { ModuleInfo } from "./project.js";
import type { DbCall } from "./orm.js";

export interface ClassRef {
  node: ts.ClassLikeDeclaration;
  module: ModuleInfo;
}

export interface ObjectRef {
  node: ts.ObjectLiteralExpression;
  module: ModuleInfo;
}

export interface FunctionRef {
  node: ts.FunctionLikeDeclaration;
  module: ModuleInfo;
}

/** What an expression evaluates to, as far as the syntactic provenance analysis can tell. */
export type Value =
  | { kind: "unknown" }
  /** A binding imported from a package we do not analyse (e.g. `PrismaClient` from `@prisma/client`). */
  | { kind: "external"; module: string; name: string }
  | { kind: "prisma-client"; confidence: Confidence }
  | { kind: "prisma-delegate"; model: string; confidence: Confidence }
  | {
      kind: "typeorm-repository";
      entity: string | null;
      entityClass?: ClassRef | null;
      confidence: Confidence;
      repositoryClass?: ClassRef;
      /** `getRepository(E).extend({ … })`: the custom methods (TypeORM 0.3), whose `this` is the repository. */
      extension?: ObjectRef;
    }
  /** EntityManager, DataSource or Connection. */
  | { kind: "typeorm-manager"; confidence: Confidence }
  | {
      kind: "typeorm-query-builder";
      entity: string | null;
      bounded: boolean;
      /** The constant of `.take(n)` / `.limit(n)` / `setFindOptions({ take: n })`, when it is one. */
      limit?: number | null;
      confidence: Confidence;
      /** `WHERE id IN (:...ids)`, `whereInIds`. */
      listFilter?: boolean;
      /** `WHERE productId = :id`: rows of one parent. */
      keyScoped?: boolean;
      /** The key of that parent (`productId`). */
      scopeKey?: string;
      /** `relation("tags").of(post)`: the relation query builder. */
      relation?: boolean;
      /** The relation property it loads (`"channels"`). */
      relationName?: string;
    }
  | { kind: "sequelize-client"; confidence: Confidence }
  /** `sequelize.models`: the instance's registry of defined models, by name. */
  | { kind: "sequelize-models"; confidence: Confidence }
  /** A model class used through its static API (Sequelize models, TypeORM BaseEntity subclasses, plain TypeORM entities). */
  | { kind: "orm-model"; orm: Orm; model: string; cls: ClassRef | null; activeRecord: boolean; confidence: Confidence }
  /** One row: a model instance. */
  | { kind: "orm-instance"; orm: Orm; model: string; cls: ClassRef | null; source: DbCall | null; confidence: Confidence }
  /** Many rows: the result of a list query, or an array derived from one. */
  | { kind: "rows"; call: DbCall; derived: boolean; capped: boolean; filtered?: boolean }
  /** A list of model instances known from a type (`posts: Post[]`), not from a query. */
  | { kind: "instances"; of: Value }
  | { kind: "class"; cls: ClassRef }
  | { kind: "instance"; cls: ClassRef }
  | { kind: "function"; fn: FunctionRef }
  | { kind: "object"; node: ts.ObjectLiteralExpression; module: ModuleInfo }
  | { kind: "interface"; node: ts.InterfaceDeclaration | ts.TypeLiteralNode; module: ModuleInfo }
  | { kind: "namespace"; module: ModuleInfo }
  /** A literal or constant collection: iterating it is not per-row work. */
  | { kind: "constant" };

export const UNKNOWN: Value = { kind: "unknown" };

export function confidenceOf(value: Value): Confidence {
  return "confidence" in value ? value.confidence : "high";
}

export function lowerConfidence(a: Confidence, b: Confidence): Confidence {
  const order: Confidence[] = ["low", "medium", "high"];
  return order[Math.min(order.indexOf(a), order.indexOf(b))]!;
}
