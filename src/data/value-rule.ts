import type { MeasureStatus } from './measures';
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
    .filter(
      (m): m is ExportLicenceRow => m.kind === 'export-licence' && m.deMinimisShare !== undefined,
    )
    .sort((a, b) =>
      a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
    );
  return rules.filter((m) => m.effectiveFrom <= asOf).at(-1) ?? rules[0];
}

/** What a licence answer rests on (API v1.1 A6): the rule in force, suspended, or assumed. */
export const LICENCE_BASES = ['in-force', 'suspended', 'assumed'] as const;
export type LicenceBasis = (typeof LICENCE_BASES)[number];

/**
 * The basis of the licence answer on a date, from the rule's status then: `assumed` past the date
 * its status is known to, `suspended` inside a suspension, else `in-force`: the answer is the law
 * in force on that date, which is also so before the rule takes effect (no licence rule yet, so
 * none is required) and after it has ended.
 */
export function licenceBasis(status: MeasureStatus): LicenceBasis {
  if (status.assumed) return 'assumed';
  return status.state === 'suspended' ? 'suspended' : 'in-force';
}
