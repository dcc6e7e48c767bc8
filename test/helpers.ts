import { app } from '../src/app';

/** Sends a request to a fresh-per-isolate app, the way a client would. */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return Promise.resolve(app.request(path, init));
}

/** POSTs a JSON body. */
export function postJson(path: string, body: unknown): Promise<Response> {
  return call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * The JSON text of `body` with each string `"@name"` in it replaced by the raw token `raws[name]`:
 * a JSON number as a client writes it (`1e1`, 29 digits), which JSON.stringify never writes.
 */
export function rawJson(body: unknown, raws: Record<string, string>): string {
  let text = JSON.stringify(body);
  for (const [name, raw] of Object.entries(raws)) {
    if (!text.includes(`"@${name}"`)) throw new Error(`no "@${name}" in the body`);
    text = text.replaceAll(`"@${name}"`, raw);
  }
  return text;
}

/** The body of a problem+json response, after checking its media type and status. */
export async function problemOf(response: Response, status: number) {
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`);
  }
  if (response.headers.get('content-type') !== 'application/problem+json') {
    throw new Error(`expected problem+json, got ${response.headers.get('content-type')}`);
  }
  return (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: { pointer: string; detail: string; parameter?: string }[];
    requestId?: string;
  };
}
