import { describe, expect, it } from 'vitest';
import { app, corsOrigin } from '../../src/app';
import {
  exactJson,
  exactJsonText,
  HAS_SOURCE_TEXT,
  takesSourceText,
} from '../../src/http/exact-json';
import { problemOf } from '../helpers';

const withEnv = (path: string, env: Record<string, unknown>, init: RequestInit = {}) =>
  Promise.resolve(app.request(path, init, env));

describe('optional API keys', () => {
  const env = { API_KEYS: 'alpha-key, beta-key' };
  const path = '/v1/floor-gap?price=10&floor=16&per=kg&format=text';

  it('are off when no keys are configured', async () => {
    expect((await withEnv(path, {})).status).toBe(200);
  });

  it('a missing key is a 401 problem with WWW-Authenticate', async () => {
    const response = await withEnv(path, env);
    await problemOf(response.clone(), 401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="floorline"');
  });

  it('a wrong key is a 401; a right one as bearer or as ?key= passes', async () => {
    await problemOf(await withEnv(path, env, { headers: { authorization: 'Bearer nope' } }), 401);
    expect(
      await (await withEnv(path, env, { headers: { authorization: 'Bearer beta-key' } })).text(),
    ).toBe('6.00');
    expect(await (await withEnv(`${path}&key=alpha-key`, env)).text()).toBe('6.00');
  });

  it('discovery stays open: /, /health, /docs, /openapi.json', async () => {
    for (const open of ['/', '/health', '/docs', '/openapi.json']) {
      expect((await withEnv(open, env)).status, open).toBe(200);
    }
  });
});

describe('rate limiting (Workers Rate Limiting binding)', () => {
  /** A binding that lets `limit` requests through per bucket, and records each bucket asked. */
  function limiter(limit: number) {
    const counts = new Map<string, number>();
    const keys: string[] = [];
    return {
      keys,
      RATE_LIMITER: {
        limit: async ({ key }: { key: string }) => {
          keys.push(key);
          counts.set(key, (counts.get(key) ?? 0) + 1);
          return { success: (counts.get(key) ?? 0) <= limit };
        },
      },
    };
  }
  const from = (ip: string, headers: Record<string, string> = {}) => ({
    headers: { 'cf-connecting-ip': ip, ...headers },
  });
  const path = '/v1/floor-gap?price=10&floor=16&per=kg&format=text';

  it('answers 429 with Retry-After when the binding says no', async () => {
    const { RATE_LIMITER } = limiter(0);
    const response = await withEnv('/health', { RATE_LIMITER }, from('203.0.113.7'));
    await problemOf(response.clone(), 429);
    expect(response.headers.get('retry-after')).toBe('60');
  });

  it('a binding that fails lets the request through: a hiccup of the limiter is never a 500', async () => {
    const RATE_LIMITER = {
      limit: async () => {
        throw new Error('SQLITE_BUSY: database is locked');
      },
    };
    const response = await withEnv(path, { RATE_LIMITER }, from('203.0.113.7'));
    expect(response.status).toBe(200);
    // 16 − 10 = 6.00
    expect(await response.text()).toBe('6.00');
  });

  it('a configured API key has its own bucket; anything else is limited per client address', async () => {
    const { RATE_LIMITER, keys } = limiter(1000);
    const env = { RATE_LIMITER, API_KEYS: 'alpha-key' };
    await withEnv(`${path}&key=alpha-key`, env, from('203.0.113.7'));
    await withEnv(path, env, from('203.0.113.7', { authorization: 'Bearer alpha-key' }));
    await withEnv(`${path}&key=made-up`, env, from('203.0.113.7'));
    await withEnv(path, env, from('203.0.113.8', { authorization: 'Bearer made-up' }));
    await withEnv(path, env, from('203.0.113.8'));
    expect(keys).toEqual([
      'key:alpha-key',
      'key:alpha-key',
      'ip:203.0.113.7',
      'ip:203.0.113.8',
      'ip:203.0.113.8',
    ]);
  });

  it('without API_KEYS, a made-up bearer or ?key= gets no bucket of its own: per address', async () => {
    const { RATE_LIMITER, keys } = limiter(1000);
    await withEnv(`${path}&key=fresh-1`, { RATE_LIMITER }, from('203.0.113.9'));
    await withEnv(path, { RATE_LIMITER }, from('203.0.113.9', { authorization: 'Bearer fresh-2' }));
    expect(keys).toEqual(['ip:203.0.113.9', 'ip:203.0.113.9']);
  });

  it('failed authentication is throttled per address: wrong keys get 401 until the address is spent, then 429', async () => {
    const { RATE_LIMITER } = limiter(3);
    const env = { RATE_LIMITER, API_KEYS: 'alpha-key' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await withEnv(`${path}&key=guess-${i}`, env, from('203.0.113.10'));
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // The right key is not held back by the guesses from that address.
    expect((await withEnv(`${path}&key=alpha-key`, env, from('203.0.113.10'))).status).toBe(200);
  });

  it('lets requests through when the binding allows them, and is a no-op without it', async () => {
    const RATE_LIMITER = { limit: async () => ({ success: true }) };
    expect((await withEnv('/health', { RATE_LIMITER })).status).toBe(200);
    expect((await withEnv('/health', {})).status).toBe(200);
  });
});

describe('CORS, security headers, timing', () => {
  it('any origin by default; an allow-list from CORS_ORIGINS otherwise', () => {
    expect(corsOrigin('https://sheets.example', undefined)).toBe('*');
    expect(corsOrigin('https://a.example', 'https://a.example, https://b.example')).toBe(
      'https://a.example',
    );
    expect(corsOrigin('https://evil.example', 'https://a.example')).toBeNull();
  });

  it('a preflight from an allowed origin is answered with the methods', async () => {
    const response = await withEnv(
      '/v1/floor-gap',
      { CORS_ORIGINS: 'https://a.example' },
      {
        method: 'OPTIONS',
        headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' },
      },
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://a.example');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
  });

  it('every response carries Server-Timing, X-Request-Id and security headers, errors included', async () => {
    for (const path of ['/health', '/nowhere']) {
      const response = await withEnv(path, {});
      expect(response.headers.get('server-timing'), path).toMatch(
        /^app;desc="wall time";dur=[0-9.]+$/,
      );
      expect(response.headers.get('x-request-id'), path).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('the benchmark echo route exists only with FLOORLINE_BENCH=1', async () => {
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    };
    await problemOf(await withEnv('/__bench/batch', {}, init), 404);
    expect(await (await withEnv('/__bench/batch', { FLOORLINE_BENCH: '1' }, init)).json()).toEqual({
      a: 1,
    });
  });
});

describe('exactJson: JSON numbers as written', () => {
  it('workerd gives a reviver the source text, so numbers that need it are read exactly', () => {
    expect(HAS_SOURCE_TEXT).toBe(true);
    expect(
      exactJson(
        '{"e":1e1,"E":1E+2,"long":12345678901234567890123456789,"tail":0.1000000000000000055511151231257827,"a":1.50,"b":100,"z":-0,"s":"12345678901234567"}',
      ),
    ).toEqual({
      e: '1e1',
      E: '1E+2',
      long: '12345678901234567890123456789',
      tail: '0.1000000000000000055511151231257827',
      // Numbers whose double is the value written stay numbers: 1.50 is 1.5, -0 is 0.
      a: 1.5,
      b: 100,
      z: -0,
      s: '12345678901234567',
    });
  });

  it('a body with no exponent and no run of 16 digits is plain JSON.parse', () => {
    expect(takesSourceText('{"amount":"10.50","asOf":"2026-03-01","value":123456789012345}')).toBe(
      false,
    );
    // A point among 16 digits still counts: 1234567.123456789 has 16 significant digits.
    expect(takesSourceText('{"amount":1234567.123456789}')).toBe(true);
    expect(takesSourceText('{"amount":2E5}')).toBe(true);
  });

  it('exactJsonText writes each number back as the plain decimal read (JSON.stringify: 1e+21, 5e-7)', () => {
    const written =
      '{"q":1000000000000000000000,"s":0.0000005,"r":[0.0000001,-0,1.50],"long":12345678901234567890123456789,"t":"x\\u00e9","n":null,"b":true}';
    // 10^21 and 5 × 10^-7 are written in full; -0 is 0 and 1.50 is 1.5 (the value, not the text);
    // the 29 digits are the source-text string exactJson made of them.
    expect(exactJsonText(exactJson(written))).toBe(
      '{"q":1000000000000000000000,"s":0.0000005,"r":[0.0000001,0,1.5],"long":"12345678901234567890123456789","t":"xé","n":null,"b":true}',
    );
    expect(JSON.stringify(exactJson(written))).toContain('"q":1e+21,"s":5e-7,"r":[1e-7,0,1.5]');
  });
});
