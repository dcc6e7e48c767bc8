import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { bundleModule } from './load-app.ts';
import { copyPlaygroundAssets } from './playground-assets.ts';

/**
 * The Worker build that wrangler runs (`[build]` in wrangler.toml) before it bundles and serves
 * dist/worker.js. It first validates the seeds (the Worker trusts them at start-up). One change
 * from a plain bundle: zod's 40-odd message locales are cut down to
 * the English one the API uses. zod re-exports every locale on its `z` namespace, and
 * @hono/zod-openapi extends that namespace at run time, so no bundler can tree-shake them; they
 * were a quarter of the bundle.
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

await build({
  entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/worker.js', import.meta.url)),
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['module', 'main'],
  target: 'es2022',
  plugins: [englishOnly],
  logLevel: 'warning',
});
