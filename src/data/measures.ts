import { blocOf } from './blocs';
import type { MeasureRow, MineralRow } from './schema';
import type { PolicyData } from './store';
import { staleRowWarning, type Warning } from './warnings';

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

/** Whether a measure's destination and origin scopes cover a lane (by country, union or bloc). */
export function coversLane(data: PolicyData, measure: MeasureRow, lane: Lane): boolean {
  return (
    inScope(data, measure.destination, lane.destination, lane.asOf) &&
    inScope(data, measure.origin, lane.origin, lane.asOf)
  );
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
  const warnings = [...staleRowWarning(measure, asOf, measure.label)];
  if (asOf < measure.effectiveFrom) {
    return {
      state: 'not-yet-in-force',
      reason: `takes effect on ${measure.effectiveFrom}`,
      warnings,
    };
  }
  if (measure.effectiveTo !== null && asOf > measure.effectiveTo) {
    return { state: 'ended', reason: `ended on ${measure.effectiveTo}`, warnings };
  }
  for (const s of measure.suspensions ?? []) {
    if (s.from <= asOf && asOf <= s.to) {
      return {
        state: 'suspended',
        reason: `suspended ${s.from} to ${s.to} (${s.source.instrument})`,
        warnings,
      };
    }
    if (asOf > s.to && asOf > s.knownUntil) {
      warnings.push({
        code: 'suspension-ended',
        detail: `${measure.id}: the suspension by ${s.source.instrument} ended on ${s.to}; whether it was extended is not known, so the measure is taken to apply again.`,
      });
    }
  }
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
