/**
 * Something the answer rests on that the user should know: a reported figure, data past its
 * horizon. `rowIds` names the data rows involved, when rows are; `knownUntil` is the horizon of a
 * `data-horizon` warning (the earliest date until which its rows are confirmed).
 */
export interface Warning {
  readonly code: string;
  readonly detail: string;
  readonly rowIds?: string[];
  readonly knownUntil?: string;
}

/**
 * The codes that make an answer a 422 when the request says `strict`: the answer would rest on a
 * figure nobody can vouch for (data past its horizon, a reported figure, no tariff data, a
 * suspension whose sequel is unknown).
 */
export const STRICT_CODES: readonly string[] = [
  'data-horizon',
  'reported-figure',
  'no-tariff-data',
  'suspension-ended',
];

/** The one warning a row used past the date until which its sources confirm it contributes. */
export function horizonWarning(rowId: string, knownUntil: string, asOf: string): Warning[] {
  if (asOf <= knownUntil) return [];
  return [
    {
      code: 'data-horizon',
      detail: horizonDetail(new Map([[rowId, knownUntil]])),
      rowIds: [rowId],
      knownUntil,
    },
  ];
}

/** A warning when `asOf` is past the date until which a row is known to hold. */
export function staleRowWarning(
  row: { readonly id: string; readonly knownUntil: string },
  asOf: string,
): Warning[] {
  return horizonWarning(row.id, row.knownUntil, asOf);
}

/**
 * The date until which each row of a merged `data-horizon` warning is known, when they differ: its
 * own `knownUntil` is only the earliest. Kept beside the warning, not in it, so the answer's shape
 * stays `code`, `detail`, `rowIds`, `knownUntil`; `relabelled` carries it to a copy.
 */
const rowHorizons = new WeakMap<object, ReadonlyMap<string, string>>();

/** Each row of a warning with the date until which it is known. */
function horizonsOf(w: Warning): [string, string][] {
  const known = rowHorizons.get(w);
  return (w.rowIds ?? []).map((id) => [id, known?.get(id) ?? w.knownUntil ?? '']);
}

/** A copy of a warning with another detail (e.g. a compare variant's label before it). */
export function relabelled(
  w: {
    readonly code: string;
    readonly rowIds?: string[] | undefined;
    readonly knownUntil?: string | undefined;
  },
  detail: string,
): Warning {
  const copy: Warning = {
    code: w.code,
    detail,
    ...(w.rowIds === undefined ? {} : { rowIds: w.rowIds }),
    ...(w.knownUntil === undefined ? {} : { knownUntil: w.knownUntil }),
  };
  const known = rowHorizons.get(w);
  if (known !== undefined) rowHorizons.set(copy, known);
  return copy;
}

/**
 * "… only until 2026-11-10 (a, b) and 2026-12-01 (c); …": each date with its rows, earliest first,
 * so no row is said to be known only until an earlier date than its own.
 */
function horizonDetail(horizons: ReadonlyMap<string, string>): string {
  const rowIds = [...horizons.keys()];
  const dates = [...new Set(horizons.values())].sort();
  const they = rowIds.length === 1 ? 'it still holds' : 'they still hold';
  if (dates.length === 1) {
    const rows = rowIds.length === 1 ? 'a row' : `${rowIds.length} rows`;
    return `The sources confirm ${rows} this answer uses (${rowIds.join(', ')}) only until ${dates[0]}; the answer assumes ${they} as last known.`;
  }
  const spans = dates.map(
    (date) => `${date} (${rowIds.filter((id) => horizons.get(id) === date).join(', ')})`,
  );
  const listed = `${spans.slice(0, -1).join(', ')} and ${spans.at(-1)}`;
  return `The sources confirm rows this answer uses only until ${listed}; the answer assumes ${they} as last known.`;
}

function suspensionDetail(rowIds: readonly string[], ended: string): string {
  return `The suspension of ${rowIds.join(', ')} ended on ${ended}; whether it was extended is not known, so ${rowIds.length === 1 ? 'it is' : 'they are'} taken to apply again (the legal default).`;
}

/** The warnings {@link uniqueWarnings} merges into one: every `data-horizon`; `suspension-ended` by date. */
function mergedGroup(w: Warning): string | undefined {
  return w.code === 'data-horizon'
    ? 'data-horizon'
    : w.code === 'suspension-ended' && w.knownUntil !== undefined
      ? `suspension-ended\u0000${w.knownUntil}`
      : undefined;
}

/** Which warning of {@link uniqueWarnings}' answer a warning is said in. */
function groupOf(w: Warning): string {
  return mergedGroup(w) ?? `${w.code}\u0000${w.detail}`;
}

/**
 * Warnings without repeats, in the order first raised. Every `data-horizon` warning becomes one
 * (its rows, each with its own date in the detail, and the earliest horizon as `knownUntil`), and
 * `suspension-ended` warnings with the same end date become one naming all their rows: one
 * finding, one warning, however many rows share it.
 */
export function uniqueWarnings(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  const out: Warning[] = [];
  // Each merged group's rows with the date until which each is known (its earliest, if repeated).
  const merged = new Map<string, { index: number; horizons: Map<string, string> }>();
  for (const w of warnings) {
    const group = mergedGroup(w);
    if (group !== undefined) {
      let entry = merged.get(group);
      if (entry === undefined) {
        entry = { index: out.length, horizons: new Map() };
        merged.set(group, entry);
        out.push(w);
      }
      for (const [id, date] of horizonsOf(w)) {
        const known = entry.horizons.get(id);
        if (known === undefined || date < known) entry.horizons.set(id, date);
      }
      continue;
    }
    const key = groupOf(w);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(w);
  }
  for (const [group, { index, horizons }] of merged) {
    const first = out[index] as Warning;
    const rowIds = [...horizons.keys()];
    const knownUntil = [...horizons.values()].sort()[0] ?? first.knownUntil ?? '';
    const firstHorizons = new Map(horizonsOf(first));
    const unchanged =
      firstHorizons.size === horizons.size &&
      [...horizons].every(([id, date]) => firstHorizons.get(id) === date);
    if (unchanged) continue;
    if (group === 'data-horizon') {
      const warning = { code: first.code, detail: horizonDetail(horizons), rowIds, knownUntil };
      rowHorizons.set(warning, horizons);
      out[index] = warning;
    } else {
      out[index] = {
        code: first.code,
        detail: suspensionDetail(rowIds, knownUntil),
        rowIds,
        knownUntil,
      };
    }
  }
  return out;
}

/** A warning of an answer over several lanes (a batch), with the lanes it comes from. */
export interface LaneWarning extends Warning {
  /** The ids of the lanes whose own warnings hold it, when the answer names its lanes. */
  readonly lanes?: string[];
}

/**
 * The warnings of several lanes said once for the whole answer (a batch's `meta.warnings`), as
 * {@link uniqueWarnings} says them for one: a warning several lanes share (same code and detail)
 * once, with the ids of the lanes it comes from; one `data-horizon` warning for every row of every
 * lane past its horizon (`rowIds` sorted, `knownUntil` the earliest, each date with its rows in
 * the detail); `suspension-ended` warnings of one end date as one. Read once per lane, not per
 * line. A lane without an id (a batch in `full` detail) adds its warnings, deduplicated, and no
 * `lanes`.
 */
export function lanesWarnings(
  lanes: readonly { readonly id?: string; readonly warnings: readonly Warning[] }[],
): LaneWarning[] {
  const all: Warning[] = [];
  const from = new Map<string, string[]>();
  for (const { id, warnings } of lanes) {
    for (const w of warnings) {
      all.push(w);
      if (id === undefined) continue;
      const key = groupOf(w);
      const ids = from.get(key);
      if (ids === undefined) from.set(key, [id]);
      else if (!ids.includes(id)) ids.push(id);
    }
  }
  return uniqueWarnings(all).map((w): LaneWarning => {
    const ids = from.get(groupOf(w));
    const said = w.code === 'data-horizon' ? sortedHorizon(w) : w;
    return ids === undefined ? said : { ...said, lanes: ids };
  });
}

/** A `data-horizon` warning with its rows in id order, in `rowIds` and in the detail. */
function sortedHorizon(w: Warning): Warning {
  const horizons = new Map(horizonsOf(w).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const warning = {
    code: w.code,
    detail: horizonDetail(horizons),
    rowIds: [...horizons.keys()],
    knownUntil: [...horizons.values()].sort()[0] ?? w.knownUntil ?? '',
  };
  rowHorizons.set(warning, horizons);
  return warning;
}

/** The suspension-ended warning of one row (merged with its siblings by `uniqueWarnings`). */
export function suspensionEndedWarning(rowId: string, ended: string, instrument: string): Warning {
  return {
    code: 'suspension-ended',
    detail: `The suspension of ${rowId} by ${instrument} ended on ${ended}; whether it was extended is not known, so it is taken to apply again (the legal default).`,
    rowIds: [rowId],
    knownUntil: ended,
  };
}

/** A lane whose tariff the data lacks: all of it (`none`) or its general (MFN) rate (`partial`). */
export interface UncoveredLane {
  readonly destination: string;
  /** Whose supply, when an answer prices several on the lane (e.g. `blue supply from AU`). */
  readonly supply?: string;
  readonly coverage: 'partial' | 'none';
}

/**
 * The one `no-tariff-data` warning of an answer: every lane whose tariff the data lacks, named,
 * and what that means for the figures (unknown, not zero; understated). `then` adds what the
 * answer did with them. None when every lane is covered. E.g. "The data has no tariff rate for
 * HTS 2846.90.20 into JP: its duties are unknown, not zero."
 */
export function noTariffDataWarning(
  hts: string,
  lanes: readonly UncoveredLane[],
  then = '',
): Warning[] {
  const sentence = (coverage: UncoveredLane['coverage']) => {
    const named = lanes.filter((l) => l.coverage === coverage);
    if (named.length === 0) return [];
    // Lanes grouped by supply, in the order first named: "JP, IN (red supply from CN) and CN
    // (blue supply from AU)".
    const bySupply = new Map<string | undefined, string[]>();
    for (const l of named)
      bySupply.set(l.supply, [...(bySupply.get(l.supply) ?? []), l.destination]);
    const into = [...bySupply]
      .map(([supply, to]) =>
        supply === undefined ? to.join(', ') : `${to.join(', ')} (${supply})`,
      )
      .join(' and ');
    const one = named.length === 1;
    return coverage === 'none'
      ? [
          `The data has no tariff rate for HTS ${hts} into ${into}: ${one ? 'its' : 'their'} duties are unknown, not zero.`,
        ]
      : [
          `The data has no general (MFN) rate for HTS ${hts} into ${into}: the duties shown are understated by ${one ? 'it' : 'them'}.`,
        ];
  };
  const found = [...sentence('none'), ...sentence('partial')];
  if (found.length === 0) return [];
  return [{ code: 'no-tariff-data', detail: [...found, then].filter((x) => x !== '').join(' ') }];
}
