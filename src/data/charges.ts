import type { TrancheBandIssue } from '../domain/floor-gap';
import type { DutyCharge, FeeCharge } from '../domain/landed-cost';
import { type FxRates, MissingFxRateError, toReportingCurrency } from '../domain/money';
import { type Decimal, parseDecimal } from '../numeric';
import { benchmarkStageFit, benchmarkWarnings, notABorderFloorWarnings } from './benchmarks';
import { floorGapMethodOf } from './floor-gap-method';
import type { MeasureRow, MineralRow } from './schema';
import type { PolicyData } from './store';
import type { Warning } from './warnings';

/** The reporting currency and the rates to it (reporting currency per 1 unit), exact. */
export interface ChargeReporting {
  readonly currency: string;
  readonly fx: FxRates;
}

/**
 * What kept a charge from being built, for the caller to say where: an amount in a currency the
 * rates do not cover (once per currency), or a floor-gap measure's tranche band that does not rise.
 */
export type ChargeProblem =
  | { readonly kind: 'missing-rate'; readonly currency: string }
  | { readonly kind: 'tranche-band'; readonly measureId: string; readonly issue: TrancheBandIssue };

/** A line's charges, as the landed-cost domain takes them, and what the answer must say of them. */
export interface LaneCharges {
  readonly duties: DutyCharge[];
  readonly fees: FeeCharge[];
  readonly warnings: Warning[];
  /** In the order the measures were read; none when every charge was built. */
  readonly problems: ChargeProblem[];
}

/**
 * The charges of the measures applied to a line, in the order they were applied (ad valorem and
 * specific before floor-gap, as the domain's duties need them), every amount in the reporting
 * currency: a specific duty's amount, a floor-gap measure's floor (its benchmark's price, or its
 * own) and a fee's per-entry bounds. A benchmark brings its warnings, and its stage is checked
 * against the mineral's: a scenario's floor is data, not the request, so a stage that does not fit
 * is said (`stage-mismatch`), not refused. A charge whose amount cannot be restated is left out
 * and its currency is a `missing-rate` problem; a floor-gap charge's method is read only when the
 * charge is built (its floor and tranche trigger restated), and its bands' issues are
 * `tranche-band` problems. A producer-contract benchmark priced here as a border floor warns
 * (`not-a-border-floor`), as /v1/floor-gap does.
 */
export function landedCostCharges(
  applied: readonly MeasureRow[],
  data: PolicyData,
  asOf: string,
  mineral: MineralRow | undefined,
  reporting: ChargeReporting,
): LaneCharges {
  const duties: DutyCharge[] = [];
  const fees: FeeCharge[] = [];
  const warnings: Warning[] = [];
  const problems: ChargeProblem[] = [];
  const money = (amount: string, currency: string): Decimal | undefined => {
    try {
      return toReportingCurrency(parseDecimal(amount), currency, reporting.currency, reporting.fx);
    } catch (error) {
      if (!(error instanceof MissingFxRateError)) throw error;
      // One problem per missing rate, however many amounts are in that currency.
      if (!problems.some((p) => p.kind === 'missing-rate' && p.currency === currency))
        problems.push({ kind: 'missing-rate', currency });
      return undefined;
    }
  };
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
      if (benchmark !== undefined)
        warnings.push(
          ...benchmarkWarnings(benchmark, asOf),
          // A landed-cost floor-gap line prices its floor at the border, as a duty.
          ...notABorderFloorWarnings(benchmark),
        );
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
      const trigger = m.method.type === 'tranche' ? m.method.trigger : undefined;
      const triggerAmount =
        trigger === undefined ? undefined : money(trigger.amount, trigger.currency);
      if (
        floor !== undefined &&
        floorAmount !== undefined &&
        (trigger === undefined || triggerAmount !== undefined)
      ) {
        const { method, bandIssues } = floorGapMethodOf(m.method);
        for (const issue of bandIssues)
          problems.push({ kind: 'tranche-band', measureId: m.id, issue });
        duties.push({
          kind: m.kind,
          id: m.id,
          floor: floorAmount,
          unit: floor.per,
          ...(trigger === undefined || triggerAmount === undefined
            ? {}
            : { trigger: { price: triggerAmount, unit: trigger.per } }),
          basis: m.basis,
          method,
        });
      }
    }
    if (m.kind === 'fee') {
      const bound = (v: string | undefined) =>
        v === undefined ? null : (money(v, m.currency) ?? null);
      fees.push({ id: m.id, rate: parseDecimal(m.rate), min: bound(m.min), max: bound(m.max) });
    }
  }
  const floors = duties.filter((d) => d.kind === 'floor-gap').map((d) => d.id);
  if (floors.length > 1) {
    // Each floor-gap line's reference counts the ad valorem and specific duties before it, not
    // another floor's duty: where two floors bind, their duties add up, and the line may land
    // above both. Said, not hidden, so the user can drop one (excludeMeasures).
    warnings.push({
      code: 'floors-stacked',
      detail: `${floors.join(' and ')} are floor-gap measures on the same line: each measures its gap over the ad valorem and specific duties alone, so where ${floors.length === 2 ? 'both bind' : 'more than one binds'} their duties add up and the landed price can end above every floor; drop one with excludeMeasures to price a single floor.`,
      rowIds: floors,
    });
  }
  return { duties, fees, warnings, problems };
}
