import type { FloorGapMethod } from '../domain/floor-gap';
import type { DutyCharge, FeeCharge } from '../domain/landed-cost';
import { type Decimal, parseDecimal } from '../numeric';
import { benchmarkStageFit, benchmarkWarnings } from './benchmarks';
import type { MeasureRow, MineralRow } from './schema';
import type { PolicyData } from './store';
import type { Warning } from './warnings';

export type FloorGapRow = Extract<MeasureRow, { kind: 'floor-gap' }>;

/** What charge building leaves to its caller: currency rates and method terms. */
export interface ChargeTerms {
  /** `amount` in `currency` restated in the reporting currency; undefined without a rate. */
  readonly restate: (amount: Decimal, currency: string) => Decimal | undefined;
  /** A floor-gap row's method as the domain takes it. */
  readonly method: (row: FloorGapRow) => FloorGapMethod;
}

/** A line's charges, as the landed-cost domain takes them, and what the answer must say of them. */
export interface LaneCharges {
  readonly duties: DutyCharge[];
  readonly fees: FeeCharge[];
  readonly warnings: Warning[];
}

/**
 * The charges of the measures applied to a line, in the order they were applied (ad valorem and
 * specific before floor-gap, as the domain's duties need them), every amount in the reporting
 * currency: a specific duty's amount, a floor-gap measure's floor (its benchmark's price, or its
 * own) and a fee's per-entry bounds. A benchmark brings its warnings, and its stage is checked
 * against the mineral's: a scenario's floor is data, not the request, so a stage that does not fit
 * is said (`stage-mismatch`), not refused. A charge whose amount cannot be restated is left out
 * (`terms.restate` says why).
 */
export function landedCostCharges(
  applied: readonly MeasureRow[],
  data: PolicyData,
  asOf: string,
  mineral: MineralRow | undefined,
  terms: ChargeTerms,
): LaneCharges {
  const duties: DutyCharge[] = [];
  const fees: FeeCharge[] = [];
  const warnings: Warning[] = [];
  const money = (amount: string, currency: string) => terms.restate(parseDecimal(amount), currency);
  for (const m of applied) {
    if (m.kind === 'ad-valorem')
      duties.push({ kind: m.kind, id: m.id, rate: parseDecimal(m.rate) });
    if (m.kind === 'specific') {
      const amount = money(m.amount.amount, m.amount.currency);
      if (amount !== undefined)
        duties.push({ kind: m.kind, id: m.id, amountPerUnit: amount, unit: m.amount.per });
    }
    if (m.kind === 'floor-gap') {
      const benchmark = m.benchmark === undefined ? undefined : data.benchmarks.get(m.benchmark);
      const floor = benchmark?.price ?? m.floor;
      if (benchmark !== undefined) warnings.push(...benchmarkWarnings(benchmark, asOf));
      const fit =
        benchmark === undefined || mineral === undefined
          ? undefined
          : benchmarkStageFit(benchmark, mineral);
      if (fit !== undefined)
        warnings.push(
          ...(fit.ok
            ? fit.warnings
            : [{ code: 'stage-mismatch', detail: `${fit.detail}.`, rowIds: [m.id] }]),
        );
      const floorAmount = floor === undefined ? undefined : money(floor.amount, floor.currency);
      if (floor !== undefined && floorAmount !== undefined) {
        duties.push({
          kind: m.kind,
          id: m.id,
          floor: floorAmount,
          unit: floor.per,
          basis: m.basis,
          method: terms.method(m),
        });
      }
    }
    if (m.kind === 'fee') {
      const bound = (v: string | undefined) =>
        v === undefined ? null : (money(v, m.currency) ?? null);
      fees.push({ id: m.id, rate: parseDecimal(m.rate), min: bound(m.min), max: bound(m.max) });
    }
  }
  return { duties, fees, warnings };
}
