import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Bloc,
  type BlocDestination,
  type BlocTiersResult,
  blocTiers,
  clearZoneMarket,
  type DestinationTier,
  type ReportedBlocTiers,
  type ReportedTier,
  reportBlocTiers,
} from '../../src/domain/bloc-tiers';
import { type FloorGapMethod, WTO_TRANCHE_BANDS } from '../../src/domain/floor-gap';
import {
  add,
  type Decimal,
  decimal,
  equal,
  greaterThanOrEqual,
  isNegative,
  isZero,
} from '../../src/numeric';
import { d, t } from './numbers';

const FULL_GAP: FloorGapMethod = { type: 'full-gap' };

function destination(
  country: string,
  bloc: Bloc,
  floorApplies: boolean,
  redOtherDutyRate = '0',
  blueOtherDutyRate = '0',
): BlocDestination {
  return {
    country,
    bloc,
    floorApplies,
    redOtherDutyRate: d(redOtherDutyRate),
    blueOtherDutyRate: d(blueOtherDutyRate),
    redDutiesKnown: true,
    blueDutiesKnown: true,
    freightInCustomsValue: true,
  };
}

/** No freight on either track unless a test says so. */
const NO_FREIGHT = { redFreight: d(0), blueFreight: d(0) };

function tierOf(result: BlocTiersResult, country: string): DestinationTier {
  const tier = result.destinations.find((d) => d.country === country);
  if (tier === undefined) throw new Error(`no tier for ${country}`);
  return tier;
}

/** Reported figures rounded half-up. */
const HALF_UP = 'half-up' as const;

/** Some figures of a reported destination, at 4 places. */
function figures(tier: ReportedTier | undefined, keys: readonly (keyof ReportedTier)[]): string[] {
  if (tier === undefined) throw new Error('no reported destination');
  return keys.map((k) => t(tier[k] as Decimal, 4));
}

/** Some figures of a reported destination, as they are (without trailing zeros). */
function plainFigures(
  tier: ReportedTier | undefined,
  keys: readonly (keyof ReportedTier)[],
): string[] {
  if (tier === undefined) throw new Error('no reported destination');
  return keys.map((k) => t(tier[k] as Decimal));
}

/** insideCost, leakCost, gap, floorPart, otherDutiesPart as reported, at 4 places. */
function leakFigures(r: ReportedBlocTiers): (string | null)[] {
  const l = r.leakage;
  return [l.insideCost, l.leakCost, l.downstreamCostGapPerUnit, l.floorPart, l.otherDutiesPart].map(
    (x) => (x === null ? null : t(x, 4)),
  );
}

/** The worked example: red 10, blue 15, floor 16, full gap, duty-paid, no other duties. */
function workedExample(destinations: readonly BlocDestination[]): BlocTiersResult {
  return blocTiers({
    ...NO_FREIGHT,
    redPrice: d(10),
    bluePrice: d(15),
    floor: d(16),
    basis: 'duty-paid',
    method: FULL_GAP,
    destinations,
  });
}

describe('blocTiers: the worked example (red 10, blue 15, floor 16)', () => {
  const result = workedExample([destination('US', 'blue', true), destination('IN', 'grey', false)]);

  it('in a floor member red lands at the floor (10 + gap 6 = 16), blue at 15, so blue governs', () => {
    const us = tierOf(result, 'US');
    expect(t(us.floorGapPerUnit)).toBe('6');
    expect(t(us.redLanded)).toBe('16');
    expect(t(us.blueLanded)).toBe('15');
    expect(us.cheapest).toBe('blue');
    expect(us.tier).toBe('blue');
    // min(16, 15) = 15
    expect(t(us.governingPrice)).toBe('15');
    expect(us.floorGap?.binding).toBe(true);
  });

  it('outside the floor red lands at 10 with no floor-gap duty and governs', () => {
    const india = tierOf(result, 'IN');
    expect(t(india.floorGapPerUnit)).toBe('0');
    expect(india.floorGap).toBeNull();
    expect(t(india.redLanded)).toBe('10');
    expect(t(india.blueLanded)).toBe('15');
    expect(india.cheapest).toBe('red');
    expect(india.tier).toBe('red');
    expect(t(india.governingPrice)).toBe('10');
  });

  it('tracks: spread 15 − 10 = 5, blue premium 5 / 10 = 0.5', () => {
    expect(t(result.tracks.red)).toBe('10');
    expect(t(result.tracks.blue)).toBe('15');
    expect(t(result.tracks.spread)).toBe('5');
    expect(t(result.tracks.bluePremium)).toBe('0.5');
  });

  it('red supply leaks to the non-member; a maker there pays 15 − 10 = 5 less per unit', () => {
    expect(result.leakage.destinations).toEqual(['IN']);
    expect(t(result.leakage.insideCost)).toBe('15');
    expect(t(result.leakage.leakCost)).toBe('10');
    expect(t(result.leakage.downstreamCostGapPerUnit)).toBe('5');
  });

  it('all of that gap is the floor’s: without it red would land at 10 inside too (10 − 10 = 0 from other duties)', () => {
    expect(t(result.leakage.floorPart)).toBe('5');
    expect(t(result.leakage.otherDutiesPart)).toBe('0');
  });
});

describe('blocTiers: leakage is never China’s home market, and the cost gap is split by cause', () => {
  it('a red-bloc destination outside the floor is listed as redHome, not as a leak', () => {
    const result = workedExample([
      destination('US', 'blue', true),
      destination('IN', 'grey', false),
      destination('CN', 'red', false),
    ]);
    expect(result.leakage.destinations).toEqual(['IN']);
    expect(result.leakage.redHome).toEqual(['CN']);
  });

  it('with China the only place red is cheaper there is no leak and no cost gap', () => {
    const result = workedExample([
      destination('US', 'blue', true),
      destination('CN', 'red', false),
    ]);
    expect(result.leakage.destinations).toEqual([]);
    expect(result.leakage.leakCost).toBeNull();
    expect(t(result.leakage.downstreamCostGapPerUnit)).toBe('0');
  });

  it('a gap from other duties alone is all otherDutiesPart: red 75 under a 37.1% duty, floor 100 not binding → 27.825 from duties, 0 from the floor', () => {
    const result = blocTiers({
      ...NO_FREIGHT,
      redPrice: d(75),
      bluePrice: d(120),
      floor: d(100),
      basis: 'duty-paid',
      method: FULL_GAP,
      destinations: [destination('US', 'blue', true, '0.371'), destination('IN', 'grey', false)],
    });
    // US: 75 × 1.371 = 102.825 ≥ 100, so no floor duty; IN: 75
    expect(t(tierOf(result, 'US').floorGapPerUnit)).toBe('0');
    expect(t(result.leakage.downstreamCostGapPerUnit)).toBe('27.825');
    expect(t(result.leakage.floorPart)).toBe('0');
    expect(t(result.leakage.otherDutiesPart)).toBe('27.825');
  });

  it('a gap with both causes: red 10 with a 25% duty, floor 16 → inside 16 (12.5 + 3.5), leak 10: 2.5 from duties + 3.5 from the floor', () => {
    const result = blocTiers({
      ...NO_FREIGHT,
      redPrice: d(10),
      bluePrice: d(20),
      floor: d(16),
      basis: 'duty-paid',
      method: FULL_GAP,
      destinations: [destination('US', 'blue', true, '0.25'), destination('IN', 'grey', false)],
    });
    // 16 − 10 = 6 = (12.5 − 10) + (16 − 12.5)
    expect(t(result.leakage.downstreamCostGapPerUnit)).toBe('6');
    expect(t(result.leakage.otherDutiesPart)).toBe('2.5');
    expect(t(result.leakage.floorPart)).toBe('3.5');
  });

  it('the reported gap is the sum of its reported parts: red 10.00005 with a 25% duty, floor 16 → 2.5000 from duties + 3.4999 from the floor = 5.9999 (the exact 5.99995 alone would round to 6.0000)', () => {
    const result = blocTiers({
      ...NO_FREIGHT,
      redPrice: d('10.00005'),
      bluePrice: d(20),
      floor: d(16),
      basis: 'duty-paid',
      method: FULL_GAP,
      destinations: [destination('US', 'blue', true, '0.25'), destination('IN', 'grey', false)],
    });
    // US without the floor: 10.00005 × 1.25 = 12.5000625; floor duty 16 − 12.5000625 = 3.4999375;
    // IN: 10.00005. Gap 16 − 10.00005 = 5.99995 = 2.5000125 (duties) + 3.4999375 (floor).
    expect(t(result.leakage.downstreamCostGapPerUnit)).toBe('5.99995');
    const reported = reportBlocTiers(result, HALF_UP);
    // Each part rounded once: US 12.5000625 → 12.5001 and 3.4999375 → 3.4999, red lands at
    // 12.5001 + 3.4999 = 16.0000; IN 10.00005 → 10.0001. Gap 16.0000 − 10.0001 = 5.9999 =
    // (12.5001 − 10.0001 = 2.5000 from duties) + 3.4999, the floor's part being US's printed duty.
    expect(
      figures(reported.destinations[0], ['redLandedWithoutFloor', 'floorGapPerUnit', 'redLanded']),
    ).toEqual(['12.5001', '3.4999', '16.0000']);
    expect(leakFigures(reported)).toEqual(['16.0000', '10.0001', '5.9999', '3.4999', '2.5000']);
  });

  it('where blue governs inside, the floor’s part is the printed blueLanded − redLandedWithoutFloor: blue 16.00004 → 16.0000, red 10.00006 → 10.0001, gap 5.9999 all the floor’s (the exact 5.99998 alone would print 6.0000)', () => {
    const reported = reportBlocTiers(
      blocTiers({
        ...NO_FREIGHT,
        redPrice: d('10.00006'),
        bluePrice: d('16.00004'),
        floor: d(20),
        basis: 'duty-paid',
        method: FULL_GAP,
        destinations: [destination('US', 'blue', true), destination('IN', 'grey', false)],
      }),
      HALF_UP,
    );
    // US: 10.00006 → 10.0001, duty 20 − 10.00006 = 9.99994 → 9.9999, red lands at 20.0000; blue
    // 16.0000 governs. IN: red 10.0001 < blue 16.0000, a leak. Without the floor red would govern
    // at 10.0001 in the US too: nothing from other duties, 16.0000 − 10.0001 = 5.9999 is the floor's.
    expect(leakFigures(reported)).toEqual(['16.0000', '10.0001', '5.9999', '5.9999', '0.0000']);
  });

  it('a gap with no floor duty in it is all otherDutiesPart: red 10.00004 under a 50% duty meets floor 15 (15.00006 → 15.0001), leak 10.00004 → 10.0000: 5.0001 from duties, 0 from the floor', () => {
    const reported = reportBlocTiers(
      blocTiers({
        ...NO_FREIGHT,
        redPrice: d('10.00004'),
        bluePrice: d(20),
        floor: d(15),
        basis: 'duty-paid',
        method: FULL_GAP,
        destinations: [destination('US', 'blue', true, '0.5'), destination('IN', 'grey', false)],
      }),
      HALF_UP,
    );
    // 10.00004 × 1.5 = 15.00006 ≥ 15: no floor duty, red lands at 15.0001 with and without it.
    expect(leakFigures(reported)).toEqual(['15.0001', '10.0000', '5.0001', '0.0000', '5.0001']);
  });

  it('no gap when the printed leak is at or above the printed inside (blue 10.00004 → 10.0000 inside, red 10.00005 → 10.0001 at the leak: 0, not −0.0001), nor without a leak destination', () => {
    const input = {
      ...NO_FREIGHT,
      redPrice: d('10.00005'),
      bluePrice: d('10.00004'),
      floor: d(16),
      basis: 'duty-paid' as const,
      method: FULL_GAP,
    };
    // IN charges blue supply 10%: blue lands there at 11.000044, red (10.0001) is cheaper.
    const above = reportBlocTiers(
      blocTiers({
        ...input,
        destinations: [
          destination('US', 'blue', true),
          destination('IN', 'grey', false, '0', '0.1'),
        ],
      }),
      HALF_UP,
    );
    expect(leakFigures(above)).toEqual(['10.0000', '10.0001', '0.0000', '0.0000', '0.0000']);
    const none = reportBlocTiers(
      blocTiers({ ...input, destinations: [destination('US', 'blue', true)] }),
      HALF_UP,
    );
    expect(leakFigures(none)).toEqual(['10.0000', null, '0.0000', '0.0000', '0.0000']);
  });

  it('decisions are taken on the exact figures: red 19.14736 and blue 19.14744 would both print 19.1474 outside the floor; red is cheaper, leaks, and every landed figure prints with 5 places to show it', () => {
    const result = blocTiers({
      ...NO_FREIGHT,
      redPrice: d('19.14736'),
      bluePrice: d('19.14744'),
      floor: d('25.2104'),
      basis: 'duty-paid',
      method: FULL_GAP,
      destinations: [destination('IN', 'grey', false), destination('US', 'blue', true)],
    });
    // Exactly, red is 19.14744 − 19.14736 = 0.00008 cheaper in IN and leaks there.
    expect(tierOf(result, 'IN').cheapest).toBe('red');
    for (const mode of ['half-up', 'half-even'] as const) {
      const reported = reportBlocTiers(result, mode);
      const [inIndia, us] = reported.destinations;
      // At 4 places IN's pair is 19.1474 and 19.1474 (equal); at 5 it is 19.14736 < 19.14744, so
      // every landed figure prints at 5: IN red governs at 19.14736.
      expect([inIndia?.cheapest, inIndia?.tier]).toEqual(['red', 'red']);
      expect(plainFigures(inIndia, ['redLanded', 'blueLanded', 'governingPrice'])).toEqual([
        '19.14736',
        '19.14744',
        '19.14736',
      ]);
      // US: R0 19.14736, duty 25.2104 − 19.14736 = 6.06304 → 6.0630 (4 places, as /v1/floor-gap),
      // red lands at exactly 25.2104 → 25.21040, blue 19.14744 governs.
      expect([us?.cheapest, us?.tier]).toEqual(['blue', 'blue']);
      expect(
        plainFigures(us, [
          'redLandedWithoutFloor',
          'floorGapPerUnit',
          'redLanded',
          'blueLanded',
          'governingPrice',
        ]),
      ).toEqual(['19.14736', '6.063', '25.2104', '19.14744', '19.14744']);
      expect(reported.leakage.destinations).toEqual(['IN']);
      // inside 19.14744 − leak 19.14736 = 0.00008; without the floor the US would be served at
      // R0 19.14736 = the leak: otherDutiesPart max(0, 19.14736 − 19.14736) = 0, floorPart 0.00008.
      const l = reported.leakage;
      const costs = [l.insideCost, l.leakCost, l.downstreamCostGapPerUnit];
      expect([...costs, l.floorPart, l.otherDutiesPart].map((x) => t(x))).toEqual([
        '19.14744',
        '19.14736',
        '0.00008',
        '0.00008',
        '0',
      ]);
      // tracks: 19.14736 and 19.14744 print at 5 places, spread 0.00008.
      const { red, blue, spread } = reported.tracks;
      expect([t(red), t(blue), t(spread)]).toEqual(['19.14736', '19.14744', '0.00008']);
    }
  });

  it('red landing at exactly 16 under the floor beside blue 16.00001: red is cheaper and governs, 16.0000 beside 16.00001 (not a tie of two 16.0000)', () => {
    const result = blocTiers({
      ...NO_FREIGHT,
      redPrice: d(10),
      bluePrice: d('16.00001'),
      floor: d(16),
      basis: 'duty-paid',
      method: FULL_GAP,
      destinations: [destination('US', 'blue', true)],
    });
    for (const mode of ['half-up', 'half-even'] as const) {
      // 10 + (16 − 10) = 16 < 16.00001; at 4 places 16.0000 and 16.0000, at 5 16 < 16.00001.
      const [us] = reportBlocTiers(result, mode).destinations;
      expect([us?.cheapest, us?.tier]).toEqual(['red', 'red']);
      expect(plainFigures(us, ['redLanded', 'blueLanded', 'governingPrice'])).toEqual([
        '16',
        '16.00001',
        '16',
      ]);
    }
  });

  it('past 10 places a pair is cut toward its own sides: red 10 beside blue 10.00000000001 prints 10 and 10.0000000001', () => {
    const result = blocTiers({
      ...NO_FREIGHT,
      redPrice: d(10),
      bluePrice: d('10.00000000001'),
      floor: d(5),
      basis: 'duty-paid',
      method: FULL_GAP,
      destinations: [destination('IN', 'grey', false)],
    });
    for (const mode of ['half-up', 'half-even'] as const) {
      // At 10 places both are 10.0000000000; red cut down stays 10, blue cut up is 10.0000000001.
      const reported = reportBlocTiers(result, mode);
      const [india] = reported.destinations;
      expect(india?.cheapest).toBe('red');
      expect(plainFigures(india, ['redLanded', 'blueLanded'])).toEqual(['10', '10.0000000001']);
      expect(reported.leakage.destinations).toEqual(['IN']);
    }
  });

  it('freight: red 10 + 1 freight to a CIF destination is valued at 11, the floor duty is 16 − 11 = 5, red lands at 16; on a FOB basis the duty is 6 and red lands at 17', () => {
    const base = {
      redPrice: d(10),
      bluePrice: d(15),
      redFreight: d(1),
      blueFreight: d('0.5'),
      floor: d(16),
      basis: 'duty-paid' as const,
      method: FULL_GAP,
    };
    const cif = tierOf(
      blocTiers({ ...base, destinations: [destination('JP', 'blue', true)] }),
      'JP',
    );
    expect(t(cif.floorGapPerUnit)).toBe('5');
    expect(t(cif.redLanded)).toBe('16');
    // 15 + 0.5
    expect(t(cif.blueLanded)).toBe('15.5');
    const fob = tierOf(
      blocTiers({
        ...base,
        destinations: [{ ...destination('US', 'blue', true), freightInCustomsValue: false }],
      }),
      'US',
    );
    expect(t(fob.floorGapPerUnit)).toBe('6');
    expect(t(fob.redLanded)).toBe('17');
  });
});

describe('blocTiers: floor applied by one member only', () => {
  const result = workedExample([
    destination('US', 'blue', true),
    destination('JP', 'blue', false),
    destination('IN', 'grey', false),
  ]);

  it('a blue-bloc non-member takes red supply at 10 and becomes a leak', () => {
    const jp = tierOf(result, 'JP');
    expect(jp.bloc).toBe('blue');
    expect(t(jp.floorGapPerUnit)).toBe('0');
    expect(t(jp.redLanded)).toBe('10');
    expect(jp.cheapest).toBe('red');
    expect(jp.tier).toBe('red');
    expect(result.leakage.destinations).toEqual(['JP', 'IN']);
  });

  it('the lone member still pays 15 against 10 at the leaks: gap 5', () => {
    expect(tierOf(result, 'US').tier).toBe('blue');
    expect(t(result.leakage.downstreamCostGapPerUnit)).toBe('5');
  });
});

describe('blocTiers: cheapest, tier and leakage edges', () => {
  it('at parity (red 10 + gap 6 = 16 = blue 16) the cheapest is a tie and blue governs', () => {
    const result = blocTiers({
      ...NO_FREIGHT,
      redPrice: d(10),
      bluePrice: d(16),
      floor: d(16),
      basis: 'duty-paid',
      method: FULL_GAP,
      destinations: [destination('US', 'blue', true)],
    });
    const us = tierOf(result, 'US');
    expect(t(us.redLanded)).toBe('16');
    expect(t(us.blueLanded)).toBe('16');
    expect(us.cheapest).toBe('tie');
    expect(us.tier).toBe('blue');
  });

  it('outside the floor a tie also goes to blue and is not a leak (red 15 = blue 15)', () => {
    const result = blocTiers({
      ...NO_FREIGHT,
      redPrice: d(15),
      bluePrice: d(15),
      floor: d(16),
      basis: 'duty-paid',
      method: FULL_GAP,
      destinations: [destination('US', 'blue', true), destination('IN', 'grey', false)],
    });
    const india = tierOf(result, 'IN');
    expect(india.cheapest).toBe('tie');
    expect(india.tier).toBe('blue');
    expect(result.leakage.destinations).toEqual([]);
    expect(result.leakage.leakCost).toBeNull();
    expect(t(result.leakage.downstreamCostGapPerUnit)).toBe('0');
  });

  it('a capped floor can leave red cheaper inside it, and then red governs (10 + min(6, 0.2 × 10) = 12 < 15)', () => {
    const result = blocTiers({
      ...NO_FREIGHT,
      redPrice: d(10),
      bluePrice: d(15),
      floor: d(16),
      basis: 'duty-paid',
      method: { type: 'capped', maxRate: d('0.2') },
      destinations: [destination('US', 'blue', true), destination('IN', 'grey', false)],
    });
    const us = tierOf(result, 'US');
    expect(t(us.floorGapPerUnit)).toBe('2');
    expect(t(us.redLanded)).toBe('12');
    expect(us.cheapest).toBe('red');
    expect(us.tier).toBe('red');
    // inside min(12, 15) = 12, leak 10: gap 2
    expect(t(result.leakage.downstreamCostGapPerUnit)).toBe('2');
  });

  it('with no floor member the inside cost is null and the downstream gap is zero', () => {
    const result = workedExample([destination('IN', 'grey', false)]);
    expect(result.leakage.destinations).toEqual(['IN']);
    expect(result.leakage.insideCost).toBeNull();
    expect(t(result.leakage.leakCost)).toBe('10');
    expect(t(result.leakage.downstreamCostGapPerUnit)).toBe('0');
  });

  it('blue premium is null, not 0, when the red price is zero (spread 15 − 0 = 15; 15 / 0 is undefined)', () => {
    const result = blocTiers({
      ...NO_FREIGHT,
      redPrice: d(0),
      bluePrice: d(15),
      floor: d(16),
      basis: 'duty-paid',
      method: FULL_GAP,
      destinations: [],
    });
    expect(t(result.tracks.spread)).toBe('15');
    expect(result.tracks.bluePremium).toBeNull();
    // As printed: red 0 → 0.0000, spread 15.0000, premium null (was 0).
    expect(reportBlocTiers(result, HALF_UP).tracks.bluePremium).toBeNull();
  });
});

describe('blocTiers: other duties and the floor basis', () => {
  // red 10 with a 25% other duty: other duty 2.5; blue 15 with a 10% duty: 15 × 1.1 = 16.5
  const destinations = [destination('US', 'blue', true, '0.25', '0.1')];

  it('duty-paid basis counts other duties before the floor: gap 16 − 12.5 = 3.5, red lands 10 + 2.5 + 3.5 = 16', () => {
    const us = tierOf(
      blocTiers({
        ...NO_FREIGHT,
        redPrice: d(10),
        bluePrice: d(15),
        floor: d(16),
        basis: 'duty-paid',
        method: FULL_GAP,
        destinations,
      }),
      'US',
    );
    expect(t(us.redOtherDutyPerUnit)).toBe('2.5');
    expect(t(us.floorGapPerUnit)).toBe('3.5');
    expect(t(us.redLanded)).toBe('16');
    expect(t(us.blueLanded)).toBe('16.5');
    expect(us.cheapest).toBe('red');
    expect(t(us.governingPrice)).toBe('16');
  });

  it('customs-value basis ignores other duties in the test: gap 16 − 10 = 6, red lands 10 + 2.5 + 6 = 18.5', () => {
    const us = tierOf(
      blocTiers({
        ...NO_FREIGHT,
        redPrice: d(10),
        bluePrice: d(15),
        floor: d(16),
        basis: 'customs-value',
        method: FULL_GAP,
        destinations,
      }),
      'US',
    );
    expect(t(us.floorGapPerUnit)).toBe('6');
    expect(t(us.redLanded)).toBe('18.5');
    expect(t(us.blueLanded)).toBe('16.5');
    expect(us.cheapest).toBe('blue');
    expect(t(us.governingPrice)).toBe('16.5');
  });

  it('blue supply never pays the floor-gap duty, even where it is far below the floor (blue 5 lands 5)', () => {
    const us = tierOf(
      blocTiers({
        ...NO_FREIGHT,
        redPrice: d(10),
        bluePrice: d(5),
        floor: d(16),
        basis: 'duty-paid',
        method: FULL_GAP,
        destinations: [destination('US', 'blue', true)],
      }),
      'US',
    );
    expect(t(us.blueLanded)).toBe('5');
    expect(us.cheapest).toBe('blue');
  });
});

describe('blocTiers: the gap’s split never rests on a duty the data lacks counted as 0', () => {
  /** A destination whose red and/or blue duties are not in the data (rate 0 stands for them). */
  const unknown = (
    dest: BlocDestination,
    which: { red?: boolean; blue?: boolean },
  ): BlocDestination => ({
    ...dest,
    redDutiesKnown: which.red !== true,
    blueDutiesKnown: which.blue !== true,
  });
  /** Red 60, floor 80, blue offer `blue`: full gap, duty-paid (the magnet case of the review). */
  const magnets = (destinations: readonly BlocDestination[], blue = '80') =>
    blocTiers({
      ...NO_FREIGHT,
      redPrice: d(60),
      bluePrice: d(blue),
      floor: d(80),
      basis: 'duty-paid',
      method: FULL_GAP,
      destinations,
    }).leakage;
  const parts = (l: ReturnType<typeof magnets>) => [
    t(l.downstreamCostGapPerUnit),
    l.floorPart === null ? null : t(l.floorPart),
    l.otherDutiesPart === null ? null : t(l.otherDutiesPart),
  ];
  const us = destination('US', 'blue', true, '0.271');

  it('the lowest inside cost without the floor only an unknown lane reaches: null (was floor 20, duties 0)', () => {
    // US: 60 × 1.271 = 76.26 without the floor; JP (unknown): 60 as if duty-free; IN leak 60.
    // inside 80 (red at the floor, blue 80), gap 80 − 60 = 20; inside0 = min(76.26, 60) = 60 is
    // JP's, whose real duty may lift it up to 76.26: otherDutiesPart anywhere in [0, 16.26].
    const l = magnets([
      us,
      unknown(destination('JP', 'blue', true), { red: true }),
      unknown(destination('IN', 'grey', false), { red: true }),
    ]);
    expect(parts(l)).toEqual(['20', null, null]);
  });

  it('a known lane reaching the same lowest cost settles it: DE duty-free 60 ties JP, so all 20 is the floor’s', () => {
    // inside0 = 60, reached by DE (known, 0%): JP's unknown duty can only lift JP above it. The
    // leak IN (unknown) lands at 60 ≥ inside0: its duty can only shrink the gap, never move the
    // split: otherDutiesPart = max(0, 60 − 60) = 0, floorPart = 20 − 0 = 20.
    const l = magnets([
      us,
      unknown(destination('JP', 'blue', true), { red: true }),
      destination('DE', 'blue', true),
      unknown(destination('IN', 'grey', false), { red: true }),
    ]);
    expect(parts(l)).toEqual(['20', '20', '0']);
  });

  it('a known inside reference against an unknown leak below it: null (was floor 3.74, duties 16.26)', () => {
    // inside0 = 76.26 (US, known); leak IN 60 as if duty-free: 76.26 − 60 = 16.26 would be the US
    // duty less India's, taken as 0; with India at 10% it is 76.26 − 66 = 10.26.
    const l = magnets([us, unknown(destination('IN', 'grey', false), { red: true })]);
    expect(parts(l)).toEqual(['20', null, null]);
  });

  it('with India’s duty known (10%): leak 66, gap 80 − 66 = 14 = floor 3.74 + duties 10.26', () => {
    // otherDutiesPart = min(14, 76.26 − 66) = 10.26; floorPart = 14 − 10.26 = 3.74 (= 80 − 76.26)
    const l = magnets([us, destination('IN', 'grey', false, '0.1')]);
    expect(parts(l)).toEqual(['14', '3.74', '10.26']);
  });

  it('a lane outside the floor where only blue’s unknown duty keeps red from leaking, below the leak: null', () => {
    // Blue offer 62. US: red 80 (floor), blue 62 × 1.3 = 80.6 → inside 80; inside0 = min(76.26,
    // 80.6) = 76.26 (known). IN: red 66, blue 62 × 1.1 = 68.2 → leak at 66. VN: red 60 × 1.05 =
    // 63 > blue 62 (its duty unknown, counted 0), so not a leak as printed; with any blue duty over
    // 1/62 red leaks there at 63 < 66, and the split would be 76.26 − 63 = 13.26 of duties.
    const vn = destination('VN', 'grey', false, '0.05');
    const l = magnets(
      [
        destination('US', 'blue', true, '0.271', '0.3'),
        destination('IN', 'grey', false, '0.1', '0.1'),
        unknown(vn, { blue: true }),
      ],
      '62',
    );
    expect(parts(l)).toEqual(['14', null, null]);
    // With VN's blue duty known (0%) the split stands: 14 = 3.74 + 10.26, as above.
    const known = magnets(
      [
        destination('US', 'blue', true, '0.271', '0.3'),
        destination('IN', 'grey', false, '0.1', '0.1'),
        vn,
      ],
      '62',
    );
    expect(parts(known)).toEqual(['14', '3.74', '10.26']);
  });
  it('no floor duty in any floor member: floorPart 0 and the gap all otherDutiesPart, though the only floor member’s duty is partly unknown (before: null)', () => {
    // Red 60, blue 80, floor 50. JP (floor member): 5% known, the rest unknown: red 60 × 1.05 = 63
    // ≥ 50, floor duty 0 — its real duty can only raise the 63, never bring a floor duty back.
    // insideCost = min(63, 80) = 63 = inside0. IN (unknown, outside): red 60, leakCost 60.
    // gap = 63 − 60 = 3 = otherDutiesPart min(3, max(0, 63 − 60)) = 3; floorPart 3 − 3 = 0.
    const l = blocTiers({
      ...NO_FREIGHT,
      redPrice: d(60),
      bluePrice: d(80),
      floor: d(50),
      basis: 'duty-paid',
      method: FULL_GAP,
      destinations: [
        unknown(destination('JP', 'blue', true, '0.05'), { red: true }),
        unknown(destination('IN', 'grey', false), { red: true }),
      ],
    }).leakage;
    expect(parts(l)).toEqual(['3', '0', '3']);
  });

  it('a known blue offer sets the inside cost with and without the floor: floorPart 0, though KR pays a floor duty and the leak’s duty is unknown (before: null)', () => {
    // Red 60, blue 70 (no origin: duty-free, known), floor 80. US: 60 × 1.371 = 82.26 ≥ 80, no
    // floor duty; KR: 60 × 1.2 = 72, floor duty 8, red lands at 80. insideCost = min(82.26, 70,
    // 80, 70) = 70; inside0 = min(82.26, 70, 72, 70) = 70: blue governs either way. IN (unknown)
    // at 60: gap 70 − 60 = 10 = otherDutiesPart min(10, max(0, 70 − 60)) = 10; floorPart 0.
    const destinations = [
      destination('US', 'blue', true, '0.371'),
      destination('KR', 'blue', true, '0.2'),
      unknown(destination('IN', 'grey', false), { red: true }),
    ];
    expect(parts(magnets(destinations, '70'))).toEqual(['10', '0', '10']);
    // With blue's duties unknown its 70 is a lower bound: at a real 75 inside would be 75 against
    // 72 without the floor (KR's red), 3 of it the floor's. Not known: null.
    const blueUnknown = destinations.map((t) => (t.floorApplies ? unknown(t, { blue: true }) : t));
    expect(parts(magnets(blueUnknown, '70'))).toEqual(['10', null, null]);
  });
});

describe('blocTiers: laws', () => {
  const OPTIONS = { seed: 42, numRuns: 200 };
  const money = fc.integer({ min: 0, max: 10_000_000 }).map((n) => decimal(BigInt(n), 2));
  const rate = fc.integer({ min: 0, max: 10_000 }).map((n) => decimal(BigInt(n), 4));
  const method: fc.Arbitrary<FloorGapMethod> = fc.oneof(
    fc.constant<FloorGapMethod>({ type: 'full-gap' }),
    fc.constant<FloorGapMethod>({ type: 'tranche', bands: WTO_TRANCHE_BANDS }),
    rate.map((maxRate): FloorGapMethod => ({ type: 'capped', maxRate })),
    rate.map((penaltyRate): FloorGapMethod => ({ type: 'all-or-nothing', penaltyRate })),
  );
  const destinations = fc.array(
    fc.record({
      country: fc.constantFrom('US', 'JP', 'DE', 'AU', 'IN', 'CN'),
      bloc: fc.constantFrom<Bloc>('red', 'blue', 'grey'),
      floorApplies: fc.boolean(),
      redOtherDutyRate: rate,
      blueOtherDutyRate: rate,
      redDutiesKnown: fc.constant(true),
      blueDutiesKnown: fc.constant(true),
      freightInCustomsValue: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  );
  const scenario = fc.record({
    redFreight: fc.constant(d(0)),
    blueFreight: fc.constant(d(0)),
    redPrice: money,
    bluePrice: money,
    floor: money,
    basis: fc.constantFrom('duty-paid' as const, 'customs-value' as const),
    method,
    destinations,
  });

  it('raising the floor never lowers red landed in a floor member and changes no price outside the floor', () => {
    fc.assert(
      fc.property(scenario, money, (input, raise) => {
        const before = blocTiers(input);
        const after = blocTiers({ ...input, floor: add(input.floor, raise) });
        before.destinations.forEach((b, i) => {
          const a = after.destinations[i];
          if (a === undefined) throw new Error('destination lost');
          expect(equal(a.blueLanded, b.blueLanded)).toBe(true);
          if (b.floorApplies) {
            expect(greaterThanOrEqual(a.redLanded, b.redLanded)).toBe(true);
          } else {
            expect(equal(a.redLanded, b.redLanded)).toBe(true);
            expect(equal(a.governingPrice, b.governingPrice)).toBe(true);
            expect(isZero(a.floorGapPerUnit)).toBe(true);
          }
        });
      }),
      OPTIONS,
    );
  });

  it('the floor-gap duty is never negative and red never lands below the red price', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        for (const d of blocTiers(input).destinations) {
          expect(isNegative(d.floorGapPerUnit)).toBe(false);
          expect(greaterThanOrEqual(d.redLanded, input.redPrice)).toBe(true);
        }
      }),
      OPTIONS,
    );
  });
});

describe('clearZoneMarket: the floor zone cleared at the destination standing for it', () => {
  const tiers = workedExample([
    destination('US', 'blue', true),
    // JP's 5% other duty on red: 10 × 1.05 = 10.5 before the floor, so red lands at the floor 16
    // there too (duty-paid full gap), but its landed price without the floor is 10.5, not 10.
    destination('JP', 'blue', true, '0.05'),
    destination('CN', 'red', false),
  ]).destinations;
  const market = { demand: d(1_000_000), blueCapacity: d(400_000) };

  it('unnamed, the zone is cleared where red lands cheapest (US and JP tie at 16: the first, US): price 16, red 600,000, treasury 6 × 600,000', () => {
    const cleared = clearZoneMarket(tiers, { ...market, destination: undefined });
    expect(cleared?.destination).toBe('US');
    expect(
      [cleared?.price, cleared?.redVolume, cleared?.treasuryRevenue].map((x) => t(x ?? null)),
    ).toEqual(['16', '600000', '3600000']);
  });

  it('a named zone destination is used; one outside the zone (CN) clears nothing', () => {
    expect(clearZoneMarket(tiers, { ...market, destination: 'JP' })?.destination).toBe('JP');
    expect(clearZoneMarket(tiers, { ...market, destination: 'CN' })).toBeNull();
  });
});
