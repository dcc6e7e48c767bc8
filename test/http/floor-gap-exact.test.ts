import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Wide } from '../domain/reference-rounding';
import { call, postJson } from '../helpers';
import {
  amount,
  basis,
  exactDuty,
  floorGap,
  otherDutyRate,
  reportedPlaces,
  rounding,
  usd,
} from './floor-gap-arbitraries';

interface SweepCell {
  redPrice: string;
  floor: string;
  dutyPerUnit: string;
  landedPerUnit: string;
  floorMet: boolean;
  blueWins: boolean;
}

async function sweepCells(body: Record<string, unknown>): Promise<SweepCell[]> {
  const response = await postJson('/v1/floor-gap/sweep', { per: 'kg', ...body });
  if (response.status !== 200) throw new Error(await response.text());
  return ((await response.json()) as { cells: SweepCell[] }).cells;
}

/** The first row of a CSV answer, by column name (`;` with decimal=comma). */
function csvCells(csv: string, separator = ','): Record<string, string | undefined> {
  const [header, row] = csv.split('\r\n');
  return Object.fromEntries(
    (header ?? '').split(separator).map((name, i) => [name, (row ?? '').split(separator)[i]]),
  );
}

const text = async (query: string) => (await call(query)).text();

describe('POST /v1/floor-gap: floorMet is the exact landed ≥ floor, and the printed landed price and floor say the same', () => {
  it('capped at 0.599999, red 10, floor 16: landed exactly 15.99999 < 16, not met, printed 15.99999 (not 16.0000) in both modes', async () => {
    for (const mode of ['half-up', 'half-even']) {
      const r = await floorGap({
        price: usd('10'),
        floor: usd('16'),
        method: { type: 'capped', maxRate: '0.599999' },
        rounding: mode,
      });
      // duty-paid, r = 0: R = 10; g = 16 − 10 = 6; maxRate × P = 0.599999 × 10 = 5.99999 < 6, so
      // d = 5.99999 → 6.0000 (the 5th place 9 rounds up in both modes); landed 10 + 5.99999 =
      // 15.99999 < 16. At 4 places it would be 16.0000, on the floor: printed at 5.
      expect([r.referencePerUnit, r.dutyPerUnit, r.landedPerUnit, r.floorPerUnit]).toEqual([
        '10.0000',
        '6.0000',
        '15.99999',
        '16.0000',
      ]);
      expect([r.binding, r.floorMet]).toEqual([true, false]);
      // the printed 10.0000 + 6.0000 is not 15.99999: the sum is written with the exact d
      expect(r.formula).toContain('R + d = 10.0000 + 5.99999 = 15.99999 < F: floor not met');
    }
  });

  it('capped at 0.6, red 10, floor 16.00001: landed exactly 16 < 16.00001, not met, the floor printed 16.00001 (not 16.0000)', async () => {
    const r = await floorGap({
      price: usd('10'),
      floor: usd('16.00001'),
      method: { type: 'capped', maxRate: '0.6' },
    });
    // R = 10; g = 16.00001 − 10 = 6.00001 → 6.0000; maxRate × P = 0.6 × 10 = 6 < 6.00001, so
    // d = 6; landed 10 + 6 = 16 < 16.00001. The floor at 4 places, 16.0000, would not be above it.
    expect([r.gapPerUnit, r.dutyPerUnit, r.landedPerUnit, r.floorPerUnit]).toEqual([
      '6.0000',
      '6.0000',
      '16.0000',
      '16.00001',
    ]);
    expect([r.binding, r.floorMet]).toEqual([true, false]);
    expect(r.formula).toContain('max(0, 16.00001 − 10.0000) = 6.00001 (reported 6.0000)');
    expect(r.formula).toContain('R + d = 16.0000 < F: floor not met');
  });

  it('all-or-nothing with penalty 0, red 10, floor 10.00001: binding (10 < 10.00001), no duty, landed 10 < 10.00001, not met', async () => {
    const r = await floorGap({
      price: usd('10'),
      floor: usd('10.00001'),
      method: { type: 'all-or-nothing', penaltyRate: '0' },
    });
    // R = 10 < F = 10.00001 exactly: binding, d = 0 × 10 = 0; landed 10 + 0 = 10 < 10.00001. The
    // gap 0.00001 prints 0.0000 (binding stays the exact R < F); the floor prints 10.00001.
    expect([r.gapPerUnit, r.dutyPerUnit, r.duty, r.landedPerUnit, r.floorPerUnit]).toEqual([
      '0.0000',
      '0.0000',
      '0.00',
      '10.0000',
      '10.00001',
    ]);
    expect([r.binding, r.floorMet]).toEqual([true, false]);
    expect(r.formula).toContain('R + d = 10.0000 < F: floor not met');
  });

  it('a tranche whose trigger is the floor prints it as the floor: F = T = 16.00001 above a landed price of exactly 16', async () => {
    // customs value R = P = 16 (under T = 16.00001 by 0.00001 ≤ 0.10 T): binding, d = 0 (first
    // band, share 0); landed 16 < 16.00001: not met; T is F, printed as F is.
    const r = await floorGap({
      price: usd('16'),
      floor: usd('16.00001'),
      method: { type: 'tranche' },
    });
    expect([r.landedPerUnit, r.floorPerUnit, r.triggerPerUnit]).toEqual([
      '16.0000',
      '16.00001',
      '16.00001',
    ]);
    expect([r.binding, r.floorMet]).toEqual([true, false]);
  });

  it('past 10 places the figures are cut toward their sides: floor 16.00000000001 above a landed price of exactly 16 prints 16.0000000001', async () => {
    // capped at 0.6: d = min(6.00000000001, 6) = 6; landed 16 < 16.00000000001: not met. Rounded
    // at 4 to 10 places the floor is 16, not above 16; cut up at 10: 16.0000000001.
    const r = await floorGap({
      price: usd('10'),
      floor: usd('16.00000000001'),
      method: { type: 'capped', maxRate: '0.6' },
    });
    expect([r.landedPerUnit, r.floorPerUnit, r.floorMet]).toEqual([
      '16.0000',
      '16.0000000001',
      false,
    ]);
  });

  it('the formula cuts a long landed price to its own first 10 places, never rounding it onto the floor: 15.99999999999 is "15.9999999999…"', async () => {
    // capped at 0.599999999999: d = min(6, 0.599999999999 × 10 = 5.99999999999) = 5.99999999999;
    // landed 10 + 5.99999999999 = 15.99999999999 < 16 (11 places: cut to 10 with "…"); rounded
    // half-even at 10 places it would read "16…", equal to F beside "< F".
    const r = await floorGap({
      price: usd('10'),
      floor: usd('16'),
      method: { type: 'capped', maxRate: '0.599999999999' },
    });
    expect(r.floorMet).toBe(false);
    expect(r.formula).toContain('15.9999999999…');
    expect(r.formula).not.toContain(' 16…');
  });

  it('ordinary figures keep their 4 places: red 10, floor 16, full gap → landed 16.0000 = floor 16.0000, met; capped at 0.25 → 12.5000, not met', async () => {
    // full gap: d = 16 − 10 = 6, landed 16 = F; capped: d = min(6, 0.25 × 10 = 2.5) = 2.5, landed 12.5
    const full = await floorGap({ price: usd('10'), floor: usd('16') });
    expect([full.landedPerUnit, full.floorPerUnit, full.floorMet]).toEqual([
      '16.0000',
      '16.0000',
      true,
    ]);
    const capped = await floorGap({
      price: usd('10'),
      floor: usd('16'),
      method: { type: 'capped', maxRate: '0.25' },
    });
    expect([capped.landedPerUnit, capped.floorPerUnit, capped.floorMet]).toEqual([
      '12.5000',
      '16.0000',
      false,
    ]);
  });
});

describe('GET /v1/floor-gap: the CSV and text forms print the same figures', () => {
  // R = 10; d = 0.599999 × 10 = 5.99999; landed 15.99999 < 16 (see above)
  const query =
    '/v1/floor-gap?price=10&floor=16&per=kg&method=capped&maxRate=0.599999&asOf=2026-11-21';

  it('text: landedPerUnit 15.99999, floorPerUnit 16.0000, floorMet false; with decimal=comma 15,99999', async () => {
    expect(await text(`${query}&format=text&field=landedPerUnit`)).toBe('15.99999');
    expect(await text(`${query}&format=text&field=floorPerUnit`)).toBe('16.0000');
    expect(await text(`${query}&format=text&field=floorMet`)).toBe('false');
    expect(await text(`${query}&format=text&field=landedPerUnit&decimal=comma`)).toBe('15,99999');
  });

  it('CSV: the same cells, with a point or a comma', async () => {
    expect(csvCells(await text(`${query}&format=csv`))).toMatchObject({
      dutyPerUnit: '6.0000',
      floorPerUnit: '16.0000',
      landedPerUnit: '15.99999',
      binding: 'true',
      floorMet: 'false',
    });
    expect(csvCells(await text(`${query}&format=csv&decimal=comma`), ';')).toMatchObject({
      floorPerUnit: '16,0000',
      landedPerUnit: '15,99999',
      floorMet: 'false',
    });
  });

  it('CSV of a floor 16.00001 above a landed price of exactly 16: floorPerUnit 16.00001', async () => {
    // R = 10; d = min(6.00001, 0.6 × 10 = 6) = 6; landed 16 < 16.00001
    const csv = await text(
      '/v1/floor-gap?price=10&floor=16.00001&per=kg&method=capped&maxRate=0.6&asOf=2026-11-21&format=csv',
    );
    expect(csvCells(csv)).toMatchObject({
      floorPerUnit: '16.00001',
      landedPerUnit: '16.0000',
      floorMet: 'false',
    });
  });
});

describe('POST /v1/floor-gap/sweep: cells decide floorMet exactly and print it so', () => {
  it('capped at 0.599999, red 10, floor 16: landed 15.99999, not met (the single call’s figures)', async () => {
    // R = 10; d = min(6, 0.599999 × 10 = 5.99999) = 5.99999; landed 15.99999 < 16
    const [cell] = await sweepCells({
      redPrices: ['10'],
      floors: ['16'],
      method: { type: 'capped', maxRate: '0.599999' },
    });
    expect(cell && [cell.floor, cell.dutyPerUnit, cell.landedPerUnit, cell.floorMet]).toEqual([
      '16.0000',
      '6.0000',
      '15.99999',
      false,
    ]);
  });

  it('a floor is printed alike down its column: 16.00001 above red 10 landing at exactly 16, so red 10.00001 landing on it prints 16.00001 too, met', async () => {
    // capped at 0.6, F = 16.00001:
    // red 9: d = min(7.00001, 5.4) = 5.4, landed 14.4 < F, not met;
    // red 10: d = min(6.00001, 6) = 6, landed 16 < F, not met: the floor needs 5 places, 16.00001;
    // red 10.00001: g = 16.00001 − 10.00001 = 6, 0.6 × 10.00001 = 6.000006 > 6, so d = 6, landed
    // 16.00001 = F, met: 16.0000 would read under the floor as printed, so 16.00001.
    const cells = await sweepCells({
      redPrices: ['9', '10', '10.00001'],
      floors: ['16.00001'],
      method: { type: 'capped', maxRate: '0.6' },
    });
    expect(cells.map((c) => [c.redPrice, c.floor, c.landedPerUnit, c.floorMet])).toEqual([
      ['9.0000', '16.00001', '14.4000', false],
      ['10.0000', '16.00001', '16.0000', false],
      ['10.0000', '16.00001', '16.00001', true],
    ]);
    // alone, red 10.00001 is met and both print at 4 places: 16.0000 ≥ 16.0000
    const single = await floorGap({
      price: usd('10.00001'),
      floor: usd('16.00001'),
      method: { type: 'capped', maxRate: '0.6' },
    });
    expect([single.landedPerUnit, single.floorPerUnit, single.floorMet]).toEqual([
      '16.0000',
      '16.0000',
      true,
    ]);
  });

  it('CSV of the sweep: landedPerUnit 15.99999 and floorMet false', async () => {
    const response = await call(
      '/v1/floor-gap/sweep?redPrices=10&floors=16&per=kg&method=capped&maxRate=0.599999&format=csv',
    );
    expect(response.status).toBe(200);
    const rows = (await response.text()).split('\r\n');
    // redPrice, floor, dutyPerUnit, landedPerUnit, adValoremEquivalent (5.99999 / 10 = 0.599999),
    // floorMet, blueWins (blue offers at the floor: 15.99999 < 16, red wins)
    expect(rows[1]).toBe('10.0000,16.0000,6.0000,15.99999,0.599999,false,false');
  });
});

/**
 * Floors a hair from where the duty lands: F = R + maxRate × P + δ with δ a few units at the
 * 5th to 11th place, either sign, so that a capped duty lands just under F (δ > 0: landed R +
 * maxRate × P = F − δ) or on it (δ ≤ 0: the gap is the smaller, landed = F), an all-or-nothing
 * one at R + penalty × P beside an F just over R, and the other methods near their own.
 */
const nearFloor = fc.record({
  price: amount,
  otherDutyRate,
  basis,
  rate: fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 1_000_000).toFixed(6)),
  type: fc.constantFrom('capped', 'all-or-nothing', 'full-gap', 'tranche'),
  delta: fc
    .tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 5, max: 11 }))
    .map(([k, places]) => new Wide(k).div(new Wide(10).pow(places))),
  rounding,
});

describe('POST /v1/floor-gap: over floors a hair from the landed price', () => {
  it('floorMet = (exact landed ≥ exact floor) = (printed landed ≥ printed floor), and each printed figure is its exact value rounded once at 4 places or at more', async () => {
    await fc.assert(
      fc.asyncProperty(nearFloor, async (q) => {
        const P = new Wide(q.price);
        const R = q.basis === 'duty-paid' ? P.times(new Wide(1).plus(q.otherDutyRate)) : P;
        // capped: F = R + maxRate × P + δ; all-or-nothing: F = R + δ; others: F = R × 1.5 + δ
        const base =
          q.type === 'capped'
            ? R.plus(P.times(q.rate))
            : q.type === 'all-or-nothing'
              ? R
              : R.times('1.5');
        const F = base.plus(q.delta);
        fc.pre(F.gte(0));
        const method =
          q.type === 'capped'
            ? { type: 'capped', maxRate: q.rate }
            : q.type === 'all-or-nothing'
              ? { type: 'all-or-nothing', penaltyRate: q.rate }
              : { type: q.type };
        const r = await floorGap({
          price: usd(q.price),
          floor: usd(F.toFixed()),
          otherDutyRate: q.otherDutyRate,
          basis: q.basis,
          method,
          rounding: q.rounding,
        });
        // the exact landed price by the contract's definitions, T = F
        const g = Wide.max(0, F.minus(R));
        const L = R.plus(exactDuty(method, P, R, F, g));
        expect(r.floorMet).toBe(L.gte(F));
        expect(r.floorMet).toBe(new Wide(r.landedPerUnit).gte(r.floorPerUnit));
        reportedPlaces(r.landedPerUnit, L, q.rounding);
        reportedPlaces(r.floorPerUnit, F, q.rounding);
        // binding is the exact R < F (T = F)
        expect(r.binding).toBe(R.lt(F));
      }),
      { seed: 41, numRuns: 200 },
    );
  });
});
