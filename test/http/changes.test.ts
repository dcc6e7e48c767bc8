import { describe, expect, it } from 'vitest';
import { call, problemOf } from '../helpers';

interface Change {
  date: string;
  change: string;
  rowId: string;
  row: string;
  detail: string;
  source: string;
}

async function changes(
  query: string,
): Promise<{ from: string; to: string | null; changes: Change[] }> {
  const response = await call(`/v1/changes?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { from: string; to: string | null; changes: Change[] };
}

describe('GET /v1/changes: the data changelog', () => {
  it('July 2026: Section 122 ends on its last covered day, the forced-labor rates start the next day', async () => {
    // CBP CSMS #67844987: Section 122 covers entries until 12:01 a.m. 2026-07-24, so its last day is
    // 2026-07-23; the Section 301 forced-labor action is effective 2026-07-24 (seven country rows); the
    // Brazil Section 301 duty (FR Doc 2026-14542) is effective 2026-07-22.
    const r = await changes('from=2026-07-20&to=2026-07-31');
    expect(r.from).toBe('2026-07-20');
    expect(r.to).toBe('2026-07-31');
    expect(r.changes.map((c) => [c.date, c.change, c.rowId])).toEqual([
      ['2026-07-22', 'started', 'us-301-br'],
      ['2026-07-23', 'ended', 'us-s122-surcharge'],
      ['2026-07-24', 'started', 'us-301fl-cn-hk'],
      ['2026-07-24', 'started', 'us-301fl-au'],
      ['2026-07-24', 'started', 'us-301fl-12-5'],
      ['2026-07-24', 'started', 'us-301fl-br'],
      ['2026-07-24', 'started', 'us-301fl-jp-kr-ch'],
      ['2026-07-24', 'started', 'us-301fl-eu-tw'],
      ['2026-07-24', 'started', 'us-301fl-10'],
    ]);
    expect(r.changes.find((c) => c.rowId === 'us-301fl-eu-tw')?.detail).toMatch(/less MFN/);
  });

  it('MPF FY2027 replaces FY2026 on 2026-10-01: old clamp → new clamp (FR Doc 2026-15530)', async () => {
    const r = await changes('since=2026-09-15');
    expect(r.to).toBeNull();
    const mpf = r.changes.find((c) => c.rowId === 'us-mpf-fy2027');
    expect(mpf).toMatchObject({ date: '2026-10-01', change: 'replaced', row: 'measure' });
    expect(mpf?.detail).toContain(
      'min 33.58 max 651.50 USD → us-mpf-fy2027 0.003464 min 34.58 max 670.86',
    );
    expect(mpf?.source).toContain('2026-15530');
    // FY2026 is replaced, so it is not also listed as ended.
    expect(r.changes.some((c) => c.rowId === 'us-mpf-fy2026')).toBe(false);
    // Oldest first.
    const dates = r.changes.map((c) => c.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('a window needs since, or from (with an optional to), in order', async () => {
    const missing = await problemOf(await call('/v1/changes'), 422);
    expect(missing.errors?.[0]?.pointer).toBe('/since');
    const both = await problemOf(await call('/v1/changes?since=2026-01-01&from=2026-01-01'), 422);
    expect(both.errors?.[0]?.pointer).toBe('/since');
    const backwards = await problemOf(await call('/v1/changes?from=2026-08-01&to=2026-07-01'), 422);
    expect(backwards.errors?.[0]?.pointer).toBe('/to');
    await problemOf(await call('/v1/changes?sinse=2026-01-01'), 400);
  });
});
