import { describe, expect, it } from 'vitest';
import { loadPolicyData, policyData, SEED_FILES as raw, SeedError } from '../../src/data/store';

describe('seeds', () => {
  it('load and validate (the build fails otherwise), and the Worker indexes exactly that data', () => {
    expect(policyData.dataVersion).toBe('2026-12-01');
    expect(policyData.measures.size).toBe(34);
    // The Worker trusts the shipped files at start-up: it must hold what validation gives.
    expect(policyData).toEqual(loadPolicyData(raw));
  });

  it('every measure and benchmark names its source, confidence and known-until date', () => {
    for (const m of policyData.measures.values()) {
      expect(m.legal.instrument, m.id).toBeTruthy();
      expect(m.knownUntil, m.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const b of policyData.benchmarks.values()) expect(b.source.instrument, b.id).toBeTruthy();
  });

  it('a bad row fails loading with the file and field named', () => {
    const broken = structuredClone(raw.measures) as { rate?: string }[];
    if (broken[0]) broken[0].rate = '3.7%';
    expect(() => loadPolicyData({ ...raw, measures: broken })).toThrow(/measures\.json: 0\/rate/);
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
