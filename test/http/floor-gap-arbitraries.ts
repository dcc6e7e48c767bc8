import fc from 'fast-check';
import { expect } from 'vitest';
import type { RoundingMode } from '../../src/domain/rounding';
import { decimalJsFixed, Wide } from '../domain/reference-rounding';
import { postJson } from '../helpers';

/**
 * Inputs for property tests of the floor-gap figures as printed: amounts with 5 or 6 places, so
 * that they round at the printed 4, every method, other duty rates up to 0.5, both bases and both
 * rounding modes.
 */
export const amount = fc
  .tuple(fc.integer({ min: 0, max: 3_000_000 }), fc.constantFrom(5, 6))
  .map(([n, places]) => (n / 10 ** places).toFixed(places));

export const method = fc.oneof(
  fc.constant({ type: 'full-gap' }),
  fc.constant({ type: 'tranche' }),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => ({
    type: 'capped',
    maxRate: (n / 1_000_000).toFixed(6),
  })),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => ({
    type: 'all-or-nothing',
    penaltyRate: (n / 1_000_000).toFixed(6),
  })),
);

export const otherDutyRate = fc
  .integer({ min: 0, max: 500_000 })
  .map((n) => (n / 1_000_000).toFixed(6));

export const basis = fc.constantFrom('duty-paid', 'customs-value');

export const rounding = fc.constantFrom('half-up', 'half-even');

/**
 * A landed price or floor as the floor-gap answers print it: its exact value rounded once at 4
 * places, or at 5 to 10 without trailing zeros past the 4th (where 4 would put the two across or
 * onto each other). Below 10 places it is the exact value rounded by the mode at them; at 10 it
 * may instead be cut toward its own side of the other, so it is within 10^-10 of the exact value.
 */
export function reportedPlaces(printed: string, exact: Wide, mode: RoundingMode): void {
  const places = printed.length - printed.indexOf('.') - 1;
  expect(places).toBeGreaterThanOrEqual(4);
  expect(places).toBeLessThanOrEqual(10);
  if (places > 4) expect(printed.endsWith('0')).toBe(false);
  if (places < 10) expect(printed).toBe(decimalJsFixed(exact, places, mode));
  else expect(new Wide(printed).minus(exact).abs().lt('0.0000000001')).toBe(true);
}

/** d by the contract's definition of each method, T = F for the tranche. */
export function exactDuty(
  method: { type: string; maxRate?: string; penaltyRate?: string },
  P: Wide,
  R: Wide,
  F: Wide,
  g: Wide,
): Wide {
  switch (method.type) {
    case 'full-gap':
      return g;
    case 'capped':
      return Wide.min(g, P.times(method.maxRate ?? '0'));
    case 'all-or-nothing':
      return R.lt(F) ? P.times(method.penaltyRate ?? '0') : new Wide(0);
    default: {
      // WTO AoA art. 5.5 with T = F: ≤ 0.10T → 0; ≤ 0.40T → 0.30(g − 0.10T); ≤ 0.60T →
      // 0.50(g − 0.40T) + 0.09T; ≤ 0.75T → 0.70(g − 0.60T) + 0.19T; above → 0.90(g − 0.75T) + 0.295T.
      const T = F;
      if (g.lte(T.times('0.10'))) return new Wide(0);
      if (g.lte(T.times('0.40'))) return g.minus(T.times('0.10')).times('0.30');
      if (g.lte(T.times('0.60')))
        return g.minus(T.times('0.40')).times('0.50').plus(T.times('0.09'));
      if (g.lte(T.times('0.75')))
        return g.minus(T.times('0.60')).times('0.70').plus(T.times('0.19'));
      return g.minus(T.times('0.75')).times('0.90').plus(T.times('0.295'));
    }
  }
}

/** A price in USD, per kg unless said. */
export const usd = (amount: string, per = 'kg') => ({ amount, currency: 'USD', per });

/** The fields of a floor-gap answer the floor-gap tests read. */
export interface FloorGap {
  referencePerUnit: string;
  floorPerUnit: string;
  gapPerUnit: string;
  dutyPerUnit: string;
  duty: string;
  adValoremEquivalent: string | null;
  landedPerUnit: string;
  binding: boolean;
  floorMet: boolean;
  triggerPerUnit?: string;
  triggerGapPerUnit?: string;
  per: string;
  quantity: { value: string; unit: string };
  quantityGiven: { value: string; unit: string };
  formula: string;
}

/** POST /v1/floor-gap dated 2026-11-21 (unless the body says), its 200 answer. */
export async function floorGap(body: Record<string, unknown>): Promise<FloorGap> {
  const response = await postJson('/v1/floor-gap', { asOf: '2026-11-21', ...body });
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as FloorGap;
}
