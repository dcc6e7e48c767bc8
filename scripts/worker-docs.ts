import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import ts from 'typescript';

/**
 * The Worker build without the routes' documentation (scripts/build.ts). The OpenAPI document is
 * generated in Node from the unchanged sources and served as a static file, which the MCP tools
 * read too; in the Worker, `.openapi(…)` on a schema hands back the schema and ignores its
 * arguments (scripts/worker-zod-to-openapi.ts), and @hono/zod-openapi's router reads only a
 * route's method, path, `request` schemas, middleware and `hide`, handing the rest to the
 * registry, which records nothing there. So this text is never read in the Worker; it was a
 * seventh of the bundle (gzip). The sources are read with the TypeScript checker (never with
 * patterns) and, where the text removed cannot run code (no call, `new`, assignment, `await`),
 * three things are taken out:
 *
 * - the arguments of every `.openapi(…)` whose method is the schema's (zod-to-openapi's
 *   extension of zod), never the router's `.openapi(route, handler)`;
 * - a route's summary, description and documented parameters ({@link ROUTE_DOCUMENTATION}: in
 *   createRoute's argument or a literal declared a RouteConfig);
 * - the properties of object literals declared as one of {@link DOCUMENTATION} (the type the
 *   literal is declared with, or its parameter's, says which declaration a property is).
 *
 * The build fails when something in src/ outside the removed text reads a property of
 * {@link DOCUMENTATION} by name: a property access, an element access by a literal name or a
 * destructuring that the checker resolves to one of those declarations. It cannot see a read of
 * a route's summary, description or parameters ({@link ROUTE_DOCUMENTATION}, not checked), nor
 * one through Object.entries, Object.values, a spread or a loop over keys, nor one through a
 * parameter typed structurally (`{ summary: string }`), whose property is another declaration.
 * Those would silently read `undefined` at run time; test/e2e/worker-docs.e2e.ts (`npm run
 * test:worker-docs`, in CI) catches them wherever one of its requests reaches the read: it builds
 * the Worker with and without the text and compares its answers to requests on every documented
 * operation. FLOORLINE_KEEP_DOCS=1 builds the Worker with its documentation, to compare by hand.
 */

/** Documentation-only properties, as `<interface>.<property>` of the file they are declared in. */
const DOCUMENTATION: Readonly<Record<string, readonly string[]>> = {
  // The calculator declarations' route documentation (read only into createRoute and `.openapi`).
  'src/http/calculator.ts': [
    'Calculator.summary',
    'Calculator.description',
    'Calculator.requestDescription',
    'Calculator.responseDescription',
    'QueryFormSpec.summary',
    'QueryFormSpec.description',
    'QueryFormSpec.fieldDoc',
    'QueryFormSpec.examples',
    'FlatField.doc',
    'FlatField.example',
  ],
  // The POST query parameters' default descriptions (read only into a route's parameters).
  'src/http/post-query.ts': [
    'PostQueryDocs.strict',
    'PostQueryDocs.assume',
    'PostQueryDocs.decimal',
  ],
  // What a `vat` field's description names (read only into its `.openapi(…)`).
  'src/http/schemas.ts': ['VatDoc.quoted'],
  // The cache headers' descriptions (read only by the registry, as components).
  'src/http/caching.ts': ['HeaderDoc.description'],
  // createRoute's request body and responses (read only by the registry).
  'node_modules/@asteasolutions/zod-to-openapi/dist/openapi-registry.d.ts': [
    'ZodRequestBody.description',
    'ResponseConfig.description',
    'ZodMediaTypeObject.example',
    'ZodMediaTypeObject.examples',
  ],
  // A response may be a reference; the document's description and tags (read only by the
  // generator, which is not in the Worker).
  ...Object.fromEntries(
    ['openapi30', 'openapi31', 'openapi32'].map((model) => [
      `node_modules/openapi3-ts/dist/model/${model}.d.ts`,
      ['ReferenceObject.description', 'InfoObject.description', 'TagObject.description'],
    ]),
  ),
};

/**
 * An operation's summary, description and documented parameters (validated ones are the
 * `request` schemas): @hono/zod-openapi's router hands them only to the registry. Reads of these
 * are not checked like {@link DOCUMENTATION}'s: the MCP tools read the same properties of the
 * served document's operations, which have the same type.
 */
const ROUTE_DOCUMENTATION = ['summary', 'description', 'parameters'];

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = `${ROOT}src/`;

interface Cut {
  readonly start: number;
  readonly end: number;
}

/** Whether evaluating the node could run code beyond reading values. */
function runsCode(node: ts.Node): boolean {
  if (
    ts.isCallExpression(node) ||
    ts.isNewExpression(node) ||
    ts.isTaggedTemplateExpression(node) ||
    ts.isAwaitExpression(node) ||
    ts.isYieldExpression(node) ||
    ts.isDeleteExpression(node) ||
    ts.isPrefixUnaryExpression(node) ||
    ts.isPostfixUnaryExpression(node) ||
    (ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment)
  ) {
    // A minus sign or `!` only reads.
    if (
      ts.isPrefixUnaryExpression(node) &&
      (node.operator === ts.SyntaxKind.MinusToken ||
        node.operator === ts.SyntaxKind.ExclamationToken)
    ) {
      return runsCode(node.operand);
    }
    return true;
  }
  return ts.forEachChild(node, (child) => (runsCode(child) ? true : undefined)) ?? false;
}

/** `<file relative to the root>:<interface>.<property>` of a declaration of a property. */
function declarationKey(declaration: ts.Declaration): string | undefined {
  const owner = declaration.parent;
  if (!(ts.isInterfaceDeclaration(owner) || ts.isTypeLiteralNode(owner))) return undefined;
  const name = ts.isInterfaceDeclaration(owner) ? owner.name.text : '';
  const property = ts.getNameOfDeclaration(declaration);
  if (property === undefined || !ts.isIdentifier(property)) return undefined;
  const file = declaration.getSourceFile().fileName;
  // A package is named from its node_modules on, wherever that folder really is: TypeScript
  // resolves a symlinked node_modules (a git worktree sharing one checkout's) to its real path.
  const packages = file.lastIndexOf('/node_modules/');
  if (packages >= 0) return `${file.slice(packages + 1)}:${name}.${property.text}`;
  if (!file.startsWith(ROOT)) return undefined;
  return `${file.slice(ROOT.length)}:${name}.${property.text}`;
}

const DOCUMENTED = new Set(
  Object.entries(DOCUMENTATION).flatMap(([file, names]) => names.map((n) => `${file}:${n}`)),
);

function isDocumentation(symbol: ts.Symbol | undefined): boolean {
  const declarations = symbol?.declarations ?? [];
  return (
    declarations.length > 0 && declarations.every((d) => DOCUMENTED.has(declarationKey(d) ?? ''))
  );
}

/** The members of a type: a union's, a type parameter's constraint's, never null or undefined. */
function membersOf(checker: ts.TypeChecker, type: ts.Type): ts.Type[] {
  const known = type.isTypeParameter() ? (checker.getBaseConstraintOfType(type) ?? type) : type;
  const members = known.isUnion() ? known.types : [known];
  return members
    .filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)))
    .map((t) => checker.getApparentType(t));
}

/**
 * The types an object literal is declared to have: its annotation's or `satisfies`' (the checker's
 * contextual type), and for the argument of a call (at any depth) the parameter's declared type,
 * before a generic call infers its type from the literal itself (createRoute's, flatForm's).
 */
function declaredTypes(checker: ts.TypeChecker, literal: ts.ObjectLiteralExpression): ts.Type[] {
  const parent = literal.parent;
  if (ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) {
    const key = nameOf(parent);
    if (key === undefined) return [];
    return declaredTypes(checker, parent.parent).flatMap((owner) => {
      const property = owner.getProperty(key);
      if (property !== undefined) return membersOf(checker, checker.getTypeOfSymbol(property));
      return checker.getIndexInfosOfType(owner).flatMap((info) => membersOf(checker, info.type));
    });
  }
  if (ts.isCallExpression(parent)) {
    const index = parent.arguments.indexOf(literal);
    const declaration = checker.getResolvedSignature(parent)?.getDeclaration();
    const parameter = declaration?.parameters[index];
    if (parameter === undefined || parameter.dotDotDotToken !== undefined) return [];
    return membersOf(checker, checker.getTypeAtLocation(parameter));
  }
  const contextual = checker.getContextualType(literal);
  return contextual === undefined ? [] : membersOf(checker, contextual);
}

/** A property's name, when it is spelled out. */
function nameOf(property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  return name !== undefined &&
    (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))
    ? name.text
    : undefined;
}

/** Whether a declaration is in one of the OpenAPI packages. */
function inOpenApiPackage(declaration: ts.Declaration): boolean {
  const file = declaration.getSourceFile().fileName;
  return (
    file.includes('/node_modules/@hono/zod-openapi/') ||
    file.includes('/node_modules/@asteasolutions/zod-to-openapi/')
  );
}

/** Whether a literal is a route: createRoute's argument, or declared a RouteConfig. */
function isRouteConfig(checker: ts.TypeChecker, literal: ts.ObjectLiteralExpression): boolean {
  const parent = literal.parent;
  if (ts.isCallExpression(parent) && parent.arguments[0] === literal) {
    return isCreateRoute(checker, parent);
  }
  const alias = checker.getContextualType(literal)?.aliasSymbol;
  return alias?.name === 'RouteConfig' && (alias.declarations ?? []).some(inOpenApiPackage);
}

/** Whether `call` is @hono/zod-openapi's createRoute. */
function isCreateRoute(checker: ts.TypeChecker, call: ts.CallExpression): boolean {
  let symbol = checker.getSymbolAtLocation(call.expression);
  if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) {
    symbol = checker.getAliasedSymbol(symbol);
  }
  return (
    symbol?.name === 'createRoute' &&
    (symbol.declarations ?? []).some((d) =>
      d.getSourceFile().fileName.includes('/node_modules/@hono/zod-openapi/'),
    )
  );
}

/** Whether `.openapi` here is the schema's (zod-to-openapi's extension of zod), not a router's. */
function isSchemaOpenApi(checker: ts.TypeChecker, access: ts.PropertyAccessExpression): boolean {
  const declarations = checker.getSymbolAtLocation(access.name)?.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((d) =>
      d.getSourceFile().fileName.includes('/node_modules/@asteasolutions/zod-to-openapi/'),
    )
  );
}

/** Every property name the build may leave out. */
const CANDIDATES = new Set([
  ...ROUTE_DOCUMENTATION,
  ...Object.values(DOCUMENTATION).flatMap((names) => names.map((n) => n.slice(n.indexOf('.') + 1))),
]);

/** Whether a property of an object literal is spelled as one the build may leave out. */
function isCandidate(property: ts.ObjectLiteralElementLike): boolean {
  if (!(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))) {
    return false;
  }
  const key = nameOf(property);
  return key !== undefined && CANDIDATES.has(key);
}

/** The range of a property with the comma after it. */
function propertyCut(property: ts.ObjectLiteralElementLike, text: string): Cut {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  scanner.resetTokenState(property.end);
  const next = scanner.scan();
  return {
    start: property.getStart(),
    end: next === ts.SyntaxKind.CommaToken ? scanner.getTokenEnd() : property.end,
  };
}

/** What one source file loses, and every read of a documentation property in what it keeps. */
function cutsOf(checker: ts.TypeChecker, file: ts.SourceFile): { cuts: Cut[]; reads: string[] } {
  const cuts: Cut[] = [];
  const reads: string[] = [];
  const text = file.text;
  const where = (node: ts.Node) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    return `${file.fileName.slice(ROOT.length)}:${line + 1}`;
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'openapi' &&
      node.arguments.length > 0 &&
      isSchemaOpenApi(checker, node.expression) &&
      !node.arguments.some(runsCode)
    ) {
      if (text[node.end - 1] !== ')') throw new Error(`${where(node)}: a call that ends oddly`);
      visit(node.expression);
      cuts.push({ start: node.arguments.pos, end: node.end - 1 });
      return;
    }
    if (ts.isObjectLiteralExpression(node) && node.properties.some(isCandidate)) {
      const routeConfig = isRouteConfig(checker, node);
      const declared = declaredTypes(checker, node);
      for (const property of node.properties) {
        const key = isCandidate(property) ? nameOf(property) : undefined;
        const symbols = key === undefined ? [] : declared.flatMap((t) => t.getProperty(key) ?? []);
        const documentation =
          key !== undefined &&
          ((routeConfig && ROUTE_DOCUMENTATION.includes(key)) ||
            (symbols.length > 0 && symbols.every(isDocumentation)));
        if (documentation && !runsCode(property)) cuts.push(propertyCut(property, text));
        else visit(property);
      }
      return;
    }
    if (
      ts.isPropertyAccessExpression(node) &&
      CANDIDATES.has(node.name.text) &&
      isDocumentation(checker.getSymbolAtLocation(node))
    ) {
      reads.push(`${where(node)} reads ${node.name.text}`);
    }
    if (
      ts.isElementAccessExpression(node) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      CANDIDATES.has(node.argumentExpression.text) &&
      isDocumentation(checker.getSymbolAtLocation(node.argumentExpression))
    ) {
      reads.push(`${where(node)} reads ${node.argumentExpression.text}`);
    }
    if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      const key = (node.propertyName ?? node.name).getText();
      const owners = CANDIDATES.has(key)
        ? membersOf(checker, checker.getTypeAtLocation(node.parent))
        : [];
      if (owners.some((t) => isDocumentation(t.getProperty(key)))) {
        reads.push(`${where(node)} destructures ${key}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { cuts, reads };
}

/** Every file of src/ the Worker imports, with what it loses. */
function analyse(): Map<string, Cut[]> {
  const config = ts.getParsedCommandLineOfConfigFile(`${ROOT}tsconfig.json`, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (config === undefined) throw new Error('tsconfig.json cannot be read');
  const program = ts.createProgram([`${SRC}index.ts`], config.options);
  const checker = program.getTypeChecker();
  const cuts = new Map<string, Cut[]>();
  const reads: string[] = [];
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(SRC)) continue;
    const found = cutsOf(checker, file);
    if (found.cuts.length > 0) cuts.set(file.fileName, found.cuts);
    reads.push(...found.reads);
  }
  if (reads.length > 0) {
    throw new Error(
      `Documentation the Worker build leaves out (scripts/worker-docs.ts) is read at run time:\n${reads.join('\n')}`,
    );
  }
  return cuts;
}

/** The source without its cut ranges. */
function cut(text: string, cuts: readonly Cut[]): string {
  let out = '';
  let at = 0;
  for (const { start, end } of [...cuts].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, start);
    at = end;
  }
  return out + text.slice(at);
}

/** The esbuild plugin: src/ files as above; everything else as it is. */
export const workerWithoutDocs: Plugin = {
  name: 'worker-without-docs',
  setup(b) {
    if (process.env.FLOORLINE_KEEP_DOCS === '1') return;
    let analysed: Map<string, Cut[]> | undefined;
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => {
      if (!args.path.startsWith(SRC)) return undefined;
      analysed ??= analyse();
      const cuts = analysed.get(args.path);
      if (cuts === undefined) return undefined;
      return { contents: cut(await readFile(args.path, 'utf8'), cuts), loader: 'ts' };
    });
  },
};
