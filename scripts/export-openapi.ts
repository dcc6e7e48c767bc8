import { writeFile } from 'node:fs/promises';
import { loadApp } from './load-app.ts';

/** Writes the served OpenAPI document to openapi/openapi.json (`npm run openapi:export`). */
const { app, OPENAPI_INFO } = await loadApp();
const document = app.getOpenAPI31Document(OPENAPI_INFO);
const path = new URL('../openapi/openapi.json', import.meta.url);
await writeFile(path, `${JSON.stringify(document, null, 2)}\n`);
console.log(`wrote ${path.pathname}: ${Object.keys(document.paths ?? {}).length} paths`);
