import type { Validator } from '@cfworker/json-schema';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../src/app';
import { parseCsv } from '../../src/http/csv';
import { LandedCostRequestSchema } from '../../src/http/landed-cost/landed-cost.schemas';
import { lineParser } from '../../src/http/line-parser';
import { isNonNegativeDecimalString, NonNegativeDecimal } from '../../src/http/schemas';
import { Wide } from '../domain/reference-rounding';
import {
  responseValidator as documentedResponse,
  type OpenApiDocument,
  servedDocument,
} from '../openapi-schemas';

/**
 * Contract fuzzing (fast-check, fixed seed, bounded runs): whatever a client sends, the API never
 * answers 5xx, every error is problem+json with its status, every 2xx JSON body validates against
 * the response schema of the served OpenAPI document, identical requests get identical answers,
 * and every landed-cost answer's reported parts add up to its reported totals.
 */

let doc: OpenApiDocument;

beforeAll(async () => {
  doc = await servedDocument();
});

/** A validator for an operation's 200 JSON body in the served document. */
const responseValidator = (path: string, method: string): Validator =>
  documentedResponse(doc, path, method);

interface Sent {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

async function send(
  method: string,
  url: string,
  body?: string,
  contentType = 'application/json',
): Promise<Sent> {
  const init: RequestInit =
    body === undefined ? { method } : { method, body, headers: { 'content-type': contentType } };
  const response = await app.request(url, init);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

/** The laws every answer obeys; returns the answer for further checks. */
function checkAnswer(sent: Sent, validator: Validator | undefined): void {
  expect(sent.status, sent.body).toBeLessThan(500);
  if (sent.status >= 400) {
    expect(sent.type).toBe('application/problem+json');
    const problem = JSON.parse(sent.body) as { status: number; title: string; detail: string };
    expect(problem.status).toBe(sent.status);
    expect(problem.title).toBeTruthy();
    expect(problem.detail).toBeTruthy();
    expect(sent.body).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  } else if (sent.type.startsWith('application/json')) {
    const body = JSON.parse(sent.body) as unknown;
    if (validator !== undefined) {
      const result = validator.validate(body);
      expect(result.valid, JSON.stringify(result.errors.slice(0, 3))).toBe(true);
    }
    checkSumsAddUp(body);
  }
}

interface ReportedLandedCost {
  goods: string;
  freight: string;
  insurance: string;
  duties: string;
  fees: string;
  landedCost: string;
  customsValue: string;
  lines?: { kind: string; amount: string }[];
}

/** Σ of decimal strings, by decimal.js (the oracle), as a value to compare. */
const total = (values: readonly string[]) => values.reduce((acc, v) => acc.plus(v), new Wide(0));

/**
 * Reported parts add up: duties = Σ duty lines, fees = Σ fee lines, landedCost = goods + freight +
 * insurance + duties + fees, each as reported; batch totals = Σ reported line results.
 */
function checkSumsAddUp(body: unknown): void {
  const single = (r: ReportedLandedCost) => {
    const { goods, freight, insurance, duties, fees, landedCost } = r;
    expect(total([goods, freight, insurance, duties, fees]).equals(landedCost), landedCost).toBe(
      true,
    );
    if (r.lines === undefined) return;
    const amounts = (fee: boolean) =>
      (r.lines ?? []).filter((l) => (l.kind === 'fee') === fee).map((l) => l.amount);
    expect(total(amounts(false)).equals(duties), duties).toBe(true);
    expect(total(amounts(true)).equals(fees), fees).toBe(true);
  };
  if (typeof body !== 'object' || body === null) return;
  if ('landedCost' in body && 'goods' in body) single(body as ReportedLandedCost);
  if (!('results' in body && 'totals' in body)) return;
  const { results, totals } = body as {
    results: { ok: boolean; result?: ReportedLandedCost }[];
    totals: Record<'currency' | 'customsValue' | 'duties' | 'fees' | 'landedCost', string | null>;
  };
  const good = results.flatMap((r) => (r.ok && r.result !== undefined ? [r.result] : []));
  for (const r of good) single(r);
  if (totals.currency === null) return;
  for (const key of ['customsValue', 'duties', 'fees', 'landedCost'] as const) {
    expect(total(good.map((r) => r[key])).equals(totals[key] ?? 'NaN'), key).toBe(true);
  }
}

/** The same answer without what differs by design between two requests (the request id). */
const stable = (sent: Sent) => ({ ...sent, body: sent.body.replace(/"requestId":"[^"]+"/, '') });

const nasty = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '1e5',
    'NaN',
    'Infinity',
    '-1',
    '0x10',
    '١٢',
    '10,5',
    ' 10',
    '-0',
    '00',
    '9'.repeat(60),
    '€',
    '\u0000',
    'kg',
  ),
  fc.constantFrom(1e308, -1, -0, 0.1, 2 ** 53 + 1, 1e-7, true, null),
  fc.constantFrom<unknown>(
    [],
    {},
    [[[[[]]]]],
    Array.from({ length: 300 }, () => 1),
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
);

/** A valid request with one field (at a random path) replaced by something nasty. */
/** Every field of a request, nested ones included, as a path of keys. */
function fieldPaths(valid: Record<string, unknown>): string[][] {
  const paths: string[][] = [];
  const walk = (node: unknown, path: string[]) => {
    if (typeof node !== 'object' || node === null) return;
    for (const [k, v] of Object.entries(node)) {
      paths.push([...path, k]);
      walk(v, [...path, k]);
    }
  };
  walk(valid, []);
  return paths;
}

/** A copy of `valid` with the field at `path` set to `value` (or removed). */
function withField(
  valid: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
  remove = false,
): Record<string, unknown> {
  const copy = structuredClone(valid);
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1) ?? '';
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

function mutate(valid: Record<string, unknown>) {
  return fc
    .tuple(fc.constantFrom(...fieldPaths(valid)), nasty, fc.boolean())
    .map(([path, value, remove]) => withField(valid, path, value, remove));
}

const usd = (amount: string, per = 'kg') => ({ amount, currency: 'USD', per });
const VALID: Record<string, Record<string, unknown>> = {
  '/v1/floor-gap': {
    price: usd('10'),
    floor: usd('16'),
    quantity: { value: '1000', unit: 'kg' },
    otherDutyRate: '0.25',
    method: { type: 'tranche' },
    asOf: '2026-11-21',
  },
  '/v1/landed-cost': {
    mineral: 'ndfeb-magnet',
    origin: 'CN',
    destination: 'US',
    asOf: '2026-03-01',
    quantity: { value: '10', unit: 't' },
    price: usd('75'),
    incoterm: 'CIF',
    freight: '4000',
    insurance: '500',
    measures: [{ id: 'w', kind: 'floor-gap', benchmark: 'g7-lree-floor' }],
  },
  '/v1/landed-cost/batch': {
    defaults: { origin: 'CN', asOf: '2026-03-01' },
    lines: [
      { mineral: 'nd-oxide', quantity: { value: '1', unit: 't' }, price: usd('50'), entryId: 'E' },
      { hts: '2846.90.80', quantity: { value: '5', unit: 'lb' }, price: usd('50'), entryId: 'E' },
    ],
  },
  '/v1/bloc-tiers': {
    mineral: 'ndpr-oxide',
    redPrice: usd('10'),
    bluePrice: usd('15'),
    floor: usd('16'),
    destinations: ['US', 'JP', 'IN'],
    floorMembers: ['US'],
    asOf: '2026-11-21',
  },
  '/v1/benchmarks/check': { mineral: 'dy-oxide', price: usd('1600'), asOf: '2026-11-21' },
  '/v1/origin-content': {
    productValue: { amount: '100000', currency: 'USD' },
    components: [{ mineral: 'dy-oxide', origin: 'CN', value: '100' }],
    maxRedShare: '0.05',
    asOf: '2026-11-21',
  },
  '/v1/floor-financing': {
    benchmark: 'dod-ndpr-floor',
    marketPrice: usd('62'),
    quantity: { value: '1', unit: 't' },
    upsideShare: '0.3',
    asOf: '2026-11-21',
  },
};

const RUNS = { seed: 42, numRuns: 40 };

describe('JSON operations: arbitrary and near-valid bodies', () => {
  for (const [path, valid] of Object.entries(VALID)) {
    it(`POST ${path}: the valid example answers 200 and validates`, async () => {
      const sent = await send('POST', path, JSON.stringify(valid));
      expect(sent.status, sent.body).toBe(200);
      checkAnswer(sent, responseValidator(path, 'post'));
    });

    it(`POST ${path}: near-valid bodies never break the contract, and repeat identically`, async () => {
      const validator = responseValidator(path, 'post');
      await fc.assert(
        fc.asyncProperty(mutate(valid), async (body) => {
          const text = JSON.stringify(body);
          const first = await send('POST', path, text);
          checkAnswer(first, validator);
          expect(stable(await send('POST', path, text))).toEqual(stable(first));
        }),
        RUNS,
      );
    });

    it(`POST ${path}: arbitrary JSON and non-JSON bodies are 400/413/415/422`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
            fc.string({ maxLength: 50 }),
          ),
          fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
          async (body, contentType) => {
            const sent = await send('POST', path, body, contentType);
            checkAnswer(sent, undefined);
            if (path !== '/v1/landed-cost/batch' || contentType !== 'application/json') {
              expect([200, 400, 413, 415, 422]).toContain(sent.status);
            }
          },
        ),
        RUNS,
      );
    });
  }

  it('deep nesting and huge numbers are answered, not crashed on', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    checkAnswer(await send('POST', '/v1/floor-gap', deep), undefined);
    checkAnswer(
      await send(
        'POST',
        '/v1/floor-gap',
        JSON.stringify({
          price: { amount: 1e308, per: 'kg' },
          floor: { amount: '1'.repeat(39), per: 'g' },
        }),
      ),
      responseValidator('/v1/floor-gap', 'post'),
    );
  });
});

describe('GET forms: arbitrary query strings', () => {
  const forms: [string, string[]][] = [
    [
      '/v1/floor-gap',
      [
        'price',
        'floor',
        'per',
        'floorPer',
        'currency',
        'quantity',
        'quantityUnit',
        'basis',
        'otherDutyRate',
        'method',
        'maxRate',
        'penaltyRate',
        'benchmark',
        'asOf',
        'rounding',
        'format',
        'field',
      ],
    ],
    [
      '/v1/landed-cost',
      [
        'mineral',
        'hts',
        'origin',
        'destination',
        'asOf',
        'quantity',
        'unit',
        'price',
        'currency',
        'per',
        'incoterm',
        'freight',
        'insurance',
        'transport',
        'scenario',
        'fxRate',
        'reportingCurrency',
        'format',
        'field',
      ],
    ],
    [
      '/v1/bloc-tiers',
      [
        'mineral',
        'redPrice',
        'bluePrice',
        'floor',
        'per',
        'benchmark',
        'destinations',
        'floorMembers',
        'format',
        'field',
        'asOf',
      ],
    ],
    ['/v1/benchmarks/check', ['mineral', 'price', 'per', 'benchmark', 'format', 'field']],
    ['/v1/measures', ['asOf', 'destination', 'origin', 'mineral', 'inForce']],
    ['/v1/blocs', ['asOf']],
  ];
  const value = fc.oneof(
    fc.constantFrom(
      '10',
      '16',
      'kg',
      't',
      'lb',
      'US',
      'CN',
      'JP,IN',
      'ndpr-oxide',
      'dy-oxide',
      'g7-lree-floor',
      'json',
      'csv',
      'text',
      'svg',
      'capped',
      'tranche',
      '2026-11-21',
      'duty',
      'true',
    ),
    fc.string({ maxLength: 12 }),
  );
  for (const [path, names] of forms) {
    it(`GET ${path}: never a 5xx; 200 JSON validates; errors are problems`, async () => {
      const validator = responseValidator(path, 'get');
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.tuple(
              fc.oneof(
                fc.constantFrom(...names),
                // names every plain object inherits: once a 500 (`pointers is not iterable`)
                fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty'),
                fc.string({ maxLength: 8 }),
              ),
              value,
            ),
            { maxLength: 8 },
          ),
          async (pairs) => {
            const query = new URLSearchParams(pairs).toString();
            const sent = await send('GET', `${path}?${query}`);
            checkAnswer(sent, validator);
            expect([200, 400, 401, 404, 422]).toContain(sent.status);
          },
        ),
        { seed: 42, numRuns: 80 },
      );
    });
  }
});

describe('CSV batch: broken files', () => {
  const header = [
    'entryId',
    'mineral',
    'origin',
    'asOf',
    'quantity',
    'unit',
    'price',
    'per',
    'transport',
    'hts',
    'notes',
    // names every plain object inherits: a `constructor` column was once a 500
    'constructor',
    '__proto__',
  ];
  const cell = fc.oneof(
    fc.constantFrom(
      'E1',
      'nd-oxide',
      'CN',
      '2026-03-01',
      '100',
      'kg',
      '50',
      'air',
      '',
      '"',
      '""',
      'a,b',
      '-5',
      '1e3',
    ),
    fc.string({ maxLength: 6 }),
  );
  it('BOM, CRLF or LF, missing and extra columns, broken quoting: one answer per row or a 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(header, { minLength: 0 }),
        fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom('\r\n', '\n'),
        async (columns, rows, bom, eol) => {
          const text = `${bom ? '\uFEFF' : ''}${[columns.join(','), ...rows.map((r) => r.join(','))].join(eol)}${eol}`;
          const sent = await send('POST', '/v1/landed-cost/batch', text, 'text/csv');
          checkAnswer(sent, responseValidator('/v1/landed-cost/batch', 'post'));
          expect([200, 400]).toContain(sent.status);
        },
      ),
      { seed: 42, numRuns: 80 },
    );
  });
});

describe('the batch line parser answers exactly as the request schema, or leaves the line to it', () => {
  // Every optional field and every kind of what-if measure (arrays and records: left to zod), and
  // a line of strings only, as a spreadsheet sends (the shortcut); then one field at a time
  // replaced by something nasty, and arbitrary values. One parser for all runs, as for the lines
  // of one batch, so that values it remembers from earlier lines are reused on later ones.
  const full = {
    mineral: 'ndfeb-magnet',
    hts: '8505.11.00',
    origin: 'CN',
    destination: 'EU',
    asOf: '2026-03-01',
    quantity: { value: '10.5', unit: 'lb' },
    price: { amount: 75, currency: 'CNY', per: 'kg' },
    incoterm: 'CIF',
    freight: '4000',
    insurance: 0.5,
    transport: 'air',
    scenario: 'baseline',
    measures: [
      { id: 'a', kind: 'ad-valorem', rate: '0.1', label: 'A', programme: 'p' },
      { id: 's', kind: 'specific', amount: { amount: '1', per: 't' } },
      { id: 'f', kind: 'floor-gap', benchmark: 'g7-lree-floor', method: { type: 'full-gap' } },
      { id: 'm', kind: 'fee', rate: '0.001', min: '1', max: '2', currency: 'USD' },
    ],
    excludeMeasures: ['us-mfn-8505-11'],
    entryId: 'E-1',
    currency: 'EUR',
    fx: { CNY: '0.13', USD: 0.92 },
    rounding: 'half-even',
  };
  const strings = {
    mineral: 'ndfeb-magnet',
    hts: '8505.11.0070',
    origin: 'CN',
    destination: 'US',
    asOf: '2026-03-01',
    quantity: { value: '10.5', unit: 'lb' },
    price: { amount: '75', currency: 'USD', per: 'kg' },
    incoterm: 'CIF',
    freight: '4000',
    insurance: '0.5',
    transport: 'air',
    scenario: 'baseline',
    entryId: 'E-1',
    currency: 'USD',
    rounding: 'half-even',
    strict: false,
  };
  const read = lineParser(LandedCostRequestSchema);
  let shortcuts = 0;
  const same = (line: unknown) => {
    const fast = read(line);
    const interpreted = LandedCostRequestSchema.safeParse(line);
    if (fast === undefined) return;
    shortcuts++;
    expect(interpreted.success).toBe(true);
    // The same value, its keys in the same order.
    expect(JSON.stringify(fast)).toBe(JSON.stringify(interpreted.data));
    expect(fast).toEqual(interpreted.data);
  };

  it('reads a line of strings itself, field by field, as the schema does', () => {
    const fast = read(strings);
    expect(fast).toEqual(LandedCostRequestSchema.parse(strings));
    // Again, from what it remembers.
    expect(read({ ...strings })).toEqual(fast);
    // A value the schema rewrites (a code in lower case, answered upper case) is rewritten alike.
    const lower = { ...strings, origin: 'cn' };
    expect(read(lower)).toEqual(LandedCostRequestSchema.parse(lower));
  });
  it('takes a line given in the schema’s order and as the schema reads it as its own reading', () => {
    // `strings` lists its fields in the schema's order, each as the schema answers it.
    const line = { ...strings, quantity: { ...strings.quantity } };
    expect(read(line)).toBe(line);
    // In another order, or with a value the schema rewrites, it is written anew, in zod's order.
    const { mineral, ...rest } = strings;
    const reordered = { ...rest, mineral };
    expect(JSON.stringify(read(reordered))).toBe(JSON.stringify(strings));
    const lower = { ...strings, origin: 'cn' };
    expect(read(lower)).not.toBe(lower);
    expect(JSON.stringify(read(lower))).toBe(JSON.stringify(LandedCostRequestSchema.parse(lower)));
  });
  it('leaves a line with what-if measures, rates or JSON numbers to the schema', () => {
    expect(read(full)).toBeUndefined();
    expect(read({ ...strings, quantity: { value: 10, unit: 'kg' } })).toBeUndefined();
    expect(read({ ...strings, unknown: '1' })).toBeUndefined();
    expect(read({ ...strings, origin: 'CHN' })).toBeUndefined();
    expect(read({ ...strings, asOf: undefined })).toBeUndefined();
    const { origin: _origin, ...noOrigin } = strings;
    expect(read(noOrigin)).toBeUndefined();
  });
  it('a decimal string is read without zod exactly when NonNegativeDecimal reads it as itself', () => {
    // Digits, signs, points, exponents, blanks and letters, up to past the 40-character limit.
    const text = fc
      .array(fc.constantFrom('0', '1', '9', '-', '.', 'e', ' ', 'a', '00', '1234567890'), {
        maxLength: 12,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        const parsed = NonNegativeDecimal.safeParse(value);
        expect(isNonNegativeDecimalString(value)).toBe(parsed.success);
        if (parsed.success) expect(parsed.data).toBe(value);
      }),
      { seed: 42, numRuns: 3000 },
    );
    // Named cases: -0 is zero (not negative), -1 is negative, 41 characters are too many.
    expect(
      ['0', '-0', '-0.00', '10.50', '-1', '1e5', '01', ' 1', '1'.repeat(41)].map(
        isNonNegativeDecimalString,
      ),
    ).toEqual([true, true, true, true, false, false, false, false, false]);
  });
  it('valid, near-valid and arbitrary lines: the same value, or left to the schema', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutate(strings),
          mutate(full),
          mutate(VALID['/v1/landed-cost'] ?? {}),
          fc.anything(),
        ),
        (line) => {
          same(line);
        },
      ),
      { seed: 42, numRuns: 600 },
    );
    // The shortcut was taken on some lines, so the comparison above was made.
    expect(shortcuts).toBeGreaterThan(50);
  });
});

describe('what independent contract fuzzing found: raw numbers, media-type case, slashes, formulas, field=', () => {
  // JSON number tokens JSON.stringify never writes (-0 it writes as 0), and a double's extremes.
  const RAW_NUMBERS = ['-0', '-0.0', '-0e0', '1e308', '5e-324', '1E400', '-1e-7', '0.1e1', '1.0'];
  const PLACEHOLDER = '@@raw-number@@';
  for (const [path, valid] of Object.entries(VALID)) {
    it(`POST ${path}: any field as a raw boundary number (-0, 1e308, 5e-324) is answered, never a 5xx`, async () => {
      const validator = responseValidator(path, 'post');
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...fieldPaths(valid)),
          fc.constantFrom(...RAW_NUMBERS),
          async (field, raw) => {
            const text = JSON.stringify(withField(valid, field, PLACEHOLDER)).replace(
              `"${PLACEHOLDER}"`,
              raw,
            );
            const sent = await send('POST', path, text);
            checkAnswer(sent, validator);
            expect([200, 400, 422]).toContain(sent.status);
          },
        ),
        RUNS,
      );
    });
  }

  const CSV_LINE =
    'mineral,origin,asOf,quantity,unit,price,per\r\nnd-oxide,CN,2026-03-01,1,t,50,kg\r\n';
  it('media types compare case-insensitively: JSON and CSV bodies under any spelling are read as such', async () => {
    const floorGap = JSON.stringify(VALID['/v1/floor-gap']);
    for (const type of [
      'APPLICATION/JSON',
      'Application/Json; charset=UTF-8',
      'application/json;CHARSET=utf-8',
    ]) {
      const sent = await send('POST', '/v1/floor-gap', floorGap, type);
      expect(sent.status, type).toBe(200);
      checkAnswer(sent, responseValidator('/v1/floor-gap', 'post'));
    }
    for (const type of ['TEXT/CSV', 'Text/Csv; charset=utf-8', 'text/csv;CHARSET=UTF-8']) {
      const sent = await send('POST', '/v1/landed-cost/batch', CSV_LINE, type);
      expect(sent.status, type).toBe(200);
      checkAnswer(sent, responseValidator('/v1/landed-cost/batch', 'post'));
    }
  });

  it('a trailing slash, a doubled slash or a dot segment on any path is a 404 (or a 405 that does not allow the method it refuses)', async () => {
    const paths = Object.keys(doc.paths).map((p) => p.replace(/\{[^}]+\}/g, 'x'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.constantFrom(
          (p: string) => `${p}/`,
          (p: string) => `${p}//`,
          (p: string) => `/${p}`,
          (p: string) => p.replace(/^\/v1\//, '/v1//'),
          (p: string) => `${p}/./`,
          (p: string) => `${p}/%2e`,
        ),
        fc.constantFrom('GET', 'POST', 'HEAD', 'PUT'),
        async (path, variant, method) => {
          const url = variant(path);
          if (url === path) return;
          const response = await app.request(url, { method });
          expect(response.status, `${method} ${url}`).toBeLessThan(500);
          expect([404, 405], `${method} ${url}`).toContain(response.status);
          if (response.status === 405) {
            expect(response.headers.get('allow')?.split(', ')).not.toContain(method);
          }
        },
      ),
      { seed: 42, numRuns: 120 },
    );
  });

  it('formula cells in a CSV batch never come back as formulas in its CSV answer', async () => {
    const formula = fc.constantFrom(
      "=cmd|' /C calc'!A0",
      '@SUM(1,1)',
      '+1+1',
      '-1+1',
      '\t=1',
      '=HYPERLINK("http://x.example")',
      '-',
      '=',
    );
    const cell = fc.oneof(
      formula,
      fc.constantFrom('nd-oxide', 'CN', '2026-03-01', '1', 't', '50', 'kg'),
    );
    const header = ['entryId', 'mineral', 'origin', 'asOf', 'quantity', 'unit', 'price', 'per'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        async (rows) => {
          const quote = (c: string) => `"${c.replaceAll('"', '""')}"`;
          const body = [header.join(','), ...rows.map((r) => r.map(quote).join(','))].join('\r\n');
          const response = await app.request('/v1/landed-cost/batch', {
            method: 'POST',
            headers: { 'content-type': 'text/csv', accept: 'text/csv' },
            body,
          });
          expect(response.status).toBe(200);
          const cells = parseCsv(await response.text()).flat();
          const formulas = cells.filter(
            (c) => /^[=+\-@\t\r]/.test(c) && !/^-?[0-9]+([.,][0-9]+)?$/.test(c),
          );
          expect(formulas).toEqual([]);
        },
      ),
      { seed: 42, numRuns: 40 },
    );
  });

  it('format=text&field= names only a field of the answer: anything else is a 422, never Object.prototype', async () => {
    const forms = [
      '/v1/floor-gap?price=10&floor=16&per=kg',
      '/v1/landed-cost?mineral=nd-oxide&origin=CN&asOf=2026-03-01&quantity=1&unit=t&price=50&per=kg',
      '/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&destinations=US',
      '/v1/benchmarks/check?mineral=dy-oxide&price=1600&per=kg',
    ];
    const field = fc.oneof(
      fc.constantFrom(
        'constructor',
        '__proto__',
        'toString',
        'hasOwnProperty',
        'valueOf',
        'isPrototypeOf',
        'toLocaleString',
        'length',
        '',
        'duty ',
        'DUTY',
        'landedCost',
      ),
      fc.string({ maxLength: 10 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), field, async (form, name) => {
        const sent = await send('GET', `${form}&format=text&field=${encodeURIComponent(name)}`);
        checkAnswer(sent, undefined);
        expect([200, 400, 422]).toContain(sent.status);
        if (sent.status === 200) {
          expect(sent.type).toMatch(/^text\/plain/);
          expect(sent.body).not.toMatch(/function|\[object|native code/);
        }
      }),
      { seed: 42, numRuns: 80 },
    );
  });
});
