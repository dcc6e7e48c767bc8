import { describe, expect, it } from 'vitest';
import { selectMeasures } from '../../src/data/measures';
import type { ScenarioRow } from '../../src/data/schema';
import { fixturePolicyData } from '../fixtures/policy-data';

const data = fixturePolicyData();
const found = data.scenarios.get('baseline');
if (found === undefined) throw new Error('the fixture has a baseline');
const baseline: ScenarioRow = found;

function select(origin: string, asOf: string, hts = '2846.90.80', exclude: string[] = []) {
  return selectMeasures(data, {
    lane: { asOf, destination: 'US', origin },
    product: { hts, mineral: data.minerals.get('nd-oxide') },
    transport: 'ocean',
    scenario: baseline,
    extra: [],
    exclude,
  });
}

const applied = (s: ReturnType<typeof select>) => s.applied.map((m) => m.id);
const reasonFor = (s: ReturnType<typeof select>, id: string) =>
  s.considered.find((c) => c.measure.id === id)?.reason;

describe('measure selection on fixture data', () => {
  it('a Chinese import in the surcharge period gets duty, surcharge and fee, duties before fees', () => {
    expect(applied(select('CN', '2026-03-01'))).toEqual(['fx-duty', 'fx-surcharge', 'fx-fee']);
  });

  it('another origin is outside the surcharge, and the reason says so', () => {
    const s = select('AU', '2026-03-01');
    expect(applied(s)).toEqual(['fx-duty', 'fx-fee']);
    expect(reasonFor(s, 'fx-surcharge')).toBe('does not cover origin AU');
  });

  it('after its end date the surcharge no longer applies; before any start date nothing does', () => {
    expect(applied(select('CN', '2026-07-01'))).toEqual(['fx-duty', 'fx-fee']);
    expect(applied(select('CN', '2025-12-31'))).toEqual([]);
  });

  it('an HTS line outside 2846 gets the fee only, and the duty is considered and skipped', () => {
    const s = select('CN', '2026-03-01', '8505.11.00');
    expect(applied(s)).toEqual(['fx-fee']);
    expect(reasonFor(s, 'fx-duty')).toBe('does not cover HTS 8505.11.00');
  });

  it('a measure the request excludes is skipped with a warning', () => {
    const s = select('CN', '2026-03-01', '2846.90.80', ['fx-surcharge']);
    expect(applied(s)).toEqual(['fx-duty', 'fx-fee']);
    expect(s.warnings.map((w) => w.code)).toContain('overridden');
  });
});
