import { describe, expect, it } from 'vitest';
import { postJson } from '../helpers';

interface Warned {
  meta: { warnings: { code: string; detail: string; rowIds?: string[]; knownUntil?: string }[] };
}

async function answer(path: string, body: Record<string, unknown>): Promise<Warned> {
  const response = await postJson(path, body);
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as Warned;
}

const codes = (r: Warned) => r.meta.warnings.map((w) => w.code);

describe('data-horizon: rows assumed to hold, each with its own date; never an ended row', () => {
  it('a benchmark that ended (dod-ndpr-floor, to 2035-09-30) is no-longer-in-force, not in data-horizon', async () => {
    const r = await answer('/v1/floor-gap', {
      price: { amount: '10', per: 'kg', currency: 'USD' },
      benchmark: 'dod-ndpr-floor',
      asOf: '2036-01-01',
    });
    expect(codes(r)).toEqual(['no-longer-in-force', 'not-a-border-floor']);
  });

  it('magnets from China on 2026-12-02: one data-horizon warning, No. 61 to 2026-11-10 and the rest to 2026-12-01', async () => {
    const r = await answer('/v1/landed-cost', {
      mineral: 'ndfeb-magnet',
      origin: 'CN',
      quantity: { value: '1000', unit: 'kg' },
      price: { amount: '60', per: 'kg', currency: 'USD' },
      asOf: '2026-12-02',
    });
    const horizons = r.meta.warnings.filter((w) => w.code === 'data-horizon');
    expect(horizons).toEqual([
      {
        code: 'data-horizon',
        detail:
          'The sources confirm rows this answer uses only until 2026-11-10 (cn-export-control-no61) and 2026-12-01 (us-mfn-8505-11, us-301-magnets-2026, us-mpf-fy2027, us-hmf, cn-export-control-no18, membership:CN, membership:US); the answer assumes they still hold as last known.',
        rowIds: [
          'us-mfn-8505-11',
          'us-301-magnets-2026',
          'us-mpf-fy2027',
          'us-hmf',
          'cn-export-control-no18',
          'cn-export-control-no61',
          'membership:CN',
          'membership:US',
        ],
        knownUntil: '2026-11-10',
      },
    ]);
    // The suspension-ended warning names the one row whose suspension ended, with its end date.
    expect(r.meta.warnings.find((w) => w.code === 'suspension-ended')).toMatchObject({
      rowIds: ['cn-export-control-no61'],
      knownUntil: '2026-11-10',
    });
  });
});
