import { nextDay } from '../../data/changes';
import { appliesOn, combinedCoverage, measureStatusOn } from '../../data/measures';
import type { MeasureRow } from '../../data/schema';
import type { PolicyData } from '../../data/store';
import { relabelled, type Warning } from '../../data/warnings';
import type { ChargeDelta } from '../../domain/comparison';
import { minorUnits } from '../../domain/rounding';
import { type Decimal, halfUp, toFixed } from '../../numeric';
import { type DecimalMark, localized, localizedText } from '../csv';
import type { LandedCostResponse } from '../landed-cost/landed-cost.schemas';
import { buildMeta } from '../meta';
import type { ComparedVariant } from './compare.command';
import type { CompareResponse } from './compare.schemas';

type Line = LandedCostResponse['lines'][number];
type Change = CompareResponse['variants'][number]['changes'][number];
type Exemption = CompareResponse['variants'][number]['exemptions'][number];

const byId = <T extends { measureId: string }>(xs: readonly T[]) =>
  new Map(xs.map((x) => [x.measureId, x]));

/** The exemption list that spared the variant's line from a measure, when that is why it was skipped. */
function exemptionIn(variant: ComparedVariant, id: string): string | undefined {
  return variant.considered.find((c) => c.measure.id === id)?.exemption?.list;
}

/** Whether a measure was in force on the variant's date and its line exempt from it by a list. */
function exemptInForce(variant: ComparedVariant, row: MeasureRow): boolean {
  return (
    exemptionIn(variant, row.id) !== undefined &&
    appliesOn(measureStatusOn(row, variant.result.meta.asOf))
  );
}

/** The reason of a duty change against a side without tariff data, under `assume: no-duty`. */
const NO_DATA_ASSUMED = 'no tariff data, assumed zero';

/**
 * How a row ended, told on the variant where it is not charged: replaced by the next row of its
 * programme and destination that covers the lane (its origin and product: charged, or spared by
 * an exemption list), starting the day after ("ended 2025-11-09 (replaced by
 * us-ieepa-fentanyl-cn-3)"); when that row has ended too by the variant's date, how it ended
 * ("…, which ended 2026-02-23 (court ruling)"); else, for a void row, struck down ("ended
 * 2026-02-23 (court ruling)"); else nothing more.
 */
function endedHow(row: MeasureRow | undefined, lane: ComparedVariant, depth = 0): string {
  if (row === undefined || row.effectiveTo === null) return '';
  const next = nextDay(row.effectiveTo);
  const destination = JSON.stringify(row.destination);
  const covering = lane.considered.filter(
    ({ measure: m, outOfScope }) =>
      outOfScope === undefined &&
      m.programme === row.programme &&
      m.effectiveFrom === next &&
      JSON.stringify(m.destination) === destination,
  );
  const successor = (covering.find((c) => c.applied) ?? covering[0])?.measure;
  if (successor === undefined) return row.status === 'void' ? ' (court ruling)' : '';
  const asOf = lane.result.meta.asOf;
  if (successor.effectiveTo === null || successor.effectiveTo >= asOf || depth >= 8)
    return ` (replaced by ${successor.id})`;
  return ` (replaced by ${successor.id}, which ended ${successor.effectiveTo}${endedHow(successor, lane, depth + 1)})`;
}

/**
 * Why a measure charged in one answer is not charged in the other, from the other answer's own
 * account of it (`explain`) and the data row: "ended 2026-02-23 (court ruling)",
 * "started 2026-01-01", "exempt: Annex II", "excluded by the request"; a what-if measure that
 * only the charging answer's request carries was "added by the request", one only its scenario
 * adds "added by scenario g7-coordinated-floor" (in the first variant, when the later one drops it).
 */
function whyNot(
  id: string,
  other: ComparedVariant,
  charging: ComparedVariant,
  data: PolicyData,
  direction: 'added' | 'removed',
  assumeNoDuty: boolean,
): string | undefined {
  const inline = (v: ComparedVariant) => v.request.measures?.some((m) => m.id === id) === true;
  if (inline(charging) && !inline(other)) {
    return direction === 'added'
      ? 'added by the request'
      : 'added by the request in the first variant';
  }
  // A measure the charging answer's scenario adds and the other's does not (or drops).
  const adds = (v: ComparedVariant) =>
    data.scenarios.get(v.result.scenario)?.addMeasures.includes(id) === true;
  if (adds(charging) && !adds(other)) {
    return direction === 'added'
      ? `added by scenario ${charging.result.scenario}`
      : `added by scenario ${charging.result.scenario} in the first variant`;
  }
  const row = data.measures.get(id);
  // A duty the other answer's data cannot say (its tariffs unknown there) is no change: with
  // no tariff data at all (a date before the data, a destination without rates) whatever its own
  // account says ("takes effect on 2020-01-01" is where the data starts, not the duty).
  // With `assume: no-duty` it is a change on that assumption, and says so.
  const duty = charging.result.lines.find((l) => l.measureId === id)?.kind !== 'fee';
  const unknown = assumeNoDuty ? NO_DATA_ASSUMED : undefined;
  if (duty && other.result.coverage.tariffs === 'none') return unknown;
  const explained = other.result.explain?.find((e) => e.measureId === id);
  if (explained === undefined) {
    if (inline(other)) return 'a what-if measure of the request';
    if (duty && other.result.coverage.tariffs !== 'complete') return unknown;
    return `not considered for ${other.result.lane.origin} → ${other.result.lane.destination} under scenario ${other.result.scenario}`;
  }
  const reason = explained.reason;
  const starts = /^takes effect on (\d{4}-\d{2}-\d{2})$/.exec(reason);
  if (starts) return direction === 'added' ? `started ${starts[1]}` : `starts ${starts[1]}`;
  const ended = /^ended on (\d{4}-\d{2}-\d{2})$/.exec(reason);
  if (ended)
    return direction === 'removed'
      ? `ended ${ended[1]}${endedHow(row, other)}`
      : `in force until ${ended[1]}`;
  const list = exemptionIn(other, id);
  if (list !== undefined) {
    return direction === 'removed' ? `exempt: ${list}` : `no longer exempt (${list})`;
  }
  if (reason === 'excluded by the request' && direction === 'added')
    return 'excluded by the request in the first variant';
  return reason;
}

function changedWhy(
  a: Line,
  b: Line,
  first: LandedCostResponse,
  variant: LandedCostResponse,
): string {
  if (a.rate !== b.rate && a.rate !== undefined && b.rate !== undefined)
    return `rate ${a.rate} → ${b.rate}`;
  if (first.customsValue !== variant.customsValue) {
    return `customs value ${first.customsValue} → ${variant.customsValue}`;
  }
  return `amount ${a.amount} → ${b.amount}`;
}

/**
 * The variant's charge lines against the first's (`compareReported`: the deltas of the reported
 * amounts), each with its reason.
 */
export function changesAgainst(
  first: ComparedVariant,
  variant: ComparedVariant,
  data: PolicyData,
  assumeNoDuty = false,
): Change[] {
  const before = byId(first.result.lines);
  const after = byId(variant.result.lines);
  const places = minorUnits(variant.result.meta.currency);
  const money = (x: Decimal) => toFixed(x, places, halfUp);
  const reason = (c: ChargeDelta): string | undefined => {
    if (c.change === 'added')
      return whyNot(c.measureId, first, variant, data, 'added', assumeNoDuty);
    if (c.change === 'removed')
      return whyNot(c.measureId, variant, first, data, 'removed', assumeNoDuty);
    const a = before.get(c.measureId);
    const b = after.get(c.measureId);
    if (a === undefined || b === undefined)
      throw new RangeError('a changed line is in both answers');
    return changedWhy(a, b, first.result, variant.result);
  };
  return variant.comparison.charges.flatMap((c) => {
    const why = reason(c);
    return why === undefined
      ? []
      : [
          {
            measureId: c.measureId,
            change: c.change,
            amountDelta: money(c.amountDelta),
            reason: why,
          },
        ];
  });
}

/**
 * The measures in force for the variant, and not for the first, that its line is exempt from by a
 * named list (the Section 122 surcharge from 2026-02-24, with sintered NdFeB on its Annex II).
 * Charged in neither answer, they change no charge and are not `changes`; the answer says why
 * nothing is charged rather than leave them out.
 */
export function exemptionsAgainst(first: ComparedVariant, variant: ComparedVariant): Exemption[] {
  const before = byId(first.result.lines);
  const exemptions: Exemption[] = [];
  for (const c of variant.considered) {
    if (c.exemption === undefined || before.has(c.measure.id)) continue;
    if (!exemptInForce(variant, c.measure) || exemptInForce(first, c.measure)) continue;
    exemptions.push({ measureId: c.measure.id, reason: `exempt: ${c.exemption.list}` });
  }
  return exemptions;
}

/** Each variant's answer, its changes against the first, and the deltas of its totals. */
export function presentComparison(
  variants: readonly ComparedVariant[],
  data: PolicyData,
  assumeNoDuty = false,
): CompareResponse {
  const [first] = variants;
  if (first === undefined) throw new RangeError('a comparison needs variants');
  const places = minorUnits(first.result.meta.currency);
  const money = (x: Decimal) => toFixed(x, places, halfUp);
  // Each variant's warnings, said once for all the variants that give the same one
  // ("a, b: ndpr-oxide may be classified …"), in the order they first appear.
  type Said = LandedCostResponse['meta']['warnings'][number];
  const same = new Map<string, { warning: Said; labels: string[] }>();
  for (const v of variants) {
    for (const w of v.result.meta.warnings) {
      const key = JSON.stringify([w.code, w.detail, w.rowIds, w.knownUntil]);
      const seen = same.get(key);
      if (seen === undefined) same.set(key, { warning: w, labels: [v.label] });
      else if (!seen.labels.includes(v.label)) seen.labels.push(v.label);
    }
  }
  const warnings: Warning[] = [...same.values()].map(({ warning, labels }) =>
    relabelled(warning, `${labels.join(', ')}: ${warning.detail}`),
  );
  // `assume: no-duty` counts an unknown duty as zero, so its difference is a figure too.
  const known = (v: ComparedVariant) => assumeNoDuty || v.result.coverage.tariffs === 'complete';
  return {
    variants: variants.map((v, i) => {
      // Unknown is not zero: a duty unknown on either side has no known difference.
      const sure = known(first) && known(v);
      return {
        label: v.label,
        result: v.result,
        changes: i === 0 ? [] : changesAgainst(first, v, data, assumeNoDuty),
        exemptions: i === 0 ? [] : exemptionsAgainst(first, v),
        deltas: {
          duties: sure ? money(v.comparison.deltas.duties) : null,
          fees: money(v.comparison.deltas.fees),
          landedCost: sure ? money(v.comparison.deltas.landedCost) : null,
        },
      };
    }),
    coverage: { tariffs: combinedCoverage(variants.map((v) => v.result.coverage.tariffs)) },
    meta: buildMeta(
      first.result.meta.dataVersion,
      first.result.meta.asOf,
      first.result.meta.currency,
      first.result.meta.rounding,
      warnings,
    ),
  };
}

export const COMPARE_COLUMNS = [
  'label',
  'asOf',
  'origin',
  'destination',
  'scenario',
  'duties',
  'fees',
  'landedCost',
  'effectiveDutyRate',
  'dutiesDelta',
  'feesDelta',
  'landedCostDelta',
  'changes',
  'exemptions',
  'currency',
] as const;

/**
 * A change as the CSV's `changes` cell writes it: "id added 12500.00 (started 2026-01-01)". The
 * amount, and a changed line's reason (composed of the answer's own rates and amounts), take the
 * decimal mark asked for; the reasons of added and removed lines are the data's text.
 */
function changeText(c: Change, decimal: DecimalMark): string {
  const reason = c.change === 'changed' ? localizedText(c.reason, decimal) : c.reason;
  return `${c.measureId} ${c.change} ${localized(c.amountDelta, decimal)} (${reason})`;
}

/**
 * A spreadsheet row per variant; `changes` as "id added 12500.00 (started 2026-01-01); …" (with
 * `decimal` comma, "12500,00"), `exemptions` as "id (exempt: Annex II); …".
 */
export function compareRows(r: CompareResponse, decimal: DecimalMark = 'point'): string[][] {
  return r.variants.map((v) => [
    v.label,
    v.result.meta.asOf,
    v.result.lane.origin,
    v.result.lane.destination,
    v.result.scenario,
    v.result.duties,
    v.result.fees,
    v.result.landedCost,
    v.result.effectiveDutyRate ?? '',
    v.deltas.duties ?? '',
    v.deltas.fees,
    v.deltas.landedCost ?? '',
    v.changes.map((c) => changeText(c, decimal)).join('; '),
    v.exemptions.map((e) => `${e.measureId} (${e.reason})`).join('; '),
    v.result.meta.currency,
  ]);
}
