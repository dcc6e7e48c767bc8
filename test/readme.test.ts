import { describe, expect, it } from 'vitest';
import exampleSvg from '../examples/bloc-tiers.svg?raw';
import sweepSvg from '../examples/floor-sweep.svg?raw';
import tradeEffectsSvg from '../examples/trade-effects.svg?raw';
import readme from '../README.md?raw';
import { call } from './helpers';

/** Every `$ curl "localhost:8787/…"` GET in the README, with the output printed under it. */
function readmeGets(): { path: string; output: string }[] {
  const examples: { path: string; output: string }[] = [];
  for (const block of readme.match(/```sh\n[\s\S]*?```/g) ?? []) {
    const lines = block.split('\n').slice(1, -1);
    lines.forEach((line, i) => {
      const match = /^\$ curl "localhost:8787(\/[^"]+)"$/.exec(line);
      if (match?.[1] === undefined) return;
      const rest = lines.slice(i + 1);
      const end = rest.findIndex((l) => l.startsWith('$ '));
      examples.push({
        path: match[1],
        output: (end === -1 ? rest : rest.slice(0, end)).join('\n'),
      });
    });
  }
  return examples;
}

/**
 * Every `$ curl -X POST localhost:8787/… -H 'content-type: application/json' -d '…'` in the README
 * whose printed output is a whole JSON answer (not an excerpt), with that answer.
 */
function readmeJsonPosts(): { path: string; body: string; output: unknown }[] {
  const examples: { path: string; body: string; output: unknown }[] = [];
  for (const block of readme.match(/```sh\n[\s\S]*?```/g) ?? []) {
    const match =
      /^\$ curl -X POST localhost:8787(\/\S+) -H 'content-type: application\/json'(?: \\\n\s*)? -d '([\s\S]*?)'\n([\s\S]*?)```$/m.exec(
        block,
      );
    if (match === null) continue;
    const [, path = '', body = '', printed = ''] = match;
    try {
      examples.push({ path, body, output: JSON.parse(printed) });
    } catch {
      // an excerpt (the landed-cost answer's 36 explained measures are elided): not compared
    }
  }
  return examples;
}

describe('the README stays true', () => {
  const examples = readmeGets();

  describe('its JSON POST examples print the whole answer as the API gives it', () => {
    const posts = readmeJsonPosts();
    it('has POST examples to check', () => {
      expect(posts.length).toBeGreaterThanOrEqual(3);
    });
    for (const { path, body, output } of posts) {
      it(`POST ${path} ${body.replaceAll(/\s+/g, ' ').slice(0, 80)}`, async () => {
        const answer = (await (
          await call(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          })
        ).json()) as Record<string, unknown>;
        // A problem's requestId is new on every request.
        const printed = output as Record<string, unknown>;
        if ('requestId' in printed) answer.requestId = printed.requestId;
        expect(answer).toEqual(printed);
      });
    }
  });

  it('has GET examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  for (const { path, output } of examples) {
    it(`GET ${path}`, async () => {
      const text = await (await call(path)).text();
      expect(text.replaceAll('\r\n', '\n').trimEnd()).toBe(output.trimEnd());
    });
  }

  it('examples/bloc-tiers.svg is what the API draws for the query the README gives', async () => {
    const query = /`(\/v1\/bloc-tiers\.svg\?[^`]+)`/.exec(readme)?.[1];
    expect(query).toBeDefined();
    expect(await (await call(query ?? '')).text()).toBe(exampleSvg);
  });

  it('examples/floor-sweep.svg is what the API draws for the query the README gives', async () => {
    const query = /`(\/v1\/floor-gap\/sweep\?[^`]+format=svg)`/.exec(readme)?.[1];
    expect(query).toBeDefined();
    expect(await (await call(query ?? '')).text()).toBe(sweepSvg);
  });

  it('examples/trade-effects.svg is what the API draws for the README’s trade-effects request', async () => {
    const body = /v1\/trade-effects -H 'content-type: application\/json' -d '([^']+)'/.exec(
      readme,
    )?.[1];
    expect(body).toBeDefined();
    const response = await call('/v1/trade-effects', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'image/svg+xml' },
      body: body ?? '',
    });
    expect(await response.text()).toBe(tradeEffectsSvg);
  });
});
