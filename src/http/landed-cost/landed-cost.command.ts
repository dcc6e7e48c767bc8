import { notAFloor, oneReportedFigure } from '../../data/benchmarks';
import { blocOf, unknownCountry } from '../../data/blocs';
import { landedCostCharges } from '../../data/charges';
import { type MeasureSelection, selectMeasures, type TariffCoverage } from '../../data/measures';
import type { MeasureRow, MineralRow } from '../../data/schema';
import type { PolicyData } from '../../data/store';
import { noTariffDataWarning, type Warning } from '../../data/warnings';
import { sameCustomsTerritory } from '../../domain/customs-union';
import { defaultBasis } from '../../domain/floor-gap';
import {
  type DutyCharge,
  type FeeCharge,
  type Incoterm,
  type LandedCostInput,
  priceIncludes,
  type Transport,
  type ValuationBasis,
} from '../../domain/landed-cost';
import { excludingVat } from '../../domain/money';
import { amountFor, type Unit } from '../../domain/units';
import { add, compare, type Decimal, multiply, parseDecimal, toText, ZERO } from '../../numeric';
import { trancheBandProblem } from '../floor-gap/floor-gap.command';
import { missingFxRate, rateNeeded, todayUtc } from '../money-input';
import type { Parsed } from '../parsed';
import type { FieldProblem } from '../problem';
import type { InlineMeasure, LandedCostRequest } from './landed-cost.schemas';

/**
 * A landed-cost request resolved against the data: the domain's input (the shipment and the
 * lane's charges, in the lane's reporting currency) and the lane it was resolved on (shared by a
 * batch), for the answer.
 */
export interface LandedCostCommand extends LandedCostInput {
  readonly lane: LaneContext;
  readonly entryId: string | undefined;
}

/**
 * A what-if measure from the request as a data row that applies to this shipment only. One that
 * replaces a data row keeps that row's programme unless it names one, so a what-if MFN rate is
 * still the line's general rate (stacking rules, `coverage.tariffs`). An amount given without a
 * currency (a specific duty, a floor, a trigger, a fee's bounds) is in the reporting currency, as
 * a Price without one is everywhere else; only the row needs one spelt out.
 */
function inlineRow(
  m: InlineMeasure,
  asOf: string,
  replaced: MeasureRow | undefined,
  reportingCurrency: string,
): MeasureRow {
  const base = {
    id: m.id,
    label: m.label ?? `What-if ${m.kind} measure ${m.id}`,
    programme: m.programme ?? replaced?.programme ?? 'what-if',
    destination: {},
    origin: {},
    products: {},
    effectiveFrom: asOf,
    effectiveTo: null,
    knownUntil: asOf,
    status: 'proposed' as const,
    confidence: 'low' as const,
    legal: { instrument: 'What-if measure given in the request' },
  };
  // A JSON number may print with an exponent (1e-7): keep every decimal as plain text.
  const text = (v: string | number) => toText(parseDecimal(v));
  const price = (p: { amount: string | number; currency?: string | undefined; per: Unit }) => ({
    amount: text(p.amount),
    currency: p.currency ?? reportingCurrency,
    per: p.per,
  });
  switch (m.kind) {
    case 'ad-valorem':
      return { ...base, kind: m.kind, rate: text(m.rate) };
    case 'specific':
      return { ...base, kind: m.kind, amount: price(m.amount) };
    case 'floor-gap': {
      const method = m.method ?? { type: 'full-gap' };
      return {
        ...base,
        kind: m.kind,
        ...(m.benchmark === undefined ? {} : { benchmark: m.benchmark }),
        ...(m.floor === undefined ? {} : { floor: price(m.floor) }),
        basis: m.basis ?? defaultBasis(method),
        method: (method.type === 'tranche' && method.trigger !== undefined
          ? { ...method, trigger: price(method.trigger) }
          : method) as Extract<MeasureRow, { kind: 'floor-gap' }>['method'],
      };
    }
    case 'fee':
      return {
        ...base,
        kind: m.kind,
        rate: text(m.rate),
        ...(m.min === undefined ? {} : { min: text(m.min) }),
        ...(m.max === undefined ? {} : { max: text(m.max) }),
        currency: m.currency ?? reportingCurrency,
      };
  }
}

function resolveProduct(
  request: LandedCostRequest,
  data: PolicyData,
  problems: FieldProblem[],
  warnings: Warning[],
): { mineral: MineralRow | undefined; hts: string } | undefined {
  const mineral = request.mineral === undefined ? undefined : data.minerals.get(request.mineral);
  if (request.mineral !== undefined && mineral === undefined) {
    problems.push({ pointer: '/mineral', detail: `is not a known mineral; see GET /v1/minerals` });
    return undefined;
  }
  if (request.hts !== undefined) {
    // "8505.11.00.70" and "8505.11.0070" name the same statistical line; the data writes the latter.
    const hts = request.hts.replace(/^(\d{4}\.\d{2}\.\d{2})\.(\d{2})$/, '$1$2');
    // A line several minerals share (2846.90.80: eight single oxides) names none of them: the
    // answer does not pick one, whose export licences and benchmarks would not be the product's.
    const onLine = [...data.minerals.values()].filter((m) => m.hts.includes(hts));
    const byHts = mineral ?? (onLine.length === 1 ? onLine[0] : undefined);
    if (mineral === undefined && onLine.length > 1) {
      warnings.push({
        code: 'classification',
        detail: `${hts} is the line of several minerals (${onLine.map((m) => m.id).join(', ')}): the answer assumes none of them, so China's export licences, which follow the mineral's elements, are not listed. Pass mineral to have them.`,
        rowIds: onLine.map((m) => m.id),
      });
    }
    if (mineral !== undefined && !mineral.hts.includes(hts)) {
      warnings.push({
        code: 'classification',
        detail: `${hts} is not one of the lines seeded for ${mineral.id} (${mineral.hts.join(', ')}); the tariff follows ${hts}.`,
        rowIds: [mineral.id],
      });
    }
    return { mineral: byHts, hts };
  }
  if (mineral === undefined) {
    problems.push({ pointer: '/mineral', detail: 'is required when hts is not given' });
    return undefined;
  }
  if (mineral.hts.length > 1) {
    warnings.push({
      code: 'classification',
      detail: `${mineral.id} may be classified under ${mineral.hts.join(' or ')}; ${mineral.defaultHts} is used. Classification decides the rate: pass hts to choose.${mineral.classificationNote ? ` ${mineral.classificationNote}` : ''}`,
    });
  }
  return { mineral, hts: mineral.defaultHts };
}

/** What a request resolves to before its quantities: product, lane, measures and charges. */
export interface LaneContext {
  /** The version of the policy data the lane was resolved against. */
  readonly dataVersion: string;
  readonly duties: readonly DutyCharge[];
  readonly fees: readonly FeeCharge[];
  readonly selection: MeasureSelection;
  readonly measures: ReadonlyMap<string, MeasureRow>;
  readonly mineral: MineralRow | undefined;
  readonly hts: string;
  readonly origin: string;
  readonly originBloc: string;
  readonly destination: string;
  readonly destinationBloc: string;
  readonly valuationBasis: ValuationBasis;
  readonly scenario: string;
  readonly transport: Transport;
  readonly reporting: ExactReporting;
  readonly asOf: string;
  readonly warnings: readonly Warning[];
  /** Whether the data holds the line's tariff at the destination (`coverage.tariffs`). */
  readonly tariffCoverage: TariffCoverage;
}

/**
 * Lines of a batch that share a lane (product, origin, destination, date, scenario, what-ifs and
 * currency) share its resolution: one measure look-up per lane, not per line.
 */
export type LaneCache = Map<string, Parsed<LaneContext>>;

/** The lane of a line: its fields that no `|` can occur in, then the what-ifs and rates as JSON. */
function laneKey(r: LandedCostRequest): string {
  const whatIf =
    r.measures === undefined && r.excludeMeasures === undefined && r.fx === undefined
      ? ''
      : JSON.stringify([r.measures, r.excludeMeasures, r.fx]);
  return `${r.mineral ?? ''}|${r.hts ?? ''}|${r.origin}|${r.destination ?? ''}|${r.asOf ?? ''}|${r.scenario ?? ''}|${r.transport ?? ''}|${r.currency ?? ''}|${whatIf}`;
}

/** The reporting currency and the request's fx rates (reporting per 1 unit), exact. */
export interface ExactReporting {
  readonly currency: string;
  readonly fx: Readonly<Record<string, Decimal>>;
}

/** `amount` in `currency` restated in the reporting currency; undefined without a rate. */
function inReporting(
  amount: Decimal,
  currency: string,
  reporting: ExactReporting,
): Decimal | undefined {
  if (currency === reporting.currency) return amount;
  const rate = reporting.fx[currency];
  return rate === undefined ? undefined : multiply(amount, rate);
}

/**
 * A problem of a what-if measure's terms, at that measure in the request (`/measures/1/method/…`).
 * Seed rows are checked when the data is loaded, so a measure the request did not give has none.
 * Found by id: a request's what-if ids are distinct (a repeated one is refused above).
 */
function inlineProblem(
  request: LandedCostRequest,
  measureId: string,
  problem: FieldProblem,
): FieldProblem {
  const index = (request.measures ?? []).findIndex((m) => m.id === measureId);
  return index === -1 ? problem : { ...problem, pointer: `/measures/${index}${problem.pointer}` };
}

/**
 * The one warning that the answer includes the request's what-if measures (and which data rows
 * they replace): the user's own rows, overridden by the request, not reported figures of the data.
 */
function whatIfWarning(inline: readonly MeasureRow[], data: PolicyData): Warning {
  const ids = inline.map((m) => m.id);
  const named = ids.map((id) =>
    data.measures.has(id) ? `${id} (in place of the data's row)` : id,
  );
  return {
    code: 'overridden',
    detail: `The answer includes the request's what-if measures: ${named.join(', ')}.`,
    rowIds: ids,
  };
}

/** How a caller resolves a lane: `domestic` prices an origin inside the destination's territory. */
export interface ResolveOptions {
  /**
   * Trade effects prices "other origins" as the rows that name no origin, with the destination
   * standing in for the origin; every other caller refuses a shipment that is no import.
   */
  readonly domestic?: boolean;
}

function resolveLane(
  request: LandedCostRequest,
  data: PolicyData,
  options: ResolveOptions = {},
): Parsed<LaneContext> {
  const problems: FieldProblem[] = [];
  const warnings: Warning[] = [];
  const asOf = request.asOf ?? todayUtc();
  const reporting: ExactReporting = {
    currency: request.currency ?? 'USD',
    fx: Object.fromEntries(Object.entries(request.fx ?? {}).map(([c, r]) => [c, parseDecimal(r)])),
  };
  const destination = request.destination ?? 'US';

  const product = resolveProduct(request, data, problems, warnings);
  for (const [pointer, code] of [
    ['/origin', request.origin],
    ['/destination', destination],
  ] as const) {
    if (!data.countries.has(code)) problems.push({ pointer, detail: unknownCountry(code) });
  }
  if (
    !options.domestic &&
    sameCustomsTerritory(request.origin, destination, (c) => data.countries.get(c)?.customsUnion)
  ) {
    problems.push({
      pointer: '/origin',
      detail: `is inside the destination's customs territory (${request.origin} to ${destination}): no import, so no duty or entry fee to price`,
    });
  }
  const scenarioId = request.scenario ?? 'baseline';
  const scenario = data.scenarios.get(scenarioId);
  if (scenario === undefined) {
    problems.push({
      pointer: '/scenario',
      detail: `is not a known scenario; one of ${[...data.scenarios.keys()].join(', ')}`,
    });
  }
  const inline = (request.measures ?? []).map((m) =>
    inlineRow(m, asOf, data.measures.get(m.id), reporting.currency),
  );
  const measures = inline.length === 0 ? data.measures : new Map(data.measures);
  for (const [i, m] of inline.entries()) {
    const first = inline.findIndex((other) => other.id === m.id);
    if (first < i) {
      problems.push({ pointer: `/measures/${i}/id`, detail: `repeats the id of measure ${first}` });
    }
    const sent = request.measures?.[i];
    if (
      sent?.kind === 'fee' &&
      sent.min !== undefined &&
      sent.max !== undefined &&
      compare(parseDecimal(sent.min), parseDecimal(sent.max)) > 0
    ) {
      problems.push({
        pointer: `/measures/${i}/min`,
        detail: `is above max (${sent.max}): a fee cannot be clamped between them`,
      });
    }
    if (m.kind === 'floor-gap' && (m.benchmark === undefined) === (m.floor === undefined)) {
      problems.push({
        pointer: `/measures/${i}`,
        detail: 'a floor-gap measure needs exactly one of floor and benchmark',
      });
    }
    if (m.kind === 'floor-gap' && m.benchmark !== undefined) {
      const benchmark = data.benchmarks.get(m.benchmark);
      const notFloor = benchmark === undefined ? undefined : notAFloor(benchmark);
      if (benchmark === undefined || notFloor !== undefined)
        problems.push({
          pointer: `/measures/${i}/benchmark`,
          detail: notFloor ?? 'is not a known benchmark',
        });
    }
    (measures as Map<string, MeasureRow>).set(m.id, m);
  }
  // A what-if the request also excludes is not in the answer: only its exclusion is said.
  const included = inline.filter((m) => !(request.excludeMeasures ?? []).includes(m.id));
  if (included.length > 0) warnings.push(whatIfWarning(included, data));
  for (const [i, id] of (request.excludeMeasures ?? []).entries()) {
    if (!measures.has(id))
      problems.push({ pointer: `/excludeMeasures/${i}`, detail: `${id} is not a known measure` });
  }
  if (product === undefined || scenario === undefined || problems.length > 0)
    return { ok: false, problems };

  const transport = request.transport ?? 'ocean';
  const inlineIds = new Set(inline.map((m) => m.id));
  const selection = selectMeasures(
    inlineIds.size === 0
      ? data
      : { ...data, measures: new Map([...data.measures].filter(([id]) => !inlineIds.has(id))) },
    {
      lane: { asOf, destination, origin: request.origin },
      product,
      transport,
      scenario,
      extra: inline,
      exclude: request.excludeMeasures ?? [],
    },
  );
  warnings.push(...selection.warnings);
  if (selection.tariffCoverage !== 'complete') {
    warnings.push(
      ...noTariffDataWarning(product.hts, [{ destination, coverage: selection.tariffCoverage }]),
    );
  }

  const { duties, fees, ...charges } = landedCostCharges(
    selection.applied,
    data,
    asOf,
    product.mineral,
    reporting,
  );
  problems.push(
    ...charges.problems.map((p) =>
      p.kind === 'missing-rate'
        ? rateNeeded(
            p.currency,
            reporting.currency,
            `a measure on this shipment is in ${p.currency}`,
          )
        : inlineProblem(request, p.measureId, trancheBandProblem(p.issue)),
    ),
  );
  warnings.push(...charges.warnings);
  if (problems.length > 0) return { ok: false, problems };

  const originBloc = blocOf(data, request.origin, asOf);
  const destinationBloc = blocOf(data, destination, asOf);
  warnings.push(...originBloc.warnings, ...destinationBloc.warnings);
  return {
    ok: true,
    value: {
      dataVersion: data.dataVersion,
      duties,
      fees,
      selection,
      measures,
      mineral: product.mineral,
      hts: product.hts,
      origin: request.origin,
      originBloc: originBloc.bloc,
      destination,
      destinationBloc: destinationBloc.bloc,
      valuationBasis: data.countries.get(destination)?.valuationBasis ?? 'CIF',
      scenario: scenarioId,
      transport,
      reporting,
      asOf,
      warnings: oneReportedFigure(warnings, measures, data.benchmarks),
      tariffCoverage: selection.tariffCoverage,
    },
  };
}

/**
 * The one parser of the landed-cost calculator (JSON, GET, CSV and batch forms): resolves the
 * product, lane, scenario and measures (through `cache` when a batch gives one), and restates
 * every amount of the shipment in the reporting currency.
 */
export function resolveLandedCost(
  request: LandedCostRequest,
  data: PolicyData,
  cache?: LaneCache,
  options?: ResolveOptions,
): Parsed<LandedCostCommand> {
  const key = cache === undefined ? '' : laneKey(request);
  let lane = cache?.get(key);
  if (lane === undefined) {
    lane = resolveLane(request, data, options);
    cache?.set(key, lane);
  }
  if (!lane.ok) return lane;
  const context = lane.value;
  const { reporting } = context;
  const unit = request.quantity.unit;
  const quantity = parseDecimal(request.quantity.value);
  const priceCurrency = request.price.currency ?? reporting.currency;
  const restated = (value: string | number | undefined): Decimal | undefined =>
    value === undefined ? ZERO : inReporting(parseDecimal(value), priceCurrency, reporting);
  const price = restated(request.price.amount);
  const freight = restated(request.freight);
  const insurance = restated(request.insurance);
  if (price === undefined || freight === undefined || insurance === undefined)
    return {
      ok: false,
      problems: [missingFxRate(priceCurrency, reporting.currency, '/price/currency')],
    };

  const incoterm: Incoterm = request.incoterm ?? 'FOB';
  const inside = priceIncludes(incoterm);
  // price per `per` × the quantity in that unit, converted last: exact, or one quotient (into lb,
  // st, ozt) of the whole amount, so that no rounded factor is multiplied up.
  // A quote including VAT is taken ex-VAT first, the whole amount divided once.
  const gross = amountFor(price, request.price.per, quantity, unit);
  const goods = request.vat === undefined ? gross : excludingVat(gross, parseDecimal(request.vat));
  const included = add(inside.freight ? freight : ZERO, inside.insurance ? insurance : ZERO);
  if (compare(included, goods) > 0) {
    return {
      ok: false,
      problems: [
        {
          pointer: '/freight',
          detail: `freight and insurance inside a ${incoterm} price cannot exceed the price itself`,
        },
      ],
    };
  }
  return {
    ok: true,
    value: {
      lane: context,
      shipment: {
        goods,
        freight,
        insurance,
        incoterm,
        valuationBasis: context.valuationBasis,
        quantity,
        unit,
      },
      duties: context.duties,
      fees: context.fees,
      currency: reporting.currency,
      rounding: request.rounding ?? 'half-up',
      entryId: request.entryId,
    },
  };
}
