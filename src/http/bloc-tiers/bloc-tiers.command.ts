import { blocMembers, blocOf, everyMember, redHome, unknownCountry } from '../../data/blocs';
import { selectMeasures, type TariffCoverage } from '../../data/measures';
import type { MineralRow } from '../../data/schema';
import type { PolicyData } from '../../data/store';
import { noTariffDataWarning, type UncoveredLane, type Warning } from '../../data/warnings';
import {
  type BlocDestination,
  type BlocPrices,
  blocPricesOf,
  blocPricesOverCommonDenominator,
} from '../../domain/bloc-tiers';
import { membersWithoutTheirUnion, namedDirectlyOrByUnion } from '../../domain/customs-union';
import { defaultBasis, type FloorBasis, type FloorGapMethod } from '../../domain/floor-gap';
import type { RoundingMode } from '../../domain/rounding';
import { kgPerUnit, type Unit } from '../../domain/units';
import { type Decimal, multiply, ONE, sum, ZERO } from '../../numeric';
import { floorGapMethod, triggerPerUnit } from '../floor-gap/floor-gap.command';
import { checkBorderFloor, checkStageFit, floorInReporting, resolveFloor } from '../floor-input';
import {
  asPrice,
  dec,
  fxRates,
  type Reporting,
  restateQuotient,
  todayUtc,
  vatRate,
} from '../money-input';
import type { Parsed } from '../parsed';
import type { FieldProblem } from '../problem';
import type { BlocTiersRequest } from './bloc-tiers.schemas';

/** The floor zone's market as asked: volumes in the demand's unit and in kg. */
export interface MarketCommand {
  /** The floor-zone destination standing for the zone; undefined = where red lands cheapest. */
  readonly destination: string | undefined;
  readonly demand: Decimal;
  readonly blueCapacity: Decimal;
  /** The unit demand was given in: volumes are reported in it. */
  readonly unit: Unit;
  readonly capacityUnit: Unit;
  /** Demand and capacity in kg, exactly (into the floor's unit they need not terminate). */
  readonly demandKg: Decimal;
  readonly blueCapacityKg: Decimal;
}

export interface BlocTiersCommand {
  /** The version of the policy data it was resolved against. */
  readonly dataVersion: string;
  readonly mineral: MineralRow;
  readonly redPrice: Decimal;
  readonly bluePrice: Decimal;
  readonly floor: Decimal;
  /** A tranche schedule's trigger T per the floor's unit, where the method gives one. */
  readonly trigger?: Decimal;
  readonly redFreight: Decimal;
  readonly blueFreight: Decimal;
  /**
   * The prices over one denominator (`blocPricesOverCommonDenominator`), for the money figures of
   * the market: exact where a price restated per the floor's unit does not terminate.
   */
  readonly exactPrices: { readonly prices: BlocPrices; readonly scale: Decimal };
  readonly market: MarketCommand | undefined;
  readonly unit: Unit;
  readonly basis: FloorBasis;
  readonly method: FloorGapMethod;
  readonly destinations: readonly BlocDestination[];
  readonly benchmarkId: string | undefined;
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly asOf: string;
  readonly warnings: readonly Warning[];
  /**
   * How much of each destination's tariff the data holds, by country
   * (`coverage.tariffs`): for red supply, and for blue supply from `blueOrigin` when given.
   */
  readonly coverage: ReadonlyMap<string, { red: TariffCoverage; blue: TariffCoverage }>;
}

/**
 * Σ ad valorem rates of the scenario's duties on a mineral from `origin` into `destination` on
 * `asOf` (floor-gap measures and fees excluded: the calculator applies its own floor). Specific
 * duties are not counted: none are seeded for these lines.
 */
function adValoremRate(
  data: PolicyData,
  mineral: MineralRow,
  origin: string,
  destination: string,
  asOf: string,
  scenario: NonNullable<ReturnType<PolicyData['scenarios']['get']>>,
): { rate: Decimal; warnings: readonly Warning[]; coverage: TariffCoverage } {
  if (origin === destination) return { rate: ZERO, warnings: [], coverage: 'complete' };
  const selection = selectMeasures(data, {
    lane: { asOf, destination, origin },
    product: { hts: mineral.defaultHts, mineral },
    transport: 'ocean',
    scenario,
    extra: [],
    exclude: [],
    kinds: ['ad-valorem'],
  });
  const rates = selection.applied.flatMap((m) => (m.kind === 'ad-valorem' ? [dec(m.rate)] : []));
  return { rate: sum(rates), warnings: selection.warnings, coverage: selection.tariffCoverage };
}

type FreightInput = NonNullable<BlocTiersRequest['redFreight']>;

/**
 * A `blueOrigin` in the red bloc on `asOf` (China, or Hong Kong with it): the answer prices that
 * origin's goods as the allied track, which never pays the floor-gap duty, so red-bloc supply
 * escapes the floor (red 75 and blue 80 from CN into the US under a floor of 110: blue lands at
 * 80 × 1.371 = 109.68, below the floor, and governs). Still answered, with this warning.
 */
function blueOriginWarnings(data: PolicyData, origin: string, asOf: string): Warning[] {
  if (blocOf(data, origin, asOf).bloc !== 'red') return [];
  return [
    {
      code: 'blue-origin-red',
      detail: `blueOrigin ${origin} is in the red bloc on ${asOf}: the answer treats red-bloc goods as the allied (blue) track, which never pays the floor-gap duty, so they escape the floor. Name an allied origin for the blue offer, or leave blueOrigin out (blue supply duty-free).`,
      rowIds: [`membership:${origin}`],
    },
  ];
}

/** The market block, its volumes in kg too for money. */
function marketCommand(market: BlocTiersRequest['market']): MarketCommand | undefined {
  if (market === undefined) return undefined;
  const demand = dec(market.demand.value);
  const blueCapacity = dec(market.blueCapacity.value);
  return {
    destination: market.destination,
    demand,
    blueCapacity,
    unit: market.demand.unit,
    capacityUnit: market.blueCapacity.unit,
    demandKg: multiply(demand, kgPerUnit(market.demand.unit)),
    blueCapacityKg: multiply(blueCapacity, kgPerUnit(market.blueCapacity.unit)),
  };
}

/** The one parser of the bloc-tiers calculator, for its JSON, GET and SVG forms. */
/** A request with a list of dates: one resolved command per date, in the request's order. */
export function resolveBlocTiersOverDates(
  request: BlocTiersRequest,
  data: PolicyData,
): Parsed<readonly BlocTiersCommand[]> {
  const dates = Array.isArray(request.asOf) ? request.asOf : [request.asOf];
  const commands: BlocTiersCommand[] = [];
  for (const asOf of dates) {
    const resolved = resolveBlocTiers({ ...request, asOf }, data);
    if (!resolved.ok) return resolved;
    commands.push(resolved.value);
  }
  return { ok: true, value: commands };
}

export function resolveBlocTiers(
  request: BlocTiersRequest & { readonly asOf?: string | undefined },
  data: PolicyData,
): Parsed<BlocTiersCommand> {
  const problems: FieldProblem[] = [];
  const warnings: Warning[] = [];
  const asOf = request.asOf ?? todayUtc();
  const reporting: Reporting = { currency: request.currency ?? 'USD', fx: fxRates(request.fx) };
  const mineral = data.minerals.get(request.mineral);
  if (mineral === undefined)
    problems.push({ pointer: '/mineral', detail: 'is not a known mineral; see GET /v1/minerals' });
  const scenario = data.scenarios.get(request.scenario ?? 'baseline');
  if (scenario === undefined)
    problems.push({ pointer: '/scenario', detail: 'is not a known scenario' });
  const resolved = resolveFloor(request, data, asOf, problems, warnings);
  if (resolved !== undefined) {
    checkBorderFloor(resolved, request.asBorderFloor !== true, problems, warnings);
    checkStageFit(resolved, mineral, problems, warnings);
  }
  const method = floorGapMethod(request.method, problems);
  const lists = [
    ['destinations', request.destinations ?? []],
    ['floorMembers', request.floorMembers ?? []],
    ['market', request.market?.destination === undefined ? [] : [request.market.destination]],
    ['blueOrigin', request.blueOrigin === undefined ? [] : [request.blueOrigin]],
  ] as const;
  for (const [name, codes] of lists) {
    codes.forEach((code, i) => {
      if (!data.countries.has(code)) {
        problems.push({
          pointer:
            name === 'blueOrigin'
              ? '/blueOrigin'
              : name === 'market'
                ? '/market/destination'
                : `/${name}/${i}`,
          detail: unknownCountry(code),
        });
      }
    });
  }
  if (
    mineral === undefined ||
    scenario === undefined ||
    resolved === undefined ||
    problems.length > 0
  ) {
    return { ok: false, problems };
  }

  const floorPerUnit = floorInReporting(resolved, reporting, problems);
  const floor = floorPerUnit === undefined ? undefined : { of: floorPerUnit, to: ONE };
  const unit = resolved.floor.per;
  const redPrice = restateQuotient(
    request.redPrice,
    unit,
    reporting,
    '/redPrice',
    problems,
    vatRate(request.vat),
  );
  const bluePrice =
    request.bluePrice === undefined
      ? floor
      : restateQuotient(request.bluePrice, unit, reporting, '/bluePrice', problems);
  const perUnit = (given: FreightInput | undefined, pointer: string) =>
    given === undefined
      ? { of: ZERO, to: ONE }
      : restateQuotient(asPrice(given, unit), unit, reporting, pointer, problems);
  const redFreight = perUnit(request.redFreight, '/redFreight');
  const blueFreight = perUnit(request.blueFreight, '/blueFreight');
  // A tranche schedule's trigger T (default the floor), restated per the floor's unit as
  // /v1/floor-gap restates it.
  const trigger = triggerPerUnit(request, unit, reporting, problems);
  const market = marketCommand(request.market);
  if (
    floor === undefined ||
    redPrice === undefined ||
    bluePrice === undefined ||
    redFreight === undefined ||
    blueFreight === undefined ||
    problems.length > 0
  )
    return { ok: false, problems };
  const prices = {
    redPrice,
    bluePrice,
    floor,
    ...(trigger === undefined ? {} : { trigger }),
    redFreight,
    blueFreight,
  };

  const members = blocMembers(data, asOf);
  // By default every member of every bloc on asOf, in GET /v1/blocs?asOf= order.
  const codes = request.destinations ?? everyMember(data, asOf);
  const floorMembers = request.floorMembers ?? [...members.blue, 'EU'];
  const unionOf = (country: string) => data.countries.get(country)?.customsUnion;
  for (const [union, alone] of membersWithoutTheirUnion(floorMembers, unionOf)) {
    const who = alone.join(', ');
    warnings.push({
      code: 'customs-union',
      detail: `${who} ${alone.length === 1 ? 'is' : 'are'} in the ${union} customs union, whose external tariff its members share: a floor applied by ${who} alone is a hypothetical the union’s common tariff does not allow. Name ${union} to apply it at every member state’s border.`,
    });
  }
  // Every lane, red and blue, whose tariff the data lacks (its duties count as 0 in the figures).
  const uncovered: UncoveredLane[] = [];
  const coverage = new Map<string, { red: TariffCoverage; blue: TariffCoverage }>();
  const home = redHome(data);
  if (request.blueOrigin !== undefined)
    warnings.push(...blueOriginWarnings(data, request.blueOrigin, asOf));
  const assumeNoDuty = request.assume === 'no-duty';
  const destinations = [...new Set(codes)].map((country): BlocDestination => {
    const assignment = blocOf(data, country, asOf);
    warnings.push(...assignment.warnings);
    const red = adValoremRate(data, mineral, home, country, asOf, scenario);
    const blue =
      request.blueOrigin === undefined
        ? { rate: ZERO, warnings: [], coverage: 'complete' as const }
        : adValoremRate(data, mineral, request.blueOrigin, country, asOf, scenario);
    coverage.set(country, { red: red.coverage, blue: blue.coverage });
    warnings.push(...red.warnings, ...blue.warnings);
    const lanes = [
      { supply: `red supply from ${home}`, coverage: red.coverage },
      { supply: `blue supply from ${request.blueOrigin}`, coverage: blue.coverage },
    ];
    for (const { supply, coverage } of lanes)
      if (coverage !== 'complete') uncovered.push({ destination: country, supply, coverage });
    return {
      country,
      bloc: assignment.bloc,
      floorApplies: namedDirectlyOrByUnion(floorMembers, country, unionOf(country)),
      redOtherDutyRate: red.rate,
      blueOtherDutyRate: blue.rate,
      // `assume: no-duty` counts a duty the data lacks as zero, explicitly: known by assumption.
      redDutiesKnown: assumeNoDuty || red.coverage === 'complete',
      blueDutiesKnown: assumeNoDuty || blue.coverage === 'complete',
      freightInCustomsValue: data.countries.get(country)?.valuationBasis !== 'FOB',
    };
  });
  const zone = destinations.filter((d) => d.floorApplies).map((d) => d.country);
  if (
    market !== undefined &&
    market.destination !== undefined &&
    !zone.includes(market.destination)
  ) {
    problems.push({
      pointer: '/market/destination',
      detail: `must be one of the destinations that apply the floor: ${zone.join(', ') || 'none'}`,
    });
  } else if (market !== undefined && zone.length === 0) {
    problems.push({ pointer: '/market', detail: 'no destination applies the floor' });
  }
  if (problems.length > 0) return { ok: false, problems };
  warnings.push(
    ...noTariffDataWarning(
      mineral.defaultHts,
      uncovered,
      assumeNoDuty
        ? 'The landed prices there count them as 0: lower bounds, not duty-free prices; and, as the request says assume=no-duty, so do floorPart and otherDutiesPart.'
        : 'The landed prices there count them as 0: lower bounds, not duty-free prices.',
    ),
  );
  return {
    ok: true,
    value: {
      dataVersion: data.dataVersion,
      mineral,
      ...blocPricesOf(prices),
      exactPrices: blocPricesOverCommonDenominator(prices),
      market,
      unit,
      basis: request.basis ?? defaultBasis(method),
      method,
      destinations,
      benchmarkId: resolved.benchmarkId,
      currency: reporting.currency,
      rounding: request.rounding ?? 'half-up',
      asOf,
      warnings,
      coverage,
    },
  };
}
