import type { PolicyData } from '../../data/store';
import type { Warning } from '../../data/warnings';
import { entryFeeShares, type FeeCharge } from '../../domain/landed-cost';
import { minorUnits, type RoundingMode } from '../../domain/rounding';
import { type Decimal, sum, toText, ZERO } from '../../numeric';
import { toCsv } from '../csv';
import { memoize } from '../format-number';
import { todayUtc } from '../money-input';
import { type FieldProblem, Problem, problemBody } from '../problem';
import { flatToRequest, parameterFor, type QueryForm } from '../query-form';
import { issuesToProblems } from '../validation';
import { type LaneCache, parseLandedCostRequest } from './landed-cost.command';
import {
  type Assessment,
  assessLineDuties,
  type DutyAssessment,
  LANDED_COST_COLUMNS,
  landedCostRow,
  ownFees,
  type PresentOptions,
  presentLandedCost,
  withFees,
} from './landed-cost.present';
import { type BatchResponse, LandedCostLineSchema } from './landed-cost.schemas';

/** Most lines one batch may hold; more is a 413. */
export const MAX_BATCH_LINES = 10_000;

/**
 * The flat form of a landed-cost line: query parameters of `GET /v1/landed-cost` and CSV columns of
 * the batch, each naming the pointers it fills in the JSON request.
 */
export const LANDED_COST_FORM: QueryForm = {
  mineral: ['/mineral'],
  hts: ['/hts'],
  origin: ['/origin'],
  destination: ['/destination'],
  asOf: ['/asOf'],
  quantity: ['/quantity/value'],
  unit: ['/quantity/unit'],
  price: ['/price/amount'],
  currency: ['/price/currency'],
  per: ['/price/per'],
  incoterm: ['/incoterm'],
  freight: ['/freight'],
  insurance: ['/insurance'],
  transport: ['/transport'],
  scenario: ['/scenario'],
  entryId: ['/entryId'],
  reportingCurrency: ['/currency'],
  fxRate: ['/fx/PRICE_CURRENCY'],
  rounding: ['/rounding'],
};

/**
 * A landed-cost request from flat fields. Like the JSON form it reports in USD unless
 * `reportingCurrency` says otherwise; `fxRate` is the rate of the price's currency (units of the
 * reporting currency per 1 unit of it).
 */
export function flatLandedCostRequest(
  values: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const request = flatToRequest(values, LANDED_COST_FORM);
  const priceCurrency = (request.price as { currency?: string } | undefined)?.currency;
  const fx = request.fx as Record<string, string> | undefined;
  if (fx?.PRICE_CURRENCY !== undefined) {
    request.fx = { [priceCurrency ?? 'USD']: fx.PRICE_CURRENCY };
  }
  if (request.currency === undefined && priceCurrency !== undefined)
    request.currency = priceCurrency;
  return request;
}

export interface BatchLine {
  /** The line as a JSON request (defaults merged) and how to name its fields in problems. */
  readonly request: unknown;
  readonly pointerPrefix: string;
  readonly form?: QueryForm;
  /** Problems found before the line could be read (a CSV row with too many cells). */
  readonly problems?: readonly FieldProblem[];
}

type LineOutcome = { ok: true; duties: DutyAssessment } | { ok: false; problems: FieldProblem[] };

function lineProblem(line: BatchLine, problems: readonly FieldProblem[]) {
  const errors = problems.map((p) => {
    const parameter = line.form === undefined ? undefined : parameterFor(line.form, p.pointer);
    return {
      pointer: `${line.pointerPrefix}${p.pointer}`,
      detail: p.detail,
      ...(parameter === undefined ? {} : { parameter }),
    };
  });
  const first = errors[0];
  const what =
    errors.length === 1 && first !== undefined
      ? `${first.parameter ?? first.pointer}: ${first.detail}`
      : `${errors.length} problems`;
  return problemBody(new Problem(422, `This line is not valid: ${what}.`, errors));
}

/** Assesses one line; a bad line yields its problems and never throws. */
function assessLine(line: BatchLine, data: PolicyData, cache: LaneCache): LineOutcome {
  if (line.problems !== undefined) return { ok: false, problems: [...line.problems] };
  const parsed = LandedCostLineSchema.safeParse(line.request);
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error.issues) };
  const command = parseLandedCostRequest(parsed.data, data, cache);
  if (!command.ok) return { ok: false, problems: command.problems };
  return { ok: true, duties: assessLineDuties(command.value) };
}

/**
 * Lines sharing an entryId (and reporting currency: values in two currencies never add up) are one
 * customs entry: each fee is clamped on the entry and shared. The fee lists of those lines, by
 * their index in `lines`, and a warning for an entryId whose lines differ in currency or date.
 */
function entryFees(lines: readonly DutyAssessment[]): {
  fees: Map<number, Decimal[]>;
  warnings: Warning[];
} {
  const entries = new Map<string, number[]>();
  const seen = new Map<string, { currencies: Set<string>; dates: Set<string> }>();
  for (let i = 0; i < lines.length; i++) {
    const command = lines[i]?.command;
    if (command?.entryId === undefined) continue;
    const key = `${command.currency} ${command.entryId}`;
    const members = entries.get(key);
    if (members === undefined) entries.set(key, [i]);
    else members.push(i);
    let entry = seen.get(command.entryId);
    if (entry === undefined) {
      entry = { currencies: new Set(), dates: new Set() };
      seen.set(command.entryId, entry);
    }
    entry.currencies.add(command.currency);
    entry.dates.add(command.lane.asOf);
  }
  const fees = new Map<number, Decimal[]>();
  for (const members of entries.values()) {
    if (members.length > 1) shareEntry(lines, members, fees);
  }
  const warnings: Warning[] = [];
  for (const [id, { currencies, dates }] of seen) {
    if (currencies.size > 1) {
      warnings.push({
        code: 'entry-currencies',
        detail: `Entry ${id} has lines reported in ${[...currencies].join(' and ')}: its fees are clamped and shared once per currency.`,
      });
    }
    if (dates.size > 1) {
      warnings.push({
        code: 'entry-dates',
        detail: `Entry ${id} has lines dated ${[...dates].sort().join(' and ')}: a customs entry has one date, and each line's fees follow its own.`,
      });
    }
  }
  return { fees, warnings };
}

/** A fee's id and terms as a key; fee charges are built once per lane, so this is too. */
const feeTerms = memoize(
  (fee: FeeCharge) =>
    `${fee.id} ${toText(fee.rate)} ${fee.min === null ? '-' : toText(fee.min)} ${fee.max === null ? '-' : toText(fee.max)}`,
);

/** One entry: each of its fees shared across the lines that owe it, into `fees`. */
function shareEntry(
  lines: readonly DutyAssessment[],
  members: readonly number[],
  fees: Map<number, Decimal[]>,
): void {
  // Each fee of the entry (one id on the same terms: a what-if or another fx rate makes it another
  // fee), with the lines that owe it and where it sits in their fee lists.
  const byFee = new Map<string, { fee: FeeCharge; owers: number[]; slots: number[] }>();
  for (const line of members) {
    const charges = lines[line]?.command.lane.fees ?? [];
    fees.set(line, new Array<Decimal>(charges.length).fill(ZERO));
    for (let slot = 0; slot < charges.length; slot++) {
      const fee = charges[slot] as FeeCharge;
      const terms = feeTerms(fee);
      const group = byFee.get(terms);
      if (group === undefined) byFee.set(terms, { fee, owers: [line], slots: [slot] });
      else {
        group.owers.push(line);
        group.slots.push(slot);
      }
    }
  }
  const first = lines[members[0] ?? 0]?.command;
  const places = minorUnits(first?.currency ?? 'USD');
  for (const { fee, owers, slots } of byFee.values()) {
    const values = owers.map((line) => lines[line]?.customsValue ?? ZERO);
    const shares = entryFeeShares(fee, values, places, first?.rounding ?? 'half-up');
    for (let k = 0; k < owers.length; k++) {
      const list = fees.get(owers[k] as number);
      if (list !== undefined) list[slots[k] as number] = shares[k] ?? ZERO;
    }
  }
}

/**
 * Runs a batch: every line alone (a bad line fails only itself), then customs entries, then
 * totals across the good lines (when they share one reporting currency).
 */
export function runBatch(
  lines: readonly BatchLine[],
  data: PolicyData,
  warnings: readonly Warning[],
  options: PresentOptions = { explain: false, detail: 'lines' },
): BatchResponse {
  if (lines.length > MAX_BATCH_LINES) {
    throw new Problem(
      413,
      `A batch may hold at most ${MAX_BATCH_LINES} lines; this one has ${lines.length}.`,
    );
  }
  const cache: LaneCache = new Map();
  const outcomes = lines.map((line) => assessLine(line, data, cache));
  const drafts = outcomes.flatMap((o) => (o.ok ? [o.duties] : []));
  const entries = entryFees(drafts);
  const good = drafts.map((d, k) => withFees(d, entries.fees.get(k) ?? ownFees(d)));
  let next = 0;
  const results: BatchResponse['results'] = outcomes.map((o, index) => {
    // `good` holds one assessment per good outcome, in order.
    if (o.ok)
      return { index, ok: true, result: presentLandedCost(good[next++] as Assessment, options) };
    const entryId = (lines[index]?.request as { entryId?: unknown } | null)?.entryId;
    return {
      index,
      ok: false,
      ...(typeof entryId === 'string' ? { entryId } : {}),
      problem: lineProblem(lines[index] ?? { request: null, pointerPrefix: '' }, o.problems),
    };
  });

  const currencies = new Set(good.map((a) => a.command.currency));
  const currency = currencies.size === 1 ? ([...currencies][0] ?? null) : null;
  const rounding: RoundingMode = good[0]?.command.rounding ?? 'half-up';
  // Totals are sums of the lines' reported figures, so they add up to what the lines show.
  const total = (pick: (r: Assessment['reported']) => Decimal) =>
    currency === null ? null : toText(sum(good.map((a) => pick(a.reported))));
  const batchWarnings = [...warnings, ...entries.warnings];
  const dates = new Set(good.map((a) => a.command.lane.asOf));
  if (dates.size > 1) {
    batchWarnings.push({
      code: 'mixed-dates',
      detail: `Lines are dated ${[...dates].sort().join(', ')}; meta.asOf is the first line's.`,
    });
  }
  if (currencies.size > 1) {
    batchWarnings.push({
      code: 'mixed-currencies',
      detail: `Lines report in ${[...currencies].join(', ')}; no totals across them.`,
    });
  }
  return {
    results,
    totals: {
      lines: lines.length,
      ok: good.length,
      failed: lines.length - good.length,
      currency,
      customsValue: total((r) => r.customsValue),
      duties: total((r) => r.duties),
      fees: total((r) => r.fees),
      landedCost: total((r) => r.landedCost),
    },
    meta: {
      dataVersion: data.dataVersion,
      asOf: good[0]?.command.lane.asOf ?? todayUtc(),
      currency: currency ?? good[0]?.command.currency ?? 'USD',
      rounding,
      warnings: batchWarnings,
    },
  };
}

/** The batch as CSV: one row per line, in order, with an `error` column for failed lines. */
export function batchCsv(response: BatchResponse): string {
  const header = ['line', ...LANDED_COST_COLUMNS, 'error'];
  const rows = response.results.map((r): string[] => {
    if (r.ok) {
      const row = landedCostRow(r.result);
      return [String(r.index), ...LANDED_COST_COLUMNS.map((column) => row[column]), ''];
    }
    const error = `${r.problem.detail}${(r.problem.errors ?? []).map((e) => ` [${e.parameter ?? e.pointer}: ${e.detail}]`).join('')}`;
    return header.map((h) =>
      h === 'line'
        ? String(r.index)
        : h === 'entryId'
          ? (r.entryId ?? '')
          : h === 'error'
            ? error
            : '',
    );
  });
  return toCsv(header, rows);
}
