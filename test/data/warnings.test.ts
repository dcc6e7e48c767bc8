import { describe, expect, it } from 'vitest';
import { horizonWarning, relabelled, uniqueWarnings } from '../../src/data/warnings';

const until = (rowId: string, knownUntil: string) =>
  horizonWarning(rowId, knownUntil, '2027-01-01');

describe('one data-horizon warning whose detail names each row with its own date', () => {
  it('rows known to different dates: knownUntil the earliest, every row in rowIds, each date with its rows', () => {
    const [warning, ...rest] = uniqueWarnings([
      ...until('a', '2026-12-01'),
      ...until('b', '2026-11-10'),
      ...until('c', '2026-12-01'),
      ...until('d', '2026-11-10'),
    ]);
    expect(rest).toEqual([]);
    expect(warning).toEqual({
      code: 'data-horizon',
      detail:
        'The sources confirm rows this answer uses only until 2026-11-10 (b, d) and 2026-12-01 (a, c); the answer assumes they still hold as last known.',
      rowIds: ['a', 'b', 'c', 'd'],
      knownUntil: '2026-11-10',
    });
  });

  it('three dates are listed "x, y and z"; rows of one date keep the one-date wording', () => {
    const [three] = uniqueWarnings([
      ...until('a', '2026-12-01'),
      ...until('b', '2026-11-27'),
      ...until('c', '2026-11-10'),
    ]);
    expect(three?.detail).toBe(
      'The sources confirm rows this answer uses only until 2026-11-10 (c), 2026-11-27 (b) and 2026-12-01 (a); the answer assumes they still hold as last known.',
    );
    const [one] = uniqueWarnings([...until('a', '2026-12-01'), ...until('b', '2026-12-01')]);
    expect(one?.detail).toBe(
      'The sources confirm 2 rows this answer uses (a, b) only until 2026-12-01; the answer assumes they still hold as last known.',
    );
  });

  it('a merged warning merged again (a compare variant relabelled) keeps each row’s own date', () => {
    const [first] = uniqueWarnings([...until('a', '2026-12-01'), ...until('b', '2026-11-10')]);
    if (first === undefined) throw new Error('one warning');
    const [again] = uniqueWarnings([
      relabelled(first, `March: ${first.detail}`),
      ...until('c', '2026-12-01'),
    ]);
    expect(again).toMatchObject({ rowIds: ['a', 'b', 'c'], knownUntil: '2026-11-10' });
    expect(again?.detail).toBe(
      'The sources confirm rows this answer uses only until 2026-11-10 (b) and 2026-12-01 (a, c); the answer assumes they still hold as last known.',
    );
  });

  it('a row within its horizon does not warn', () => {
    expect(horizonWarning('a', '2026-12-01', '2026-12-01')).toEqual([]);
  });
});
