import { describe, expect, it } from 'vitest';
import { membersWithoutTheirUnion, namedDirectlyOrByUnion } from '../../src/domain/customs-union';

// A small world: DE and FR are in the EU customs union, US and GB in none.
const unionOf = (country: string) => (country === 'DE' || country === 'FR' ? 'EU' : undefined);

describe('namedDirectlyOrByUnion: a union’s measure applies at its members’ borders', () => {
  it('the union named takes in its members; a member named takes in only itself', () => {
    const applies = (named: string[]) =>
      ['DE', 'FR', 'EU', 'US'].filter((c) => namedDirectlyOrByUnion(named, c, unionOf(c)));
    expect(applies(['EU'])).toEqual(['DE', 'FR', 'EU']);
    expect(applies(['DE'])).toEqual(['DE']);
    expect(applies(['US', 'FR'])).toEqual(['FR', 'US']);
    expect(applies([])).toEqual([]);
  });
});

describe('membersWithoutTheirUnion: member states named without their union', () => {
  it('groups them by union, and names none once the union is named too', () => {
    expect([...membersWithoutTheirUnion(['DE', 'US', 'FR'], unionOf)]).toEqual([
      ['EU', ['DE', 'FR']],
    ]);
    expect([...membersWithoutTheirUnion(['DE', 'EU'], unionOf)]).toEqual([]);
    expect([...membersWithoutTheirUnion(['US', 'GB'], unionOf)]).toEqual([]);
  });
});
