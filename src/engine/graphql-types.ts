import ts from "#typescript";
import type { ModuleInfo } from "./project.js";

/**
 * Which GraphQL object types a response can hold many of, read from the code-first schema decorators
 * (NestJS `@nestjs/graphql`, type-graphql). A field resolver runs once per parent object in the response: on a
 * type that only root operations return on its own (`@Query(() => Infra)`, a settings or dashboard object) it runs
 * once per request, so a query in it is no N+1. Anything the schema reading does not understand counts as a list.
 */
export class GraphqlListedTypes {
  private readonly mentionCache = new Map<string, TypeMentions>();
  private readonly listedCache = new Map<string, boolean>();
  private indexed = false;

  constructor(private readonly modules: () => readonly ModuleInfo[]) {}

  /** A field resolver method whose resolver class's type is never in a list: it runs at most once per request. */
  runsOncePerRequest(method: ts.MethodDeclaration): boolean {
    const parentType = resolverTypeOf(method.parent);
    return parentType !== null && !this.isListed(parentType);
  }

  private isListed(name: string): boolean {
    const cached = this.listedCache.get(name);
    if (cached !== undefined) return cached;
    // The types whose fields can hold this one, transitively: listed when any of them is.
    const gathered = new Map<string, TypeMentions>();
    const queue = [name];
    while (queue.length > 0) {
      const next = queue.pop()!;
      if (gathered.has(next)) continue;
      const mentions = this.mentionsOf(next);
      gathered.set(next, mentions);
      for (const owner of mentions.fieldOf) if (owner !== null) queue.push(owner);
    }
    const listed = new Set<string>();
    for (const [type, mentions] of gathered) {
      // Never returned anywhere we can see (a schema file, a helper we do not read): assume lists.
      const unseen = mentions.roots === 0 && mentions.fieldOf.size === 0;
      if (unseen || mentions.inList || mentions.fieldOf.has(null)) listed.add(type);
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (const [type, mentions] of gathered) {
        if (listed.has(type)) continue;
        if ([...mentions.fieldOf].some((owner) => owner !== null && listed.has(owner))) {
          listed.add(type);
          changed = true;
        }
      }
    }
    for (const type of gathered.keys()) if (!this.listedCache.has(type)) this.listedCache.set(type, listed.has(type));
    return listed.has(name);
  }

  private mentionsOf(name: string): TypeMentions {
    // One walk of every file for all capitalised names, the first time a field resolver is asked about.
    if (!this.indexed) {
      this.indexed = true;
      for (const module of this.modules()) {
        const visit = (node: ts.Node): void => {
          if (ts.isIdentifier(node) && /^[A-Z]/.test(node.text)) {
            let mentions = this.mentionCache.get(node.text);
            if (!mentions) this.mentionCache.set(node.text, (mentions = noMentions()));
            classifyMention(node, mentions);
          }
          ts.forEachChild(node, visit);
        };
        visit(module.sourceFile);
      }
    }
    return this.mentionCache.get(name) ?? noMentions();
  }
}

function noMentions(): TypeMentions {
  return { roots: 0, inList: false, fieldOf: new Set() };
}

interface TypeMentions {
  /** Returned on its own by a root operation (`@Query(() => T)`). */
  roots: number;
  /** In a list, or somewhere the reading does not understand (`Paginated(T)`, a union, a class factory). */
  inList: boolean;
  /** The types with a field holding one of these (null: a field of a class whose type is not known). */
  fieldOf: Set<string | null>;
}

const ROOT_OPERATION = /^(Query|Mutation|Subscription)$/;
const FIELD_DECORATOR = /^(Field|ResolveField|FieldResolver|ResolveProperty)$/;
const TYPE_CLASS_DECORATOR = /^(ObjectType|InterfaceType|InputType|ArgsType)$/;

function decoratorName(decorator: ts.Decorator): string | null {
  const callee = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

function decoratorsOf(node: ts.Node): readonly ts.Decorator[] {
  return (ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined) ?? [];
}

/** `@Resolver(() => Infra)`, `@Resolver(of => Infra)`, `@Resolver(Infra)`: `Infra`; a string or nothing: null. */
function resolverTypeOf(node: ts.Node): string | null {
  if (!ts.isClassDeclaration(node)) return null;
  for (const decorator of decoratorsOf(node)) {
    if (decoratorName(decorator) !== "Resolver" || !ts.isCallExpression(decorator.expression)) continue;
    const argument = decorator.expression.arguments[0];
    if (!argument) return null;
    const returned = ts.isArrowFunction(argument) || ts.isFunctionExpression(argument) ? returnedExpression(argument) : argument;
    return returned && ts.isIdentifier(returned) ? returned.text : null;
  }
  return null;
}

/** The GraphQL type a class's fields belong to: its own name for `@ObjectType()` and kin, the resolver's type. */
function ownerTypeOf(member: ts.Node): string | null {
  const owner = member.parent;
  if (!ts.isClassDeclaration(owner)) return null;
  const resolved = resolverTypeOf(owner);
  if (resolved) return resolved;
  if (owner.name && decoratorsOf(owner).some((decorator) => TYPE_CLASS_DECORATOR.test(decoratorName(decorator) ?? ""))) return owner.name.text;
  return null;
}

function returnedExpression(fn: ts.ArrowFunction | ts.FunctionExpression): ts.Expression | null {
  if (!ts.isBlock(fn.body)) return unwrapParentheses(fn.body);
  const statements = fn.body.statements;
  const only = statements.length === 1 ? statements[0] : undefined;
  return only && ts.isReturnStatement(only) && only.expression ? unwrapParentheses(only.expression) : null;
}

function unwrapParentheses(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? unwrapParentheses(node.expression) : node;
}

/** Where one mention of the type's name stands in the schema, if it stands in it at all. */
function classifyMention(identifier: ts.Identifier, mentions: TypeMentions): void {
  const parent = identifier.parent;
  // Imports, exports and declarations name the type; they do not place it.
  // Renamed (`import { User as UserModel }`): its uses go by another name, not searched, so assume lists.
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === identifier && parent.name.text !== identifier.text) {
    mentions.inList = true;
    return;
  }
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isExportSpecifier(parent) || ts.isImportEqualsDeclaration(parent)) return;
  // An object type that implements an interface is in every list of that interface.
  if (ts.isClassDeclaration(parent) && parent.name === identifier && implementsInterface(parent)) {
    mentions.inList = true;
    return;
  }
  if ((ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeAliasDeclaration(parent) || ts.isEnumDeclaration(parent) || ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent)) && parent.name === identifier) return;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) {
    // `x.Infra` is another thing, unless a schema decorator names it (`() => [models.Infra]`): not understood.
    if (enclosingTypeFunction(identifier)) mentions.inList = true;
    return;
  }
  if (ts.isPropertyAssignment(parent) && parent.name === identifier) return;
  // Values of the class (`new Infra()`, `x instanceof Infra`) say nothing about the schema.
  if (ts.isNewExpression(parent) && parent.expression === identifier) return;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && parent.right === identifier) return;
  const typeNode = outermostTypeNode(identifier);
  if (typeNode) return classifyTypeMention(typeNode, identifier, mentions);
  const typeFunction = enclosingTypeFunction(identifier);
  if (!typeFunction) {
    mentions.inList = true; // a class factory, a union, a helper's argument: not understood
    return;
  }
  const { decorator, fn } = typeFunction;
  const name = decoratorName(decorator) ?? "";
  if (name === "Resolver") return;
  const returned = returnedExpression(fn);
  if (returned === identifier && ROOT_OPERATION.test(name)) mentions.roots++;
  else if (returned === identifier && FIELD_DECORATOR.test(name)) mentions.fieldOf.add(ownerTypeOf(decorator.parent));
  else mentions.inList = true;
}

function implementsInterface(declaration: ts.ClassDeclaration): boolean {
  return decoratorsOf(declaration).some(
    (decorator) =>
      decoratorName(decorator) === "ObjectType" &&
      ts.isCallExpression(decorator.expression) &&
      decorator.expression.arguments.some((argument) => ts.isObjectLiteralExpression(argument) && argument.properties.some((property) => property.name && ts.isIdentifier(property.name) && property.name.text === "implements")),
  );
}

/** The outermost type annotation around a name, up to the declaration it annotates. */
function outermostTypeNode(node: ts.Node): ts.TypeNode | null {
  let found: ts.TypeNode | null = null;
  for (let current: ts.Node = node.parent; current; current = current.parent) {
    if (ts.isTypeNode(current) && !ts.isExpressionWithTypeArguments(current)) found = current;
    else if (ts.isExpression(current) || ts.isStatement(current) || ts.isClassElement(current) || ts.isParameter(current) || ts.isSourceFile(current) || ts.isDecorator(current)) break;
  }
  return found;
}

/**
 * A type in an annotation: only the declared type of a schema member whose decorator names no type (the library
 * reads it from the annotation) places it; parameters, locals and every other annotation do not.
 */
function classifyTypeMention(typeNode: ts.TypeNode, identifier: ts.Identifier, mentions: TypeMentions): void {
  const member = typeNode.parent;
  if (!(ts.isPropertyDeclaration(member) || ts.isMethodDeclaration(member)) || member.type !== typeNode) return;
  const schemaDecorator = decoratorsOf(member).find((decorator) => ROOT_OPERATION.test(decoratorName(decorator) ?? "") || FIELD_DECORATOR.test(decoratorName(decorator) ?? ""));
  if (!schemaDecorator) return;
  const decoratorArguments = ts.isCallExpression(schemaDecorator.expression) ? schemaDecorator.expression.arguments : [];
  if (decoratorArguments.some((argument) => ts.isArrowFunction(argument) || ts.isFunctionExpression(argument))) return; // the type function decides
  // `T`, `Promise<T>`: one; `T[]`, `Promise<T[]>`, `Array<T>` or anything else: many, or not understood.
  let single = identifier.parent === typeNode && ts.isTypeReferenceNode(typeNode);
  if (!single && ts.isTypeReferenceNode(typeNode) && ts.isIdentifier(typeNode.typeName) && typeNode.typeName.text === "Promise") {
    const argument = typeNode.typeArguments?.[0];
    single = argument !== undefined && ts.isTypeReferenceNode(argument) && argument.typeName === identifier;
  }
  if (!single) mentions.inList = true;
  else if (ROOT_OPERATION.test(decoratorName(schemaDecorator) ?? "")) mentions.roots++;
  else mentions.fieldOf.add(ownerTypeOf(member));
}

/** The type function (`() => T`) of a schema decorator the name is inside, with that decorator. */
function enclosingTypeFunction(node: ts.Node): { decorator: ts.Decorator; fn: ts.ArrowFunction | ts.FunctionExpression } | null {
  for (let current: ts.Node = node.parent; current; current = current.parent) {
    if (ts.isArrowFunction(current) || ts.isFunctionExpression(current)) {
      const call = current.parent;
      // `@Field(() => T)`, `@ResolveField("name", () => T)`
      if (ts.isCallExpression(call) && call.arguments.includes(current) && ts.isDecorator(call.parent)) return { decorator: call.parent, fn: current };
      return null;
    }
    if (ts.isStatement(current) || ts.isClassElement(current) || ts.isSourceFile(current)) return null;
  }
  return null;
}
