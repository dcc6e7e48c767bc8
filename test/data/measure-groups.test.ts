import { describe, expect, it } from 'vitest';
import { expandMeasureGroup } from '../../src/data/measure-groups';
import type { MeasureGroupRow } from '../../src/data/schema';
import { policyData } from '../../src/data/store';
import { fixturePolicyData } from '../fixtures/policy-data';

/**
 * An invented group (nothing here is a real rate): two periods, the second open-ended, and four
 * groups of origins: one in both periods, one ending inside the second, one starting inside it and
 * one inside the first only.
 */
const GROUP = {
  id: 'fx-rate',
  kind: 'ad-valorem',
  label: 'Fixture country rate',
  programme: 'fixture-rate',
  destination: { countries: ['US'] },
  knownUntil: '2030-12-31',
  status: 'in-force',
  confidence: 'high',
  legal: { instrument: 'Fixture order (tests only)', url: 'https://example.org/order' },
  doesNotStackWith: ['section-232'],
  notes: 'Shared note.',
  periods: [
    {
      id: '1',
      label: ' (first list)',
      products: { hts: ['2846'] },
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-03-31',
    },
    {
      id: '2',
      label: ', second list',
      products: { hts: ['2846', '8505'] },
      effectiveFrom: '2026-04-01',
      effectiveTo: null,
    },
  ],
  groups: [
    { id: 'ten', label: '10%', origins: ['VN', 'TH'], rate: '0.10', citation: 'Heading 1' },
    {
      id: 'kr',
      label: 'Korea 20%',
      origins: ['KR'],
      rate: '0.20',
      citation: 'Heading 2',
      to: '2026-05-15',
      notes: 'Until its all-in rate.',
    },
    {
      id: 'jp',
      label: 'Japan all-in 15%',
      origins: ['JP'],
      rate: '0.15',
      lessMfn: true,
      citation: 'Heading 3',
      from: '2026-06-01',
    },
    {
      id: 'feb',
      label: 'February 5%',
      origins: ['EU'],
      rate: '0.05',
      citation: 'Heading 4',
      from: '2026-02-01',
      to: '2026-02-28',
    },
  ],
} as const;

/** [id, origins, rate, effectiveFrom, effectiveTo, label] of each row, in order. */
function summary(data = fixturePolicyData({ measures: [GROUP] })) {
  return [...data.measures.values()].map((m) => [
    m.id,
    m.origin.countries,
    m.kind === 'ad-valorem' ? m.rate : undefined,
    m.effectiveFrom,
    m.effectiveTo,
    m.label,
  ]);
}

describe('a measure group of seeds/measures.json', () => {
  it('is a row per group and period it overlaps, cut to the group’s dates; one period, no suffix', () => {
    expect(summary()).toEqual([
      [
        'fx-rate-ten-1',
        ['VN', 'TH'],
        '0.10',
        '2026-01-01',
        '2026-03-31',
        'Fixture country rate, 10% (first list)',
      ],
      [
        'fx-rate-ten-2',
        ['VN', 'TH'],
        '0.10',
        '2026-04-01',
        null,
        'Fixture country rate, 10%, second list',
      ],
      [
        'fx-rate-kr-1',
        ['KR'],
        '0.20',
        '2026-01-01',
        '2026-03-31',
        'Fixture country rate, Korea 20% (first list)',
      ],
      [
        'fx-rate-kr-2',
        ['KR'],
        '0.20',
        '2026-04-01',
        '2026-05-15',
        'Fixture country rate, Korea 20%, second list',
      ],
      [
        'fx-rate-jp',
        ['JP'],
        '0.15',
        '2026-06-01',
        null,
        'Fixture country rate, Japan all-in 15%, second list',
      ],
      [
        'fx-rate-feb',
        ['EU'],
        '0.05',
        '2026-02-01',
        '2026-02-28',
        'Fixture country rate, February 5% (first list)',
      ],
    ]);
  });

  it('rows are ordinary measure rows: the shared fields, the period’s products, the group’s citation and notes first', () => {
    const data = fixturePolicyData({ measures: [GROUP] });
    expect(data.measures.get('fx-rate-kr-2')).toEqual({
      id: 'fx-rate-kr-2',
      kind: 'ad-valorem',
      label: 'Fixture country rate, Korea 20%, second list',
      programme: 'fixture-rate',
      destination: { countries: ['US'] },
      origin: { countries: ['KR'] },
      products: { hts: ['2846', '8505'] },
      effectiveFrom: '2026-04-01',
      effectiveTo: '2026-05-15',
      knownUntil: '2030-12-31',
      status: 'in-force',
      confidence: 'high',
      rate: '0.20',
      doesNotStackWith: ['section-232'],
      legal: {
        instrument: 'Fixture order (tests only)',
        citation: 'Heading 2',
        url: 'https://example.org/order',
      },
      notes: 'Until its all-in rate. Shared note.',
    });
    const jp = data.measures.get('fx-rate-jp');
    expect(jp).toMatchObject({ lessMfn: true, notes: 'Shared note.' });
    expect(data.measures.get('fx-rate-ten-1')).not.toHaveProperty('lessMfn');
    // The Worker indexes the same rows without validating them.
    const [ten1, ten2] = expandMeasureGroup(GROUP as unknown as MeasureGroupRow);
    expect(ten1).toEqual(data.measures.get('fx-rate-ten-1'));
    // One origin scope per group, shared by its periods' rows (scope answers are kept by it).
    expect(ten1?.origin).toBe(ten2?.origin);
  });

  it('a bad group fails loading with the entry and field named', () => {
    const load = (group: unknown) => () => fixturePolicyData({ measures: [group] });
    expect(load({ ...GROUP, groups: [{ ...GROUP.groups[0], rate: '10%' }] })).toThrow(
      /measures\.json: 0\/groups\/0\/rate: /,
    );
    expect(load({ ...GROUP, groups: [{ ...GROUP.groups[0], rates: '0.10' }] })).toThrow(
      /measures\.json: 0\/groups\/0: Unrecognized key: "rates"/,
    );
    expect(load({ ...GROUP, legal: { ...GROUP.legal, citation: 'Heading 0' } })).toThrow(
      /measures\.json: 0\/legal: Unrecognized key: "citation"/,
    );
    expect(
      load({ ...GROUP, groups: [{ ...GROUP.groups[0], from: '2025-01-01', to: '2025-12-31' }] }),
    ).toThrow(/fx-rate group ten falls in none of its periods/);
    expect(
      load({
        ...GROUP,
        periods: [GROUP.periods[0], { ...GROUP.periods[1], effectiveFrom: '2026-03-31' }],
      }),
    ).toThrow(/fx-rate period 2 ends before it starts or overlaps the one before/);
    // Its rows are checked as every row is: here a country the data does not know.
    expect(load({ ...GROUP, groups: [{ ...GROUP.groups[0], origins: ['XX'] }] })).toThrow(
      /fx-rate-ten-1 names unknown country XX/,
    );
  });

  it('the shipped EO 14326 group gives the 25 rows us-ieepa-reciprocal-p2-*, split at the Annex II change of 2025-09-08', () => {
    const rows = [...policyData.measures.values()].filter((m) =>
      m.id.startsWith('us-ieepa-reciprocal-p2-'),
    );
    const dates = Object.fromEntries(
      rows.map((m) => [m.id, `${m.effectiveFrom}..${m.effectiveTo}`]),
    );
    const both = { '1': '2025-08-07..2025-09-07', '2': '2025-09-08..2026-02-23' };
    const expected: Record<string, string> = {};
    for (const tier of ['15', '18', '19', '20', '25', '30', '35', '40', '41', 'eu-jp']) {
      expected[`us-ieepa-reciprocal-p2-${tier}-1`] = both['1'];
      expected[`us-ieepa-reciprocal-p2-${tier}-2`] = both['2'];
    }
    for (const early of ['kr-li', 'ch']) {
      expected[`us-ieepa-reciprocal-p2-${early}-1`] = both['1'];
      expected[`us-ieepa-reciprocal-p2-${early}-2`] = '2025-09-08..2025-11-13';
    }
    expected['us-ieepa-reciprocal-p2-kr-ch-li'] = '2025-11-14..2026-02-23';
    expect(dates).toEqual(expected);
    expect(rows).toHaveLength(25);
  });
});
