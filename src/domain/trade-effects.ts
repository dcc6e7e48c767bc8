import {
  add,
  CARRIED_PLACES,
  carry,
  type Decimal,
  decimal,
  divide,
  isNegative,
  sum,
  ZERO,
} from '../numeric';
import { R0, R1, type Rational, rational } from '../numeric/rational';
import { geometricMean, PRECISION, power, WORKING_DIGITS } from '../numeric/real-power';
import { BLOCS, type Bloc } from './bloc-tiers';
import { type FloorBasis, type FloorGapMethod, floorGapDuty } from './floor-gap';

/**
 * Partial-equilibrium effects of a tariff change on one destination's imports of one product,
 * WITS-SMART style. Imports are values at world (customs) prices; t0 and t1 are each origin's
 * ad valorem equivalents before and after.
 */
export const TRADE_MODELS = ['smart', 'ces'] as const;
export type TradeModel = (typeof TRADE_MODELS)[number];

export interface OriginFlow {
  readonly origin: string;
  readonly bloc: Bloc;
  /** M_k: base imports, a value. */
  readonly baseImports: Rational;
  /** Ad valorem equivalents; an unknown one (see `unknown`) stands at 0 and is never shown. */
  readonly t0: Rational;
  readonly t1: Rational;
  /**
   * Whether t0 and t1 rest on duties the data does not have (unknown is not zero):
   * the revenue on an unknown rate is unknown (null), and so is any sum that includes it. `change`:
   * whether t1 − t0 itself is unknown, as where a floor applies over unknown duties (the floor-gap
   * duty is priced over the other duties, so it is known only with them); a what-if measure alone
   * adds what it adds whatever the base.
   */
  readonly unknown: { readonly t0: boolean; readonly t1: boolean; readonly change: boolean };
}

/** A floor priced over an origin's own price: the floor-gap calculator's inputs but the rate. */
export interface FloorOnPrice {
  readonly price: Decimal;
  readonly floor: Decimal;
  readonly basis: FloorBasis;
  readonly method: FloorGapMethod;
}

/** The data's ad valorem equivalents for one origin's lane, from the landed-cost calculator. */
export interface DataEquivalents {
  /** t0_data: on the data in force. */
  readonly before: Rational;
  /** t1_data: with the request's what-if measures added (= before without measures). */
  readonly after: Rational;
  /** False when the data has no tariff for the lane (coverage none): `before` counts it as 0. */
  readonly known: boolean;
}

/**
 * One origin's ad valorem equivalents before (t0) and after (t1): the one rule for a t0 the data
 * gives and a t0 the request gives. t0 is the request's where it gives one (its own before-rate
 * for that origin), else the data's. The what-if measures add on top of t0 what they add on the
 * data, t1_data − t0_data, so t1 = t1_data when t0 is the data's, and a 10% ad valorem what-if on
 * a given t0 of 0.5 gives 0.6. Where a floor applies, its floor-gap duty d is priced over those
 * other duties (the duty-paid basis compares P × (1 + rate) with the floor) and adds d / P.
 * `data` is null when the request gives t0 and there are no measures (nothing rests on the data).
 * Unknown is not zero: t1 is unknown when the base it builds on is (the data's t0 unknown); on a
 * given t0 it is the given base plus what the request's own measures add, and so is shown.
 */
export function tradeEquivalents(
  given: Rational | null,
  data: DataEquivalents | null,
  floor: FloorOnPrice | null,
): Pick<OriginFlow, 't0' | 't1' | 'unknown'> {
  const t0 = given ?? data?.before ?? R0;
  const increment = data === null ? R0 : rational.minus(data.after, data.before);
  const other = rational.plus(t0, increment);
  const t1 =
    floor === null
      ? other
      : rational.plus(
          other,
          rational.div(
            rational.of(
              floorGapDuty({ ...floor, otherDutyRate: rateAsDecimal(other) }).dutyPerUnit,
            ),
            rational.of(floor.price),
          ),
        );
  const t0Unknown = given === null && data?.known === false;
  return {
    t0,
    t1,
    unknown: { t0: t0Unknown, t1: t0Unknown, change: t0Unknown && floor !== null },
  };
}

/**
 * The other duties' rate handed to the floor-gap calculator, which takes a decimal: exact when the
 * rate terminates (every ad valorem rate of the data does), else carried to CARRIED_PLACES.
 */
function rateAsDecimal(r: Rational): Decimal {
  return divide(decimal(r.n), decimal(r.d), CARRIED_PLACES, carry);
}

export interface Elasticities {
  /** η ≤ 0: elasticity of total import demand to the import price. */
  readonly importDemand: Rational;
  /** σ ≥ 0: elasticity of substitution between origins. */
  readonly substitution: Rational;
  /** ε > 0: export supply elasticity; null = infinite (world prices do not move). */
  readonly exportSupply: Rational | null;
}

/**
 * The model's figures resting on unknown rates are unknown, never computed as if
 * the rates were 0: null, and so is any sum that includes one. An origin's price change (Δ_k in
 * SMART, r_k in CES) is unknown where its t0 is and t1 − t0 may not be 0; SMART's creation_k rests
 * on Δ_k alone, its diversions (and so new imports) on every Δ_j; in CES every figure rests on
 * the price index, on every origin's t0 and change.
 */
export interface OriginEffect extends OriginFlow {
  /** max(0, the model's new imports); null where unknown. */
  readonly newImports: Rational | null;
  /**
   * The model's creation and diversion, the formulas' values also where new imports stop at 0
   * (`floored`): there base + creation + diversion is below 0 and does not add up to new imports.
   * Null where unknown.
   */
  readonly creation: Rational | null;
  readonly diversion: Rational | null;
  /** t0 × M_k and t1 × new M_k; null where a factor is unknown (unless the other is a known 0). */
  readonly revenueBefore: Rational | null;
  readonly revenueAfter: Rational | null;
  /**
   * −(t1 − t0) × (M_k + new M_k) / 2: the buyers' loss on this origin's imports (trapezoid); null
   * where t1 − t0 is unknown (a floor over duties the data lacks), or new imports are and
   * t1 − t0 is not 0; never counted as 0.
   */
  readonly consumerSurplusChange: Rational | null;
  /** True when the model's new imports (known) fell below 0 and were set to 0. */
  readonly floored: boolean;
  /**
   * The model's creation and new imports, base + creation + diversion before the floor at 0, with
   * unknown rates at 0: never reported, only to size the CES solution's precision.
   */
  readonly model: { readonly creation: Rational; readonly newImports: Rational };
}

const half: Rational = { n: 1n, d: 2n };

/** Whether t1 − t0 may be other than 0: unknown, or known and not 0. */
const moves = (f: OriginFlow) => f.unknown.change || rational.compare(f.t1, f.t0) !== 0;

function withRevenue(
  flow: OriginFlow,
  creation: Rational,
  diversion: Rational,
  raw: Rational,
  known: { readonly creation: boolean; readonly imports: boolean },
): OriginEffect {
  const floored = raw.n < 0n;
  const newImports = floored ? R0 : raw;
  const blind = !known.imports;
  return {
    ...flow,
    newImports: blind ? null : newImports,
    creation: known.creation ? creation : null,
    diversion: blind ? null : diversion,
    floored: !blind && floored,
    model: { creation, newImports: raw },
    revenueBefore: flow.unknown.t0 ? null : rational.times(flow.t0, flow.baseImports),
    // A product with an unknown factor is unknown, unless the other is a known 0.
    revenueAfter:
      flow.unknown.t1 || (blind && !rational.isZero(flow.t1))
        ? null
        : rational.times(flow.t1, newImports),
    consumerSurplusChange:
      flow.unknown.change || (blind && moves(flow))
        ? null
        : rational.neg(
            rational.times(
              rational.minus(flow.t1, flow.t0),
              rational.times(half, rational.plus(flow.baseImports, newImports)),
            ),
          ),
  };
}

/** s_k = M_k / Σ M_j (equal shares when every flow is 0). */
function shares(flows: readonly OriginFlow[]): Rational[] {
  const total = rational.sum(flows.map((f) => f.baseImports));
  if (rational.isZero(total)) return flows.map(() => rational.div(R1, rational.int(flows.length)));
  return flows.map((f) => rational.div(f.baseImports, total));
}

/**
 * The SMART model (WITS-SMART, Laird & Yeats 1986), exactly as the contract writes it, per origin
 * k: Δ_k = (t1_k − t0_k) / (1 + t0_k); creation_k = η × M_k × Δ_k (× ε / (ε − η) when export
 * supply ε is finite, SMART's supply-response factor); diversion_k = σ × M_k × (Σ_j s_j Δ_j − Δ_k);
 * new M_k = max(0, M_k + creation_k + diversion_k). Exact rationals throughout. Where the max binds,
 * creation and diversion stay the formulas' (diversions sum to 0 over origins) and do not add up
 * to new imports there.
 * Worked case (η = −1, σ = 1.5): CN 100 with Δ = 0.6, AU 20 with Δ = 0 → Σ s Δ = 0.5;
 * CN 100 − 60 − 15 = 25, AU 20 + 15 = 35; revenue 0.6 × 25 = 15. An unknown Δ_k (its t0 unknown
 * and t1 − t0 maybe not 0) leaves creation_k unknown and, through Σ s_j Δ_j, every diversion and
 * new imports.
 */
export function smartEffects(flows: readonly OriginFlow[], e: Elasticities): OriginEffect[] {
  const s = shares(flows);
  const unknown = flows.map((f) => f.unknown.t0 && moves(f));
  const imports = !unknown.includes(true);
  const delta = flows.map((f) => rational.div(rational.minus(f.t1, f.t0), rational.plus(R1, f.t0)));
  const average = rational.sum(delta.map((dk, i) => rational.times(s[i] ?? R0, dk)));
  const supply =
    e.exportSupply === null
      ? R1
      : rational.div(e.exportSupply, rational.minus(e.exportSupply, e.importDemand));
  return flows.map((f, i) => {
    const dk = delta[i] ?? R0;
    const creation = rational.times(
      rational.times(e.importDemand, f.baseImports),
      rational.times(dk, supply),
    );
    const diversion = rational.times(
      rational.times(e.substitution, f.baseImports),
      rational.minus(average, dk),
    );
    return withRevenue(
      f,
      creation,
      diversion,
      rational.plus(f.baseImports, rational.plus(creation, diversion)),
      { creation: !unknown[i], imports },
    );
  });
}

/**
 * The CES (Armington) model, world prices fixed (infinite export supply): origin k's buyer price
 * moves by r_k = (1 + t1_k) / (1 + t0_k); with base expenditure shares at buyer prices
 * w_k = M_k (1 + t0_k) / Σ_j M_j (1 + t0_j), the import price index moves by
 * Π = (Σ w_k r_k^(1−σ))^(1/(1−σ)) (Π = Π_k r_k^w_k when σ = 1), total import quantity by Π^η,
 * and each origin's quantity by (r_k / Π)^(−σ) × Π^η, so new M_k = M_k × (r_k / Π)^(−σ) × Π^η.
 * Creation is the part at unchanged shares, M_k (Π^η − 1); diversion the rest. Every figure rests
 * on Π: all are unknown where any t0 is and any origin's price may move.
 *
 * Powers with fractional exponents are computed to 60 significant digits and more (real-power.ts):
 * enough that every figure is within about 10^-60 of its exact value, however large. A figure
 * of 10^79 (a t1 of 10^40 on imports of 10^39) needs about 140 digits, and the formula
 * magnifies the powers' error by about (|η| + σ + 3)(2 + 2/|1 − σ|) (the index divides by 1 − σ):
 * where the default precision (real-power's WORKING_DIGITS) does not cover both, the model is
 * solved again with the digits they take, counted from the first solution's figures.
 */
export function cesEffects(flows: readonly OriginFlow[], e: Elasticities): OriginEffect[] {
  const first = cesAt(flows, e, WORKING_DIGITS);
  const digits = cesDigits(first, e);
  return digits <= WORKING_DIGITS ? first : cesAt(flows, e, digits);
}

/** log10 2, a little over, for counting decimal digits from binary ones. */
const LOG10_2 = 0.30103;

/**
 * At least the number of decimal digits of the integer part of |x| (0 below 1), from the binary
 * lengths of its numerator and denominator: |x| < 2^(bits(n) − bits(d) + 1).
 */
function digitsAbove(x: Rational): number {
  const bits = (v: bigint) => (v === 0n ? 0 : (v < 0n ? -v : v).toString(2).length);
  return x.n === 0n ? 0 : Math.max(0, Math.ceil((bits(x.n) - bits(x.d) + 1) * LOG10_2));
}

/**
 * The working digits that keep every figure of a CES solution within about 10^-PRECISION:
 * PRECISION, the digits of the largest figure's size ((1 + |t1| + |t0|) × the largest of M, M at
 * shares = M + creation and new M bounds each: imports, creation, diversion, revenues, the
 * consumer-surplus change) and those of the error's magnification by the formula, plus 2.
 * Counted from binary lengths, never by dividing the model's long ratios.
 */
function cesDigits(effects: readonly OriginEffect[], e: Elasticities): number {
  let size = 0;
  for (const x of effects) {
    const rates = 1 + Math.max(1, digitsAbove(x.t1), digitsAbove(x.t0));
    const imports =
      1 +
      Math.max(
        digitsAbove(x.baseImports),
        digitsAbove(x.model.creation),
        digitsAbove(x.model.newImports),
      );
    size = Math.max(size, rates + imports);
  }
  // |1 − σ|; σ ≥ 0 ≥ η, so |η| + σ = σ − η
  const gap = rational.minus(R1, e.substitution);
  const oneMinusSigma = gap.n < 0n ? rational.neg(gap) : gap;
  const index = rational.isZero(oneMinusSigma)
    ? rational.int(2)
    : rational.plus(rational.int(2), rational.div(rational.int(2), oneMinusSigma));
  const magnification = rational.times(
    rational.plus(rational.int(3), rational.minus(e.substitution, e.importDemand)),
    index,
  );
  return PRECISION + size + digitsAbove(magnification) + 2;
}

/** The CES solution with fractional powers to `digits` working digits. */
function cesAt(flows: readonly OriginFlow[], e: Elasticities, digits: number): OriginEffect[] {
  const spend = flows.map((f) => rational.times(f.baseImports, rational.plus(R1, f.t0)));
  const total = rational.sum(spend);
  const w = rational.isZero(total)
    ? flows.map(() => rational.div(R1, rational.int(flows.length)))
    : spend.map((x) => rational.div(x, total));
  const r = flows.map((f) => rational.div(rational.plus(R1, f.t1), rational.plus(R1, f.t0)));
  const oneMinusSigma = rational.minus(R1, e.substitution);
  const index = rational.isZero(oneMinusSigma)
    ? geometricMean(
        r.map((x, i) => ({ x, w: w[i] ?? R0 })),
        digits,
      )
    : power(
        rational.sum(r.map((x, i) => rational.times(w[i] ?? R0, power(x, oneMinusSigma, digits)))),
        rational.div(R1, oneMinusSigma),
        digits,
      );
  const scale = power(index, e.importDemand, digits);
  const known = !(flows.some((f) => f.unknown.t0) && flows.some(moves));
  return flows.map((f, i) => {
    const relative = rational.div(r[i] ?? R1, index);
    const atShares = rational.times(f.baseImports, scale);
    const raw = rational.times(atShares, power(relative, rational.neg(e.substitution), digits));
    return withRevenue(
      f,
      rational.minus(atShares, f.baseImports),
      rational.minus(raw, atShares),
      raw,
      { creation: known, imports: known },
    );
  });
}

/** The figures of an effect that add up over origins, in the order answers list them. */
export const EFFECT_KEYS = [
  'baseImports',
  'newImports',
  'creation',
  'diversion',
  'revenueBefore',
  'revenueAfter',
  'consumerSurplusChange',
] as const;
type EffectKey = (typeof EFFECT_KEYS)[number];
/** Every figure but base imports is unknown (null) where the rates it rests on are. */
type Figures<T> = Readonly<
  Record<'baseImports', T> & Record<Exclude<EffectKey, 'baseImports'>, T | null>
>;

/** The figures of an effect that add up over origins. */
export type EffectTotals = Pick<OriginEffect, EffectKey>;

/**
 * Each figure of `rows` totalled by `total`; a sum with an unknown part is unknown (null), never
 * the known parts shown as if they were the whole.
 */
function totalsOf<T>(rows: readonly Figures<T>[], total: (values: T[]) => T): Figures<T> {
  return Object.fromEntries(
    EFFECT_KEYS.map((key) => {
      const values = rows.map((r) => r[key]);
      return [key, values.some((v) => v === null) ? null : total(values as T[])];
    }),
  ) as Figures<T>;
}

/** The sums of a set of origins' effects. */
export function effectTotals(effects: readonly OriginEffect[]): EffectTotals {
  return totalsOf(effects, rational.sum);
}

/** The effects by model. */
export function tradeEffects(
  model: TradeModel,
  flows: readonly OriginFlow[],
  e: Elasticities,
): OriginEffect[] {
  return model === 'smart' ? smartEffects(flows, e) : cesEffects(flows, e);
}

/** The figures of an effect that add up over origins, as reported (rounded); null = unknown. */
export type ReportedEffect = Figures<Decimal>;

/** One origin's reported figures, and whether its new imports stop at 0 as reported. */
export interface ReportedOrigin extends ReportedEffect {
  /** base + creation + diversion as reported is below 0: new imports are 0, not that sum. */
  readonly floored: boolean;
}

/** One bloc's origins' reported figures, summed. */
export interface ReportedBloc extends ReportedEffect {
  readonly bloc: Bloc;
}

/** The effects and what an answer reports of them. */
export interface TradeEffectsReport {
  /** The exact effects, in the order of the flows. */
  readonly effects: readonly OriginEffect[];
  /** Each origin's figures as reported, in the order of `effects`. */
  readonly origins: readonly ReportedOrigin[];
  /** The sums of the reported figures by bloc, for the blocs that have origins (red, blue, grey). */
  readonly blocs: readonly ReportedBloc[];
  /** The sums of every origin's reported figures. */
  readonly totals: ReportedEffect;
}

/**
 * An origin's figures as reported. Each is its exact value rounded once by `round` (base imports,
 * creation and diversion, the formulas' values, revenue before = t0 × M_k, revenue after =
 * t1 × new M_k, the consumer-surplus change), except new imports, the total of its parts (API
 * as the formula is written: new M_k = M_k + creation_k + diversion_k, never below 0):
 * max(0, base + creation + diversion as reported). Where that sum is below 0 (`floored`) new
 * imports are 0 and the parts do not add up to them. A figure on an unknown rate is null.
 */
export function reportedEffect(
  x: OriginEffect,
  round: (value: Rational) => Decimal,
): ReportedOrigin {
  const once = (v: Rational | null) => (v === null ? null : round(v));
  const baseImports = round(x.baseImports);
  const creation = once(x.creation);
  const diversion = once(x.diversion);
  const total =
    creation === null || diversion === null ? null : add(add(baseImports, creation), diversion);
  const floored = total !== null && isNegative(total);
  return {
    floored,
    baseImports,
    newImports: floored ? ZERO : total,
    creation,
    diversion,
    revenueBefore: once(x.revenueBefore),
    revenueAfter: once(x.revenueAfter),
    consumerSurplusChange: once(x.consumerSurplusChange),
  };
}

/** The sums of reported figures: totals that add up to the rows shown. */
export function sumReported(rows: readonly ReportedEffect[]): ReportedEffect {
  return totalsOf(rows, sum);
}

/** The effects as reported: each origin rounded once, every bloc and the total sums of them. */
export function reportTradeEffects(
  effects: readonly OriginEffect[],
  round: (value: Rational) => Decimal,
): TradeEffectsReport {
  const origins = effects.map((x) => reportedEffect(x, round));
  const ofBloc = (bloc: Bloc) => origins.filter((_, i) => effects[i]?.bloc === bloc);
  return {
    effects,
    origins,
    blocs: BLOCS.filter((bloc) => effects.some((x) => x.bloc === bloc)).map((bloc) => ({
      bloc,
      ...sumReported(ofBloc(bloc)),
    })),
    totals: sumReported(origins),
  };
}
