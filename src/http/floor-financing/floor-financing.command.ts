import type { PolicyData } from '../../data/store';
import type { Warning } from '../../data/warnings';
import { type FloorFinancingInput, floorFinancingInputs } from '../../domain/floor-financing';
import type { Ratio, RoundingMode } from '../../domain/rounding';
import { quantityQuotient, type Unit } from '../../domain/units';
import { compare, type Decimal, multiply, ONE } from '../../numeric';
import { floorInReporting, type ResolvedFloor, resolveFloor } from '../floor-input';
import {
  asPrice,
  dec,
  fxRates,
  type PriceInput,
  type Reporting,
  restateQuotient,
  todayUtc,
  vatRate,
} from '../money-input';
import type { Parsed } from '../parsed';
import type { FieldProblem } from '../problem';
import type { FloorFinancingRequest } from './floor-financing.schemas';

/** A floor-financing request resolved: every price per the floor's unit, in `currency`. */
export interface FloorFinancingCommand {
  /** The version of the policy data it was resolved against. */
  readonly dataVersion: string;
  /** Per unit: every price and volume a decimal, as the answer prints them. */
  readonly input: FloorFinancingInput;
  /** The same over one denominator, for the money (`floorFinancingInputs`). */
  readonly exact: FloorFinancingInput;
  /** What a flow of `exact` is divided by, once, when it is reported. */
  readonly moneyDenominator: Decimal;
  readonly unit: Unit;
  /** True when the request gave a price path (periods and present values are reported). */
  readonly path: boolean;
  /** True when the request gave the v1 `quantity` (echoed). */
  readonly quantityGiven: boolean;
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly asOf: string;
  readonly warnings: readonly Warning[];
}

type Quantity = NonNullable<FloorFinancingRequest['quantity']>;

/** D and Q: the v1 `quantity` means both; otherwise both `demand` and `domesticOutput`. */
function volumes(
  request: FloorFinancingRequest,
  problems: FieldProblem[],
): { demand: Quantity; output: Quantity } | undefined {
  const { quantity, demand, domesticOutput } = request;
  if (quantity !== undefined) {
    if (demand !== undefined || domesticOutput !== undefined) {
      const pointer = demand === undefined ? '/domesticOutput' : '/demand';
      problems.push({ pointer, detail: 'give either quantity or demand and domesticOutput' });
      return undefined;
    }
    return { demand: quantity, output: quantity };
  }
  if (demand === undefined || domesticOutput === undefined) {
    problems.push({
      pointer: demand === undefined ? '/demand' : '/domesticOutput',
      detail: 'is required (or give quantity: demand and output both)',
    });
    return undefined;
  }
  return { demand, output: domesticOutput };
}

/**
 * The market price of each period: `pricePath`, or the one `marketPrice`. These are quotes: a VAT
 * they include (`vat`) is taken out first, then `fx` restates them.
 */
function marketPrices(
  request: FloorFinancingRequest,
  unit: Unit,
  reporting: Reporting,
  problems: FieldProblem[],
): Ratio[] | undefined {
  if (request.pricePath !== undefined && request.marketPrice !== undefined) {
    problems.push({ pointer: '/pricePath', detail: 'give either marketPrice or pricePath' });
    return undefined;
  }
  const entries: { price: PriceInput; pointer: string }[] =
    request.pricePath?.map((p, i) => ({ price: asPrice(p, unit), pointer: `/pricePath/${i}` })) ??
    (request.marketPrice === undefined
      ? []
      : [{ price: request.marketPrice, pointer: '/marketPrice' }]);
  if (entries.length === 0) {
    problems.push({ pointer: '/marketPrice', detail: 'is required (or give pricePath)' });
    return undefined;
  }
  const vat = vatRate(request.vat);
  const prices = entries.map((e) =>
    restateQuotient(e.price, unit, reporting, e.pointer, problems, vat),
  );
  return prices.every((p) => p !== undefined) ? prices : undefined;
}

/**
 * The upside sharing of the producer-side floor: as the request gives it, else the benchmark
 * contract's own terms (said in a `contract-terms` warning; a yearly cap is not applied), else none.
 * The threshold A is `upsideAbove`, else the contract's, else the floor.
 */
function upsideTerms(
  request: FloorFinancingRequest,
  resolved: ResolvedFloor,
  floor: Ratio,
  unit: Unit,
  reporting: Reporting,
  problems: FieldProblem[],
  warnings: Warning[],
): { share: Decimal; above: Ratio | undefined } {
  const terms = request.upsideShare === undefined ? resolved.benchmark?.upsideShare : undefined;
  const given =
    request.upsideAbove === undefined
      ? undefined
      : restateQuotient(request.upsideAbove, unit, reporting, '/upsideAbove', problems);
  if (terms === undefined || resolved.benchmark === undefined) {
    return { share: dec(request.upsideShare ?? 0), above: given ?? floor };
  }
  const above = given ?? restateQuotient(terms.above, unit, reporting, '/benchmark', problems);
  const cap =
    terms.capPerYear === null
      ? ''
      : `; its cap of ${terms.capPerYear.amount} ${terms.capPerYear.currency} a year is not applied`;
  warnings.push({
    code: 'contract-terms',
    detail: `The producer-side floor shares the upside as ${resolved.benchmark.id} does: ${terms.share} of the market price above ${terms.above.amount} ${terms.above.currency}/${terms.above.per} (${terms.confidence} confidence), from period ${request.upsideFromPeriod ?? 1}${cap}. Send "upsideShare": "0" to leave it out.`,
    rowIds: [resolved.benchmark.id],
  });
  return { share: dec(terms.share), above };
}

/**
 * Resolves the floor (explicit or a benchmark), restates the market prices per the floor's unit
 * and the volumes (demand D and domestic output Q, or the v1 quantity meaning both) in it.
 */
export function resolveFloorFinancing(
  request: FloorFinancingRequest,
  data: PolicyData,
): Parsed<FloorFinancingCommand> {
  const asOf = request.asOf ?? todayUtc();
  const reporting = { currency: request.currency ?? 'USD', fx: fxRates(request.fx) };
  const problems: FieldProblem[] = [];
  const warnings: Warning[] = [];
  const resolved = resolveFloor(request, data, asOf, problems, warnings);
  const given = volumes(request, problems);
  if (resolved === undefined || given === undefined) return { ok: false, problems };
  const floorPerUnit = floorInReporting(resolved, reporting, problems);
  const unit = resolved.floor.per;
  const prices = marketPrices(request, unit, reporting, problems);
  if (floorPerUnit === undefined || prices === undefined) return { ok: false, problems };
  const floor = { of: floorPerUnit, to: ONE };
  const upside = upsideTerms(request, resolved, floor, unit, reporting, problems, warnings);
  if (upside.above === undefined) return { ok: false, problems };
  const inUnit = (q: Quantity) => quantityQuotient(dec(q.value), q.unit, unit);
  const demand = inUnit(given.demand);
  const output = inUnit(given.output);
  // Q > D: the border floor's buyers take only D, so the producer gains the gap on D, not on Q
  // (said only where there is a gap: some period's market price below the floor F = floorPerUnit).
  const below = prices.some((m) => compare(m.of, multiply(floorPerUnit, m.to)) < 0);
  if (below && compare(multiply(output.of, demand.to), multiply(demand.of, output.to)) > 0) {
    warnings.push({
      code: 'output-above-demand',
      detail: `Domestic output (${given.output.value} ${given.output.unit}) exceeds demand in the floor zone (${given.demand.value} ${given.demand.unit}): under the border floor the producer gains the gap only on what buyers there take; the rest sells at the market price.`,
    });
  }
  const inputs = floorFinancingInputs({
    floor,
    demand,
    domesticOutput: output,
    marketPrices: prices,
    upsideShare: upside.share,
    upsideAbove: upside.above,
    upsideFromPeriod: request.upsideFromPeriod ?? 1,
    discountRate: dec(request.discountRate ?? 0),
  });
  return {
    ok: true,
    value: {
      dataVersion: data.dataVersion,
      input: inputs.perUnit,
      exact: inputs.exact,
      moneyDenominator: inputs.denominator,
      unit,
      path: request.pricePath !== undefined,
      quantityGiven: request.quantity !== undefined,
      currency: reporting.currency,
      rounding: request.rounding ?? 'half-up',
      asOf,
      warnings,
    },
  };
}
