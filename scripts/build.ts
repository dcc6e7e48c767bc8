import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { bundleModule, loadApp } from './load-app.ts';
import { copyPlaygroundAssets } from './playground-assets.ts';
import { workerWithoutDocs } from './worker-docs.ts';

/**
 * The Worker build that wrangler runs (`[build]` in wrangler.toml) before it bundles and serves
 * dist/worker.js. It first validates the seeds (the Worker trusts them at start-up) and generates
 * the OpenAPI document from the routes into the static assets (public/openapi.json), which the
 * Worker serves with its own origin as the server (src/app.ts). Four changes from a plain bundle,
 * each code or text the Worker never uses: zod's 40-odd message locales are cut down to the
 * English one the API uses; zod's JSON Schema reader and schema compiler are left out; and so is
 * the OpenAPI generator with the metadata it reads (scripts/worker-zod-to-openapi.ts), since the
 * document is generated here. zod re-exports every locale and reader on its `z` namespace, and
 * @hono/zod-openapi extends that namespace at run time, so no bundler can tree-shake them. The
 * locales were a quarter of the bundle; the reader and the generator a tenth (gzip), and recording
 * the metadata of every schema a fifth of the start-up time. Last, the routes' documentation text
 * (scripts/worker-docs.ts): the arguments of every schema's `.openapi(…)`, which the generator
 * left out would have read, and the summaries, descriptions and examples of routes and
 * calculators, which nothing in the Worker reads (the build fails if something in src/ does): a
 * seventh of the bundle (gzip), and the document, generated here from the unchanged sources, is
 * the same.
 */
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
 * OpenAPI document is generated here; nothing reads JSON Schema) and `z.compile` (its code
 * generation cost a fifth of the start-up; batch lines have a parser of their own,
 * src/http/line-parser.ts). Each module is replaced by one with the same exports, read off the
 * real module, that refuse to run: a function throws when called; a factory of methods (zod
 * builds a schema's `toJSONSchema` and `~standard.jsonSchema` when asked for them) gives one that
 * throws when called; other values are empty.
 */
const UNUSED_ZOD = [
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

/** The OpenAPI generator and metadata: the Worker serves the document this build generates. */
const openApiAtBuildTime: Plugin = {
  name: 'openapi-at-build-time',
  setup(b) {
    b.onResolve({ filter: /^@asteasolutions\/zod-to-openapi$/ }, () => ({
      path: fileURLToPath(new URL('./worker-zod-to-openapi.ts', import.meta.url)),
    }));
  },
};

// The Worker indexes the seeds without validating them at start-up; a bad row fails here instead,
// and so does a schema that would make the validated data differ from the indexed (a default).
const seedDir = await mkdtemp(join(tmpdir(), 'floorline-seeds-'));
try {
  const seedCheck = await bundleModule('data/store.ts', join(seedDir, 'store.mjs'));
  const store = (await import(pathToFileURL(seedCheck).href)) as typeof import('../src/data/store');
  if (!isDeepStrictEqual(store.loadPolicyData(store.SEED_FILES), store.policyData)) {
    throw new Error('seeds: the data the Worker indexes differs from the validated data');
  }
} finally {
  await rm(seedDir, { recursive: true, force: true });
}

// The playground's static assets, in case `npm install` ran without scripts.
await copyPlaygroundAssets();

// The OpenAPI document, generated from the routes as `npm run openapi:export` does (that file
// names the local server; the Worker replaces `servers` with its own origin when serving it).
const { app, OPENAPI_INFO } = await loadApp();
await writeFile(
  fileURLToPath(new URL('../public/openapi.json', import.meta.url)),
  JSON.stringify(app.getOpenAPI31Document(OPENAPI_INFO)),
);

await build({
  entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/worker.js', import.meta.url)),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['module', 'main'],
  target: 'es2022',
  plugins: [englishOnly, unusedZod, openApiAtBuildTime, workerWithoutDocs],
  logLevel: 'warning',
});
