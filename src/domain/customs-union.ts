/**
 * Whether a list of who applies a measure (a floor, a tariff's scope) takes in `country`: it is
 * named itself, or its customs union is. A customs union has one external tariff, applied at every
 * member state's border, so a floor the EU applies is applied in Germany and France. The converse
 * does not hold: one member state named alone makes no measure of its union.
 */
export function namedDirectlyOrByUnion(
  named: readonly string[],
  country: string,
  customsUnion: string | undefined,
): boolean {
  return named.includes(country) || (customsUnion !== undefined && named.includes(customsUnion));
}

/**
 * The member states a list names without their customs union, by union: each applies a measure
 * its union's common external tariff leaves no room for, so the answer is a hypothetical.
 */
export function membersWithoutTheirUnion(
  named: readonly string[],
  customsUnionOf: (country: string) => string | undefined,
): ReadonlyMap<string, readonly string[]> {
  const alone = new Map<string, string[]>();
  for (const country of named) {
    const union = customsUnionOf(country);
    if (union === undefined || named.includes(union)) continue;
    alone.set(union, [...(alone.get(union) ?? []), country]);
  }
  return alone;
}

/**
 * Whether goods from `origin` to `destination` stay inside one customs territory: the same country,
 * a member state to its union, or two member states of one union (Germany to France). Such a
 * shipment is no import: no customs entry, no duty, no entry fee.
 */
export function sameCustomsTerritory(
  origin: string,
  destination: string,
  customsUnionOf: (country: string) => string | undefined,
): boolean {
  const territory = (country: string) => customsUnionOf(country) ?? country;
  return territory(origin) === territory(destination);
}
