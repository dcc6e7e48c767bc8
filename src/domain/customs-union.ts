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
