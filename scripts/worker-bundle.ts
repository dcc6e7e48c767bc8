import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';
import ts from 'typescript';
import { workerWithoutDocs } from './worker-docs.ts';

/** zod's message locales, English only (the API's language). */
const englishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/node_modules/zod/')
        ? { path: args.importer, namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * zod features nothing in the Worker uses, left out: its JSON Schema reader and writer (the
 * OpenAPI document is generated at build time; nothing reads JSON Schema), `z.compile` (its
 * code generation cost a fifth of the start-up; batch lines have a parser of their own,
 * src/http/line-parser.ts), and the schema rewriters `deepPartial`, `input` and `output` with the
 * `visit` walk under them (0.8 KiB of the gzip bundle). Not the parse memoizer: `keyof` and
 * `strictObject` build one at start-up, so leaving it out stops the Worker from starting. Each module is replaced by one with the same exports, read off the
 * real module, that refuse to run: a function throws when called; a factory of methods (zod
 * builds a schema's `toJSONSchema` and `~standard.jsonSchema` when asked for them) gives one that
 * throws when called; other values are empty.
 */
const UNUSED_ZOD = [
  'v4/classic/deep-partial.js',
  'v4/classic/in-out.js',
  'v4/core/visit.js',
  'v4/classic/from-json-schema.js',
  'v4/core/compile.js',
  'v4/core/to-json-schema.js',
  'v4/core/json-schema-processors.js',
  'v4/core/json-schema-generator.js',
];
const METHOD_FACTORIES = ['createToJSONSchemaMethod', 'createStandardJSONSchemaMethod'];
const unusedZod: Plugin = {
  name: 'zod-unused-features',
  setup(b) {
    b.onLoad({ filter: /\/node_modules\/zod\/v4\/.*\.js$/ }, async (args) => {
      const file = args.path.slice(args.path.lastIndexOf('/zod/') + '/zod/'.length);
      if (!UNUSED_ZOD.includes(file)) return undefined;
      const real = (await import(pathToFileURL(args.path).href)) as Record<string, unknown>;
      const stubs = Object.entries(real).map(([name, value]) => {
        if (METHOD_FACTORIES.includes(name)) return `export const ${name} = () => notInTheWorker;`;
        if (typeof value === 'function') return `export function ${name}() { notInTheWorker(); }`;
        if (typeof value === 'symbol')
          return `export const ${name} = Symbol.for('${value.description}');`;
        return `export const ${name} = Object.freeze({});`;
      });
      return {
        contents: [
          `function notInTheWorker() { throw new Error('zod/${file} is not in the Worker build (scripts/build.ts)'); }`,
          ...stubs,
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

/**
 * The string formats' patterns of zod's core (email, ipv6, uuid, jwt, currency codes…), none of
 * which the API's schemas use, left out: each one-line pattern not in {@link USED_PATTERNS} is
 * exported as a stand-in whose `test`, `exec` and `source` throw, so a schema that came to use one
 * fails on its first value (a 500, which `npm run test:worker-docs` fails on: it sends every
 * documented operation through this bundle) and never passes a value silently (zod skips a check
 * whose pattern is `undefined`). They were 1.3 KiB of the gzip bundle.
 */
const USED_PATTERNS = new Set([
  'string',
  'number',
  'integer',
  'bigint',
  'boolean',
  'anyString',
  'date',
  'lowercase',
  'uppercase',
  'hostname',
  'domain',
  'httpProtocol',
]);
const ONE_LINE_PATTERN = /^export const ([A-Za-z0-9_$]+) = \/.*\/[a-z]*;$/;
/** The stand-in for a pattern left out: any use of it throws, naming it. */
const UNUSED_PATTERN = `function unusedPattern(name) {
  const fail = () => { throw new Error("zod's " + name + ' pattern is not in the Worker build (scripts/worker-bundle.ts)'); };
  return { lastIndex: 0, test: fail, exec: fail, get source() { return fail(); } };
}`;
const unusedZodPatterns: Plugin = {
  name: 'zod-unused-patterns',
  setup(b) {
    b.onLoad({ filter: /\/node_modules\/zod\/v4\/core\/regexes\.js$/ }, async (args) => ({
      contents: [
        UNUSED_PATTERN,
        ...(await readFile(args.path, 'utf8')).split('\n').map((line) => {
          const name = ONE_LINE_PATTERN.exec(line)?.[1];
          return name === undefined || USED_PATTERNS.has(name)
            ? line
            : `export const ${name} = unusedPattern('${name}');`;
        }),
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * zod's schema kinds none of the API's schemas is built of, left out: the string formats but for
 * URLs and ISO dates, and bigint, symbol, undefined, null, any, void, date, NaN, xor,
 * intersection, tuple, map, set, file, exactOptional, default, prefault, nonoptional, success,
 * catch, codec, readonly, template literal, lazy, promise, function and instanceof. Every kind is
 * a class of zod's core (`$ZodTuple`) and of its classic API (`ZodTuple`), exported on the `z`
 * namespace, so no bundler can leave it out; each of these is replaced by a stand-in that throws
 * when a schema of the kind is built and is an instance of nothing. Schemas are built at start-up
 * (a kind used there stops the Worker from starting) or, for the few built later, by the calls
 * `npm run test:worker-docs` makes of every documented operation, which it compares with a
 * bundle that keeps them. They were 3.7 KiB of the gzip bundle.
 */
const UNUSED_KINDS = new Set(
  (
    'ISODateTime ISOTime ISODuration Email GUID UUID Emoji NanoID CUID CUID2 ULID XID ' +
    'KSUID IPv4 MAC IPv6 CIDRv4 CIDRv6 Base64 Base64URL E164 CreditCard IBAN JWT ' +
    'CustomStringFormat BigInt BigIntFormat Symbol Undefined Null Any Void Date NaN ' +
    'Xor Intersection Tuple Map Set File ExactOptional Default Prefault NonOptional ' +
    'Success Catch Codec Readonly TemplateLiteral Lazy Promise Function InstanceOf'
  )
    .split(' ')
    .flatMap((kind) => [`Zod${kind}`, `$Zod${kind}`]),
);
/** The stand-in for a kind left out: building a schema of it throws, naming it. */
const UNUSED_KIND = `function unusedKind(name) {
  const fail = () => { throw new Error("zod's " + name + ' is not in the Worker build (scripts/worker-bundle.ts)'); };
  function Unused() { fail(); }
  Unused.init = fail;
  Object.defineProperty(Unused, Symbol.hasInstance, { value: () => false });
  return Unused;
}`;
export const unusedZodKinds: Plugin = {
  name: 'zod-unused-kinds',
  setup(b) {
    b.onLoad({ filter: /\/node_modules\/zod\/v4\/(core|classic)\/schemas\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const file = ts.createSourceFile(args.path, text, ts.ScriptTarget.Latest, false);
      let out = '';
      let at = 0;
      for (const statement of file.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        const [declaration] = statement.declarationList.declarations;
        const name = declaration?.name.getText(file);
        if (name === undefined || !UNUSED_KINDS.has(name)) continue;
        const initializer = declaration?.initializer?.getText(file) ?? '';
        if (!initializer.includes(`$constructor("${name}"`)) {
          throw new Error(`zod's ${name} is not built as the Worker build expects`);
        }
        out += `${text.slice(at, statement.getStart(file))}export const ${name} = unusedKind("${name}");`;
        at = statement.end;
      }
      return { contents: `${UNUSED_KIND}\n${out}${text.slice(at)}`, loader: 'js' };
    });
  },
};

/** The OpenAPI generator and metadata: the Worker serves the document this build generates. */
const openApiAtBuildTime: Plugin = {
  name: 'openapi-at-build-time',
  setup(b) {
    b.onResolve({ filter: /^@asteasolutions\/zod-to-openapi$/ }, () => ({
      path: fileURLToPath(new URL('./worker-zod-to-openapi.ts', import.meta.url)),
    }));
  },
};

/**
 * The esbuild options of the Worker bundle (dist/worker.js), without the output file: what
 * scripts/build.ts builds (it says why each plugin is there), and what the differential test of
 * the documentation the bundle leaves out builds twice (test/e2e/worker-docs.e2e.ts), so the two
 * cannot drift apart.
 */
export const WORKER_BUNDLE = {
  entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['module', 'main'],
  target: 'es2022',
  plugins: [
    englishOnly,
    unusedZod,
    unusedZodPatterns,
    unusedZodKinds,
    openApiAtBuildTime,
    workerWithoutDocs,
  ],
  logLevel: 'warning',
} satisfies BuildOptions;
