import { describe, expect, it } from 'vitest';
import { call, postJson } from '../helpers';

interface StrictProblem {
  status: number;
  code?: string;
  warnings?: { code: string; rowIds?: string[] }[];
}

const ndOxide = 'mineral=nd-oxide&origin=CN&quantity=1000&unit=kg&price=150&per=kg';

describe('strict=true: a 422 rather than an answer on uncertain data', () => {
  it('nd-oxide from China on 2026-12-01 rests on Nos. 57/61 past their horizon: 422 listing them', async () => {
    const plain = await call(`/v1/landed-cost?${ndOxide}&asOf=2026-12-01`);
    expect(plain.status).toBe(200);
    const response = await call(`/v1/landed-cost?${ndOxide}&asOf=2026-12-01&strict=true`);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as StrictProblem;
    expect(problem.code).toBe('strict');
    expect(problem.warnings?.map((w) => w.code).sort()).toEqual([
      'data-horizon',
      'suspension-ended',
    ]);
    expect(problem.warnings?.[0]?.rowIds).toEqual([
      'cn-export-control-no57',
      'cn-export-control-no61',
    ]);
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

  it('a US lane with its MFN rate in the data is complete', async () => {
    const body = (await (await call(`/v1/landed-cost?${ndOxide}&asOf=2026-12-01`)).json()) as {
      coverage: { tariffs: string };
    };
    expect(body.coverage.tariffs).toBe('complete');
  });
});
