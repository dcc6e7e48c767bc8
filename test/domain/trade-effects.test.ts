import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cesEffects,
  type Elasticities,
  effectTotals,
  type OriginFlow,
  type ReportedEffect,
  reportTradeEffects,
  smartEffects,
  tradeEquivalents,
} from '../../src/domain/trade-effects';
import { type Decimal, decimal, divide, halfUp, toText } from '../../src/numeric';
import { R0, type Rational, rational } from '../../src/numeric/rational';
import { power } from '../../src/numeric/real-power';

const q = (n: number | bigint, d: number | bigint = 1): Rational =>
  rational.div(rational.int(n), rational.int(d));
const at = (x: Rational | null, places = 6) => x && rational.fixed(x, places, halfUp);
/** A figure the test knows is known (every rate known): a null is a failure. */
const known = (x: Rational | null): Rational => {
  if (x === null) throw new Error('an unknown figure where every rate is known');
  return x;
};
const shown = (x: Decimal | null) => x && toText(x);
const flow = (origin: string, m: Rational, t0: Rational, t1: Rational): OriginFlow => ({
  origin,
  bloc: origin === 'CN' ? 'red' : 'blue',
  baseImports: m,
  t0,
  t1,
  unknown: { t0: false, t1: false, change: false },
});
const smartDefaults: Elasticities = {
  importDemand: q(-1),
  substitution: q(3, 2),
  exportSupply: null,
};

describe('SMART, the worked case (η = −1, σ = 1.5, floor 16 full gap on CN at 10)', () => {
  it('CN 100 → 25, AU 20 → 35, revenue 15', () => {
    // Δ_CN = (0.6 − 0)/(1 + 0) = 0.6; Σ s Δ = (100/120) × 0.6 = 0.5
    // CN: creation −1 × 100 × 0.6 = −60; diversion 1.5 × 100 × (0.5 − 0.6) = −15 → 25
    // AU: creation 0; diversion 1.5 × 20 × (0.5 − 0) = 15 → 35; revenue 0.6 × 25 = 15
    const [cn, au] = smartEffects(
      [flow('CN', q(100), R0, q(6, 10)), flow('AU', q(20), R0, R0)],
      smartDefaults,
    );
    expect([
      cn && at(cn.newImports, 2),
      cn && at(cn.creation, 2),
      cn && at(cn.diversion, 2),
    ]).toEqual(['25.00', '-60.00', '-15.00']);
    expect([au && at(au.newImports, 2), au && at(au.diversion, 2)]).toEqual(['35.00', '15.00']);
    const totals = effectTotals([cn, au].filter((x) => x !== undefined));
    expect(totals.revenueAfter && at(totals.revenueAfter, 2)).toBe('15.00');
    // −0.6 × (100 + 25) / 2 = −37.5
    expect(totals.consumerSurplusChange && at(totals.consumerSurplusChange, 2)).toBe('-37.50');
  });

  it('a finite export supply ε scales creation by ε / (ε − η): ε = 1 halves it', () => {
    const [cn] = smartEffects([flow('CN', q(100), R0, q(6, 10)), flow('AU', q(20), R0, R0)], {
      ...smartDefaults,
      exportSupply: q(1),
    });
    expect(cn && at(cn.creation, 2)).toBe('-30.00');
  });
});

describe('tradeEquivalents: t1 builds on t0, whoever gives it', () => {
  const rates = (r: { t0: Rational; t1: Rational }) => [at(r.t0), at(r.t1)];
  const fullGap = (floor: string) => ({
    price: decimal(10n),
    floor: decimal(BigInt(floor)),
    basis: 'duty-paid' as const,
    method: { type: 'full-gap' as const },
  });

  it('a given t0 of 0.5 and a 10% ad valorem what-if (data 0 → 0.1) give t1 = 0.5 + 0.1 = 0.6', () => {
    const r = tradeEquivalents(q(1, 2), { before: R0, after: q(1, 10), known: true }, null);
    expect(rates(r)).toEqual(['0.500000', '0.600000']);
    expect(r.unknown).toEqual({ t0: false, t1: false, change: false });
  });

  it('on the data t1 is the data’s after-rate: 0.25 → 0.35 (the increment 0.1 on 0.25)', () => {
    const r = tradeEquivalents(null, { before: q(1, 4), after: q(7, 20), known: true }, null);
    expect(rates(r)).toEqual(['0.250000', '0.350000']);
  });

  it('a given t0 without measures (data null) is t1 too', () => {
    expect(rates(tradeEquivalents(q(1, 20), null, null))).toEqual(['0.050000', '0.050000']);
  });

  it('the floor-gap duty is priced over the given t0 plus the measures: floor 11 at price 10', () => {
    // given t0 0.05 + what-if 0.1 = 0.15: duty-paid R = 10 × 1.15 = 11.5 ≥ 11, no gap → t1 = 0.15
    expect(
      rates(
        tradeEquivalents(q(1, 20), { before: R0, after: q(1, 10), known: true }, fullGap('11')),
      ),
    ).toEqual(['0.050000', '0.150000']);
    // without the what-if: R = 10 × 1.05 = 10.5, gap 0.5 → t1 = 0.05 + 0.5/10 = 0.1
    expect(rates(tradeEquivalents(q(1, 20), null, fullGap('11')))).toEqual([
      '0.050000',
      '0.100000',
    ]);
    // floor 16, full gap: R = 11.5, gap 4.5 → t1 = 0.15 + 0.45 = 0.6 (= 16/10 − 1, at the floor)
    expect(
      rates(
        tradeEquivalents(q(1, 20), { before: R0, after: q(1, 10), known: true }, fullGap('16')),
      ),
    ).toEqual(['0.050000', '0.600000']);
  });

  it('unknown is not zero: a t0 the data lacks leaves t1 unknown too (the model counts both as 0)', () => {
    const r = tradeEquivalents(null, { before: R0, after: q(1, 10), known: false }, null);
    // what the what-if adds (0.1) is known whatever the base: the change t1 − t0 is
    expect(r.unknown).toEqual({ t0: true, t1: true, change: false });
    expect(rates(r)).toEqual(['0.000000', '0.100000']);
    // a given t0 on that lane is known, and so is t1 built on it: 0.5 + 0.1 = 0.6
    const given = tradeEquivalents(q(1, 2), { before: R0, after: q(1, 10), known: false }, null);
    expect(given.unknown).toEqual({ t0: false, t1: false, change: false });
    expect(rates(given)).toEqual(['0.500000', '0.600000']);
  });

  it('a floor over unknown duties: the change t1 − t0 is unknown too (its gap is priced over them)', () => {
    // counted as 0: R = 10, gap 16 − 10 = 6 → t1 = 0.6; a real duty of 0.05 would give 0.55
    const r = tradeEquivalents(null, { before: R0, after: R0, known: false }, fullGap('16'));
    expect(r.unknown).toEqual({ t0: true, t1: true, change: true });
    expect(rates(r)).toEqual(['0.000000', '0.600000']);
  });

  it('SMART on a given t0: CN t0 0.5 → 0.6 and AU 0 → 0.1 both fall (CN 94.17, AU 17.17)', () => {
    // Δ_CN = 0.1/1.5 = 1/15, Δ_AU = 0.1/1 = 1/10; s = 5/6, 1/6; Σ s Δ = 1/18 + 1/60 = 13/180
    // CN: −100/15 + 1.5 × 100 × (13/180 − 12/180) = −20/3 + 5/6 → 100 − 35/6 = 94.1666…
    // AU: −20/10 + 1.5 × 20 × (13/180 − 18/180) = −2 − 5/6 → 20 − 17/6 = 17.1666…
    const [cn, au] = smartEffects(
      [flow('CN', q(100), q(1, 2), q(3, 5)), flow('AU', q(20), R0, q(1, 10))],
      smartDefaults,
    );
    expect([cn && at(cn.newImports, 2), au && at(au.newImports, 2)]).toEqual(['94.17', '17.17']);
  });
});

describe('unknown rates: the figures resting on them and every sum that includes them are null, never 0', () => {
  const cents = (x: Rational) => divide(decimal(x.n), decimal(x.d), 2, halfUp);
  const unknownFlow = (origin: string, m: Rational, t1: Rational): OriginFlow => ({
    ...flow(origin, m, R0, t1),
    unknown: { t0: true, t1: true, change: true },
  });
  /** AU with unknown duties that do not change (exempt, no measures): t1 − t0 = 0 whatever they are. */
  const au = { ...unknownFlow('AU', q(20), R0), unknown: { t0: true, t1: true, change: false } };

  it('JP-like: both unknown → revenues, creation, diversion and new imports null per origin, bloc and total', () => {
    const report = reportTradeEffects(
      smartEffects(
        [unknownFlow('CN', q(100), q(6, 10)), unknownFlow('AU', q(20), R0)],
        smartDefaults,
      ),
      cents,
    );
    for (const r of [...report.origins, ...report.blocs, report.totals]) {
      expect([r.revenueBefore, r.revenueAfter, r.creation, r.diversion, r.newImports]).toEqual([
        null,
        null,
        null,
        null,
        null,
      ]);
      // base imports are the request's: known
      expect(r.baseImports).not.toBeNull();
    }
    // not the worked case's 25 + 35 = 60 with the unknown duties counted as 0
    expect(report.origins.map((o) => o.floored)).toEqual([false, false]);
  });

  it('smart: an origin whose unknown rate does not change keeps its creation (0.00); every diversion rests on the unknown Δ_CN', () => {
    // AU: t0 unknown, t1 − t0 = 0 known (exempt, no measure) → Δ_AU = 0 / (1 + t0) = 0 whatever t0
    // is: creation −1 × 20 × 0 = 0.00. CN: a floor over unknown duties → Δ_CN unknown, so
    // Σ s_j Δ_j and every diversion and new imports are unknown.
    const report = reportTradeEffects(
      smartEffects([unknownFlow('CN', q(100), q(6, 10)), au], smartDefaults),
      cents,
    );
    expect(report.origins.map((o) => [shown(o.creation), o.diversion, o.newImports])).toEqual([
      [null, null, null],
      ['0.00', null, null],
    ]);
    // blue: AU's creation alone, 0.00; the total has CN's null in it
    expect(report.blocs.map((b) => shown(b.creation))).toEqual([null, '0.00']);
    expect(report.totals.creation).toBeNull();
  });

  it('smart: an unknown rate that does not change leaves the others known (CN the worked case: 25, 35)', () => {
    // AU's Δ = 0 whatever its t0: Σ s Δ = (100/120) × 0.6 = 0.5 as in the worked case;
    // CN 100 − 60 − 15 = 25, AU 20 + 0 + 15 = 35; AU's revenues rest on its t0 and t1: null
    const report = reportTradeEffects(
      smartEffects([flow('CN', q(100), R0, q(6, 10)), au], smartDefaults),
      cents,
    );
    expect(report.origins.map((o) => [shown(o.newImports), shown(o.revenueAfter)])).toEqual([
      ['25.00', '15.00'],
      ['35.00', null],
    ]);
  });

  it('ces: one unknown t0 leaves every origin’s figures unknown (the price index rests on every spending share)', () => {
    // w_AU = 20 (1 + t0_AU) / Σ: unknown, so Π and every creation, diversion and new imports are
    const report = reportTradeEffects(
      cesEffects([flow('CN', q(100), R0, q(6, 10)), au], smartDefaults),
      cents,
    );
    expect(report.origins.map((o) => [o.creation, o.diversion, o.newImports])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
    // CN's revenue after = t1 (0.6, known) × unknown new imports: null; AU's consumer-surplus
    // change −0 × (20 + new) / 2 = 0.00 whatever new imports are
    expect(report.origins.map((o) => [o.revenueAfter, shown(o.consumerSurplusChange)])).toEqual([
      [null, null],
      [null, '0.00'],
    ]);
  });

  it('a consumer-surplus change on an unknown change is null, and so is every sum with it', () => {
    // CN: a floor over unknown duties (change unknown); AU: unknown duties, nothing changes
    // (t1 − t0 = 0 whatever they are): −0 × (20 + 35) / 2 = 0.00, known
    const report = reportTradeEffects(
      smartEffects([unknownFlow('CN', q(100), q(6, 10)), au], smartDefaults),
      cents,
    );
    const [cn, blue] = [report.origins[0], report.origins[1]];
    expect(cn?.consumerSurplusChange).toBeNull();
    expect(blue?.consumerSurplusChange && toText(blue.consumerSurplusChange)).toBe('0.00');
    expect(
      report.blocs.map((b) => b.consumerSurplusChange && toText(b.consumerSurplusChange)),
    ).toEqual([null, '0.00']);
    expect(report.totals.consumerSurplusChange).toBeNull();
  });

  it('one known bloc keeps its sums; the total with an unknown part is null', () => {
    // CN known, t0 0 → 0.6: the worked case, revenue after 0.6 × 25 = 15.00, before 0 × 100 = 0.00
    // (AU's duties are unknown but do not change: Δ_AU = 0, so CN's figures are known)
    const report = reportTradeEffects(
      smartEffects([flow('CN', q(100), R0, q(6, 10)), au], smartDefaults),
      cents,
    );
    const red = report.blocs.find((b) => b.bloc === 'red');
    const blue = report.blocs.find((b) => b.bloc === 'blue');
    expect(red && [red.revenueBefore, red.revenueAfter].map((x) => x && toText(x))).toEqual([
      '0.00',
      '15.00',
    ]);
    expect(blue && [blue.revenueBefore, blue.revenueAfter]).toEqual([null, null]);
    expect([report.totals.revenueBefore, report.totals.revenueAfter]).toEqual([null, null]);
  });
});

describe('reportTradeEffects: reported parts add up to reported totals', () => {
  /** Each figure rounded once to cents, half-up. */
  const cents = (x: Rational) => divide(decimal(x.n), decimal(x.d), 2, halfUp);
  const text = (r: ReportedEffect) => [
    toText(r.baseImports),
    shown(r.newImports),
    shown(r.creation),
    shown(r.diversion),
    r.revenueBefore === null ? null : toText(r.revenueBefore),
    r.revenueAfter === null ? null : toText(r.revenueAfter),
    r.consumerSurplusChange === null ? null : toText(r.consumerSurplusChange),
  ];

  it('the worked case reports as computed: CN 100 → 25 (−60, −15), AU 20 → 35 (+15), revenue 0.6 × 25 = 15', () => {
    const report = reportTradeEffects(
      smartEffects([flow('CN', q(100), R0, q(6, 10)), flow('AU', q(20), R0, R0)], smartDefaults),
      cents,
    );
    // base, new, creation, diversion, revenue before, revenue after, consumer surplus;
    // CN consumer surplus −0.6 × (100 + 25) / 2 = −37.5
    expect(report.origins.map(text)).toEqual([
      ['100.00', '25.00', '-60.00', '-15.00', '0.00', '15.00', '-37.50'],
      ['20.00', '35.00', '0.00', '15.00', '0.00', '0.00', '0.00'],
    ]);
    expect(report.blocs.map((b) => b.bloc)).toEqual(['red', 'blue']);
    // 25 + 35 = 60 new imports; −15 + 15 = 0 diversion
    expect(text(report.totals)).toEqual([
      '120.00',
      '60.00',
      '-60.00',
      '0.00',
      '0.00',
      '15.00',
      '-37.50',
    ]);
  });

  it('thirds: each part rounded once, new imports base + creation + diversion as shown, totals sums of the rows shown', () => {
    // CN 1 and AU 2, t1 on CN 1/3: Δ_CN = 1/3, Σ s Δ = (1/3) × (1/3) = 1/9.
    // CN: creation −1 × 1 × 1/3 = −1/3; diversion 1.5 × 1 × (1/9 − 1/3) = −1/3; new 1/3.
    // AU: creation 0; diversion 1.5 × 2 × 1/9 = 1/3; new 7/3.
    const effects = smartEffects(
      [flow('CN', q(1), R0, q(1, 3)), flow('AU', q(2), R0, R0)],
      smartDefaults,
    );
    const report = reportTradeEffects(effects, cents);
    // CN: base 1.00, creation −0.33, diversion −0.33 → new 1.00 − 0.33 − 0.33 = 0.34 (the exact
    // 1/3 re-rounded would be 0.33); revenue after on the exact new imports 1/3 × 1/3 = 1/9 → 0.11;
    // consumer surplus −(1/3) × (1 + 1/3) / 2 = −2/9 = −0.22. AU: diversion 1/3 → 0.33, new
    // 2.00 + 0 + 0.33 = 2.33.
    expect(report.origins.map(text)).toEqual([
      ['1.00', '0.34', '-0.33', '-0.33', '0.00', '0.11', '-0.22'],
      ['2.00', '2.33', '0.00', '0.33', '0.00', '0.00', '0.00'],
    ]);
    // new 0.34 + 2.33 = 2.67; diversion −0.33 + 0.33 = 0.00, as the model's −1/3 + 1/3 = 0
    expect(text(report.totals)).toEqual(['3.00', '2.67', '-0.33', '0.00', '0.00', '0.11', '-0.22']);
    expect(report.blocs.map((b) => [b.bloc, shown(b.newImports)])).toEqual([
      ['red', '0.34'],
      ['blue', '2.33'],
    ]);
  });
});

describe('CES, solved exactly to 60 digits', () => {
  it('x^y agrees with exact powers: 1.6^2 = 2.56, 2^0.5 squared = 2, 1.6^−0.5 = 0.790569415…', () => {
    expect(at(power(q(16, 10), q(2)))).toBe('2.560000');
    const root = power(q(2), q(1, 2));
    expect(at(rational.times(root, root), 12 as number)).toBe('2.000000000000');
    expect(at(power(q(16, 10), q(-1, 2)), 9)).toBe('0.790569415');
  });

  it('x^y keeps its digits far below 10^-60 (was cut to 0 there, and ln 0 a 500): 10^-80 squared-rooted is 10^-40', () => {
    const tiny = q(1, 10n ** 80n);
    // (10^-80)^(1/2) = 10^-40; × 10^40 = 1 to the 50 places shown
    const root = power(tiny, q(1, 2));
    expect(at(rational.times(root, q(10n ** 40n)), 50)).toBe(`1.${'0'.repeat(50)}`);
    // (10^-76)^(−3/2) = 10^114; ÷ 10^114 = 1
    const huge = power(q(1, 10n ** 76n), q(-3, 2));
    expect(at(rational.div(huge, q(10n ** 114n)), 50)).toBe(`1.${'0'.repeat(50)}`);
    // 3.7 × 10^-70 to the power −0.5 = 10^35 / √3.7 = 5.1987524491… × 10^34: ÷ 10^34
    expect(at(rational.div(power(q(37, 10n ** 71n), q(-1, 2)), q(10n ** 34n)), 9)).toBe(
      '5.198752449',
    );
  });

  it('a price ratio of 10^76 beside base imports of 10^-37 (σ 1.5, η −1): AU 9.090909, CN revenue 90.909091 (was a 500)', () => {
    // CN: M 100, t0 0, t1 = 10^76 − 1 → r = 10^76, r^(−1/2) = 10^-38. AU: M 10^-37, t0 = t1 = 0, r = 1.
    // w = (100, 10^-37) / (100 + 10^-37); Π^(−1/2) = Σ w r^(−1/2) = (10^-36 + 10^-37) / (100 + 10^-37)
    //   = 1.1 × 10^-36 / (100 + 10^-37), so Π^(1/2) = (100 + 10^-37) / (1.1 × 10^-36)
    // AU = 10^-37 × (1/Π)^(−3/2) × Π^(−1) = 10^-37 × Π^(1/2) = (100 + 10^-37) / 11 = 9.0909090909…
    // CN = 100 × (r/Π)^(−3/2) × Π^(−1) = 100 × 10^-114 × Π^(1/2) = 9.0909… × 10^-75
    // CN revenue after = t1 × CN = (10^76 − 1) × 9.0909… × 10^-75 = 90.9090909…; spending after
    // = 90.909091 + 9.090909 = 100 = before (η = −1: Π^(1 + η) = 1)
    const [cn, au] = cesEffects(
      [flow('CN', q(100), R0, q(10n ** 76n - 1n)), flow('AU', q(1, 10n ** 37n), R0, R0)],
      smartDefaults,
    );
    expect(au && at(au.newImports)).toBe('9.090909');
    expect(cn && at(cn.newImports)).toBe('0.000000');
    expect(cn?.revenueAfter && at(cn.revenueAfter)).toBe('90.909091');
    // creation at shares = 100 × (Π^(−1) − 1) = −100 + 100 × 1.21 × 10^-72 / (100 + 10^-37)^2
    expect(cn && at(cn.creation)).toBe('-100.000000');
  });

  it('a figure of 10^79 is right to the cent: solved again with the digits it takes (σ 2, η 0)', () => {
    // CN: M 10^39, 1 + t0 = 10^39, 1 + t1 = 10^40 → r = 10; AU: M 1, t0 = t1 = 0, r = 1.
    // Spending 10^78 and 1: Π = (Σ w / r)^(−1) = (10^78 + 1) / (10^77 + 1) = 10 (1 + a) / (1 + b),
    // a = 10^-78, b = 10^-77; (Π / 10)^2 = 1 − 2b + 2a + O(10^-154) = 1 − 1.8 × 10^-77 + …
    // CN = 10^39 × (10 / Π)^(−2) = 10^39 (Π / 10)^2 = 10^39 − 1.8 × 10^-38 → 10^39 to the cent
    // CN revenue after = (10^40 − 1) × CN = (10^79 − 10^39)(1 − 1.8 × 10^-77) = 10^79 − 10^39 − 180
    //   + 1.8 × 10^-38: 79 digits, of which the 80 working digits of a first solution misplace the
    //   last few (…999805.20); cesDigits asks 147 (60, 42 + 41 for the size, 2 for the
    //   magnification (3 + 2)(2 + 2/1) = 20, and 2) and the answer ends …999820.00
    const [cn, au] = cesEffects(
      [flow('CN', q(10n ** 39n), q(10n ** 39n - 1n), q(10n ** 40n - 1n)), flow('AU', q(1), R0, R0)],
      { importDemand: R0, substitution: q(2), exportSupply: null },
    );
    expect(cn?.revenueAfter && at(cn.revenueAfter, 2)).toBe(
      `${'9'.repeat(39)}8${'9'.repeat(36)}820.00`,
    );
    expect(cn && at(cn.newImports, 2)).toBe(`1${'0'.repeat(39)}.00`);
    // AU = 1 × (1 / Π)^(−2) = Π^2 = 100 (1 − 1.8 × 10^-77) → 100.00
    expect(au && at(au.newImports, 2)).toBe('100.00');
  });

  it('the worked flows: CN 100 → 59.857194, AU 20 → 24.228489', () => {
    // 1.6^(−0.5) = 0.790569415042…; Π^(−0.5) = (5/6) × 0.790569415042 + 1/6 = 0.825474512535…
    // Π = 0.825474512535^(−2) = 1.467549176523…
    // CN = 100 × (1.6 / Π)^(−1.5) / Π = 59.857194486…; AU = 20 × (1 / Π)^(−1.5) / Π = 24.228488822…
    const [cn, au] = cesEffects(
      [flow('CN', q(100), R0, q(6, 10)), flow('AU', q(20), R0, R0)],
      smartDefaults,
    );
    expect(cn && at(cn.newImports)).toBe('59.857194');
    expect(au && at(au.newImports)).toBe('24.228489');
    // creation + diversion = new − base, exactly
    expect(cn && at(rational.plus(known(cn.creation), known(cn.diversion)))).toBe('-40.142806');
  });

  it('with σ = 1 the index is the geometric mean', () => {
    const [cn] = cesEffects([flow('CN', q(1), R0, q(3)), flow('AU', q(1), R0, R0)], {
      importDemand: R0,
      substitution: q(1),
      exportSupply: null,
    });
    // r = (4, 1), w = (1/2, 1/2): Π = 2; CN = 1 × (4/2)^(−1) = 0.5
    expect(cn && at(cn.newImports)).toBe('0.500000');
  });
});

const rate = fc.integer({ min: 0, max: 200 }).map((n) => q(n, 100));
const value = fc.integer({ min: 0, max: 1000 }).map((n) => q(n));
const flows = fc
  .array(fc.tuple(value, rate, rate), { minLength: 1, maxLength: 6 })
  .map((xs) => xs.map(([m, t0, t1], i) => flow(i === 0 ? 'CN' : `A${i}`, m, t0, t1)));

describe('SMART laws', () => {
  it('a change of nothing (t1 = t0, e.g. a non-binding floor) changes nothing', () => {
    fc.assert(
      fc.property(flows, (fs) => {
        const same = fs.map((f) => ({ ...f, t1: f.t0 }));
        for (const e of smartEffects(same, smartDefaults))
          expect(rational.compare(known(e.newImports), e.baseImports)).toBe(0);
      }),
    );
  });

  it('with inelastic total demand (η = 0) diversion sums to zero and total imports are unchanged', () => {
    fc.assert(
      fc.property(flows, (fs) => {
        const effects = smartEffects(fs, { ...smartDefaults, importDemand: R0 });
        if (effects.some((e) => e.floored)) return;
        const totals = effectTotals(effects);
        expect(rational.isZero(known(totals.diversion))).toBe(true);
        expect(rational.compare(known(totals.newImports), totals.baseImports)).toBe(0);
      }),
    );
  });

  it('creation and diversion are the formulas’ even where new imports stop at 0 (max(0, their sum)); diversions sum to 0', () => {
    const elasticity = fc.integer({ min: 0, max: 1000 }).map((n) => q(n, 10));
    fc.assert(
      fc.property(flows, elasticity, elasticity, (fs, eta, sigma) => {
        const effects = smartEffects(fs, {
          importDemand: rational.neg(eta),
          substitution: sigma,
          exportSupply: null,
        });
        expect(rational.isZero(known(effectTotals(effects).diversion))).toBe(true);
        for (const e of effects) {
          // creation = η × M_k × Δ_k, Δ_k = (t1 − t0) / (1 + t0), whatever new imports are
          const delta = rational.div(rational.minus(e.t1, e.t0), rational.plus(q(1), e.t0));
          const creation = rational.times(rational.neg(eta), rational.times(e.baseImports, delta));
          expect(rational.compare(known(e.creation), creation)).toBe(0);
          const parts = rational.plus(
            e.baseImports,
            rational.plus(known(e.creation), known(e.diversion)),
          );
          expect(e.floored).toBe(parts.n < 0n);
          expect(rational.compare(known(e.newImports), e.floored ? R0 : parts)).toBe(0);
        }
      }),
    );
  });

  it('higher substitution moves more trade to an exempt origin when the floor raises another’s tariff', () => {
    fc.assert(
      fc.property(value, value, rate, fc.integer({ min: 0, max: 40 }), (mCn, mAu, rise, s) => {
        const fs = [
          flow('CN', rational.plus(mCn, q(1)), R0, rational.plus(rise, q(1, 100))),
          flow('AU', rational.plus(mAu, q(1)), R0, R0),
        ];
        const lo = smartEffects(fs, { ...smartDefaults, substitution: q(s, 10) })[1];
        const hi = smartEffects(fs, { ...smartDefaults, substitution: q(s + 1, 10) })[1];
        expect(lo && hi && rational.compare(known(hi.newImports), known(lo.newImports))).toBe(1);
      }),
    );
  });
});
