import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EFFECT_KEYS } from '../../src/domain/trade-effects';
import { decimalJsFixed, Wide } from '../domain/reference-rounding';
import { TINY_AND_HUGE } from '../fixtures/trade-effects';
import { call, postJson, problemOf } from '../helpers';

interface Origin {
  origin: string | null;
  bloc: string;
  t0: string | null;
  t1: string | null;
  coverage: { tariffs: string };
  baseImports: string;
  newImports: string | null;
  creation: string | null;
  diversion: string | null;
  revenueBefore: string | null;
  revenueAfter: string | null;
  consumerSurplusChange: string | null;
  floorApplies: boolean;
  floored: boolean;
}
interface Effects {
  origins: Origin[];
  blocs: {
    bloc: string;
    newImports: string | null;
    creation: string | null;
    diversion: string | null;
    revenueBefore: string | null;
    revenueAfter: string | null;
    consumerSurplusChange: string | null;
  }[];
  totals: Record<string, string | null>;
  assumptions: string[];
  illustrative: boolean;
  dataset?: { id: string; source: string };
  coverage: { tariffs: string };
  meta: { warnings: { code: string; detail: string }[] };
}

// 2846.90.20 is free (MFN) and, after the IEEPA tariffs ended on 2026-02-23, carries no China
// tariff in the data: t0 = 0 for every origin on 2026-12-01.
const workedCase = {
  destination: 'US',
  hts: '2846.90.20',
  mineral: 'ndpr-oxide',
  asOf: '2026-12-01',
  floor: { amount: '16', per: 'kg' },
  flows: [
    { origin: 'CN', value: '100', price: '10' },
    { origin: 'AU', value: '20' },
  ],
  elasticities: { importDemand: '-1', substitution: '1.5' },
  model: 'smart',
};

async function effects(body: unknown): Promise<Effects> {
  const response = await postJson('/v1/trade-effects', body);
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as Effects;
}

describe('POST /v1/trade-effects, smart: the worked case', () => {
  it('floor 16 full gap on CN at 10, AU exempt: CN 25, AU 35, revenue 15', async () => {
    // t1_CN = (16 − 10) / 10 = 0.6, Δ_CN = 0.6; Σ s Δ = (100/120) × 0.6 = 0.5
    // CN: 100 − 1 × 100 × 0.6 + 1.5 × 100 × (0.5 − 0.6) = 100 − 60 − 15 = 25
    // AU: 20 + 1.5 × 20 × 0.5 = 35; revenue 0.6 × 25 = 15; consumer surplus −0.6 × (100 + 25)/2 = −37.5
    const r = await effects(workedCase);
    expect(r.illustrative).toBe(true);
    expect(
      r.origins.map((o) => [
        o.origin,
        o.bloc,
        o.floorApplies,
        o.t0,
        o.t1,
        o.newImports,
        o.creation,
        o.diversion,
      ]),
    ).toEqual([
      ['CN', 'red', true, '0', '0.6', '25.00', '-60.00', '-15.00'],
      ['AU', 'blue', false, '0', '0', '35.00', '0.00', '15.00'],
    ]);
    expect([r.totals.imports, r.totals.revenue, r.totals.consumerSurplusChange]).toEqual([
      '60.00',
      '15.00',
      '-37.50',
    ]);
    expect(r.blocs.map((b) => [b.bloc, b.newImports])).toEqual([
      ['red', '25.00'],
      ['blue', '35.00'],
    ]);
    expect(r.assumptions.join(' ')).toMatch(/WITS-SMART default/);
    // revenue before 0 × 100 + 0 × 20 = 0.00: known zero duties (the US data holds the line)
    expect([r.totals.revenueBefore, r.blocs.map((b) => b.revenueAfter)]).toEqual([
      '0.00',
      ['15.00', '0.00'],
    ]);
  });

  it('t0 comes from the data: on 2025-12-01 CN paid the 10% IEEPA "fentanyl" tariff (2846.90.20 on the reciprocal Annex II), so a floor of 16 lifts it to 0.6 from 0.1', async () => {
    // t0 = MFN Free + fentanyl 0.1 = 0.1 (was 0.2 with the reciprocal 10%, before Annex II was seeded)
    // duty-paid: R = 10 × 1.1 = 11, gap 5 → t1 = 0.1 + 5/10 = 0.6; Δ = 0.5/1.1 = 5/11
    // Σ s Δ = (100/120)(5/11) = 25/66; CN: creation −100 × 5/11 = −45.4545… → −45.45, diversion
    // 1.5 × 100 × (25/66 − 30/66) = −750/66 = −11.3636… → −11.36; new imports, the sum of the
    // parts as reported: 100.00 − 45.45 − 11.36 = 43.19 (the exact 43.1818… re-rounded would be 43.18)
    // AU: creation 0, diversion 1.5 × 20 × 25/66 = 750/66 = 11.3636… → 11.36; new 20.00 + 11.36 = 31.36
    const r = await effects({ ...workedCase, asOf: '2025-12-01' });
    expect(r.origins.map((o) => [o.t0, o.t1, o.creation, o.diversion, o.newImports])).toEqual([
      ['0.1', '0.6', '-45.45', '-11.36', '43.19'],
      ['0', '0', '0.00', '11.36', '31.36'],
    ]);
  });

  it('floorOrigins ["EU"] takes in its member states: DE at 10 bears the floor as CN did (DE 25, AU 35)', async () => {
    // DE is in the EU customs union (the data's customsUnion). The worked case with DE for CN:
    // t0 = 0 (2846.90.20 free), t1 = (16 − 10) / 10 = 0.6; DE 100 − 60 − 15 = 25, AU 20 + 15 = 35
    const r = await effects({
      ...workedCase,
      floorOrigins: ['EU'],
      flows: [
        { origin: 'DE', value: '100', price: '10' },
        { origin: 'AU', value: '20' },
      ],
    });
    expect(r.origins.map((o) => [o.origin, o.floorApplies, o.t0, o.t1, o.newImports])).toEqual([
      ['DE', true, '0', '0.6', '25.00'],
      ['AU', false, '0', '0', '35.00'],
    ]);
  });

  it('a floor below every price changes nothing', async () => {
    const r = await effects({ ...workedCase, floor: { amount: '9', per: 'kg' } });
    expect(r.origins.map((o) => [o.t1, o.newImports])).toEqual([
      ['0', '100.00'],
      ['0', '20.00'],
    ]);
  });

  it('the ces model answers the same flows: CN 59.86, AU 24.23 (see the domain test for Π)', async () => {
    const r = await effects({ ...workedCase, model: 'ces' });
    expect(r.origins.map((o) => o.newImports)).toEqual(['59.86', '24.23']);
  });
});

describe('trade effects: a t0 the request gives is the base t1 builds on', () => {
  const { floor: _, ...noFloor } = workedCase;
  const tenPercent = { id: 'x', kind: 'ad-valorem', rate: '0.1' };

  it('US, what-if 10% ad valorem, CN t0 0.5: t1 = 0.5 + 0.1 = 0.6 and imports fall (was t1 0.1, imports 135.83)', async () => {
    // 2846.90.20 is free in the data on 2026-12-01: t1_data − t0_data = 0.1 − 0 = 0.1 for each origin.
    // CN t0 0.5 → t1 0.6: Δ = 0.1/1.5 = 1/15; AU 0 → 0.1: Δ = 1/10; s = 100/120, 20/120
    // Σ s Δ = (5/6)(1/15) + (1/6)(1/10) = 1/18 + 1/60 = 13/180
    // Each part rounded once, new imports their sum as reported:
    // CN: creation −100/15 = −6.666… → −6.67; diversion 1.5 × 100 × (13/180 − 12/180) = 5/6 → 0.83;
    //     new 100.00 − 6.67 + 0.83 = 94.16 (the exact 100 − 20/3 + 5/6 = 94.1666… re-rounded: 94.17)
    // AU: creation −20 × 0.1 = −2; diversion 1.5 × 20 × (13/180 − 18/180) = −5/6 → −0.83;
    //     new 20.00 − 2.00 − 0.83 = 17.17
    // revenue before: CN 0.5 × 100 = 50.00, AU 0 × 20 = 0.00 (total 50.00)
    // revenue after, on the exact new imports: CN 0.6 × 94.1666… = 56.5 → 56.50,
    //     AU 0.1 × 17.1666… = 1.71666… → 1.72 (total 58.22)
    // consumer surplus: CN −0.1 × (100 + 94.1666…)/2 = −9.7083… → −9.71;
    //     AU −0.1 × (20 + 17.1666…)/2 = −1.8583… → −1.86 (total −11.57); imports 94.16 + 17.17 = 111.33
    const r = await effects({
      ...noFloor,
      measures: [tenPercent],
      flows: [
        { origin: 'CN', value: '100', price: '10', t0: '0.5' },
        { origin: 'AU', value: '20' },
      ],
    });
    expect(
      r.origins.map((o) => [
        o.origin,
        o.coverage.tariffs,
        o.t0,
        o.t1,
        o.newImports,
        o.creation,
        o.diversion,
        o.revenueBefore,
        o.revenueAfter,
        o.consumerSurplusChange,
      ]),
    ).toEqual([
      ['CN', 'complete', '0.5', '0.6', '94.16', '-6.67', '0.83', '50.00', '56.50', '-9.71'],
      ['AU', 'complete', '0', '0.1', '17.17', '-2.00', '-0.83', '0.00', '1.72', '-1.86'],
    ]);
    expect([
      r.totals.imports,
      r.totals.revenueBefore,
      r.totals.revenue,
      r.totals.consumerSurplusChange,
    ]).toEqual(['111.33', '50.00', '58.22', '-11.57']);
  });

  it('the floor-gap duty sits on the given t0 plus the what-if: floor 16 full gap, CN t0 0.05 + 0.1', async () => {
    // CN other duties 0.05 + 0.1 = 0.15: duty-paid R = 10 × 1.15 = 11.5, gap 4.5 → t1 = 0.15 + 0.45 = 0.6
    // AU (blue, exempt): 0 + 0.1 = 0.1
    const r = await effects({
      ...workedCase,
      measures: [tenPercent],
      flows: [
        { origin: 'CN', value: '100', price: '10', t0: '0.05' },
        { origin: 'AU', value: '20' },
      ],
    });
    expect(r.origins.map((o) => [o.origin, o.t0, o.t1])).toEqual([
      ['CN', '0.05', '0.6'],
      ['AU', '0', '0.1'],
    ]);
  });

  it('where the data lacks the lane (JP), a given t0 still carries t1 = 0.5 + 0.1 but coverage stays none', async () => {
    // the increment 0.1 is priced on a lane with no tariff rows: coverage is the least complete of
    // the data's before (none) and after (partial: the what-if row only) = none; AU has no base: null
    const r = await effects({
      ...noFloor,
      destination: 'JP',
      measures: [tenPercent],
      flows: [
        { origin: 'CN', value: '100', price: '10', t0: '0.5' },
        { origin: 'AU', value: '20' },
      ],
    });
    expect(r.origins.map((o) => [o.origin, o.coverage.tariffs, o.t0, o.t1])).toEqual([
      ['CN', 'none', '0.5', '0.6'],
      ['AU', 'none', null, null],
    ]);
  });
});

describe('trade effects: the longest inputs answer, never a 500', () => {
  it('the worked case scaled by 10^37: totals longer than any input are summed, not refused', async () => {
    // CN 100 × 10^37, AU 20 × 10^37: the worked case's shares and changes, each figure × 10^37:
    // CN 25 × 10^37, AU 35 × 10^37, imports 60 × 10^37, revenue 0.6 × 25 × 10^37 = 15 × 10^37
    const r = await effects({
      ...workedCase,
      flows: [
        { origin: 'CN', value: '1000000000000000000000000000000000000000', price: '10' },
        { origin: 'AU', value: '200000000000000000000000000000000000000' },
      ],
    });
    expect(r.origins.map((o) => [o.origin, o.newImports])).toEqual([
      ['CN', '250000000000000000000000000000000000000.00'],
      ['AU', '350000000000000000000000000000000000000.00'],
    ]);
    expect([r.totals.imports, r.totals.revenue]).toEqual([
      '600000000000000000000000000000000000000.00',
      '150000000000000000000000000000000000000.00',
    ]);
  });
});

describe('trade effects, ces: buyer prices 10^76 apart answer (was a 500)', () => {
  it('floor 10^39 − 1 per kg over CN at 10^-37, AU 10^-37 of imports: AU 9.09, CN revenue 90.91', async () => {
    // t0 = 0 for both (2846.90.20 is free, no China tariff on 2026-12-01). Full gap, duty-paid:
    // CN t1 = (F − P) / P with F = 10^39 − 1, P = 10^-37 → 10^76 − 10^37 − 1; r_CN = F / P.
    // σ 1.5, η −1: Π^(−1/2) = w_CN r_CN^(−1/2) + w_AU = (100 × r_CN^(−1/2) + 10^-37) / (100 + 10^-37)
    //   with r_CN^(−1/2) = 10^-38 × (1 − 10^-39)^(−1/2) ≈ 10^-38 → Π^(1/2) ≈ 100 / (1.1 × 10^-36)
    // AU = 10^-37 × Π^(1/2) ≈ 100 / 11 = 9.0909… → 9.09; CN = 100 × r^(−3/2) × Π^(1/2) ≈ 9.09 × 10^-75
    // → 0.00, creation 100 × (Π^(−1) − 1) → −100.00, diversion ≈ 9.09 × 10^-75 + 100 Π^(−1) → 0.00
    // CN revenue after = t1 × CN ≈ 10^76 × 9.0909 × 10^-75 = 90.909… → 90.91 (η = −1 keeps
    // spending at 100: 90.91 + 9.09)
    const r = await effects(TINY_AND_HUGE);
    expect(
      r.origins.map((o) => [o.origin, o.newImports, o.creation, o.diversion, o.revenueAfter]),
    ).toEqual([
      ['CN', '0.00', '-100.00', '0.00', '90.91'],
      ['AU', '9.09', '0.00', '9.09', '0.00'],
    ]);
    expect(r.origins[0]?.t1).toBe(`${'9'.repeat(38)}8${'9'.repeat(37)}`);
  });

  it('no input within the schema gives a 5xx, in either model (extreme prices, values, floors, elasticities)', async () => {
    const decimal = fc.oneof(
      fc.constantFrom('0', '1', '0.5', '16', `0.${'0'.repeat(36)}1`, '9'.repeat(39)),
      // d × 10^(e − 1) and d × 10^-e: from 10^-37 to 9 × 10^38
      fc
        .tuple(fc.integer({ min: 1, max: 39 }), fc.integer({ min: 1, max: 9 }))
        .map(([e, d]) => `${d}${'0'.repeat(e - 1)}`),
      fc
        .tuple(fc.integer({ min: 1, max: 37 }), fc.integer({ min: 1, max: 9 }))
        .map(([e, d]) => `0.${'0'.repeat(e - 1)}${d}`),
    );
    const price = fc.record({ amount: decimal, per: fc.constantFrom('kg', 't', 'g', 'ozt') });
    const request = fc.record({
      model: fc.constantFrom('smart', 'ces'),
      policy: fc.oneof(
        price.map((floor) => ({ floor })),
        fc.constantFrom({ benchmark: 'g7-lree-floor' }, { benchmark: 'dod-ndpr-floor' }),
        fc
          .record({ id: fc.constant('what-if'), kind: fc.constant('ad-valorem'), rate: decimal })
          .map((m) => ({ measures: [m] })),
      ),
      method: fc.constantFrom(
        'full-gap',
        'tranche',
        { type: 'capped', maxRate: '0.25' },
        { type: 'all-or-nothing', penaltyRate: '0.477' },
      ),
      flows: fc.array(
        fc.record({
          origin: fc.constantFrom('CN', 'AU', 'MY', 'CA', 'VN', null),
          value: decimal,
          price: decimal,
          t0: fc.option(decimal, { nil: undefined }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      importDemand: fc.constantFrom('0', '-1', '-100', `-0.${'0'.repeat(36)}1`),
      substitution: fc.constantFrom('0', '1', '1.5', '100', `0.${'0'.repeat(36)}1`, '1.000001'),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ policy, flows, importDemand, substitution, ...rest }) => {
        const response = await postJson('/v1/trade-effects', {
          destination: 'US',
          mineral: 'ndpr-oxide',
          asOf: '2026-12-01',
          ...policy,
          ...rest,
          flows: flows.map(({ t0, ...f }) => (t0 === undefined ? f : { ...f, t0 })),
          elasticities: { importDemand, substitution },
        });
        expect([200, 422]).toContain(response.status);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('the USGS dataset by id', () => {
  it('US imports of rare-earth compounds and metals, 2024: CN 119, MY 22.10, JP 10.20, EE 8.50, other 10.20 (of 170)', async () => {
    const r = await effects({
      dataset: 'usgs-mcs-2025-us-rare-earths',
      asOf: '2026-12-01',
      floor: { amount: '16', per: 'kg' },
      prices: { CN: '10', MY: '12', other: '12' },
    });
    expect(r.origins.map((o) => [o.origin, o.baseImports, o.floorApplies])).toEqual([
      ['CN', '119.00', true],
      ['MY', '22.10', true],
      ['JP', '10.20', false],
      ['EE', '8.50', false],
      [null, '10.20', true],
    ]);
    expect(r.totals.baseImports).toBe('170.00');
    expect(r.dataset?.source).toContain(
      'https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf',
    );
    // MY: t0 = 0.037 (2846.90.80 MFN); duty-paid R = 12 × 1.037 = 12.444, gap 3.556 → t1 = 0.037 + 3.556/12 = 1/3
    expect(r.origins[1]?.t1).toBe('0.333333');
  });

  it('a floored origin without a price is a 422 naming it', async () => {
    const response = await postJson('/v1/trade-effects', {
      dataset: 'usgs-mcs-2025-us-rare-earths',
      floor: { amount: '16', per: 'kg' },
      prices: { CN: '10' },
    });
    const problem = await problemOf(response, 422);
    expect(problem.errors?.map((e) => e.pointer)).toEqual(['/prices/MY', '/prices/other']);
  });
});

describe('trade effects: a duty per unit needs the origin’s price, as a floor does', () => {
  // A what-if specific duty of 2 per kg on 2846.90.20 (free in the data on 2026-11-21)
  const specific = {
    destination: 'US',
    mineral: 'ndpr-oxide',
    hts: '2846.90.20',
    asOf: '2026-11-21',
    measures: [{ id: 'x-sp', kind: 'specific', amount: { amount: '2', per: 'kg' } }],
  };
  const needsPrice = (duty: string) =>
    `a price above 0 is needed where ${duty} applies: its ad valorem equivalent depends on it`;

  it('AU without a price is a 422 at /flows/1/price naming the duty (was t1 2: priced at 1 per kg)', async () => {
    const response = await postJson('/v1/trade-effects', {
      ...specific,
      flows: [
        { origin: 'CN', value: '100', price: '10' },
        { origin: 'AU', value: '20' },
      ],
    });
    const problem = await problemOf(response, 422);
    expect(problem.errors).toEqual([
      { pointer: '/flows/1/price', detail: needsPrice('the specific duty x-sp') },
    ]);
  });

  it('a price of 0 is refused too; the floor’s refusal says the same of the floor', async () => {
    const zero = await problemOf(
      await postJson('/v1/trade-effects', {
        ...specific,
        flows: [
          { origin: 'CN', value: '100', price: '10' },
          { origin: 'AU', value: '20', price: '0' },
        ],
      }),
      422,
    );
    expect(zero.errors).toEqual([
      { pointer: '/flows/1/price', detail: needsPrice('the specific duty x-sp') },
    ]);
    const floor = await problemOf(
      await postJson('/v1/trade-effects', {
        ...workedCase,
        flows: [{ origin: 'CN', value: '100' }, workedCase.flows[1]],
      }),
      422,
    );
    expect(floor.errors).toEqual([{ pointer: '/flows/0/price', detail: needsPrice('the floor') }]);
  });

  it('a dataset’s origins without a price are refused at /prices/<origin>', async () => {
    const problem = await problemOf(
      await postJson('/v1/trade-effects', {
        dataset: 'usgs-mcs-2025-us-rare-earths',
        ...specific,
        prices: { CN: '10', MY: '12', JP: '12', EE: '12' },
      }),
      422,
    );
    expect(problem.errors).toEqual([
      { pointer: '/prices/other', detail: needsPrice('the specific duty x-sp') },
    ]);
  });

  it('AU at 12: t1 = 2/12 = 0.166667, CN at 10: t1 = 2/10 = 0.2', async () => {
    // Δ_CN = 0.2, Δ_AU = 1/6; s = 5/6, 1/6: Σ s Δ = 1/6 + 1/36 = 7/36
    // CN: creation −100 × 0.2 = −20; diversion 1.5 × 100 × (7/36 − 1/5) = 150 × (−1/180)
    //     = −0.8333… → −0.83; new 100.00 − 20.00 − 0.83 = 79.17
    // AU: creation −20/6 = −3.333… → −3.33; diversion 1.5 × 20 × (7/36 − 6/36) = 30/36
    //     = 0.8333… → 0.83; new 20.00 − 3.33 + 0.83 = 17.50
    const r = await effects({
      ...specific,
      flows: [
        { origin: 'CN', value: '100', price: '10' },
        { origin: 'AU', value: '20', price: '12' },
      ],
    });
    expect(r.origins.map((o) => [o.origin, o.t1, o.creation, o.diversion, o.newImports])).toEqual([
      ['CN', '0.2', '-20.00', '-0.83', '79.17'],
      ['AU', '0.166667', '-3.33', '0.83', '17.50'],
    ]);
  });

  it('an ad valorem what-if needs no price: AU without one has t1 0 + 0.1 = 0.1', async () => {
    const r = await effects({
      ...specific,
      measures: [{ id: 'x', kind: 'ad-valorem', rate: '0.1' }],
      flows: [
        { origin: 'CN', value: '100', price: '10' },
        { origin: 'AU', value: '20' },
      ],
    });
    expect(r.origins.map((o) => [o.origin, o.t1])).toEqual([
      ['CN', '0.1'],
      ['AU', '0.1'],
    ]);
  });
});

describe('trade effects: unknown duties are unknown, not zero (coverage.tariffs)', () => {
  // The data holds no tariff for 2846.90.20 into Japan: neither CN's nor AU's ordinary duties there
  // are known.
  const japan = {
    destination: 'JP',
    mineral: 'ndpr-oxide',
    asOf: '2026-12-01',
    floor: { amount: '16', currency: 'USD', per: 'kg' },
    flows: [
      { origin: 'CN', value: '100', price: '10' },
      { origin: 'AU', value: '20' },
    ],
  };

  it('JSON: each origin and the answer say none; t0 and t1 are null, not 0, and so are the model’s figures', async () => {
    const r = await effects(japan);
    expect(r.coverage).toEqual({ tariffs: 'none' });
    expect(r.origins.map((o) => [o.origin, o.coverage.tariffs, o.t0, o.t1])).toEqual([
      ['CN', 'none', null, null],
      ['AU', 'none', null, null],
    ]);
    // Not the worked case with unknown duties counted as 0 (was CN 25.00, AU 35.00): CN's floor-gap
    // duty is priced over its unknown duties, so Δ_CN is unknown, and so are Σ s_j Δ_j, every
    // diversion and new imports. AU (exempt) changes by 0 whatever its duties: Δ_AU = 0 / (1 + t0)
    // = 0, creation −1 × 20 × 0 = 0.00. Base imports are the request's.
    expect(
      r.origins.map((o) => [o.origin, o.baseImports, o.creation, o.diversion, o.newImports]),
    ).toEqual([
      ['CN', '100.00', null, null, null],
      ['AU', '20.00', '0.00', null, null],
    ]);
    expect(r.blocs.map((b) => [b.bloc, b.creation, b.diversion, b.newImports])).toEqual([
      ['red', null, null, null],
      ['blue', '0.00', null, null],
    ]);
    // 100.00 + 20.00 = 120.00 known; every other total has a null part
    expect(r.totals).toMatchObject({
      baseImports: '120.00',
      imports: null,
      newImports: null,
      creation: null,
      diversion: null,
    });
    expect(r.origins.map((o) => o.floored)).toEqual([false, false]);
    expect(r.meta.warnings.map((w) => w.code)).toContain('no-tariff-data');
    expect(r.assumptions.join(' ')).toContain(
      'The data has no tariff for 2846.90.20 into JP on supply from CN, AU: their duties are unknown, not zero',
    );
  });

  it('the chart says the equivalents and new imports are unknown instead of drawing t 0 → 0', async () => {
    const response = await call('/v1/trade-effects', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'image/svg+xml' },
      body: JSON.stringify(japan),
    });
    const svg = await response.text();
    expect(svg).toContain('>t unknown · floor</text>');
    expect(svg).not.toContain('t 0 →');
    expect(svg).toContain('; revenue unknown → unknown;');
    expect(svg).toContain('<title>CN new imports unknown</title>');
    expect(svg).toContain('Total 120.00 → unknown;');
  });

  it('ces: every creation, diversion and new imports are null too (the price index rests on every t0)', async () => {
    const r = await effects({ ...japan, model: 'ces' });
    expect(r.origins.map((o) => [o.origin, o.creation, o.diversion, o.newImports])).toEqual([
      ['CN', null, null, null],
      ['AU', null, null, null],
    ]);
    expect([r.totals.imports, r.totals.creation, r.totals.diversion]).toEqual([null, null, null]);
  });

  it('a date before the data (1990-01-01, US) is unknown as JP is: figures null, no-tariff-data, strict refuses', async () => {
    // no bloc is known on 1990-01-01 either (both grey): AU is exempt by name, as in the worked case
    const before = {
      ...japan,
      destination: 'US',
      asOf: '1990-01-01',
      flows: [japan.flows[0], { origin: 'AU', value: '20', exempt: true }],
    };
    const r = await effects(before);
    expect(r.coverage).toEqual({ tariffs: 'none' });
    // AU exempt: Δ_AU = 0 whatever its duties, creation 0.00; the rest rests on CN's unknown Δ
    expect(r.origins.map((o) => [o.origin, o.t1, o.creation, o.diversion, o.newImports])).toEqual([
      ['CN', null, null, null, null],
      ['AU', null, '0.00', null, null],
    ]);
    expect(r.totals.imports).toBeNull();
    expect(r.meta.warnings.map((w) => w.code)).toContain('no-tariff-data');
    const problem = (await (
      await postJson('/v1/trade-effects', { ...before, strict: true })
    ).json()) as { status: number; warnings: { code: string }[] };
    expect(problem.status).toBe(422);
    expect(problem.warnings.map((w) => w.code)).toEqual(['no-tariff-data']);
  });

  it('revenue on unknown duties is null per origin, per bloc and in the totals, never 0.00', async () => {
    const r = await effects(japan);
    const revenues = (x: { revenueBefore: string | null; revenueAfter: string | null }) => [
      x.revenueBefore,
      x.revenueAfter,
    ];
    expect(r.origins.map(revenues)).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(r.blocs.map(revenues)).toEqual([
      [null, null],
      [null, null],
    ]);
    expect([r.totals.revenueBefore, r.totals.revenueAfter, r.totals.revenue]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('the consumer-surplus change under a floor over unknown duties is null, not −37.50', async () => {
    // CN's floor-gap duty is priced over JP's duties on it, which the data lacks: counted as 0 it
    // would be 16 − 10 = 6, t1 − t0 = 0.6 and −0.6 × (100 + 25) / 2 = −37.50. AU is exempt and
    // nothing changes for it: −0 × (20 + 35) / 2 = 0.00 whatever its duties are.
    const r = await effects(japan);
    expect(r.origins.map((o) => [o.origin, o.consumerSurplusChange])).toEqual([
      ['CN', null],
      ['AU', '0.00'],
    ]);
    expect(r.blocs.map((b) => [b.bloc, b.consumerSurplusChange])).toEqual([
      ['red', null],
      ['blue', '0.00'],
    ]);
    expect(r.totals.consumerSurplusChange).toBeNull();
  });

  it('a what-if on unknown duties: t1 is null, not the measure on a base counted as 0', async () => {
    const r = await effects({
      ...japan,
      measures: [{ id: 'x', kind: 'ad-valorem', rate: '0.1' }],
    });
    expect(r.origins.map((o) => [o.origin, o.t0, o.t1, o.revenueAfter])).toEqual([
      ['CN', null, null, null],
      ['AU', null, null, null],
    ]);
  });

  it('an origin whose t0 the request gives rests on no tariff data: complete, t0 and t1 printed', async () => {
    // CN t0 0.05: duty-paid R = 10 × 1.05 = 10.5, gap 16 − 10.5 = 5.5 → t1 = 0.05 + 5.5/10 = 0.6
    const r = await effects({
      ...japan,
      flows: [
        { origin: 'CN', value: '100', price: '10', t0: '0.05' },
        { origin: 'AU', value: '20' },
      ],
    });
    expect(r.origins.map((o) => [o.origin, o.coverage.tariffs, o.t0, o.t1])).toEqual([
      ['CN', 'complete', '0.05', '0.6'],
      ['AU', 'none', null, null],
    ]);
    // CN known, AU not: partial
    expect(r.coverage).toEqual({ tariffs: 'partial' });
    // CN is known: Δ = (0.6 − 0.05)/1.05 = 11/21; AU counted as 0, Δ 0; Σ s Δ = (5/6)(11/21) = 55/126
    // CN new = 100 − 1100/21 + 150 × (55/126 − 66/126) = 100 − 6600/126 − 1650/126 = 34.5238… → 34.52
    // AU new = 20 + 1.5 × 20 × 55/126 = 20 + 1650/126 = 33.0952… → 33.10
    // revenue before 0.05 × 100 = 5.00; after 0.6 × 34.52 = 20.712 → 20.71: the red bloc (CN
    // alone) keeps them; the blue bloc (AU, unknown) and the totals, which include AU, are null
    expect(r.origins.map((o) => [o.newImports, o.revenueBefore, o.revenueAfter])).toEqual([
      ['34.52', '5.00', '20.71'],
      ['33.10', null, null],
    ]);
    expect(r.blocs.map((b) => [b.bloc, b.revenueBefore, b.revenueAfter])).toEqual([
      ['red', '5.00', '20.71'],
      ['blue', null, null],
    ]);
    expect([r.totals.revenueBefore, r.totals.revenue]).toEqual([null, null]);
    // AU's duties are unknown but do not change (Δ_AU = 0): smart's figures above are known;
    // 34.52 + 33.10 = 67.62
    expect(r.totals.imports).toBe('67.62');
  });

  it('the same in ces: AU’s unknown t0 weighs in the price index, so every model figure is null', async () => {
    // w_AU = 20 (1 + t0_AU) / (100 × 1.05 + 20 (1 + t0_AU)): unknown, and with it Π
    const r = await effects({
      ...japan,
      model: 'ces',
      flows: [
        { origin: 'CN', value: '100', price: '10', t0: '0.05' },
        { origin: 'AU', value: '20' },
      ],
    });
    expect(r.origins.map((o) => [o.origin, o.t1, o.newImports, o.revenueAfter])).toEqual([
      ['CN', '0.6', null, null],
      ['AU', null, null, null],
    ]);
  });

  it('where the data holds the tariffs (the US) every origin is complete', async () => {
    const r = await effects(workedCase);
    expect(r.coverage).toEqual({ tariffs: 'complete' });
    expect(r.origins.map((o) => o.coverage.tariffs)).toEqual(['complete', 'complete']);
  });
});

describe('trade effects: a benchmark floor warns as floor gap and landed cost do', () => {
  it('dod-ndpr-floor, a producer-side contract, is priced at the border with not-a-border-floor', async () => {
    const r = await effects({
      destination: 'US',
      mineral: 'ndpr-oxide',
      benchmark: 'dod-ndpr-floor',
      flows: [
        { origin: 'CN', value: '100', price: '60' },
        { origin: 'AU', value: '20' },
      ],
      asOf: '2026-11-21',
    });
    // Still applied as asked: floor 110 over CN at 60, t0 0 → t1 = (110 − 60) / 60 = 0.833333
    expect(r.origins[0]?.t1).toBe('0.833333');
    expect(r.meta.warnings.map((w) => w.code)).toEqual([
      'not-a-border-floor',
      'classification',
      'imports-floored',
    ]);
    expect(r.meta.warnings[0]?.detail).toContain(
      "the contract's government top-up leaves buyers' prices unchanged",
    );
  });
});

describe('trade effects: a benchmark floor fits the mineral’s stage, as in bloc tiers and landed cost', () => {
  // A bare price is per the floor's unit: 10,000 per t here (g7-lree-floor is 20,000 USD per t).
  const flows = [
    { origin: 'CN', value: '100', price: '10000' },
    { origin: 'AU', value: '20' },
  ];

  it('g7-lree-floor, at no known stage, applies to ndpr-oxide with stage-unknown, worded as bloc tiers words it', async () => {
    const asked = { mineral: 'ndpr-oxide', benchmark: 'g7-lree-floor', asOf: '2026-11-21' };
    const r = await effects({ ...asked, destination: 'US', flows });
    // floor 20,000 per t over CN at 10,000 per t, t0 0: t1 = (20000 − 10000) / 10000 = 1
    expect(r.origins[0]?.t1).toBe('1');
    const stage = r.meta.warnings.filter((w) => w.code === 'stage-unknown');
    expect(stage.map((w) => w.detail)).toEqual([
      'g7-lree-floor is quoted at no known production stage (USD per tonne of light rare earths; the report names no stage (concentrate, oxide, metal), grade or reference price); it is applied to ndpr-oxide as if set at its oxide stage. A floor on one stage leaves the stages downstream (metal, magnets) outside it: see POST /v1/content-floor.',
    ]);
    const tiers = (await (
      await postJson('/v1/bloc-tiers', {
        ...asked,
        redPrice: { amount: '10', per: 'kg' },
        bluePrice: { amount: '15', per: 'kg' },
      })
    ).json()) as Effects;
    expect(tiers.meta.warnings.filter((w) => w.code === 'stage-unknown')).toEqual(
      r.meta.warnings.filter((w) => w.code === 'stage-unknown'),
    );
  });

  it('a floor set at another stage (dod-ndpr-floor, oxide, over ree-metal) is a 422 at /benchmark, as in bloc tiers', async () => {
    const asked = { mineral: 'ree-metal', benchmark: 'dod-ndpr-floor', asOf: '2026-11-21' };
    const problem = await problemOf(
      await postJson('/v1/trade-effects', { ...asked, destination: 'US', flows }),
      422,
    );
    expect(problem.errors).toEqual([
      {
        pointer: '/benchmark',
        detail:
          'dod-ndpr-floor is set at the oxide stage but ree-metal is traded at the metal stage: a floor is not applied across stages. Carry it into the product through its content with POST /v1/content-floor, or give a floor set at the metal stage as "floor"',
      },
    ]);
  });
});

describe('trade effects: other forms and errors', () => {
  it('Accept: image/svg+xml draws bars by origin', async () => {
    const response = await call('/v1/trade-effects', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'image/svg+xml' },
      body: JSON.stringify(workedCase),
    });
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await response.text();
    expect(svg).toContain('<title>CN new imports 25.00</title>');
    expect(svg).toContain('<title>AU new imports 35.00</title>');
  });

  it('a positive import-demand elasticity is a 422', async () => {
    const response = await postJson('/v1/trade-effects', {
      ...workedCase,
      elasticities: { importDemand: '1' },
    });
    const problem = await problemOf(response, 422);
    expect(problem.errors?.[0]?.pointer).toBe('/elasticities/importDemand');
  });

  it('elasticities beyond ±100 are a 422 naming each, in either model (was a 500 in ces)', async () => {
    for (const model of ['smart', 'ces']) {
      const response = await postJson('/v1/trade-effects', {
        ...workedCase,
        model,
        elasticities: { importDemand: '-100.5', substitution: '1000000000000' },
      });
      const problem = await problemOf(response, 422);
      expect(problem.errors?.map((e) => [e.pointer, e.detail])).toEqual([
        ['/elasticities/importDemand', 'must be at least -100 (got -100.5)'],
        ['/elasticities/substitution', 'must be at most 100 (got 1000000000000)'],
      ]);
    }
  });

  it('an import-demand elasticity beyond the numeric limits is a 422 naming it, never a 500', async () => {
    // 1e308 written out has 309 digits, 1e-300 has 302 characters: both over the 40 a decimal may have
    for (const importDemand of [1e308, -1e308, 1e-300, '-1'.padEnd(41, '0')]) {
      const response = await postJson('/v1/trade-effects', {
        ...workedCase,
        elasticities: { importDemand },
      });
      const problem = await problemOf(response, 422);
      expect(problem.errors?.map((e) => e.pointer)).toEqual(['/elasticities/importDemand']);
    }
  });

  it('the limits themselves are accepted: substitution 100 and import demand -100 answer 200', async () => {
    const response = await postJson('/v1/trade-effects', {
      ...workedCase,
      model: 'ces',
      elasticities: { importDemand: '-100', substitution: '100' },
    });
    expect(response.status).toBe(200);
  });

  it('neither flows nor dataset is a 422', async () => {
    const { flows: _, ...noFlows } = workedCase;
    const problem = await problemOf(await postJson('/v1/trade-effects', noFlows), 422);
    expect(problem.errors?.[0]?.pointer).toBe('/flows');
  });
});

describe('trade effects: flow prices are quotes, restated with fx and taken ex-VAT like every calculator', () => {
  const newImports = (r: Effects) => r.origins.map((o) => [o.origin, o.t1, o.newImports]);

  it('11.3 incl. 13% VAT is 10: the worked case (CN 25, AU 35, revenue 15)', async () => {
    // 11.3 / 1.13 = 10; t1_CN = (16 − 10) / 10 = 0.6, as in the worked case
    const r = await effects({
      ...workedCase,
      flows: [
        { origin: 'CN', value: '100', price: '11.3' },
        { origin: 'AU', value: '20' },
      ],
      vat: '0.13',
    });
    expect(newImports(r)).toEqual([
      ['CN', '0.6', '25.00'],
      ['AU', '0', '35.00'],
    ]);
    expect(r.totals.revenue).toBe('15.00');
  });

  it('452 CNY incl. 13% VAT at 0.025 USD per CNY is 10 USD: the worked case again', async () => {
    // 452 / 1.13 = 400 CNY × 0.025 = 10 USD per kg
    const r = await effects({
      ...workedCase,
      flows: [
        { origin: 'CN', value: '100', price: { amount: '452', currency: 'CNY', per: 'kg' } },
        { origin: 'AU', value: '20' },
      ],
      fx: { CNY: '0.025' },
      vat: '0.13',
    });
    expect(newImports(r)).toEqual([
      ['CN', '0.6', '25.00'],
      ['AU', '0', '35.00'],
    ]);
  });

  it('a price per lb whose per-kg figure does not terminate answers (was a 500)', async () => {
    // P = 5 / 0.45359237 per kg = 11.0231131…; t1 = 16 / P − 1 = 16 × 0.45359237 / 5 − 1 =
    // 0.451495584 → 0.451496; Σ s Δ = (100/120) × 0.451495584 = 0.37624632;
    // CN 100 − 45.1495584 + 1.5 × 100 × (0.37624632 − 0.451495584) = 100 − 45.1495584 − 11.2873896
    // = 43.563052 → 43.56; AU 20 + 1.5 × 20 × 0.37624632 = 31.2873896 → 31.29;
    // revenue 0.451495584 × 43.563052 = 19.668525603… → 19.67
    const r = await effects({
      ...workedCase,
      flows: [
        { origin: 'CN', value: '100', price: { amount: '5', currency: 'USD', per: 'lb' } },
        { origin: 'AU', value: '20' },
      ],
    });
    expect(newImports(r)).toEqual([
      ['CN', '0.451496', '43.56'],
      ['AU', '0', '31.29'],
    ]);
    expect(r.totals.revenue).toBe('19.67');
  });
});

/** The review's flows: CN 100 at 10 under a 16 floor, AU 20 exempt; t0 given (0 unless said). */
const reviewFlows = (cnT0 = '0') => [
  { origin: 'CN', value: '100', price: { amount: '10', currency: 'USD', per: 'kg' }, t0: cnT0 },
  { origin: 'AU', value: '20', t0: '0', exempt: true },
];
const reviewCase = {
  destination: 'US',
  mineral: 'ndpr-oxide',
  asOf: '2026-12-01',
  floor: { amount: '16', currency: 'USD', per: 'kg' },
  flows: reviewFlows(),
};
const figures = (o: Origin) => [
  o.origin,
  o.baseImports,
  o.creation,
  o.diversion,
  o.newImports,
  o.revenueAfter,
];

describe('trade effects: revenue after is t1 × the exact new imports, rounded once', () => {
  it('ces, the worked flows: CN revenue after 35.91, not 0.6 × 59.86 = 35.916 → 35.92', async () => {
    // Π and CN's new imports as in the domain test: CN = 100 × (1.6/Π)^(−1.5)/Π = 59.857194486…;
    // revenue after 0.6 × 59.857194486… = 35.914316… → 35.91 (the old code: 0.6 × 59.86 → 35.92).
    // Parts (decimal.js, 80 digits): CN creation 100 × (Π^−1 − 1) = −31.859182… → −31.86, diversion
    // −8.283622… → −8.28, new 100.00 − 31.86 − 8.28 = 59.86; AU creation −6.371836… → −6.37,
    // diversion 10.600325… → 10.60, new 20.00 − 6.37 + 10.60 = 24.23.
    const r = await effects({ ...reviewCase, model: 'ces' });
    expect(r.origins.map(figures)).toEqual([
      ['CN', '100.00', '-31.86', '-8.28', '59.86', '35.91'],
      ['AU', '20.00', '-6.37', '10.60', '24.23', '0.00'],
    ]);
    // revenue 35.91 + 0.00; imports 59.86 + 24.23 = 84.09; diversion −8.28 + 10.60 = 2.32 (a CES
    // model's diversions need not sum to 0)
    expect([r.totals.revenue, r.totals.revenueAfter, r.totals.imports, r.totals.diversion]).toEqual(
      ['35.91', '35.91', '84.09', '2.32'],
    );
  });

  it('ces, σ 0, η −1, CN t0 0.25: CN revenue after 48.33, not 0.6 × 80.56 = 48.336 → 48.34', async () => {
    // CN: duty-paid R = 10 × 1.25 = 12.5, gap 3.5 → t1 = 0.25 + 0.35 = 0.6; r_CN = 1.6/1.25 = 1.28,
    // r_AU = 1; spending shares w = 125/145, 20/145. σ = 0: Π = Σ w r = (160 + 20)/145 = 36/29;
    // new = M × Π^η = M × 29/36 (σ = 0: no diversion): CN 2900/36 = 80.5555…, AU 580/36 = 16.111…
    // CN creation −19.444… → −19.44, new 100.00 − 19.44 + 0.00 = 80.56;
    //    revenue after 0.6 × 2900/36 = 48.333… → 48.33 (the old code: 0.6 × 80.56 = 48.336 → 48.34)
    // AU creation −3.888… → −3.89, new 16.11; revenue before CN 0.25 × 100 = 25.00
    const r = await effects({
      ...reviewCase,
      flows: reviewFlows('0.25'),
      elasticities: { importDemand: '-1', substitution: '0' },
      model: 'ces',
    });
    expect(r.origins.map(figures)).toEqual([
      ['CN', '100.00', '-19.44', '0.00', '80.56', '48.33'],
      ['AU', '20.00', '-3.89', '0.00', '16.11', '0.00'],
    ]);
    expect([r.totals.revenueBefore, r.totals.revenue, r.totals.imports]).toEqual([
      '25.00',
      '48.33',
      '96.67',
    ]);
  });
});

describe('trade effects, smart: where new imports stop at 0 creation and diversion stay the formulas’', () => {
  const floored = (r: Effects) => r.meta.warnings.find((w) => w.code === 'imports-floored')?.detail;

  it('η −3, σ 3, CN at 5: CN creation −660.00 (was the rest, +10.00), diversion −110.00, new 0.00', async () => {
    // CN: t0 0, duty-paid R = 5, gap 16 − 5 = 11 → t1 = 11/5 = 2.2, Δ = 2.2; AU exempt, Δ = 0
    // Σ s Δ = (100/120) × 2.2 = 11/6. CN: creation −3 × 100 × 2.2 = −660.00; diversion
    // 3 × 100 × (11/6 − 2.2) = 300 × (−11/30) = −110.00; new max(0, 100 − 660 − 110 = −670) = 0.00
    // AU: creation 0.00; diversion 3 × 20 × 11/6 = 110.00; new 20 + 110 = 130.00
    // totals: creation −660.00 + 0.00 = −660.00, diversion −110.00 + 110.00 = 0.00,
    // imports 0.00 + 130.00 = 130.00 (not 120 − 660 + 0 = −540: CN counts 0)
    const r = await effects({
      ...reviewCase,
      flows: [
        { origin: 'CN', value: '100', price: '5', t0: '0' },
        { origin: 'AU', value: '20', t0: '0', exempt: true },
      ],
      elasticities: { importDemand: '-3', substitution: '3' },
    });
    expect(r.origins.map((o) => [o.origin, o.t1, o.creation, o.diversion, o.newImports])).toEqual([
      ['CN', '2.2', '-660.00', '-110.00', '0.00'],
      ['AU', '0', '0.00', '110.00', '130.00'],
    ]);
    expect(r.origins.map((o) => o.floored)).toEqual([true, false]);
    expect([r.totals.creation, r.totals.diversion, r.totals.imports]).toEqual([
      '-660.00',
      '0.00',
      '130.00',
    ]);
    expect(r.blocs.map((b) => [b.bloc, b.newImports])).toEqual([
      ['red', '0.00'],
      ['blue', '130.00'],
    ]);
    // 100.00 − 660.00 − 110.00 = −670.00
    expect(floored(r)).toBe(
      'New imports are floored at 0 for CN (base + creation + diversion = -670.00): there base + creation + diversion does not add up to new imports.',
    );
  });

  it('η −1.5, σ 1.5: CN creation −90.00 (was the rest, −85.00), diversion −15.00; diversions sum to 0.00', async () => {
    // Δ_CN = 0.6, Σ s Δ = (100/120) × 0.6 = 0.5. CN: creation −1.5 × 100 × 0.6 = −90, diversion
    // 1.5 × 100 × (0.5 − 0.6) = −15, 100 − 90 − 15 = −5 < 0 → new imports 0. AU: diversion
    // 1.5 × 20 × 0.5 = 15, new 35. Σ diversion −15 + 15 = 0; Σ creation −90; imports 0 + 35 = 35.
    const r = await effects({
      ...reviewCase,
      model: 'smart',
      elasticities: { importDemand: '-1.5', substitution: '1.5' },
    });
    expect(r.origins.map(figures)).toEqual([
      ['CN', '100.00', '-90.00', '-15.00', '0.00', '0.00'],
      ['AU', '20.00', '0.00', '15.00', '35.00', '0.00'],
    ]);
    expect(r.origins.map((o) => o.floored)).toEqual([true, false]);
    expect([r.totals.creation, r.totals.diversion, r.totals.imports]).toEqual([
      '-90.00',
      '0.00',
      '35.00',
    ]);
    // 100.00 − 90.00 − 15.00 = −5.00
    expect(floored(r)).toBe(
      'New imports are floored at 0 for CN (base + creation + diversion = -5.00): there base + creation + diversion does not add up to new imports.',
    );
  });

  it('η −100, σ 100, CN t0 0.25: CN creation −2800.00 (was the rest, +366.67), diversion −466.67', async () => {
    // t1 = 0.6 (as above); Δ_CN = 0.35/1.25 = 0.28, Σ s Δ = (5/6) × 0.28 = 7/30.
    // CN: creation −100 × 100 × 0.28 = −2800.00, diversion 100 × 100 × (7/30 − 0.28) = −1400/3
    //     = −466.666… → −466.67; 100.00 − 2800.00 − 466.67 = −3166.67 < 0 → new imports 0.00
    // AU: creation 0.00, diversion 100 × 20 × 7/30 = 1400/3 → 466.67, new 20.00 + 466.67 = 486.67.
    const r = await effects({
      ...reviewCase,
      flows: reviewFlows('0.25'),
      model: 'smart',
      elasticities: { importDemand: '-100', substitution: '100' },
    });
    expect(r.origins.map(figures)).toEqual([
      ['CN', '100.00', '-2800.00', '-466.67', '0.00', '0.00'],
      ['AU', '20.00', '0.00', '466.67', '486.67', '0.00'],
    ]);
    // creation −2800.00 + 0.00; diversion −466.67 + 466.67 = 0.00; imports 0.00 + 486.67
    expect([r.totals.creation, r.totals.diversion, r.totals.imports]).toEqual([
      '-2800.00',
      '0.00',
      '486.67',
    ]);
    expect(floored(r)).toContain('for CN (base + creation + diversion = -3166.67)');
  });

  it('no warning where no origin’s imports stop at 0 (the worked case)', async () => {
    const r = await effects(workedCase);
    expect(r.origins.map((o) => o.floored)).toEqual([false, false]);
    expect(r.meta.warnings.map((w) => w.code)).not.toContain('imports-floored');
  });
});

/** A flow of the law: base imports, price, given t0, whether the floor applies to it. */
interface LawFlow {
  origin: string;
  value: string;
  price: string;
  t0: string;
  floored: boolean;
}

/**
 * decimal.js for the model's figures: 100 significant digits, far past the 60 the API's powers
 * carry and the 2 places reported (1000 would make the fractional powers take seconds).
 */
const Model = Wide.clone({ precision: 100 });
type Model = InstanceType<typeof Model>;

/** The model's figures per origin by decimal.js, straight from the contract's formulas. */
function oracleEffects(
  model: 'smart' | 'ces',
  flows: readonly LawFlow[],
  floor: string,
  eta: string,
  sigma: string,
) {
  const W = (x: string | number) => new Model(x);
  const M = flows.map((f) => W(f.value));
  const t0 = flows.map((f) => W(f.t0));
  // full gap on the duty-paid basis: t1 = t0 + max(0, F − P (1 + t0)) / P
  const t1 = flows.map((f, i) => {
    const p = W(f.price);
    const gap = Model.max(0, W(floor).minus(p.times(W(1).plus(t0[i] as Model))));
    return f.floored ? (t0[i] as Model).plus(gap.div(p)) : (t0[i] as Model);
  });
  const total = M.reduce((a, b) => a.plus(b), W(0));
  let creation: Model[];
  let raw: Model[];
  if (model === 'smart') {
    const delta = flows.map((_, i) =>
      (t1[i] as Model).minus(t0[i] as Model).div(W(1).plus(t0[i] as Model)),
    );
    const avg = delta.reduce(
      (a, d, i) =>
        a.plus(total.isZero() ? d.div(flows.length) : (M[i] as Model).div(total).times(d)),
      W(0),
    );
    creation = M.map((m, i) =>
      W(eta)
        .times(m)
        .times(delta[i] as Model),
    );
    const diversion = M.map((m, i) =>
      W(sigma)
        .times(m)
        .times(avg.minus(delta[i] as Model)),
    );
    raw = M.map((m, i) => m.plus(creation[i] as Model).plus(diversion[i] as Model));
  } else {
    const spend = M.map((m, i) => m.times(W(1).plus(t0[i] as Model)));
    const spent = spend.reduce((a, b) => a.plus(b), W(0));
    const w = spend.map((x) => (spent.isZero() ? W(1).div(flows.length) : x.div(spent)));
    const r = t1.map((t, i) =>
      W(1)
        .plus(t)
        .div(W(1).plus(t0[i] as Model)),
    );
    const oneMinus = W(1).minus(sigma);
    const index = oneMinus.isZero()
      ? r.reduce((a, x, i) => a.times(x.pow(w[i] as Model)), W(1))
      : r
          .reduce((a, x, i) => a.plus((w[i] as Model).times(x.pow(oneMinus))), W(0))
          .pow(W(1).div(oneMinus));
    const scale = index.pow(eta);
    creation = M.map((m) => m.times(scale).minus(m));
    raw = M.map((m, i) => m.times(scale).times((r[i] as Model).div(index).pow(W(sigma).neg())));
  }
  return flows.map((_, i) => {
    const m = M[i] as Model;
    const modelNew = raw[i] as Model;
    const newImports = Model.max(0, modelNew);
    const a = t0[i] as Model;
    const b = t1[i] as Model;
    return {
      floored: modelNew.isNegative() && !modelNew.isZero(),
      baseImports: m,
      creation: creation[i] as Model,
      diversion: modelNew.minus(m).minus(creation[i] as Model),
      revenueBefore: a.times(m),
      revenueAfter: b.times(newImports),
      consumerSurplusChange: b.minus(a).neg().times(m.plus(newImports)).div(2),
    };
  });
}

describe('trade effects laws (fast-check, decimal.js the oracle)', () => {
  const origins = ['CN', 'MY', 'VN', 'IN', 'BR', 'ZA'];
  const cents = (n: number) => new Wide(n).div(100).toFixed(2);
  const lawFlow = fc.record({
    value: fc.integer({ min: 0, max: 100_000 }).map(cents),
    price: fc.integer({ min: 100, max: 3000 }).map(cents),
    t0: fc.integer({ min: 0, max: 100 }).map(cents),
    floored: fc.boolean(),
  });
  const law = fc.record({
    model: fc.constantFrom('smart' as const, 'ces' as const),
    flows: fc.array(lawFlow, { minLength: 1, maxLength: origins.length }),
    floor: fc.integer({ min: 1, max: 40 }).map(String),
    // η and σ in tenths, up to 10 in size: large enough to push some origins below 0 in smart
    eta: fc.integer({ min: -100, max: 0 }).map((n) => new Wide(n).div(10).toString()),
    sigma: fc.integer({ min: 0, max: 100 }).map((n) => new Wide(n).div(10).toString()),
    rounding: fc.constantFrom('half-up' as const, 'half-even' as const),
  });
  const sumOf = (xs: (string | null)[]) =>
    xs.reduce((a, x) => a.plus(new Wide(x ?? 'NaN')), new Wide(0));

  it('every origin figure is its exact value rounded once, new imports max(0, the sum of its parts), blocs and totals the sums of the rows', async () => {
    await fc.assert(
      fc.asyncProperty(law, async ({ model, flows: drawn, floor, eta, sigma, rounding }) => {
        const flows: LawFlow[] = drawn.map((f, i) => ({ ...f, origin: origins[i] as string }));
        const r = await effects({
          destination: 'US',
          mineral: 'ndpr-oxide',
          asOf: '2026-12-01',
          floor: { amount: floor, per: 'kg' },
          floorOrigins: flows.filter((f) => f.floored).map((f) => f.origin),
          flows: flows.map(({ origin, value, price, t0 }) => ({ origin, value, price, t0 })),
          elasticities: { importDemand: eta, substitution: sigma },
          model,
          rounding,
        });
        const exact = oracleEffects(model, flows, floor, eta, sigma);
        const once = (x: Model) => decimalJsFixed(new Wide(x), 2, rounding);
        r.origins.forEach((o, i) => {
          const x = exact[i];
          if (x === undefined) throw new Error('an origin too many');
          // creation and diversion are the formulas' rounded once, also where imports stop at 0
          expect([o.baseImports, o.creation, o.diversion, o.revenueBefore, o.revenueAfter]).toEqual(
            [
              once(x.baseImports),
              once(x.creation),
              once(x.diversion),
              once(x.revenueBefore),
              once(x.revenueAfter),
            ],
          );
          expect(o.consumerSurplusChange).toBe(once(x.consumerSurplusChange));
          // new imports = max(0, base + creation + diversion as reported); floored where below 0
          const parts = sumOf([o.baseImports, o.creation, o.diversion]);
          expect(o.floored).toBe(parts.isNegative() && !parts.isZero());
          expect(new Wide(o.newImports ?? 'NaN').eq(Wide.max(0, parts))).toBe(true);
          // where the model's own new imports are below 0, the reported parts sum to 0 or less
          if (x.floored) expect(parts.lte(0)).toBe(true);
        });
        for (const key of EFFECT_KEYS) {
          const rows = r.origins.map((o) => o[key]);
          expect(new Wide(r.totals[key] ?? 'NaN').eq(sumOf(rows))).toBe(true);
          for (const b of r.blocs) {
            const mine = r.origins.filter((o) => o.bloc === b.bloc).map((o) => o[key]);
            const shown = (b as unknown as Record<string, string | null>)[key];
            expect(new Wide(shown ?? 'NaN').eq(sumOf(mine))).toBe(true);
          }
        }
        expect([r.totals.imports, r.totals.revenue]).toEqual([
          r.totals.newImports,
          r.totals.revenueAfter,
        ]);
        // smart: the diversions, each the formula's rounded once, sum to 0 within half a cent each
        if (model === 'smart') {
          const spread = sumOf(r.origins.map((o) => o.diversion)).abs();
          expect(spread.lte(new Wide(r.origins.length).times('0.005'))).toBe(true);
        }
        expect(r.meta.warnings.some((w) => w.code === 'imports-floored')).toBe(
          r.origins.some((o) => o.floored),
        );
      }),
      { seed: 20261202, numRuns: 60 },
    );
  });
});

describe('trade effects: the elasticities are echoed as given', () => {
  it('η −0.0000001, σ 0.0000001 and ε 123.4567891 are written whole (at 6 places they read 0, 0 and 123.456789)', async () => {
    const response = await postJson('/v1/trade-effects', {
      ...workedCase,
      elasticities: {
        importDemand: '-0.0000001',
        substitution: '0.0000001',
        exportSupply: '123.4567891',
      },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      elasticities: Record<string, string | null>;
      assumptions: string[];
    };
    expect(body.elasticities).toEqual({
      importDemand: '-0.0000001',
      substitution: '0.0000001',
      exportSupply: '123.4567891',
    });
    expect(body.assumptions).toContain('Import demand elasticity η = -0.0000001.');
  });
});
