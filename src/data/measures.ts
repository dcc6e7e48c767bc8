import { namedDirectlyOrByUnion } from '../domain/customs-union';
import { nonNegative, parseDecimal, subtract, sum, toText } from '../numeric';
import { blocOf } from './blocs';
import type { ExemptionList, MeasureRow, MineralRow, ScenarioRow } from './schema';
import type { PolicyData } from './store';
import { horizonWarning, suspensionEndedWarning, type Warning } from './warnings';

/** Where a good moves, and when. */
export interface Lane {
  readonly asOf: string;
  readonly destination: string;
  readonly origin: string;
}

/** What a good is: its tariff line and, when known, the mineral. */
export interface Product {
  readonly hts: string;
  readonly mineral: MineralRow | undefined;
}

type Scope = MeasureRow['destination'];

/**
 * inScope's answers already given: by the data's countries and memberships (all an answer reads
 * besides its arguments), then by scope, then by date and country. Every lane of a batch (and of
 * the next request) asks the same few dozen measures about the same countries and date; bloc tiers
 * ask each measure about every member of every bloc.
 */
const SCOPE_ANSWERS = new WeakMap<
  PolicyData['countries'],
  WeakMap<PolicyData['memberships'], WeakMap<Scope, ScopeAnswers>>
>();
/**
 * Answers kept per scope before they are let go: enough for bloc tiers' default rows over their
 * most dates, 12 × (250 members + the origin) = 3,012, so that one request asks each once.
 */
const MAX_SCOPE_ANSWERS = 4096;

/**
 * One scope's answers, by date then country: two lookups of strings the request already holds,
 * where one key joining them would be a new string to hash on every question.
 */
interface ScopeAnswers {
  readonly byDate: Map<string, Map<string, boolean>>;
  /** How many answers byDate holds. */
  count: number;
}

function scopeAnswers(data: PolicyData, scope: Scope): ScopeAnswers {
  let byMemberships = SCOPE_ANSWERS.get(data.countries);
  if (byMemberships === undefined) {
    byMemberships = new WeakMap();
    SCOPE_ANSWERS.set(data.countries, byMemberships);
  }
  let byScope = byMemberships.get(data.memberships);
  if (byScope === undefined) {
    byScope = new WeakMap();
    byMemberships.set(data.memberships, byScope);
  }
  let answers = byScope.get(scope);
  if (answers === undefined) {
    answers = { byDate: new Map(), count: 0 };
    byScope.set(scope, answers);
  }
  return answers;
}

/**
 * Whether a scope (destinations or origins) takes in `country` on `asOf`: by country, its customs
 * union or its bloc. Asked once per scope, country and date of the same data (see SCOPE_ANSWERS).
 */
export function inScope(data: PolicyData, scope: Scope, country: string, asOf: string): boolean {
  const answers = scopeAnswers(data, scope);
  const known = answers.byDate.get(asOf)?.get(country);
  if (known !== undefined) return known;
  const answer = takesIn(data, scope, country, asOf);
  if (answers.count >= MAX_SCOPE_ANSWERS) {
    answers.byDate.clear();
    answers.count = 0;
  }
  let byCountry = answers.byDate.get(asOf);
  if (byCountry === undefined) {
    byCountry = new Map();
    answers.byDate.set(asOf, byCountry);
  }
  byCountry.set(country, answer);
  answers.count += 1;
  return answer;
}

function takesIn(data: PolicyData, scope: Scope, country: string, asOf: string): boolean {
  const union = data.countries.get(country)?.customsUnion;
  const named = (list: readonly string[] | undefined) =>
    list !== undefined && namedDirectlyOrByUnion(list, country, union);
  if (named(scope.exceptCountries)) return false;
  if (scope.countries === undefined && scope.blocs === undefined) return true;
  return named(scope.countries) || (scope.blocs ?? []).includes(blocOf(data, country, asOf).bloc);
}

/** The named exemption list of a measure that holds a tariff line ("Annex II"), if any. */
export function exemptionOf(measure: MeasureRow, hts: string): ExemptionList | undefined {
  return measure.products.exemptions?.find((e) => e.hts.some((prefix) => hts.startsWith(prefix)));
}

/**
 * Whether a measure covers a product: by HTS prefix, mineral id or group, less its exceptions. An
 * export licence covers only products containing one of its listed elements: MOFCOM No. 57
 * [2025] (Ho, Er, Tm, Eu, Yb) does not reach NdPr oxide, nor does No. 61, whose 0.1% value rule
 * counts Chinese content of the controlled elements only (Sm, Gd, Tb, Dy, Lu, Sc, Y and No. 57's).
 */
export function coversProduct(measure: MeasureRow, product: Product): boolean {
  const { hts, minerals, groups, exceptHts } = measure.products;
  if ((exceptHts ?? []).some((prefix) => product.hts.startsWith(prefix))) return false;
  if (exemptionOf(measure, product.hts) !== undefined) return false;
  if (
    measure.kind === 'export-licence' &&
    !measure.elements.some((e) => product.mineral?.elements.includes(e))
  )
    return false;
  if (hts === undefined && minerals === undefined && groups === undefined) return true;
  return (
    (hts ?? []).some((prefix) => product.hts.startsWith(prefix)) ||
    (product.mineral !== undefined &&
      ((minerals ?? []).includes(product.mineral.id) ||
        (groups ?? []).includes(product.mineral.group)))
  );
}

/**
 * A measure's state on a date. `assumed`: a suspension has ended and what followed is not known,
 * so the legal default (the measure applies again) is assumed. `scenario-only` is never a legal
 * state: it is how a what-if row (a reported or proposed figure that only scenarios apply) is
 * reported on the dates its terms would run, so that no answer calls it in force (see
 * {@link reportedStateOn}).
 */
export const MEASURE_STATES = [
  'in-force',
  'not-yet-in-force',
  'ended',
  'suspended',
  'assumed',
  'scenario-only',
] as const;
export type MeasureState = (typeof MEASURE_STATES)[number];

export interface MeasureStatus {
  readonly state: MeasureState;
  /**
   * True when `state` rests on an assumption: `asOf` is past the date until which the row (or a
   * suspension that has since ended) is known to hold.
   */
  readonly assumed: boolean;
  readonly reason: string;
  readonly warnings: readonly Warning[];
}

/**
 * A measure's legal state on `asOf`, from its effective period and suspensions. A row that ended
 * before `asOf` is history and never warns. Past the date until which the data is known to hold,
 * the row's own terms stand (a suspension that has ended means the measure applies again) and the
 * answer carries the row in its one `data-horizon` warning.
 */
export function measureStatusOn(measure: MeasureRow, asOf: string): MeasureStatus {
  if (asOf < measure.effectiveFrom) {
    const s = suspensionOn(measure, asOf);
    return {
      state: 'not-yet-in-force',
      assumed: false,
      reason: `takes effect on ${measure.effectiveFrom}${s === undefined ? '' : `, inside its suspension ${s.from} to ${s.to} (${s.source.instrument})`}`,
      warnings: [],
    };
  }
  if (measure.effectiveTo !== null && asOf > measure.effectiveTo) {
    if (measure.continuesByLaw !== undefined) {
      // The programme goes on; its later amounts are unknown: the last known ones are assumed.
      const [known] = [measure.knownUntil, measure.effectiveTo].sort() as [string, string];
      return {
        state: 'in-force',
        assumed: true,
        reason: `its amounts to ${measure.effectiveTo} assumed: it continues by law (${measure.continuesByLaw.instrument}), later amounts are not in the data`,
        warnings: horizonWarning(measure.id, known, asOf),
      };
    }
    return {
      state: 'ended',
      assumed: false,
      reason: `ended on ${measure.effectiveTo}`,
      warnings: [],
    };
  }
  const horizon = horizonWarning(measure.id, measure.knownUntil, asOf);
  const warnings: Warning[] = [];
  let ended: string | undefined;
  for (const s of measure.suspensions ?? []) {
    if (s.from <= asOf && asOf <= s.to) {
      return {
        state: 'suspended',
        assumed: horizon.length > 0,
        reason: `suspended ${s.from} to ${s.to} (${s.source.instrument})`,
        warnings: horizon,
      };
    }
    if (asOf > s.to && asOf > s.knownUntil) {
      warnings.push(suspensionEndedWarning(measure.id, s.to, s.source.instrument));
      ended = s.to;
    }
  }
  const all = [...warnings, ...horizon];
  if (ended !== undefined) {
    return {
      state: 'assumed',
      assumed: true,
      reason: `suspension ended ${ended}; what followed is not known; the legal default is assumed`,
      warnings: all,
    };
  }
  return { state: 'in-force', assumed: all.length > 0, reason: 'in force', warnings: all };
}

/** The suspension of a measure that takes in `asOf`, if any (also before the measure starts). */
export function suspensionOn(measure: MeasureRow, asOf: string) {
  return measure.suspensions?.find((s) => s.from <= asOf && asOf <= s.to);
}

/** Whether a measure's terms apply on the date: in force, or assumed to be (`assumed`). */
export function appliesOn(status: MeasureStatus): boolean {
  return status.state === 'in-force' || status.state === 'assumed';
}

/**
 * A measure's state on `asOf` as `/v1/measures` reports it: its legal state, except that a
 * scenario-only row (the reported G7 floor) is never in force, nor about to be: until it ends it
 * is `scenario-only`, a figure scenarios may apply. Calculators read {@link measureStatusOn}.
 */
export function reportedStateOn(
  measure: MeasureRow,
  asOf: string,
): { state: MeasureState; reason: string } {
  const { state, reason } = measureStatusOn(measure, asOf);
  if (measure.scenarioOnly !== true || state === 'ended') return { state, reason };
  const from = asOf < measure.effectiveFrom ? ` from ${measure.effectiveFrom}` : '';
  return {
    state: 'scenario-only',
    reason: `a ${measure.status} figure used in scenarios only${from}, not in force`,
  };
}

/**
 * China's value rule (MOFCOM No. 61 [2025] in the seeds): the export licence with a
 * `deMinimisShare`, which reaches products made outside the origin by the share of that origin's
 * controlled content in their value; never a licence of the origin's own exports.
 */
export function isValueRule(
  m: MeasureRow,
): m is Extract<MeasureRow, { kind: 'export-licence' }> & { deMinimisShare: string } {
  return m.kind === 'export-licence' && m.deMinimisShare !== undefined;
}

/** Every measure of the data that concerns a lane and a mineral, regardless of date. */
export function measuresConcerning(
  data: PolicyData,
  filter: { destination?: string; origin?: string; mineral?: MineralRow; asOf: string },
): MeasureRow[] {
  return [...data.measures.values()].filter((m) => {
    if (
      filter.destination !== undefined &&
      !inScope(data, m.destination, filter.destination, filter.asOf)
    )
      return false;
    // Goods of the origin: not China's value rule, which concerns goods made elsewhere.
    if (
      filter.origin !== undefined &&
      (isValueRule(m) || !inScope(data, m.origin, filter.origin, filter.asOf))
    )
      return false;
    const mineral = filter.mineral;
    if (mineral === undefined) return true;
    return mineral.hts.some((hts) => coversProduct(m, { hts, mineral }));
  });
}

/** Why a measure was or was not applied to a shipment. */
export interface Consideration {
  readonly measure: MeasureRow;
  readonly applied: boolean;
  readonly reason: string;
  /** The named list that exempts the product's line, when that is why it was skipped. */
  readonly exemption?: ExemptionList;
  /**
   * Set when the measure does not concern the shipment at all: another origin, a line it does
   * not cover, a value rule on products made elsewhere (what compare reads to name a successor).
   */
  readonly outOfScope?: true;
}

export interface MeasureSelection {
  /**
   * Duties and fees to apply, in the order the contract lists them: ad valorem, specific,
   * floor-gap, fee. A "rate less MFN" row is given here at its net rate for the line.
   */
  readonly applied: readonly MeasureRow[];
  /** Export licences in force on the lane for the product's elements (informational, not charges). */
  readonly licences: readonly MeasureRow[];
  /** Every measure for the destination, applied or not, with the reason. */
  readonly considered: readonly Consideration[];
  readonly warnings: readonly Warning[];
  /** Whether the data holds the line's tariff at the destination (`coverage.tariffs`). */
  readonly tariffCoverage: TariffCoverage;
}

const KIND_ORDER: Readonly<Record<MeasureRow['kind'], number>> = {
  'ad-valorem': 0,
  specific: 1,
  'floor-gap': 2,
  fee: 3,
  'export-licence': 4,
};

/**
 * The measures that apply to a shipment on a lane: the scenario's measures (the baseline rows, plus
 * its additions, less its drops), plus the request's own, less its exclusions; each filtered by
 * origin, product, date, transport and stacking rules. Nothing is dropped silently: every measure
 * for the destination is listed in `considered` with its reason.
 */
export function selectMeasures(
  data: PolicyData,
  request: {
    readonly lane: Lane;
    readonly product: Product;
    readonly transport: string;
    readonly scenario: ScenarioRow;
    readonly extra: readonly MeasureRow[];
    readonly exclude: readonly string[];
    /** Only measures of these kinds (default all). */
    readonly kinds?: readonly MeasureRow['kind'][];
  },
): MeasureSelection {
  const { lane, product, scenario } = request;
  const candidates = [
    ...[...data.measures.values()].filter(
      (m) =>
        (!m.scenarioOnly && !scenario.dropMeasures.includes(m.id)) ||
        scenario.addMeasures.includes(m.id),
    ),
    ...request.extra,
  ];
  const considered: Consideration[] = [];
  const warnings: Warning[] = [];
  const passing: MeasureRow[] = [];
  const licences: MeasureRow[] = [];
  const skip = (measure: MeasureRow, reason: string) =>
    considered.push({ measure, applied: false, reason });
  const outOfScope = (measure: MeasureRow, reason: string) =>
    considered.push({ measure, applied: false, reason, outOfScope: true });

  for (const m of candidates) {
    if (request.kinds !== undefined && !request.kinds.includes(m.kind)) continue;
    if (!inScope(data, m.destination, lane.destination, lane.asOf)) continue;
    if (request.exclude.includes(m.id)) {
      skip(m, 'excluded by the request');
      // Excluding a row not in force on asOf (ended, not yet in force, suspended) changes nothing:
      // no warning (rows that ended before asOf never warn). A suspension past the date until
      // which it is known may have ended, so excluding that row still may change the answer.
      // Nor does excluding a row that does not concern the shipment (another origin, another
      // product, a value rule on products made abroad).
      const status = measureStatusOn(m, lane.asOf);
      const concerns =
        inScope(data, m.origin, lane.origin, lane.asOf) &&
        coversProduct(m, product) &&
        !isValueRule(m);
      if (concerns && (appliesOn(status) || status.assumed)) {
        warnings.push({
          code: 'overridden',
          detail: `${m.id} was excluded by the request.`,
          rowIds: [m.id],
        });
      }
      continue;
    }
    if (!inScope(data, m.origin, lane.origin, lane.asOf)) {
      outOfScope(m, `does not cover origin ${lane.origin}`);
      continue;
    }
    if (!coversProduct(m, product)) {
      const exemption = exemptionOf(m, product.hts);
      if (exemption === undefined) outOfScope(m, notCoveredReason(m, product));
      else {
        const status = measureStatusOn(m, lane.asOf);
        // An exemption is from a row in its effective period: one not yet in force or ended
        // says so ("takes effect on …", "ended on …"), as it would on a line it covers.
        if (status.state === 'not-yet-in-force' || status.state === 'ended') {
          skip(m, status.reason);
          continue;
        }
        considered.push({
          measure: m,
          applied: false,
          reason: `exempt: HTS ${product.hts} is on ${exemption.list}`,
          exemption,
        });
        // The row is in force and its exemption keeps it off this shipment: past the date until
        // which the row is known, the answer rests on that exemption still holding (a row used
        // or skipped), said in the one data-horizon warning.
        if (status.state === 'in-force')
          warnings.push(...horizonWarning(m.id, m.knownUntil, lane.asOf));
      }
      continue;
    }
    // A value rule (China's No. 61 [2025]) controls products made abroad with the origin's
    // content, exported from abroad: not the origin's own exports (its licences cover those), and
    // a shipment's content is not known here. It is read by /v1/origin-content.
    if (isValueRule(m)) {
      outOfScope(
        m,
        `controls products made outside ${lane.origin} with its content, not exports from it (see /v1/origin-content)`,
      );
      continue;
    }
    const status = measureStatusOn(m, lane.asOf);
    // From here on the row concerns this shipment: unless it is history, a reported or proposed
    // figure of the data is worth a warning whether it ends up applied or skipped. The request's
    // own what-if rows are not the data's figures: the request knows what it gave.
    if (
      status.state !== 'ended' &&
      (m.status === 'reported' || m.status === 'proposed') &&
      !request.extra.includes(m)
    ) {
      warnings.push({
        code: 'reported-figure',
        detail: `${m.id} is a ${m.status} measure, not law (${m.legal.instrument}).`,
        rowIds: [m.id],
      });
    }
    warnings.push(...status.warnings);
    if (!appliesOn(status)) {
      skip(m, status.reason);
      continue;
    }
    if (
      m.kind === 'fee' &&
      m.transport !== undefined &&
      !(m.transport as readonly string[]).includes(request.transport)
    ) {
      skip(m, `applies to ${m.transport.join('/')} transport only, not ${request.transport}`);
      continue;
    }
    if (m.kind === 'export-licence') {
      licences.push(m);
      skip(m, 'an export licence of the origin country, not a charge at the destination');
      continue;
    }
    passing.push(m);
  }

  const programmes = new Set(passing.map((m) => m.programme));
  const applied: MeasureRow[] = [];
  for (const m of passing) {
    const blocker = (m.doesNotStackWith ?? []).find((p) => programmes.has(p));
    if (blocker !== undefined) {
      skip(m, `does not stack on ${blocker}, which applies`);
      continue;
    }
    applied.push(m);
    considered.push({ measure: m, applied: true, reason: 'applies' });
    for (const u of m.unmodelledExemptions ?? []) {
      if (u.origins.includes(lane.origin))
        warnings.push({
          code: 'unmodelled-exemption',
          detail: `${m.id}: ${u.detail}`,
          rowIds: [m.id],
        });
    }
    if (m.confidence === 'low' && m.status !== 'reported' && m.status !== 'proposed') {
      warnings.push({
        code: 'low-confidence',
        detail: `${m.id} rests on a single weak source (${m.legal.instrument}).`,
        rowIds: [m.id],
      });
    }
  }
  const mfn = applied.filter((m) => m.programme === 'mfn' && m.kind === 'ad-valorem');
  const charged = applied.map((m) =>
    m.kind === 'ad-valorem' && m.lessMfn === true ? netOfMfn(m, mfn, product.hts, warnings) : m,
  );
  charged.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return {
    applied: charged,
    licences,
    considered,
    warnings,
    tariffCoverage: tariffCoverage(charged, mfn),
  };
}

/** Why a measure does not cover a product: its line, or for an export licence its elements. */
function notCoveredReason(m: MeasureRow, product: Product): string {
  if (m.kind !== 'export-licence' || product.mineral === undefined)
    return `does not cover HTS ${product.hts}`;
  return `controls ${m.elements.join(', ')}; ${product.mineral.id} contains ${product.mineral.elements.join(', ')}`;
}

type AdValoremRow = Extract<MeasureRow, { kind: 'ad-valorem' }>;

/**
 * A "rate less MFN, not below 0" row as charged on this line: max(rate − MFN, 0), with the MFN
 * rate of the line from the data. Without it the full rate is charged, an upper bound, and said.
 */
function netOfMfn(
  m: AdValoremRow,
  mfn: readonly MeasureRow[],
  hts: string,
  warnings: Warning[],
): AdValoremRow {
  const { lessMfn: _, ...row } = m;
  if (mfn.length === 0) {
    warnings.push({
      code: 'mfn-unknown',
      detail: `${m.id} is ${m.rate} less the MFN rate of the line, but the data has no MFN rate for HTS ${hts}: the full ${m.rate} is charged, an upper bound.`,
      rowIds: [m.id],
    });
    return row;
  }
  const base = sum(mfn.flatMap((r) => (r.kind === 'ad-valorem' ? [parseDecimal(r.rate)] : [])));
  return { ...row, rate: toText(nonNegative(subtract(parseDecimal(m.rate), base))) };
}

/** How much of the line's tariff the data holds. */
export const TARIFF_COVERAGES = ['complete', 'partial', 'none'] as const;
export type TariffCoverage = (typeof TARIFF_COVERAGES)[number];

const COMPLETENESS: readonly TariffCoverage[] = ['none', 'partial', 'complete'];

/**
 * The least complete of several coverages: what a bare (text, CSV) form refuses on, since it would
 * print a figure resting on any lane whose duty is unknown (`none`), and what one destination of
 * two supply lanes, or one flow of two dates, reports. `complete` for no coverages.
 */
export function leastComplete(coverages: readonly TariffCoverage[]): TariffCoverage {
  return COMPLETENESS.find((c) => coverages.includes(c)) ?? 'complete';
}

/**
 * The coverage an answer over several parts reports: `complete` when every part is,
 * `none` when every part is, `partial` otherwise (some known and some not, or any `partial`).
 * `complete` for no parts (nothing rests on an unknown duty). Refusals ask {@link leastComplete}.
 */
export function combinedCoverage(coverages: readonly TariffCoverage[]): TariffCoverage {
  const [first] = coverages;
  if (first === undefined) return 'complete';
  return first !== 'partial' && coverages.every((c) => c === first) ? first : 'partial';
}

/**
 * `complete` when the line's general (MFN) rate is in the data, so every duty is accounted for;
 * `partial` when other duties apply but the general rate is unknown; `none` when no tariff row
 * covers the line at this destination (an unknown duty, never a zero one).
 */
function tariffCoverage(
  applied: readonly MeasureRow[],
  mfn: readonly MeasureRow[],
): TariffCoverage {
  if (mfn.length > 0) return 'complete';
  return applied.some((m) => m.kind !== 'fee' && m.kind !== 'export-licence') ? 'partial' : 'none';
}
