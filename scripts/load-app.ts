import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Bundles a module of src/ with esbuild into one ES module at `outfile`, runnable in Node. */
export async function bundleModule(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [new URL(`../src/${entry}`, import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** Bundles src/app.ts into one ES module at `outfile`, runnable in Node. */
export function bundleApp(outfile: string): Promise<string> {
  return bundleModule('app.ts', outfile);
}

/**
 * Bundles src/app.ts and imports it into Node, for tools that need the app outside workerd (the
 * OpenAPI export, the in-process benchmark).
 */
export async function loadApp(): Promise<typeof import('../src/app')> {
  const dir = await mkdtemp(join(tmpdir(), 'floorline-'));
  try {
    const outfile = await bundleApp(join(dir, 'app.mjs'));
    return (await import(pathToFileURL(outfile).href)) as typeof import('../src/app');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
