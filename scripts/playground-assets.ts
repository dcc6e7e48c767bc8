import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Copies Scalar's standalone browser bundle (the exact version pinned in package.json) into the
 * Worker's static assets, so /docs loads nothing from another host. Run by `postinstall` and by
 * the build. The source-map comment is dropped: the map is 20 MB and not shipped.
 */
const from = (path: string) =>
  fileURLToPath(new URL(`../node_modules/@scalar/api-reference/${path}`, import.meta.url));
const to = (path: string) => fileURLToPath(new URL(`../public/docs/${path}`, import.meta.url));

export async function copyPlaygroundAssets(): Promise<void> {
  const bundle = await readFile(from('dist/browser/standalone.js'), 'utf8');
  await writeFile(to('scalar.js'), bundle.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) await copyPlaygroundAssets();
