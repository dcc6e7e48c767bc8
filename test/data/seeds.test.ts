import { describe, expect, it } from 'vitest';
import { type MeasureSeed, measureRows } from '../../src/data/measure-groups';
import { loadPolicyData, policyData, SEED_FILES as raw, SeedError } from '../../src/data/store';

describe('seeds', () => {
  it('load and validate (the build fails otherwise), and the Worker indexes exactly that data', () => {
    expect(policyData.dataVersion).toBe('2026-12-03.3');
    // Every row of the file, groups expanded, is indexed (a repeated id would drop one); no fixed
    // count to edit each time measures are added.
    expect(policyData.measures.size).toBe(measureRows(raw.measures as MeasureSeed[]).length);
    // The Worker trusts the shipped files at start-up: it must hold what validation gives.
    expect(policyData).toEqual(loadPolicyData(raw));
  });

  it('confidence matches status: a row that is only reported or proposed never claims high confidence', () => {
    const rows = [...policyData.measures.values(), ...policyData.benchmarks.values()];
    const overclaimed = rows
      .filter(
        (r) => (r.status === 'reported' || r.status === 'proposed') && r.confidence === 'high',
      )
      .map((r) => r.id);
    expect(overclaimed).toEqual([]);
  });

  it('dates hold together: no row is known beyond the data version, none ends before it starts, every ended row has an end', () => {
    const rows = [...policyData.measures.values(), ...policyData.benchmarks.values()];
    for (const r of rows) {
      expect(r.knownUntil <= policyData.dataVersion, `${r.id} knownUntil`).toBe(true);
      if (r.effectiveFrom != null && r.effectiveTo != null) {
        expect(r.effectiveFrom <= r.effectiveTo, `${r.id} effective dates`).toBe(true);
      }
    }
    for (const m of policyData.measures.values()) {
      if (m.status === 'void' || m.status === 'historical') {
        expect(m.effectiveTo, `${m.id} has ended`).not.toBeNull();
      }
    }
  });

  it('a bad row fails loading with the file and field named', () => {
    const broken = structuredClone(raw.measures) as { rate?: string }[];
    if (broken[0]) broken[0].rate = '3.7%';
    expect(() => loadPolicyData({ ...raw, measures: broken })).toThrow(/measures\.json: 0\/rate/);
  });

  it('a floor-gap row whose tranche bands do not rise fails loading (a client could not fix it)', () => {
    const broken = structuredClone(raw.measures) as { kind: string; method?: unknown }[];
    const row = broken.find((m) => m.kind === 'floor-gap');
    if (row)
      row.method = {
        type: 'tranche',
        bands: [
          { upTo: '0.5', share: '0.3' },
          { upTo: '0.4', share: '0.5' },
          { upTo: null, share: '1' },
        ],
      };
    expect(row).toBeDefined();
    expect(() => loadPolicyData({ ...raw, measures: broken })).toThrow(/do not rise \(band 1\)/);
  });

  it('a row that continues by law past its end must be the last of its scope and must have an end', () => {
    type Row = { id: string; effectiveTo: string | null; continuesByLaw?: unknown };
    const followed = structuredClone(raw.measures) as Row[];
    const fy2026 = followed.find((m) => m.id === 'us-mpf-fy2026');
    if (fy2026) fy2026.continuesByLaw = { instrument: '19 U.S.C. 58c' };
    expect(fy2026).toBeDefined();
    expect(() => loadPolicyData({ ...raw, measures: followed })).toThrow(
      /us-mpf-fy2026 continuesByLaw but us-mpf-fy2027 follows it/,
    );
    const endless = structuredClone(raw.measures) as Row[];
    const fy2027 = endless.find((m) => m.id === 'us-mpf-fy2027');
    if (fy2027) fy2027.effectiveTo = null;
    expect(() => loadPolicyData({ ...raw, measures: endless })).toThrow(
      /us-mpf-fy2027 continuesByLaw but has no end/,
    );
  });

  it('a price in a currency ISO 4217 does not list fails loading', () => {
    const broken = structuredClone(raw.benchmarks) as { price: { currency: string } }[];
    if (broken[0]) broken[0].price.currency = 'XYZ';
    expect(() => loadPolicyData({ ...raw, benchmarks: broken })).toThrow(SeedError);
  });

  it('a dangling reference fails loading', () => {
    const broken = structuredClone(raw.scenarios) as { addMeasures: string[] }[];
    broken[0]?.addMeasures.push('no-such-measure');
    expect(() => loadPolicyData({ ...raw, scenarios: broken })).toThrow(SeedError);
  });

  it('NOT FOUND facts are not seeded as law: G7 figures are reported, not official', () => {
    expect(policyData.benchmarks.get('g7-lree-floor')?.status).toBe('reported');
    expect(policyData.benchmarks.get('g7-hree-cap')?.status).toBe('reported');
    expect([...policyData.measures.values()].some((m) => m.programme === 'section-232')).toBe(
      false,
    );
  });
});

describe('sources a user can follow', () => {
  const rows = [
    ...raw.measures.map((r) => ({
      id: (r as { id: string }).id,
      source: (r as { legal: object }).legal,
    })),
    ...[raw.benchmarks, raw.timeline, raw.memberships, raw.tradeFlows].flatMap((file) =>
      (file as { id?: string; date?: string; country?: string; source: object }[]).map((r) => ({
        id: r.id ?? r.date ?? r.country ?? '?',
        source: r.source,
      })),
    ),
  ];

  it('every row names a public document with its date, a URL or the sources it was checked against (or says it is a modelling choice)', () => {
    const unfollowable = rows
      .filter((r) => {
        const s = r.source as {
          instrument?: string;
          citation?: string;
          url?: string;
          via?: string;
        };
        if (!s.instrument) return true;
        if (/^Modelling choice/.test(s.citation ?? '')) return false;
        return s.url === undefined && s.via === undefined && !/\b(19|20)\d{2}\b/.test(s.instrument);
      })
      .map((r) => r.id);
    expect(unfollowable).toEqual([]);
  });

  it("no row cites the team's working files (a brief, the contract's sections, a facts file, a seed document's file name)", () => {
    const cites = rows
      .filter((r) =>
        /\bBRIEF\b|API\.md|policy-facts|seed doc|\d{3}_[0-9a-f]{16}/.test(JSON.stringify(r.source)),
      )
      .map((r) => r.id);
    expect(cites).toEqual([]);
  });
});
