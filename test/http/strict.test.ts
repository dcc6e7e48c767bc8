import { describe, expect, it } from 'vitest';
import { call, postJson } from '../helpers';

interface StrictProblem {
  status: number;
  code?: string;
  warnings?: { code: string; rowIds?: string[] }[];
}

const ndOxide = 'mineral=nd-oxide&origin=CN&quantity=1000&unit=kg&price=150&per=kg';

describe('strict=true: a 422 rather than an answer on uncertain data', () => {
  it('rare-earth metal from China on 2026-12-01 rests on No. 57 (it lists Ho, Er, Tm, Eu, Yb) past its suspension: 422 listing it', async () => {
    const reeMetal = ndOxide.replace('nd-oxide', 'ree-metal');
    const plain = await call(`/v1/landed-cost?${reeMetal}&asOf=2026-12-01`);
    expect(plain.status).toBe(200);
    const response = await call(`/v1/landed-cost?${reeMetal}&asOf=2026-12-01&strict=true`);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as StrictProblem;
    expect(problem.code).toBe('strict');
    expect(problem.warnings?.map((w) => w.code).sort()).toEqual([
      'data-horizon',
      'suspension-ended',
    ]);
    // No. 57's suspension (No. 70) ended 2026-11-10; every other row is known to 2026-12-01.
    // No. 61 is China's rule on products made abroad with Chinese content: not a licence of a
    // shipment from China, so it is neither used nor named.
    expect(problem.warnings?.map((w) => w.rowIds)).toEqual([
      ['cn-export-control-no57'],
      ['cn-export-control-no57'],
    ]);
  });

  it('nd-oxide and ndpr-oxide from China on 2026-12-01: Nos. 57/61 list neither Nd nor Pr, so strict answers', async () => {
    const response = await call(
      `/v1/landed-cost?${ndOxide}&asOf=2026-12-01&strict=true&format=text`,
    );
    expect(response.status).toBe(200);
    // 150,000 + MFN 3.7% 5,550 + MPF (FY2027) 0.3464% × 150,000 = 519.60 + HMF 0.125% × 150,000
    // = 187.50: 156,257.10
    expect(await response.text()).toBe('156257.10');
    const ndpr = await postJson('/v1/landed-cost', {
      mineral: 'ndpr-oxide',
      origin: 'CN',
      quantity: { value: '1000', unit: 'kg' },
      price: { amount: '60', per: 'kg', currency: 'USD' },
      asOf: '2026-12-01',
      strict: true,
    });
    expect(ndpr.status).toBe(200);
    const body = (await ndpr.json()) as {
      exportLicences: unknown[];
      explain: { measureId: string; applied: boolean; reason: string }[];
      meta: { warnings: { code: string }[] };
    };
    expect(body.exportLicences).toEqual([]);
    expect(body.meta.warnings.map((w) => w.code)).toEqual(['classification']);
    expect(body.explain).toContainEqual({
      measureId: 'cn-export-control-no57',
      label:
        'China dual-use export licence: 5 more rare earths (No. 57 [2025]; suspended 2025-11-07 to 2026-11-10)',
      applied: false,
      reason: 'controls Ho, Er, Tm, Eu, Yb; ndpr-oxide contains Nd, Pr',
    });
  });

  it('an answer with no uncertain warning is answered as usual (magnets, 2026-03-01)', async () => {
    const response = await call(
      '/v1/landed-cost?mineral=ndfeb-magnet&origin=CN&quantity=10000&unit=kg&price=75&per=kg&asOf=2026-03-01&strict=true&format=text',
    );
    // 750,000 + 27.1% 203,250 + MPF 651.50 + HMF 937.50
    expect(await response.text()).toBe('954839.00');
  });

  it('"strict": true in a body: the reported G7 floor makes floor-gap a 422', async () => {
    const body = {
      price: { amount: '15', per: 'kg' },
      benchmark: 'g7-lree-floor',
      quantity: { value: '2000', unit: 'kg' },
      asOf: '2026-11-21',
    };
    expect((await postJson('/v1/floor-gap', body)).status).toBe(200);
    const response = await postJson('/v1/floor-gap', { ...body, strict: true });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as StrictProblem;
    expect(problem.warnings?.map((w) => w.code)).toEqual(['reported-figure']);
  });
});

describe('unknown is not zero: no bare duty in text or CSV for a lane without tariff data', () => {
  const toJapan = `/v1/landed-cost?${ndOxide}&destination=JP&asOf=2026-12-01`;

  it('JSON says coverage.tariffs "none" with a no-tariff-data warning', async () => {
    const body = (await (await call(toJapan)).json()) as {
      coverage: { tariffs: string };
      duties: string;
      meta: { warnings: { code: string }[] };
    };
    expect(body.coverage.tariffs).toBe('none');
    expect(body.meta.warnings.map((w) => w.code)).toContain('no-tariff-data');
  });

  it('format=text and format=csv are a 422 no-tariff-data', async () => {
    for (const format of ['text', 'csv']) {
      const response = await call(`${toJapan}&format=${format}`);
      expect(response.status).toBe(422);
      expect(((await response.json()) as StrictProblem).code).toBe('no-tariff-data');
    }
  });

  it('assume=no-duty prints the figure with the duty counted as zero: duties 0.00', async () => {
    const response = await call(`${toJapan}&format=text&field=duties&assume=no-duty`);
    expect(await response.text()).toBe('0.00');
  });

  it('a partial lane (no MFN rate for its HTS line) is refused in text and CSV too', async () => {
    // HTS 8505.19.00 (other permanent magnets) has no US general rate in the data: the 10% Section
    // 122 surcharge of 2026-03-01 is charged (5,000.00 on 50,000.00) but the duties shown would be
    // understated by the missing MFN rate, so a bare 55,235.70 is not printed.
    const partial =
      '/v1/landed-cost?hts=8505.19.00&origin=CN&quantity=1000&unit=kg&price=50&per=kg&asOf=2026-03-01';
    const json = (await (await call(partial)).json()) as { coverage: { tariffs: string } };
    expect(json.coverage.tariffs).toBe('partial');
    for (const format of ['text', 'csv']) {
      const response = await call(`${partial}&format=${format}`);
      expect(response.status).toBe(422);
      const problem = (await response.json()) as StrictProblem & { detail: string };
      expect(problem.code).toBe('no-tariff-data');
      expect(problem.detail).toMatch(/A bare figure would read as the whole duty/);
    }
    // With assume=no-duty: 50,000.00 + 5,000.00 + MPF 173.20 + HMF 62.50 = 55,235.70.
    const assumed = await call(`${partial}&format=text&assume=no-duty`);
    expect(await assumed.text()).toBe('55235.70');
  });

  it('a US lane with its MFN rate in the data is complete', async () => {
    const body = (await (await call(`/v1/landed-cost?${ndOxide}&asOf=2026-12-01`)).json()) as {
      coverage: { tariffs: string };
    };
    expect(body.coverage.tariffs).toBe('complete');
  });
});

// Nd oxide at 150 USD/kg: the midpoint of SMM's FOB China quote of 140–160 USD/kg on 2026-01-30
// (news.metal.com). HTS 2846.90.80, US MFN 3.7% (HTSUS column 1); MPF FY2027 0.3464%, min 34.58,
// max 670.86 (FR Doc 2026-15530); by air, so no HMF.
// Dy oxide (2846.90.80, MFN 3.7%) from China on 2026-12-02 rests on rows its sources confirm only
// until 2026-12-01 (its MFN rate among them): an uncertain line.
const dyOxideLine = {
  mineral: 'dy-oxide',
  origin: 'CN',
  asOf: '2026-12-02',
  transport: 'air',
  quantity: { value: '1000', unit: 'kg' },
  price: { amount: '150', per: 'kg' },
};
// 10,000 kg of sintered NdFeB magnets (8505.11.0070) at 75 USD/kg on 2026-03-01: MFN 2.1% +
// Section 301 25% = 27.1% (Section 122 exempt, Annex II); no uncertain warning.
const magnetLine = {
  mineral: 'ndfeb-magnet',
  origin: 'CN',
  asOf: '2026-03-01',
  transport: 'air',
  quantity: { value: '10000', unit: 'kg' },
  price: { amount: '75', per: 'kg' },
};

interface BatchAnswer {
  results: {
    index: number;
    ok: boolean;
    problem?: StrictProblem & { detail: string };
    result?: { landedCost: string };
  }[];
  totals: { ok: number; failed: number; landedCost: string | null };
  meta: { warnings: { code: string; rowIds?: string[]; knownUntil?: string; lanes?: string[] }[] };
}

describe('strict in a batch: a strict line that rests on uncertain data fails alone', () => {
  it('"strict": true on one line refuses that line only; totals count the lines that stand', async () => {
    const response = await postJson('/v1/landed-cost/batch', {
      lines: [{ ...dyOxideLine, strict: true }, dyOxideLine, { ...magnetLine, strict: true }],
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as BatchAnswer;
    expect(body.results.map((r) => r.ok)).toEqual([false, true, true]);
    const refused = body.results[0]?.problem;
    expect(refused?.status).toBe(422);
    expect(refused?.code).toBe('strict');
    expect(refused?.warnings?.map((w) => w.code)).toEqual(['data-horizon']);
    // Dy oxide: 150,000.00 + 3.7% 5,550.00 + MPF 0.3464% 519.60 = 156,069.60
    // Magnets: 750,000.00 + 27.1% 203,250.00 + MPF max (FY2026) 651.50 = 953,901.50
    // Totals: 156,069.60 + 953,901.50 = 1,109,971.10
    expect(body.totals).toMatchObject({ ok: 2, failed: 1, landedCost: '1109971.10' });
    // meta says what the lines that stand rest on: the lenient dy-oxide line (lane L1; the
    // magnets are L2, clean) rests on rows known until 2026-12-01 (seeds/measures.json).
    const [mixed, horizon, ...rest] = body.meta.warnings;
    expect(mixed?.code).toBe('mixed-dates');
    expect(horizon).toMatchObject({
      code: 'data-horizon',
      knownUntil: '2026-12-01',
      lanes: ['L1'],
    });
    expect(horizon?.rowIds).toContain('us-mfn-2846-90-80');
    expect(rest).toEqual([]);
  });

  it("strict=true in the query is every line's: both dy-oxide lines are refused, the magnets stand", async () => {
    const response = await call('/v1/landed-cost/batch?strict=true', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [dyOxideLine, magnetLine, dyOxideLine] }),
    });
    const body = (await response.json()) as BatchAnswer;
    expect(body.results.map((r) => r.problem?.code ?? 'ok')).toEqual(['strict', 'ok', 'strict']);
    expect(body.totals).toMatchObject({ ok: 1, failed: 2, landedCost: '953901.50' });
    // The refused lines' warnings are in their problems, not in meta: only the magnets stand.
    expect(body.meta.warnings).toEqual([]);
  });

  it('"strict": true in the batch body means strict=true in the query: both dy-oxide lines refused, the magnets stand', async () => {
    const response = await postJson('/v1/landed-cost/batch', {
      strict: true,
      lines: [dyOxideLine, magnetLine, dyOxideLine],
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as BatchAnswer;
    expect(body.results.map((r) => r.problem?.code ?? 'ok')).toEqual(['strict', 'ok', 'strict']);
    // Magnets: 750,000.00 + 27.1% 203,250.00 + MPF max (FY2026) 651.50 = 953,901.50
    expect(body.totals).toMatchObject({ ok: 1, failed: 2, landedCost: '953901.50' });
    const lenient = (await (
      await postJson('/v1/landed-cost/batch', { strict: false, lines: [dyOxideLine] })
    ).json()) as BatchAnswer;
    expect(lenient.results.map((r) => r.ok)).toEqual([true]);
  });

  it('a CSV body with strict=true: the refused line has its problem in the error column', async () => {
    const csv =
      'mineral,origin,destination,asOf,quantity,unit,price,per,transport\r\n' +
      'dy-oxide,CN,US,2026-12-02,1000,kg,150,kg,air\r\n' +
      'ndfeb-magnet,CN,US,2026-03-01,10000,kg,75,kg,air\r\n';
    const response = await call('/v1/landed-cost/batch?strict=true', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: csv,
    });
    const [header, first, second] = (await response.text()).trim().split('\r\n');
    const columns = header?.split(',') ?? [];
    const cell = (row: string | undefined, name: string) => row?.split(',')[columns.indexOf(name)];
    expect(cell(first, 'landedCost')).toBe('');
    expect(first).toContain('the request is strict: data-horizon.');
    expect(cell(second, 'landedCost')).toBe('953901.50');
  });
});

describe('unknown is not zero in a batch: a lane without tariff data fails alone in a CSV answer', () => {
  // Nd oxide into Japan: the data holds no Japanese rate for 2846.90 (coverage.tariffs none).
  const csv =
    'entryId,mineral,origin,destination,asOf,quantity,unit,price,per,transport\r\n' +
    'J,nd-oxide,CN,JP,2026-12-01,100,kg,150,kg,air\r\n' +
    'U,nd-oxide,CN,US,2026-12-01,100,kg,150,kg,air\r\n';
  const send = (query: string) =>
    call(`/v1/landed-cost/batch${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: csv,
    });

  it('no duty or landed figure for Japan, its no-tariff-data problem in the error column; the US line stands', async () => {
    const [header, japan, us] = (await (await send('')).text()).trim().split('\r\n');
    const columns = header?.split(',') ?? [];
    const cell = (row: string | undefined, name: string) => row?.split(',')[columns.indexOf(name)];
    expect(cell(japan, 'entryId')).toBe('J');
    expect(cell(japan, 'duties')).toBe('');
    expect(cell(japan, 'landedCost')).toBe('');
    expect(japan).toContain('no tariff rate for HTS 2846.90.80 into JP');
    // 15,000.00 + 3.7% 555.00 + MPF 0.3464% × 15,000 = 51.96 → 15,606.96
    expect(cell(us, 'landedCost')).toBe('15606.96');
  });

  it('assume=no-duty prints Japan with its duty counted as zero: 15,000.00 + 0.00 = 15,000.00', async () => {
    const [header, japan] = (await (await send('?assume=no-duty')).text()).trim().split('\r\n');
    const columns = header?.split(',') ?? [];
    const cell = (name: string) => japan?.split(',')[columns.indexOf(name)];
    expect(cell('duties')).toBe('0.00');
    expect(cell('landedCost')).toBe('15000.00');
    expect(cell('error')).toBe('');
  });

  it('a JSON answer keeps the Japanese line, saying coverage.tariffs "none"', async () => {
    const response = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    const body = (await response.json()) as BatchAnswer & {
      lanes: Record<string, { coverage: { tariffs: string } }>;
    };
    expect(body.results.map((r) => r.ok)).toEqual([true, true]);
    expect(Object.values(body.lanes).map((l) => l.coverage.tariffs)).toEqual(['none', 'complete']);
  });
});

describe('strict and unknown duties in the other calculators', () => {
  const shipment = { ...dyOxideLine, asOf: undefined };
  const variants = [
    { label: 'March 2026', asOf: '2026-03-01' },
    { label: 'December 2026', asOf: '2026-12-02' },
  ];

  it('compare: "strict": true in the shipment or the request refuses a comparison resting on rows past their horizon (dy-oxide)', async () => {
    expect((await postJson('/v1/landed-cost/compare', { shipment, variants })).status).toBe(200);
    for (const body of [
      { shipment: { ...shipment, strict: true }, variants },
      { shipment, variants, strict: true },
    ]) {
      const problem = (await (
        await postJson('/v1/landed-cost/compare', body)
      ).json()) as StrictProblem;
      expect(problem.status).toBe(422);
      expect(problem.code).toBe('strict');
    }
  });

  it("compare: coverage.tariffs is the least complete variant's; its CSV form refuses a Japanese variant unless assume=no-duty", async () => {
    const query =
      '/v1/landed-cost/compare?mineral=nd-oxide&origin=CN&quantity=100&unit=kg&price=150&per=kg&asOf=2026-03-01,2026-12-01&destination=JP';
    const json = (await (await call(query)).json()) as { coverage: { tariffs: string } };
    expect(json.coverage.tariffs).toBe('none');
    const refused = await call(`${query}&format=csv`);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as StrictProblem).code).toBe('no-tariff-data');
    expect((await call(`${query}&format=csv&assume=no-duty`)).status).toBe(200);
  });

  it('trade effects and the sweep take "strict" like every calculator', async () => {
    const sweep = await postJson('/v1/floor-gap/sweep', {
      redPrices: ['10'],
      floors: ['16'],
      per: 'kg',
      strict: true,
    });
    expect(sweep.status).toBe(200);
    // Rare-earth metal from China into the US dated 2026-12-01 rests on No. 57 past its
    // suspension (it lists Ho, Er, Tm, Eu, Yb).
    const effects = {
      destination: 'US',
      mineral: 'ree-metal',
      asOf: '2026-12-01',
      floor: { amount: '16', per: 'kg' },
      flows: [{ origin: 'CN', value: '100', price: '10' }],
    };
    expect((await postJson('/v1/trade-effects', effects)).status).toBe(200);
    const refused = await postJson('/v1/trade-effects', { ...effects, strict: true });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as StrictProblem).warnings?.map((w) => w.code)).toEqual([
      'suspension-ended',
      'data-horizon',
    ]);
    // NdPr oxide: no seeded export control of China's own exports lists Nd or Pr, so nothing
    // uncertain on that date.
    const ndpr = await postJson('/v1/trade-effects', {
      ...effects,
      mineral: 'ndpr-oxide',
      strict: true,
    });
    expect(ndpr.status).toBe(200);
  });

  it('every calculator’s JSON body takes "strict" (a boolean), the batch’s included', async () => {
    const document = (await (await call('/openapi.json')).json()) as {
      paths: Record<
        string,
        { post?: { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } } }
      >;
      components: { schemas: Record<string, { properties?: Record<string, { type?: string }> }> };
    };
    const posts = Object.entries(document.paths).filter(
      ([path, item]) => path.startsWith('/v1/') && item.post !== undefined,
    );
    expect(posts.length).toBeGreaterThanOrEqual(11);
    for (const [path, item] of posts) {
      const ref = item.post?.requestBody?.content['application/json']?.schema.$ref ?? '';
      const schema = document.components.schemas[ref.replace('#/components/schemas/', '')];
      expect({ path, strict: schema?.properties?.strict?.type }).toEqual({
        path,
        strict: 'boolean',
      });
    }
  });

  it('every calculator’s POST documents strict as a query parameter; decimal where it answers CSV', async () => {
    const document = (await (await call('/openapi.json')).json()) as {
      paths: Record<
        string,
        {
          post?: {
            parameters?: { name: string; in: string; description?: string }[];
            responses: Record<string, { content?: Record<string, unknown> }>;
          };
        }
      >;
    };
    const posts = Object.entries(document.paths).filter(
      ([path, item]) => path.startsWith('/v1/') && item.post !== undefined,
    );
    expect(posts.length).toBeGreaterThanOrEqual(11);
    for (const [path, item] of posts) {
      const query = (item.post?.parameters ?? []).filter((p) => p.in === 'query');
      const csv = item.post?.responses['200']?.content?.['text/csv'] !== undefined;
      expect({ path, strict: query.some((p) => p.name === 'strict' && p.description) }).toEqual({
        path,
        strict: true,
      });
      expect({ path, decimal: query.some((p) => p.name === 'decimal') }).toEqual({
        path,
        decimal: csv,
      });
    }
  });

  it('a batch with strict=maybe is a problem naming the strict parameter', async () => {
    const response = await call('/v1/landed-cost/batch?strict=maybe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [magnetLine] }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(JSON.stringify(await response.json())).toContain('strict');
  });
});

describe('the documented landed-cost example answers what its description says', () => {
  it('nd-oxide, 1,000 kg at 150 USD/kg FOB China on 2026-03-01 (SMM 140–160 USD/kg, 2026-01-30) → 156257.10', async () => {
    // 150,000.00 + MFN 3.7% (HTSUS 2846.90.80) 5,550.00 + MPF 0.3464% 519.60 (FY2026, 33.58–651.50)
    // + HMF 0.125% 187.50 = 156,257.10; Section 122 exempt (2846.90.80 on its Annex II).
    const response = await call(
      '/v1/landed-cost?mineral=nd-oxide&origin=CN&quantity=1000&unit=kg&price=150&per=kg&asOf=2026-03-01&format=text&field=landedCost',
    );
    expect(await response.text()).toBe('156257.10');
  });
});
