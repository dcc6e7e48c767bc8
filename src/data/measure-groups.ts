import type { MeasureGroupRow, MeasureRow } from './schema';

/** An entry of seeds/measures.json: a measure row, or a group of them (measureGroupSchema). */
export type MeasureSeed = MeasureRow | MeasureGroupRow;

/** Whether a period (its end null: open) has a day between `from` and `to` (either may be open). */
export function overlaps(
  period: MeasureGroupRow['periods'][number],
  from: string | undefined,
  to: string | undefined,
): boolean {
  return (
    (to === undefined || period.effectiveFrom <= to) &&
    (from === undefined || period.effectiveTo === null || period.effectiveTo >= from)
  );
}

/**
 * The rows of a measure group, group by group, each in the periods it overlaps, cut to its own
 * `from` and `to` (schema.ts says how ids, labels, legal and notes are made). A group's rows share
 * one origin scope, by which scope answers are kept (measures.ts). Dates are ISO strings, compared
 * as such.
 */
export function expandMeasureGroup(g: MeasureGroupRow): MeasureRow[] {
  const { periods, groups, legal, notes, ...shared } = g;
  const { instrument, ...source } = legal;
  return groups.flatMap(({ id, label, origins, citation, from, to, notes: own, ...rate }) => {
    const overlapped = periods.filter((p) => overlaps(p, from, to));
    const origin = { countries: origins };
    return overlapped.map((p) => ({
      ...shared,
      id: overlapped.length > 1 ? `${g.id}-${id}-${p.id}` : `${g.id}-${id}`,
      label: `${g.label}, ${label}${p.label}`,
      origin,
      products: p.products,
      effectiveFrom: from !== undefined && from > p.effectiveFrom ? from : p.effectiveFrom,
      effectiveTo:
        to !== undefined && (p.effectiveTo === null || p.effectiveTo > to) ? to : p.effectiveTo,
      // The group's rate, and lessMfn where it says so.
      ...rate,
      legal: { instrument, citation, ...source },
      ...(own === undefined && notes === undefined
        ? {}
        : { notes: [own, notes].filter((n) => n !== undefined).join(' ') }),
    }));
  });
}

/** The measure rows of seeds/measures.json's entries, groups expanded in place. */
export function measureRows(seeds: readonly MeasureSeed[]): MeasureRow[] {
  return seeds.flatMap((m) => ('groups' in m ? expandMeasureGroup(m) : [m]));
}
