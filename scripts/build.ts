import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';
import { bundleModule, loadApp } from './load-app.ts';
import { copyPlaygroundAssets } from './playground-assets.ts';
import { WORKER_BUNDLE } from './worker-bundle.ts';

/**
 * The Worker build that wrangler runs (`[build]` in wrangler.toml) before it bundles and serves
 * dist/worker.js. It first validates the seeds (the Worker trusts them at start-up) and generates
 * the OpenAPI document from the routes into the static assets (public/openapi.json), which the
 * Worker serves with its own origin as the server (src/app.ts). Four changes from a plain bundle,
 * each code or text the Worker never uses: zod's 40-odd message locales are cut down to the
 * English one the API uses; zod's JSON Schema reader and schema compiler are left out, and so are
 * the schema kinds none of the API's schemas is built of (string formats, tuples, maps…); and so is
 * the OpenAPI generator with the metadata it reads (scripts/worker-zod-to-openapi.ts), since the
 * document is generated here. zod re-exports every locale and reader on its `z` namespace, and
 * @hono/zod-openapi extends that namespace at run time, so no bundler can tree-shake them. The
 * locales were a quarter of the bundle; the reader and the generator a tenth (gzip), and recording
 * the metadata of every schema a fifth of the start-up time. Last, the routes' documentation text
 * (scripts/worker-docs.ts): the arguments of every schema's `.openapi(…)`, which the generator
 * left out would have read, and the summaries, descriptions and examples of routes and
 * calculators, which nothing in the Worker reads (the build fails on some reads of them in src/,
 * and test/e2e/worker-docs.e2e.ts compares the answers of the bundle with and without them): a
 * seventh of the bundle (gzip), and the document, generated here from the unchanged sources, is
 * the same. The bundle's options are in scripts/worker-bundle.ts. Once built, the bundle is
 * imported, so a start-up it cannot make fails the build.
 */

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

const worker = new URL('../dist/worker.js', import.meta.url);
await build({ ...WORKER_BUNDLE, outfile: fileURLToPath(worker) });

// The bundle must start: its schemas and the seeds' index are built when the module loads, as in
// workerd, so a module the bundle leaves out or stands in for (scripts/worker-bundle.ts) that
// start-up needs fails here rather than only under `wrangler dev` (as zod's parse memoizer did).
await import(`${worker.href}?started=${Date.now()}`);
