import { blocOf } from '../../data/blocs';
import { leastComplete, type TariffCoverage } from '../../data/measures';
import type { TradeFlowDatasetRow } from '../../data/schema';
import type { PolicyData } from '../../data/store';
import type { Warning } from '../../data/warnings';
import type { Bloc } from '../../domain/bloc-tiers';
import { namedDirectlyOrByUnion } from '../../domain/customs-union';
import { defaultBasis, type FloorBasis, type FloorGapMethod } from '../../domain/floor-gap';
import { type DutyCharge, landedCost } from '../../domain/landed-cost';
import type { RoundingMode } from '../../domain/rounding';
import {
  type Elasticities,
  type OriginFlow,
  type TradeModel,
  tradeEquivalents,
} from '../../domain/trade-effects';
import type { Unit } from '../../domain/units';
import { type Decimal, isZero, parseDecimal } from '../../numeric';
import { R0, type Rational, rational } from '../../numeric/rational';
import { floorGapMethod } from '../floor-gap/floor-gap.command';
import { checkBorderFloor, checkStageFit, floorInReporting, resolveFloor } from '../floor-input';
import { type ResolveOptions, resolveLandedCost } from '../landed-cost/landed-cost.command';
import type { LandedCostRequest } from '../landed-cost/landed-cost.schemas';
import {
  asPrice,
  dec,
  fxRates,
  type PriceInput,
  type Reporting,
  restate,
  todayUtc,
  vatRate,
} from '../money-input';
import type { Parsed } from '../parsed';
import type { FieldProblem } from '../problem';
import type { TradeEffectsRequest } from './trade-effects.schemas';

/** Defaults of the elasticities, with where each comes from (shown in `assumptions`). */
export const ELASTICITY_DEFAULTS = {
  importDemand: '-1',
  substitution: '1.5',
} as const;

/** The largest magnitude an import-demand or substitution elasticity may take. */
const ELASTICITY_LIMIT = 100n;

export interface ResolvedFlow extends OriginFlow {
  readonly label: string;
  readonly floorApplies: boolean;
  readonly pricePerUnit: Decimal | null;
  /** Where t0 came from: the data or the request. */
  readonly t0Source: 'data' | 'request';
  /**
   * How much of the tariffs t0 and t1 rest on the data holds: the least complete of
   * the lanes priced from the data (before, unless the request gives t0 and no what-if measures;
   * after, with measures, whose increment t1 builds on even over a given t0); `complete` when the
   * request gives t0 and no measures, so nothing rests on the data's tariffs.
   */
  readonly coverage: TariffCoverage;
}

export interface TradeEffectsCommand {
  /** The version of the policy data it was resolved against. */
  readonly dataVersion: string;
  readonly model: TradeModel;
  readonly flows: readonly ResolvedFlow[];
  readonly elasticities: Elasticities;
  readonly destination: string;
  readonly hts: string;
  readonly dataset: TradeFlowDatasetRow | undefined;
  readonly floor: {
    readonly perUnit: Decimal;
    readonly unit: Unit;
    readonly method: FloorGapMethod;
    readonly basis: FloorBasis;
  } | null;
  readonly measureIds: readonly string[];
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly asOf: string;
  readonly warnings: readonly Warning[];
}

interface FlowInput {
  readonly origin: string | null;
  readonly label?: string | undefined;
  readonly value: string | number;
  readonly price?: string | number | PriceInput | undefined;
  readonly t0?: string | number | undefined;
  readonly exempt?: boolean | undefined;
}

/** The request's flows, or the dataset's with the request's prices. */
function flowInputs(
  request: TradeEffectsRequest,
  data: PolicyData,
  problems: FieldProblem[],
): { flows: FlowInput[]; dataset: TradeFlowDatasetRow | undefined; pointer: string } {
  if ((request.flows === undefined) === (request.dataset === undefined)) {
    problems.push({ pointer: '/flows', detail: 'give exactly one of flows and dataset' });
    return { flows: [], dataset: undefined, pointer: '/flows' };
  }
  if (request.flows !== undefined)
    return { flows: request.flows, dataset: undefined, pointer: '/flows' };
  const dataset = data.tradeFlows.get(request.dataset ?? '');
  if (dataset === undefined) {
    problems.push({
      pointer: '/dataset',
      detail: `is not a known dataset; one of ${[...data.tradeFlows.keys()].join(', ')}`,
    });
    return { flows: [], dataset: undefined, pointer: '/dataset' };
  }
  const prices = request.prices ?? {};
  return {
    dataset,
    pointer: '/prices',
    flows: dataset.flows.map((f) => ({
      origin: f.origin,
      label: f.label,
      value: f.value,
      price: prices[f.origin ?? 'other'],
    })),
  };
}

/**
 * An ad valorem equivalent on the data, how much of the lane's tariff the data holds, and the
 * first duty that is not ad valorem (specific or floor-gap): its equivalent depends on the price.
 */
interface Ave {
  readonly ave: Rational;
  readonly coverage: TariffCoverage;
  readonly perUnit: DutyCharge | undefined;
}

/** duties / customs value of one unit from `origin`, from the landed-cost calculator, exactly. */
function landedAve(
  request: LandedCostRequest,
  data: PolicyData,
  pointer: string,
  problems: FieldProblem[],
  warnings: Warning[],
  options?: ResolveOptions,
): Ave | undefined {
  const parsed = resolveLandedCost(request, data, undefined, options);
  if (!parsed.ok) {
    for (const p of parsed.problems) {
      const own = p.pointer === '/origin' || p.pointer.startsWith('/price');
      problems.push({
        ...p,
        pointer: own ? `${pointer}${p.pointer === '/origin' ? '/origin' : '/price'}` : p.pointer,
      });
    }
    return undefined;
  }
  warnings.push(...parsed.value.lane.warnings);
  const { exactDutyRate, dutyLines } = landedCost(parsed.value);
  const coverage = parsed.value.lane.tariffCoverage;
  const perUnit = dutyLines.find((l) => l.charge.kind !== 'ad-valorem')?.charge;
  if (isZero(exactDutyRate.to)) return { ave: R0, coverage, perUnit };
  return {
    ave: rational.div(rational.of(exactDutyRate.of), rational.of(exactDutyRate.to)),
    coverage,
    perUnit,
  };
}

function signedRational(value: string | number): Rational {
  return rational.of(parseDecimal(value));
}

/**
 * The one parser of trade effects: the flows (given or a dataset's), each origin's bloc and its ad
 * valorem equivalents before (t0, from landed cost on the data) and after (t1: landed cost with the
 * request's what-if measures, plus the floor-gap duty over the origin's own price where the floor
 * applies), and the elasticities with their defaults.
 */
export function resolveTradeEffects(
  request: TradeEffectsRequest,
  data: PolicyData,
): Parsed<TradeEffectsCommand> {
  const problems: FieldProblem[] = [];
  const warnings: Warning[] = [];
  const asOf = request.asOf ?? todayUtc();
  const reporting: Reporting = { currency: request.currency ?? 'USD', fx: fxRates(request.fx) };
  const { flows: inputs, dataset, pointer } = flowInputs(request, data, problems);
  const destination = request.destination ?? dataset?.destination ?? 'US';
  const mineral =
    request.mineral ?? (request.hts === undefined ? dataset?.products.minerals[0] : undefined);
  const hts = request.hts ?? (request.mineral === undefined ? dataset?.products.hts : undefined);
  if (mineral === undefined && hts === undefined) {
    problems.push({ pointer: '/mineral', detail: 'is required (or give hts, or a dataset)' });
  }

  const hasFloor = request.floor !== undefined || request.benchmark !== undefined;
  if (!hasFloor && (request.measures ?? []).length === 0) {
    problems.push({ pointer: '/floor', detail: 'give a floor, a benchmark or what-if measures' });
  }
  const method = floorGapMethod(request.method, problems);
  if (request.method?.type === 'tranche' && request.method.trigger !== undefined) {
    problems.push({
      pointer: '/method/trigger',
      detail: 'trade effects measure a tranche schedule from the floor (trigger = floor)',
    });
  }
  const resolved = hasFloor ? resolveFloor(request, data, asOf, problems, warnings) : undefined;
  if (resolved !== undefined) {
    // A producer-side contract floor is priced at the border as asked, and says so.
    checkBorderFloor(resolved, false, problems, warnings);
    // The floor is priced over the flows' own prices of the mineral: it must fit its stage.
    checkStageFit(
      resolved,
      mineral === undefined ? undefined : data.minerals.get(mineral),
      problems,
      warnings,
    );
  }
  const floorPerUnit =
    resolved === undefined ? undefined : floorInReporting(resolved, reporting, problems);
  const unit: Unit = resolved?.floor.per ?? 'kg';
  const basis: FloorBasis = request.basis ?? defaultBasis(method);
  const e = request.elasticities ?? {};
  const importDemand = signedRational(e.importDemand ?? ELASTICITY_DEFAULTS.importDemand);
  if (importDemand.n > 0n) {
    problems.push({
      pointer: '/elasticities/importDemand',
      detail: 'must be zero or negative, e.g. -1',
    });
  }
  // Published trade elasticities lie within single or low double digits; beyond ±100 the CES
  // powers (x^−σ, x^η) leave any meaningful range and their exact evaluation grows without bound.
  const substitution = signedRational(e.substitution ?? ELASTICITY_DEFAULTS.substitution);
  if (importDemand.n < -ELASTICITY_LIMIT * importDemand.d) {
    problems.push({
      pointer: '/elasticities/importDemand',
      detail: `must be at least -${ELASTICITY_LIMIT} (got ${String(e.importDemand)})`,
    });
  }
  if (substitution.n > ELASTICITY_LIMIT * substitution.d) {
    problems.push({
      pointer: '/elasticities/substitution',
      detail: `must be at most ${ELASTICITY_LIMIT} (got ${String(e.substitution)})`,
    });
  }
  const exportSupply = e.exportSupply === undefined ? null : signedRational(e.exportSupply);
  if (exportSupply !== null && exportSupply.n === 0n) {
    problems.push({
      pointer: '/elasticities/exportSupply',
      detail: 'must be greater than 0 (omit it for infinite)',
    });
  }
  const model = request.model ?? 'smart';
  if (model === 'ces' && exportSupply !== null) {
    problems.push({
      pointer: '/elasticities/exportSupply',
      detail: 'the ces model holds world prices fixed (infinite export supply): omit it',
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const base = {
    ...(mineral === undefined ? {} : { mineral }),
    ...(hts === undefined ? {} : { hts }),
    destination,
    asOf,
    quantity: { value: '1', unit },
    currency: reporting.currency,
    ...(request.fx === undefined ? {} : { fx: request.fx }),
    ...(request.vat === undefined ? {} : { vat: request.vat }),
    ...(request.scenario === undefined ? {} : { scenario: request.scenario }),
  };
  const flows: ResolvedFlow[] = [];
  let resolvedHts = hts ?? '';
  for (const [i, f] of inputs.entries()) {
    const at = pointer === '/flows' ? `/flows/${i}` : pointer;
    const bloc: Bloc = f.origin === null ? 'grey' : blocOf(data, f.origin, asOf).bloc;
    const floorApplies =
      floorPerUnit !== undefined &&
      f.exempt !== true &&
      (request.floorOrigins === undefined
        ? bloc !== 'blue'
        : f.origin !== null &&
          namedDirectlyOrByUnion(
            request.floorOrigins,
            f.origin,
            data.countries.get(f.origin)?.customsUnion,
          ));
    // A flow's price is a quote: ex-VAT first, then in the reporting currency per the floor's unit.
    const priceInput = f.price === undefined ? undefined : asPrice(f.price, unit);
    const price =
      priceInput === undefined
        ? undefined
        : restate(priceInput, unit, reporting, `${at}/price`, problems, vatRate(request.vat));
    if (priceInput !== undefined && price === undefined) continue;
    // "Other origins" pay what every origin pays: priced as an origin no origin-specific row names.
    const origin = f.origin ?? destination;
    // The price as given (landed cost restates it and takes the VAT out itself): a restated
    // quotient written out could be longer than any input may be.
    const shipment: LandedCostRequest = {
      ...base,
      origin,
      price: priceInput ?? { amount: '1', per: unit },
    };
    const measures = request.measures ?? [];
    // The data's lane is priced when t0 rests on it, or when the what-if measures do: what they add
    // on top of t0 is what they add on the data (`tradeEquivalents`).
    const onData = f.t0 === undefined || measures.length > 0;
    // The destination standing in for "other origins" is no import of its own: priced all the same.
    const options: ResolveOptions = { domestic: f.origin === null };
    const before = onData ? landedAve(shipment, data, at, problems, warnings, options) : null;
    const after =
      measures.length === 0 || before === null
        ? before
        : landedAve({ ...shipment, measures }, data, at, problems, warnings, options);
    if (before === undefined || after === undefined) continue;
    // An equivalent of a floor or of a duty per unit (specific, floor-gap) depends on the price:
    // never priced at a placeholder. `after` holds the data's rows and the what-if measures.
    const perUnit = after?.perUnit;
    const needs = floorApplies ? 'the floor' : perUnit && `the ${perUnit.kind} duty ${perUnit.id}`;
    if (needs && (price === undefined || isZero(price))) {
      problems.push({
        pointer: pointer === '/flows' ? `${at}/price` : `/prices/${f.origin ?? 'other'}`,
        detail: `a price above 0 is needed where ${needs} applies: its ad valorem equivalent depends on it`,
      });
      continue;
    }
    const given = f.t0 === undefined ? null : rational.of(dec(f.t0));
    const rates = tradeEquivalents(
      given,
      before === null || after === null
        ? null
        : { before: before.ave, after: after.ave, known: before.coverage !== 'none' },
      floorApplies && price !== undefined && floorPerUnit !== undefined
        ? { price, floor: floorPerUnit, basis, method }
        : null,
    );
    // Coverage: the least complete of the data lanes t0 and t1 rest on. A given t0 with what-if
    // measures still rests on the data for what the measures add (a floor-gap or "less MFN"
    // measure adds less where the lane's duties are higher), so it is never more than the lane's.
    const lanes = [before, after].flatMap((c) => (c == null ? [] : [c.coverage]));
    if (resolvedHts === '' && mineral !== undefined)
      resolvedHts = data.minerals.get(mineral)?.defaultHts ?? '';
    flows.push({
      origin: f.origin ?? 'other',
      label: f.label ?? f.origin ?? 'other origins',
      bloc,
      baseImports: rational.of(dec(f.value)),
      ...rates,
      floorApplies,
      pricePerUnit: price ?? null,
      t0Source: f.t0 === undefined ? 'data' : 'request',
      coverage: leastComplete(lanes),
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (flows.some((f) => f.t0Source === 'request')) {
    warnings.push({
      code: 'overridden',
      detail: 'A base ad valorem equivalent (t0) was given in the request.',
    });
  }
  return {
    ok: true,
    value: {
      dataVersion: data.dataVersion,
      model,
      flows,
      elasticities: {
        importDemand,
        substitution,
        exportSupply,
      },
      destination,
      hts: resolvedHts,
      dataset,
      floor: floorPerUnit === undefined ? null : { perUnit: floorPerUnit, unit, method, basis },
      measureIds: (request.measures ?? []).map((m) => m.id),
      currency: reporting.currency,
      rounding: request.rounding ?? 'half-up',
      asOf,
      warnings,
    },
  };
}
