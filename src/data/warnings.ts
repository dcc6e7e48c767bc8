/** Something the answer rests on that the user should know: a reported figure, stale data. */
export interface Warning {
  readonly code: string;
  readonly detail: string;
}

/** A warning when `asOf` is past the date until which a row is known to hold. */
export function staleRowWarning(
  row: { readonly id: string; readonly knownUntil: string },
  asOf: string,
  what: string,
): Warning[] {
  if (asOf <= row.knownUntil) return [];
  return [
    {
      code: 'past-known-until',
      detail: `${row.id} (${what}) is known to hold only until ${row.knownUntil}; ${asOf} is later, so the answer assumes it still does.`,
    },
  ];
}

/** Warnings without repeats, in the order first raised. */
export function uniqueWarnings(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}\u0000${w.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
