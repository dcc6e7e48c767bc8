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

/** 1,000 kg of sintered NdFeB magnets (8505.11.0070) from China at 60 USD/kg: customs value 60,000.00. */
const magnetsFromChina = {
  mineral: 'ndfeb-magnet',
  origin: 'CN',
  quantity: { value: '1000', unit: 'kg' },
  price: { amount: '60', per: 'kg', currency: 'USD' },
};

describe('data-horizon: rows assumed to hold, each with its own date; never an ended row', () => {
  it('a benchmark that ended (dod-ndpr-floor, to 2035-09-30) is no-longer-in-force, not in data-horizon', async () => {
    const r = await answer('/v1/floor-gap', {
      price: { amount: '10', per: 'kg', currency: 'USD' },
      benchmark: 'dod-ndpr-floor',
      asOf: '2036-01-01',
    });
    expect(codes(r)).toEqual(['no-longer-in-force', 'not-a-border-floor']);
  });

  it('rare-earth metal from China on 2026-12-02: one data-horizon warning, No. 57 to 2026-11-10 and the rest to 2026-12-01', async () => {
    const r = await answer('/v1/landed-cost', {
      ...magnetsFromChina,
      mineral: 'ree-metal',
      asOf: '2026-12-02',
    });
    const horizons = r.meta.warnings.filter((w) => w.code === 'data-horizon');
    expect(horizons).toEqual([
      {
        code: 'data-horizon',
        detail:
          'The sources confirm rows this answer uses only until 2026-11-10 (cn-export-control-no57) and 2026-12-01 (us-mfn-2805-30, us-301fl-cn-hk, us-mpf-fy2027, us-hmf, cn-export-control-no18, membership:CN, membership:US); the answer assumes they still hold as last known.',
        rowIds: [
          'us-mfn-2805-30',
          // Not charged: its Annex II exempts rare-earth metals, an exemption known until 2026-12-01.
          'us-301fl-cn-hk',
          'us-mpf-fy2027',
          'us-hmf',
          'cn-export-control-no18',
          'cn-export-control-no57',
          'membership:CN',
          'membership:US',
        ],
        knownUntil: '2026-11-10',
      },
    ]);
    // The suspension-ended warning names the one row whose suspension ended, with its end date.
    expect(r.meta.warnings.find((w) => w.code === 'suspension-ended')).toMatchObject({
      rowIds: ['cn-export-control-no57'],
      knownUntil: '2026-11-10',
    });
  });

  it('magnets from China on 2026-12-02: one data-horizon warning to 2026-12-01; No. 61 (products made abroad with Chinese content) is not theirs', async () => {
    const r = await answer('/v1/landed-cost', { ...magnetsFromChina, asOf: '2026-12-02' });
    expect(r.meta.warnings).toEqual([
      {
        code: 'data-horizon',
        detail:
          'The sources confirm 8 rows this answer uses (us-mfn-8505-11, us-301-magnets-2026, us-301fl-cn-hk, us-mpf-fy2027, us-hmf, cn-export-control-no18, membership:CN, membership:US) only until 2026-12-01; the answer assumes they still hold as last known.',
        rowIds: [
          'us-mfn-8505-11',
          'us-301-magnets-2026',
          // Not charged: its Annex II exempts 8505.11.0070, an exemption known until 2026-12-01.
          'us-301fl-cn-hk',
          'us-mpf-fy2027',
          'us-hmf',
          'cn-export-control-no18',
          'membership:CN',
          'membership:US',
        ],
        knownUntil: '2026-12-01',
      },
    ]);
  });
});

describe("what-if measures: the request's own rows, said once in an overridden warning, never a reported figure", () => {
  // On 2026-03-01 no row the magnets rest on is uncertain.
  const magnets = { ...magnetsFromChina, asOf: '2026-03-01' };
  const measures = [
    { id: 'x-spec', kind: 'specific', amount: { amount: '5', per: 'kg' } },
    { id: 'x-floor', kind: 'floor-gap', floor: { amount: '100', per: 'kg' } },
  ];
  const whatIf = {
    code: 'overridden',
    detail: "The answer includes the request's what-if measures: x-spec, x-floor.",
    rowIds: ['x-spec', 'x-floor'],
  };

  it('a specific and a floor-gap what-if: one overridden warning naming both, and strict answers', async () => {
    for (const strict of [false, true]) {
      const r = (await answer('/v1/landed-cost', { ...magnets, measures, strict })) as Warned & {
        duties: string;
        landedCost: string;
      };
      expect(r.meta.warnings).toEqual([whatIf]);
      // Customs value 60,000.00: MFN 2.1% 1,260.00 + Section 301 25% 15,000.00 + x-spec 5 × 1,000
      // kg 5,000.00 = 21,260.00, so R = 60 + 21.26 = 81.26 per kg; x-floor g = 100 − 81.26 =
      // 18.74 per kg × 1,000 kg = 18,740.00; duties 40,000.00. MPF 0.3464% × 60,000 = 207.84,
      // HMF 0.125% × 60,000 = 75.00; landed 60,000 + 40,000 + 282.84 = 100,282.84.
      expect(r.duties).toBe('40000.00');
      expect(r.landedCost).toBe('100282.84');
    }
  });

  it("a what-if in place of a data row says so and keeps the row's programme (the MFN rate stays the general rate)", async () => {
    const r = (await answer('/v1/landed-cost', {
      ...magnets,
      measures: [{ id: 'us-mfn-8505-11', kind: 'ad-valorem', rate: '0.05' }],
      strict: true,
    })) as Warned & { duties: string; coverage: { tariffs: string } };
    expect(r.meta.warnings).toEqual([
      {
        code: 'overridden',
        detail:
          "The answer includes the request's what-if measures: us-mfn-8505-11 (in place of the data's row).",
        rowIds: ['us-mfn-8505-11'],
      },
    ]);
    // 5% × 60,000 = 3,000.00 + Section 301 25% 15,000.00
    expect(r.duties).toBe('18000.00');
    expect(r.coverage.tariffs).toBe('complete');
  });

  it("a what-if floor on the data's reported G7 benchmark: the benchmark is a reported figure, the what-if is not", async () => {
    const r = await answer('/v1/landed-cost', {
      ...magnets,
      mineral: 'la-oxide',
      asOf: '2026-11-21',
      measures: [{ id: 'my-g7', kind: 'floor-gap', benchmark: 'g7-lree-floor' }],
    });
    const reported = r.meta.warnings.filter((w) => w.code === 'reported-figure');
    expect(reported.map((w) => w.rowIds)).toEqual([['g7-lree-floor']]);
  });

  it('compare and trade effects take what-if measures under strict too', async () => {
    const compare = await postJson('/v1/landed-cost/compare', {
      shipment: magnets,
      variants: [{ label: 'today' }, { label: 'what-if', measures }],
      strict: true,
    });
    expect(compare.status).toBe(200);
    expect(((await compare.json()) as Warned).meta.warnings).toEqual([
      { ...whatIf, detail: `what-if: ${whatIf.detail}` },
    ]);
    const effects = await answer('/v1/trade-effects', {
      destination: 'US',
      mineral: 'ndfeb-magnet',
      asOf: '2026-03-01',
      measures,
      flows: [{ origin: 'CN', value: '100', price: '60' }],
      strict: true,
    });
    expect(effects.meta.warnings).toEqual([whatIf]);
  });
});

describe('the MPF past its last known fiscal year: the last known amounts, assumed and said, never 0', () => {
  interface Landed extends Warned {
    fees: string;
    lines: { measureId: string; amount: string }[];
    explain: { measureId: string; applied: boolean; reason: string }[];
  }
  const magnets = { ...magnetsFromChina, asOf: '2027-10-01' };

  it('2027-10-01 (FY2028, amounts not yet published): the FY2027 row charged and named in data-horizon', async () => {
    const r = (await answer('/v1/landed-cost', magnets)) as Landed;
    // Customs value 60,000.00: MPF 0.3464% × 60,000 = 207.84 (within 34.58–670.86) + HMF
    // 0.125% × 60,000 = 75.00 → fees 282.84 (was 75.00, the MPF silently gone).
    expect(r.lines.filter((l) => l.measureId.startsWith('us-mpf'))).toEqual([
      expect.objectContaining({ measureId: 'us-mpf-fy2027', amount: '207.84' }),
    ]);
    expect(r.fees).toBe('282.84');
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-mpf-fy2027',
        applied: true,
      }),
    );
    const horizon = r.meta.warnings.find((w) => w.code === 'data-horizon');
    expect(horizon?.rowIds).toContain('us-mpf-fy2027');
    expect(horizon?.detail).toContain(
      '(us-mfn-8505-11, us-301-magnets-2026, us-301fl-cn-hk, us-mpf-fy2027,',
    );
    expect(horizon?.detail).toContain('only until 2026-12-01;');
  });

  it('2028-06-01, a small entry: the FY2027 minimum 34.58, not FY2026’s 33.58 and not 0', async () => {
    const r = (await answer('/v1/landed-cost', {
      ...magnets,
      transport: 'air',
      quantity: { value: '10', unit: 'kg' },
      asOf: '2028-06-01',
    })) as Landed;
    // 0.3464% × 600.00 = 2.0784 → min 34.58; by air, no HMF.
    expect(r.fees).toBe('34.58');
    expect(codes(r)).toContain('data-horizon');
  });

  it('before its end the FY2027 row is in force as usual; an ended fiscal year is history', async () => {
    const r = (await answer('/v1/landed-cost', { ...magnets, asOf: '2027-09-30' })) as Landed;
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-mpf-fy2026',
        applied: false,
        reason: 'ended on 2026-09-30',
      }),
    );
    expect(r.fees).toBe('282.84');
  });
});

describe('exemptions the data cannot judge: said where the duty is charged', () => {
  // SmCo and other magnets (8505.11.0050, not on either Annex), 1,000 kg at 100 USD/kg into the
  // US: customs value 100,000.00.
  const smco = (origin: string, asOf: string) =>
    answer('/v1/landed-cost', {
      hts: '8505.11.0050',
      origin,
      destination: 'US',
      asOf,
      quantity: { value: '1000', unit: 'kg' },
      price: { amount: '100', per: 'kg', currency: 'USD' },
    }) as Promise<Warned & { duties: string }>;

  it('Canada on 2026-08-01: the forced-labor 10% is charged (2.1% + 10% = 12.1% → 12,100.00) and the answer says USMCA goods would be exempt', async () => {
    const r = await smco('CA', '2026-08-01');
    expect(r.duties).toBe('12100.00');
    expect(r.meta.warnings.filter((w) => w.code === 'unmodelled-exemption')).toEqual([
      {
        code: 'unmodelled-exemption',
        detail:
          'us-301fl-10: USMCA-qualifying goods of Canada and Mexico are exempt; qualification is not modelled, so the duty is charged as for goods that do not qualify.',
        rowIds: ['us-301fl-10'],
      },
    ]);
  });

  it('Mexico on 2026-03-01 under Section 122 (2.1% + 10% → 12,100.00) says the same of us-s122-surcharge; India, outside USMCA, does not', async () => {
    const mx = await smco('MX', '2026-03-01');
    expect(mx.duties).toBe('12100.00');
    expect(
      mx.meta.warnings.filter((w) => w.code === 'unmodelled-exemption').map((w) => w.rowIds),
    ).toEqual([['us-s122-surcharge']]);
    const india = await smco('IN', '2026-08-01');
    // 2.1% + 10% (India is in the forced-labor 10% tier) = 12,100.00, nothing assumed about it.
    expect(india.duties).toBe('12100.00');
    expect(codes(india)).not.toContain('unmodelled-exemption');
  });
});
