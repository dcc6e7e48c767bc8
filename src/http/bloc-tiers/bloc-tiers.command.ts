import { blocMembers, blocOf } from '../../data/blocs';
import { selectMeasures } from '../../data/measures';
import type { MineralRow } from '../../data/schema';
import type { PolicyData } from '../../data/store';
import type { Warning } from '../../data/warnings';
import type { BlocDestination } from '../../domain/bloc-tiers';
import type { FloorBasis, FloorGapMethod } from '../../domain/floor-gap';
import type { RoundingMode } from '../../domain/rounding';
import type { Unit } from '../../domain/units';
import { type Decimal, sum, ZERO } from '../../numeric';
import { floorGapMethod } from '../floor-gap/floor-gap.command';
import { floorInReporting, resolveFloor } from '../floor-input';
import { dec, fxRates, type Reporting, restate, todayUtc } from '../money-input';
import type { Parsed } from '../parsed';
import type { FieldProblem } from '../problem';
import type { BlocTiersRequest } from './bloc-tiers.schemas';

export interface BlocTiersCommand {
  readonly mineral: MineralRow;
  readonly redPrice: Decimal;
  readonly bluePrice: Decimal;
  readonly floor: Decimal;
  readonly unit: Unit;
  readonly basis: FloorBasis;
  readonly method: FloorGapMethod;
  readonly destinations: readonly BlocDestination[];
  readonly benchmarkId: string | undefined;
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly asOf: string;
  readonly warnings: readonly Warning[];
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
): { rate: Decimal; warnings: readonly Warning[]; known: boolean } {
  if (origin === destination) return { rate: ZERO, warnings: [], known: true };
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
  const known = selection.considered.some((c) => c.measure.programme === 'mfn' && c.applied);
  return { rate: sum(rates), warnings: selection.warnings, known };
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
  const method = floorGapMethod(request.method, problems);
  const lists = [
    ['destinations', request.destinations ?? []],
    ['floorMembers', request.floorMembers ?? []],
    ['blueOrigin', request.blueOrigin === undefined ? [] : [request.blueOrigin]],
  ] as const;
  for (const [name, codes] of lists) {
    codes.forEach((code, i) => {
      if (!data.countries.has(code)) {
        problems.push({
          pointer: name === 'blueOrigin' ? '/blueOrigin' : `/${name}/${i}`,
          detail: `${code} is not a known country code`,
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

  const floor = floorInReporting(resolved, reporting, problems);
  const unit = resolved.floor.per;
  const redPrice = restate(request.redPrice, unit, reporting, '/redPrice', problems);
  const bluePrice =
    request.bluePrice === undefined
      ? floor
      : restate(request.bluePrice, unit, reporting, '/bluePrice', problems);
  if (floor === undefined || redPrice === undefined || bluePrice === undefined)
    return { ok: false, problems };

  const members = blocMembers(data, asOf);
  const codes = request.destinations ?? data.blocs.flatMap((b) => b.shownByDefault);
  const floorMembers = new Set(request.floorMembers ?? [...members.blue, 'EU']);
  const noTariffData: string[] = [];
  const destinations = [...new Set(codes)].map((country): BlocDestination => {
    const assignment = blocOf(data, country, asOf);
    warnings.push(...assignment.warnings);
    const red = adValoremRate(data, mineral, 'CN', country, asOf, scenario);
    const blue =
      request.blueOrigin === undefined
        ? { rate: ZERO, warnings: [], known: true }
        : adValoremRate(data, mineral, request.blueOrigin, country, asOf, scenario);
    warnings.push(...red.warnings, ...blue.warnings);
    if (!red.known && country !== 'CN') noTariffData.push(country);
    return {
      country,
      bloc: assignment.bloc,
      floorApplies: floorMembers.has(country),
      redOtherDutyRate: red.rate,
      blueOtherDutyRate: blue.rate,
    };
  });
  if (noTariffData.length > 0) {
    warnings.push({
      code: 'no-tariff-data',
      detail: `The data has no tariff rates for ${mineral.defaultHts} into ${noTariffData.join(', ')}; red supply there is priced without other duties.`,
    });
  }
  return {
    ok: true,
    value: {
      mineral,
      redPrice,
      bluePrice,
      floor,
      unit,
      basis: request.basis ?? 'duty-paid',
      method,
      destinations,
      benchmarkId: resolved.benchmarkId,
      currency: reporting.currency,
      rounding: request.rounding ?? 'half-up',
      asOf,
      warnings,
    },
  };
}
