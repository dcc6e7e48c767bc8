import type { Bloc } from '../domain/bloc-tiers';
import type { MembershipRow } from './schema';
import type { PolicyData } from './store';
import { horizonWarning, type Warning } from './warnings';

/**
 * Codes people write for a country that ISO 3166-1 alpha-2 spells otherwise: the United Kingdom is
 * GB (UK is only reserved), Greece GR (EL is the EU's own abbreviation).
 */
const ISO_SPELLING: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };

/** How ISO 3166-1 spells the country a non-ISO code is often written for (UK → GB), if it is one. */
export function isoSpelling(code: string): string | undefined {
  return Object.hasOwn(ISO_SPELLING, code) ? ISO_SPELLING[code] : undefined;
}

/** Why `code` names no country the data knows: "UK is not a known country code (ISO 3166-1 writes GB)". */
export function unknownCountry(code: string): string {
  const iso = isoSpelling(code);
  return iso === undefined
    ? `${code} is not a known country code`
    : `${code} is not a known country code (ISO 3166-1 writes ${iso})`;
}

/** Whether a dated row is in force on `asOf` (both ends inclusive; `to` null = open). */
export function inForceOn(row: { from: string; to: string | null }, asOf: string): boolean {
  return row.from <= asOf && (row.to === null || asOf <= row.to);
}

export interface BlocAssignment {
  readonly bloc: Bloc;
  readonly membership: MembershipRow | undefined;
  readonly warnings: readonly Warning[];
}

/** The bloc of a country on `asOf`: its dated membership, or grey ("the rest") when it has none. */
export function blocOf(data: PolicyData, country: string, asOf: string): BlocAssignment {
  const membership = data.memberships.find((m) => m.country === country && inForceOn(m, asOf));
  if (membership === undefined) return { bloc: 'grey', membership, warnings: [] };
  return {
    bloc: membership.bloc,
    membership,
    warnings: horizonWarning(`membership:${country}`, membership.knownUntil, asOf),
  };
}

/** Every country of every bloc on `asOf`, codes sorted; grey holds all countries in neither. */
export function blocMembers(data: PolicyData, asOf: string): Record<Bloc, string[]> {
  const members: Record<Bloc, string[]> = { red: [], blue: [], grey: [] };
  for (const code of data.countries.keys()) members[blocOf(data, code, asOf).bloc].push(code);
  for (const list of Object.values(members)) list.sort();
  return members;
}

/**
 * Every member of every bloc on `asOf`, as `GET /v1/blocs?asOf=` lists them: the blocs in the data's
 * order (red, blue, grey), each bloc's members in its listed order (codes sorted). Each country once
 * (EU and its member states are each a member): the destinations bloc tiers price by default.
 */
export function everyMember(data: PolicyData, asOf: string): string[] {
  const members = blocMembers(data, asOf);
  return data.blocs.flatMap((b) => members[b.id]);
}

/**
 * Where red supply comes from: the red bloc's home (seeds/blocs.json; China). Bloc tiers price red
 * supply as shipped from it; the data loader makes sure the red bloc has one.
 */
export function redHome(data: PolicyData): string {
  const home = data.blocs.find((b) => b.id === 'red')?.home;
  if (home === undefined) throw new Error('seeds/blocs.json: the red bloc has no home');
  return home;
}
