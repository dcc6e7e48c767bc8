import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, parseReported } from '../../src/numeric';
import { call, postJson } from '../helpers';

interface Sweep {
  cells: { redPrice: string; floor: string; landedPerUnit: string; blueWins: boolean }[];
  breakEven: {
    minFloorForBlue: string | null;
    maxRedPriceForRed: string | null;
    atRedPrice: string;
    atFloor: string;
    reasons: Record<string, string>;
    notes: Record<string, string>;
  };
}

async function sweep(body: unknown): Promise<Sweep> {
  const response = await postJson('/v1/floor-gap/sweep', body);
  expect(response.status).toBe(200);
  return (await response.json()) as Sweep;
}

const allOrNothing = { type: 'all-or-nothing', penaltyRate: '0.6' };

describe('POST /v1/floor-gap/sweep, all-or-nothing: the break-even prices agree with the cells', () => {
  it('red 10 and 14, floor 12, blue 15, penalty 0.6: minFloorForBlue is any floor above 14, as the cell at red 14 says', async () => {
    const r = await sweep({
      redPrices: ['10', '14'],
      floors: ['12'],
      per: 'kg',
      bluePrice: '15',
      method: allOrNothing,
    });
    // red 10: R = 10 < 12 → penalty 0.6 × 10 = 6, lands 16 ≥ 15: blue.
    // red 14: R = 14 ≥ 12 → no penalty, lands 14 < 15: red.
    expect(r.cells.map((c) => [c.redPrice, c.landedPerUnit, c.blueWins])).toEqual([
      ['10.0000', '16.0000', true],
      ['14.0000', '14.0000', false],
    ]);
    // Blue wins at red 10 under any floor above 10 (6 ≥ 15 − 10), at red 14 under any floor above
    // 14 (0.6 × 14 = 8.4 ≥ 15 − 14): at both, above max(10, 14) = 14.
    expect(r.breakEven.minFloorForBlue).toBe('14.0000');
    expect(r.breakEven.notes.minFloorForBlue).toMatch(/^any floor above this value, .* at red 14 /);
    // atRedPrice stays the grid's lowest red price.
    expect(r.breakEven.atRedPrice).toBe('10.0000');
  });

  it('the same request: maxRedPriceForRed 9.3750 (15 / 1.6), below which red wins at every price, as the cell at red 10 says', async () => {
    const r = await sweep({
      redPrices: ['9', '10', '14'],
      floors: ['12'],
      per: 'kg',
      bluePrice: '15',
      method: allOrNothing,
    });
    // Below the floor red lands at 1.6P: 9 → 14.4 < 15 red; 10 → 16 ≥ 15 blue. At 14 ≥ 12 no
    // penalty: 14 < 15 red. Red wins on [0, 15 / 1.6 = 9.375) ∪ [12, 15).
    expect(r.cells.map((c) => [c.redPrice, c.landedPerUnit, c.blueWins])).toEqual([
      ['9.0000', '14.4000', false],
      ['10.0000', '16.0000', true],
      ['14.0000', '14.0000', false],
    ]);
    expect(r.breakEven.maxRedPriceForRed).toBe('9.3750');
    expect(r.breakEven.notes.maxRedPriceForRed).toBe(
      'red wins below this value and again from 12.0000, where its reference price reaches the floor and the penalty stops, up to 15.0000; in between the penalty lifts it to blue’s price or above',
    );
  });
});

/** Two printed decimals compared exactly. */
const compareReported = (a: string, b: string) => compare(parseReported(a), parseReported(b));
const cent = (max: number) => fc.integer({ min: 0, max }).map((n) => (n / 100).toFixed(2));

describe('POST /v1/floor-gap/sweep, all-or-nothing: no printed break-even contradicts a cell', () => {
  it('over random grids of prices to the cent, duties, bases, penalties and rounding', async () => {
    // Prices to the cent print exactly at 4 places, and a break-even rounded once to 4 places
    // keeps the side of each of them (no 4-place number lies between a value and its rounding).
    const request = fc.record({
      redPrices: fc.array(cent(3000), { minLength: 1, maxLength: 4 }),
      floors: fc.array(cent(3000), { minLength: 1, maxLength: 4 }),
      bluePrice: cent(3000),
      otherDutyRate: cent(50),
      basis: fc.constantFrom('duty-paid', 'customs-value'),
      penaltyRate: cent(150),
      rounding: fc.constantFrom('half-up', 'half-even'),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ penaltyRate, ...q }) => {
        const r = await sweep({
          ...q,
          per: 'kg',
          method: { type: 'all-or-nothing', penaltyRate },
        });
        const minFloor = r.breakEven.minFloorForBlue;
        if (minFloor !== null) {
          // "any floor above this value", or every floor when none is needed (0.0000)
          const open = r.breakEven.notes.minFloorForBlue?.startsWith('any floor above') === true;
          for (const c of r.cells) {
            const side = compareReported(c.floor, minFloor);
            if (open ? side > 0 : side >= 0) expect(c.blueWins).toBe(true);
          }
        }
        const maxRed = r.breakEven.maxRedPriceForRed;
        if (maxRed !== null) {
          for (const c of r.cells) {
            if (compareReported(c.redPrice, maxRed) < 0) expect(c.blueWins).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the heat map of an all-or-nothing sweep', () => {
  it('draws the min-floor line past a floor equal to the open bound: floors 13, 14, 15 and bound 14 → before 15', async () => {
    const response = await call('/v1/floor-gap/sweep', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'image/svg+xml' },
      body: JSON.stringify({
        redPrices: ['10', '14'],
        floors: ['13', '14', '15'],
        per: 'kg',
        bluePrice: '15',
        method: allOrNothing,
      }),
    });
    expect(response.status).toBe(200);
    const svg = await response.text();
    // minFloorForBlue: any floor above 14. Under floor 14 red 14 pays no penalty (R = 14 = F) and
    // lands at 14 < 15: red; under 15, 14 + 0.6 × 14 = 22.4 ≥ 15: blue.
    expect(svg).toContain('<title>red 14.0000, floor 14.0000: landed 14.0000, red wins</title>');
    expect(svg).toContain('<title>red 14.0000, floor 15.0000: landed 22.4000, blue wins</title>');
    // Columns are min(40, floor(640 / 3)) = 40 wide from x = 90, so the edge before floor 15 (the
    // third column) is at 90 + 2 × 40 = 170, and the line starts 6 above the grid's top (50): 44.
    expect(svg).toContain('<line x1="170" y1="44" x2="170"');
    // An open bound: a floor of 14 itself leaves red winning at red 14, so the label says above.
    expect(svg).toContain('min floor for blue above 14.0000');
  });
});
