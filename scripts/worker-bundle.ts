import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';
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
 * zod's schema types the API never builds (string formats such as uuid, email, jwt, iban; bigint,
 * date, symbol, void, NaN; tuple, map, set, intersection, xor, file; function, promise, codec,
 * template literal, catch, success), left out of zod's core and classic `schemas.js`: each one's
 * initializer is replaced by one that throws, naming it, so a schema that came to use one fails
 * where it is built (at start-up: the Worker would not start, as `wrangler dev` and
 * `npm run test:worker-docs` show). The constructors stay (zod's `instanceof` checks read them).
 * Each name must be found exactly once in each file, or the build fails: a zod upgrade that moves
 * one is seen at once. They were 2.9 KiB of the gzip bundle.
 */
const UNUSED_TYPES = [
  'GUID',
  'UUID',
  'Email',
  'Emoji',
  'NanoID',
  'CUID',
  'CUID2',
  'ULID',
  'XID',
  'KSUID',
  'ISOTime',
  'ISODuration',
  'IPv4',
  'IPv6',
  'MAC',
  'CIDRv4',
  'CIDRv6',
  'Base64',
  'Base64URL',
  'E164',
  'JWT',
  'CreditCard',
  'IBAN',
  'CustomStringFormat',
  'BigInt',
  'BigIntFormat',
  'Symbol',
  'Void',
  'Date',
  'Xor',
  'Intersection',
  'Tuple',
  'Map',
  'Set',
  'File',
  'Success',
  'Catch',
  'NaN',
  'Codec',
  'TemplateLiteral',
  'Function',
  'Promise',
];
/** The source with each unused type's `export const <prefix><Type> = core.$constructor(…);` a stand-in. */
function withoutTypes(source: string, prefix: string, file: string): string {
  let out = source;
  for (const type of UNUSED_TYPES) {
    const name = `${prefix}${type}`;
    const head = `export const ${name} = /*@__PURE__*/ core.$constructor("${name}", (inst, def) => {`;
    const start = out.indexOf(head);
    if (start === -1 || out.indexOf(head, start + 1) !== -1)
      throw new Error(`scripts/worker-bundle.ts: zod/${file} has not exactly one ${name}`);
    // The statement ends on the first line after it that starts with `}` and ends with `);`
    // (`});`, or `}));` where methods follow the initializer as a second argument).
    const end = /\n\}[^\n]*\);[ \t]*(?=\n)/g;
    end.lastIndex = start;
    const match = end.exec(out);
    if (match === null || out.slice(start + 1, match.index).includes('\nexport '))
      throw new Error(`scripts/worker-bundle.ts: zod/${file}: no end of ${name}`);
    out = `${out.slice(0, start)}export const ${name} = /*@__PURE__*/ core.$constructor("${name}", () => notInTheWorker("${name}"));${out.slice(match.index + match[0].length)}`;
  }
  return `function notInTheWorker(name) { throw new Error("zod's " + name + ' is not in the Worker build (scripts/worker-bundle.ts)'); }\n${out}`;
}
const unusedZodTypes: Plugin = {
  name: 'zod-unused-types',
  setup(b) {
    b.onLoad({ filter: /\/node_modules\/zod\/v4\/(core|classic)\/schemas\.js$/ }, async (args) => {
      const classic = args.path.includes('/classic/');
      const file = classic ? 'v4/classic/schemas.js' : 'v4/core/schemas.js';
      return {
        contents: withoutTypes(await readFile(args.path, 'utf8'), classic ? 'Zod' : '$Zod', file),
        loader: 'js',
      };
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
    unusedZodTypes,
    openApiAtBuildTime,
    workerWithoutDocs,
  ],
  logLevel: 'warning',
} satisfies BuildOptions;
