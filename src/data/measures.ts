import { blocOf } from './blocs';
import type { MeasureRow, MineralRow, ScenarioRow } from './schema';
import type { PolicyData } from './store';
import type { Warning } from './warnings';

/** Where a good moves, and when. */
export interface Lane {
  readonly asOf: string;
  readonly destination: string;
  readonly origin: string;
}

/** What a good is: its tariff line and, when known, the mineral. */
export interface Product {
  readonly hts: string;
  readonly mineral: MineralRow | undefined;
}

type Scope = MeasureRow['destination'];

function inScope(data: PolicyData, scope: Scope, country: string, asOf: string): boolean {
  const union = data.countries.get(country)?.customsUnion;
  const named = (list: readonly string[] | undefined) =>
    list !== undefined && (list.includes(country) || (union !== undefined && list.includes(union)));
  if (named(scope.exceptCountries)) return false;
  if (scope.countries === undefined && scope.blocs === undefined) return true;
  return named(scope.countries) || (scope.blocs ?? []).includes(blocOf(data, country, asOf).bloc);
}

/** Whether a measure covers a product: by HTS prefix, mineral id or group, less its exceptions. */
export function coversProduct(measure: MeasureRow, product: Product): boolean {
  const { hts, minerals, groups, exceptHts } = measure.products;
  if ((exceptHts ?? []).some((prefix) => product.hts.startsWith(prefix))) return false;
  if (hts === undefined && minerals === undefined && groups === undefined) return true;
  return (
    (hts ?? []).some((prefix) => product.hts.startsWith(prefix)) ||
    (product.mineral !== undefined &&
      ((minerals ?? []).includes(product.mineral.id) ||
        (groups ?? []).includes(product.mineral.group)))
  );
}

export type MeasureState = 'in-force' | 'not-yet-in-force' | 'ended' | 'suspended';

export interface MeasureStatus {
  readonly state: MeasureState;
  readonly reason: string;
  readonly warnings: readonly Warning[];
}

/**
 * A measure's legal state on `asOf`, from its effective period and suspensions. Past the date until
 * which the data is known to hold, the row's own terms stand (a suspension that has ended means
 * the measure applies again) and the answer warns.
 */
export function measureStatusOn(measure: MeasureRow, asOf: string): MeasureStatus {
  const stale = asOf > measure.knownUntil;
  const staleWarning = (consequence: string): Warning[] =>
    stale
      ? [
          {
            code: 'past-known-until',
            detail: `${measure.id} (${measure.label}) is known only until ${measure.knownUntil}; for ${asOf} ${consequence}.`,
          },
        ]
      : [];
  if (asOf < measure.effectiveFrom) {
    return {
      state: 'not-yet-in-force',
      reason: `takes effect on ${measure.effectiveFrom}`,
      warnings: [],
    };
  }
  if (measure.effectiveTo !== null && asOf > measure.effectiveTo) {
    return {
      state: 'ended',
      reason: `ended on ${measure.effectiveTo}`,
      warnings: staleWarning(
        `it is taken as ended on ${measure.effectiveTo}; whether it was extended or replaced is not known`,
      ),
    };
  }
  const warnings: Warning[] = [];
  for (const s of measure.suspensions ?? []) {
    if (s.from <= asOf && asOf <= s.to) {
      return {
        state: 'suspended',
        reason: `suspended ${s.from} to ${s.to} (${s.source.instrument})`,
        warnings: staleWarning('it is taken as still suspended'),
      };
    }
    if (asOf > s.to && asOf > s.knownUntil) {
      warnings.push({
        code: 'suspension-ended',
        detail: `${measure.id}: the suspension by ${s.source.instrument} ended on ${s.to}; whether it was extended is not known, so the measure is taken to apply again.`,
      });
    }
  }
  if (warnings.length === 0) warnings.push(...staleWarning('it is taken to still hold'));
  return { state: 'in-force', reason: 'in force', warnings };
}

/** Every measure of the data that concerns a lane and a mineral, regardless of date. */
export function measuresConcerning(
  data: PolicyData,
  filter: { destination?: string; origin?: string; mineral?: MineralRow; asOf: string },
): MeasureRow[] {
  return [...data.measures.values()].filter((m) => {
    if (
      filter.destination !== undefined &&
      !inScope(data, m.destination, filter.destination, filter.asOf)
    )
      return false;
    if (filter.origin !== undefined && !inScope(data, m.origin, filter.origin, filter.asOf))
      return false;
    const mineral = filter.mineral;
    if (mineral === undefined) return true;
    return mineral.hts.some((hts) => coversProduct(m, { hts, mineral }));
  });
}

/** Why a measure was or was not applied to a shipment. */
export interface Consideration {
  readonly measure: MeasureRow;
  readonly applied: boolean;
  readonly reason: string;
}

export interface MeasureSelection {
  /** Duties and fees to apply, in API.md order: ad valorem, specific, floor-gap, fee. */
  readonly applied: readonly MeasureRow[];
  /** Export licences in force on the lane (informational: they are not charges). */
  readonly licences: readonly MeasureRow[];
  /** Every measure for the destination, applied or not, with the reason. */
  readonly considered: readonly Consideration[];
  readonly warnings: readonly Warning[];
}

const KIND_ORDER: Readonly<Record<MeasureRow['kind'], number>> = {
  'ad-valorem': 0,
  specific: 1,
  'floor-gap': 2,
  fee: 3,
  'export-licence': 4,
};

/**
 * The measures that apply to a shipment on a lane: the scenario's measures (the baseline rows, plus
 * its additions, less its drops), plus the request's own, less its exclusions; each filtered by
 * origin, product, date, transport and stacking rules. Nothing is dropped silently: every measure
 * for the destination is listed in `considered` with its reason.
 */
export function selectMeasures(
  data: PolicyData,
  request: {
    readonly lane: Lane;
    readonly product: Product;
    readonly transport: string;
    readonly scenario: ScenarioRow;
    readonly extra: readonly MeasureRow[];
    readonly exclude: readonly string[];
    /** Only measures of these kinds (default all). */
    readonly kinds?: readonly MeasureRow['kind'][];
  },
): MeasureSelection {
  const { lane, product, scenario } = request;
  const candidates = [
    ...[...data.measures.values()].filter(
      (m) =>
        (!m.scenarioOnly && !scenario.dropMeasures.includes(m.id)) ||
        scenario.addMeasures.includes(m.id),
    ),
    ...request.extra,
  ];
  const considered: Consideration[] = [];
  const warnings: Warning[] = [];
  const endedWarnings: { programme: string; warnings: readonly Warning[] }[] = [];
  const passing: MeasureRow[] = [];
  const licences: MeasureRow[] = [];
  const skip = (measure: MeasureRow, reason: string) =>
    considered.push({ measure, applied: false, reason });

  for (const m of candidates) {
    if (request.kinds !== undefined && !request.kinds.includes(m.kind)) continue;
    if (!inScope(data, m.destination, lane.destination, lane.asOf)) continue;
    if (request.exclude.includes(m.id)) {
      skip(m, 'excluded by the request');
      warnings.push({ code: 'overridden', detail: `${m.id} was excluded by the request.` });
      continue;
    }
    if (!inScope(data, m.origin, lane.origin, lane.asOf)) {
      skip(m, `does not cover origin ${lane.origin}`);
      continue;
    }
    if (!coversProduct(m, product)) {
      skip(m, `does not cover HTS ${product.hts}`);
      continue;
    }
    // From here on the row concerns this shipment: a reported or proposed figure is worth a
    // warning whether it ends up applied or skipped (API.md §1).
    if (m.status === 'reported' || m.status === 'proposed') {
      warnings.push({
        code: 'reported-figure',
        detail: `${m.id} is a ${m.status} measure, not law (${m.legal.instrument}).`,
      });
    }
    const status = measureStatusOn(m, lane.asOf);
    if (status.state === 'ended')
      endedWarnings.push({ programme: m.programme, warnings: status.warnings });
    else warnings.push(...status.warnings);
    if (status.state !== 'in-force') {
      skip(m, status.reason);
      continue;
    }
    if (
      m.kind === 'fee' &&
      m.transport !== undefined &&
      !(m.transport as readonly string[]).includes(request.transport)
    ) {
      skip(m, `applies to ${m.transport.join('/')} transport only, not ${request.transport}`);
      continue;
    }
    if (m.kind === 'export-licence') {
      licences.push(m);
      skip(m, 'an export licence of the origin country, not a charge at the destination');
      continue;
    }
    passing.push(m);
  }

  const programmes = new Set(passing.map((m) => m.programme));
  const applied: MeasureRow[] = [];
  for (const m of passing) {
    const blocker = (m.doesNotStackWith ?? []).find((p) => programmes.has(p));
    if (blocker !== undefined) {
      skip(m, `does not stack on ${blocker}, which applies`);
      continue;
    }
    applied.push(m);
    considered.push({ measure: m, applied: true, reason: 'applies' });
    if (m.confidence === 'low' && m.status !== 'reported' && m.status !== 'proposed') {
      warnings.push({
        code: 'low-confidence',
        detail: `${m.id} rests on a single weak source (${m.legal.instrument}).`,
      });
    }
  }
  // An ended row whose programme goes on under a newer row (MPF FY2025 → FY2026) was superseded:
  // its end is certain, so only ended rows with no successor warn that what followed is unknown.
  const continuing = new Set(applied.map((m) => m.programme));
  for (const e of endedWarnings) if (!continuing.has(e.programme)) warnings.push(...e.warnings);
  applied.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return { applied, licences, considered, warnings };
}
