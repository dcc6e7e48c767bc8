import { appliesOn, isValueRule, type MeasureStatus, suspensionOn } from './measures';
import type { MeasureRow } from './schema';
import type { PolicyData } from './store';

/** An export-licence measure. */
export type ExportLicenceRow = Extract<MeasureRow, { kind: 'export-licence' }>;

/**
 * China's extraterritorial value rule as the data holds it: the export-licence measure that
 * reaches foreign products by the share of controlled content in their value, i.e. the one with a
 * `deMinimisShare` (MOFCOM Announcement No. 61 [2025] in the seeds). Of several, the latest to
 * take effect by `asOf`, else the first to take effect after it; undefined where the data has none.
 */
export function valueRuleOn(data: PolicyData, asOf: string): ExportLicenceRow | undefined {
  const rules = [...data.measures.values()]
    .filter(isValueRule)
    .sort((a, b) =>
      a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
    );
  return rules.filter((m) => m.effectiveFrom <= asOf).at(-1) ?? rules[0];
}

/**
 * What a licence answer rests on: the rule in force, suspended, or assumed; and, a fourth
 * state, `not-in-force` before the rule takes effect or after it has ended.
 */
export const LICENCE_BASES = ['in-force', 'suspended', 'assumed', 'not-in-force'] as const;
export type LicenceBasis = (typeof LICENCE_BASES)[number];

/**
 * The basis of the licence answer on a date, from the rule's status then: `assumed` past the date
 * its status is known to; `suspended` inside a suspension, also one that began before the rule's
 * start (No. 70 [2025] suspended No. 61 from 2025-11-07, its value rule starting 2025-12-01);
 * `in-force` while it applies; else `not-in-force` (not yet in force, or ended).
 */
export function licenceBasis(
  status: MeasureStatus,
  rule: ExportLicenceRow,
  asOf: string,
): LicenceBasis {
  if (status.assumed) return 'assumed';
  if (status.state === 'suspended' || suspensionOn(rule, asOf) !== undefined) return 'suspended';
  return appliesOn(status) ? 'in-force' : 'not-in-force';
}
