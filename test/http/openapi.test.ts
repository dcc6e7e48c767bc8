import { describe, expect, it } from 'vitest';
import exported from '../../openapi/openapi.json';
import { createApp } from '../../src/app';
import { call } from '../helpers';

type Operation = {
  operationId?: string;
  description?: string;
  summary?: string;
  responses: Record<string, unknown>;
};

describe('the OpenAPI document', () => {
  it('openapi/openapi.json equals the served /openapi.json (run `npm run openapi:export` after changing a route)', async () => {
    const served = (await (await call('/openapi.json')).json()) as typeof exported;
    expect({ ...served, servers: exported.servers }).toEqual(exported);
  });

  it('names the origin serving it as the server, so the playground sends to /v1/… there', async () => {
    const served = (await (await call('https://api.example.org/openapi.json')).json()) as {
      servers: { url: string }[];
    };
    expect(served.servers.map((s) => s.url)).toEqual(['https://api.example.org']);
    expect(exported.servers.map((s) => s.url)).toEqual(['http://localhost:8787']);
  });

  it('in the Worker, serves the document its build generated (the ASSETS binding) with its own origin', async () => {
    // The build writes the generated document to the static assets; a stand-in binding serves
    // the exported one, marked so that the test sees it was read and not generated.
    const built = { ...exported, info: { ...exported.info, title: 'Built by scripts/build.ts' } };
    const requested: string[] = [];
    const ASSETS = {
      fetch: async (request: Request | string) => {
        requested.push(new URL(typeof request === 'string' ? request : request.url).pathname);
        return Response.json(built);
      },
    };
    const app = createApp();
    const served = async () =>
      (await (
        await app.request('https://api.example.org/openapi.json', {}, { ASSETS })
      ).json()) as typeof exported;
    expect(await served()).toEqual({
      ...built,
      servers: [
        { url: 'https://api.example.org', description: 'The deployment serving this document' },
      ],
    });
    // Read once per isolate.
    await served();
    expect(requested).toEqual(['/openapi.json']);
  });

  it('answers 500 when the Worker has no built document, never a generated one', async () => {
    const ASSETS = { fetch: async () => new Response('Not Found', { status: 404 }) };
    const response = await createApp().request('/openapi.json', {}, { ASSETS });
    expect(response.status).toBe(500);
  });

  it('every operation has an operationId, a summary and a description', async () => {
    const doc = (await (await call('/openapi.json')).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.operationId, `${method} ${path}`).toBeTruthy();
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        expect(op.description, `${method} ${path}`).toBeTruthy();
      }
    }
  });

  it('is OpenAPI 3.1 and documents the floor-gap request with an example', async () => {
    const doc = (await (await call('/openapi.json')).json()) as {
      openapi: string;
      components: { schemas: Record<string, { example?: unknown }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.FloorGapRequest?.example).toBeDefined();
    expect(doc.components.schemas.Problem).toBeDefined();
  });
});
