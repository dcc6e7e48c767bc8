import { describe, expect, it } from 'vitest';
import exampleSvg from '../examples/bloc-tiers.svg?raw';
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

describe('the README stays true', () => {
  const examples = readmeGets();

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
});
