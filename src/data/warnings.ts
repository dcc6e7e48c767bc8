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
      detail: horizonDetail([rowId], knownUntil),
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

function horizonDetail(rowIds: readonly string[], knownUntil: string): string {
  const rows = rowIds.length === 1 ? 'a row' : `${rowIds.length} rows`;
  return `The sources confirm ${rows} this answer uses (${rowIds.join(', ')}) only until ${knownUntil}; the answer assumes ${rowIds.length === 1 ? 'it still holds' : 'they still hold'} as last known.`;
}

function suspensionDetail(rowIds: readonly string[], ended: string): string {
  return `The suspension of ${rowIds.join(', ')} ended on ${ended}; whether it was extended is not known, so ${rowIds.length === 1 ? 'it is' : 'they are'} taken to apply again (the legal default).`;
}

/**
 * Warnings without repeats, in the order first raised. Every `data-horizon` warning becomes one
 * (its rows and the earliest horizon), and `suspension-ended` warnings with the same end date
 * become one naming all their rows: one finding, one warning, however many rows share it.
 */
export function uniqueWarnings(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  const out: Warning[] = [];
  const merged = new Map<string, { index: number; rowIds: string[]; knownUntil: string }>();
  for (const w of warnings) {
    const group =
      w.code === 'data-horizon'
        ? 'data-horizon'
        : w.code === 'suspension-ended' && w.knownUntil !== undefined
          ? `suspension-ended\u0000${w.knownUntil}`
          : undefined;
    if (group !== undefined) {
      const entry = merged.get(group);
      if (entry === undefined) {
        merged.set(group, {
          index: out.length,
          rowIds: [...(w.rowIds ?? [])],
          knownUntil: w.knownUntil ?? '',
        });
        out.push(w);
      } else {
        for (const id of w.rowIds ?? []) if (!entry.rowIds.includes(id)) entry.rowIds.push(id);
        if (w.knownUntil !== undefined && w.knownUntil < entry.knownUntil)
          entry.knownUntil = w.knownUntil;
      }
      continue;
    }
    const key = `${w.code}\u0000${w.detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(w);
  }
  for (const [group, { index, rowIds, knownUntil }] of merged) {
    const first = out[index] as Warning;
    if (rowIds.length === (first.rowIds ?? []).length && knownUntil === first.knownUntil) continue;
    out[index] =
      group === 'data-horizon'
        ? { code: first.code, detail: horizonDetail(rowIds, knownUntil), rowIds, knownUntil }
        : { code: first.code, detail: suspensionDetail(rowIds, knownUntil), rowIds, knownUntil };
  }
  return out;
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
