import { combinedCoverage } from '../../data/measures';
import type { PolicyData } from '../../data/store';
import { lanesWarnings, type Warning } from '../../data/warnings';
import { entryCosts, type LandedCost } from '../../domain/landed-cost';
import type { RoundingMode } from '../../domain/rounding';
import { type Decimal, sum, toText } from '../../numeric';
import { parseRequest } from '../calculator';
import {
  CsvSyntaxError,
  type DecimalMark,
  delocalized,
  parseCsv,
  separatorLine,
  separatorOf,
  toCsv,
} from '../csv';
import { asciiJson, isAscii, jsonBody } from '../json-body';
import { type LineParser, lineParser } from '../line-parser';
import { todayUtc } from '../money-input';
import type { Parsed } from '../parsed';
import {
  type FieldProblem,
  fieldName,
  Problem,
  type ProblemBody,
  problemBody,
  problemsDetail,
} from '../problem';
import { flatFx, flatReader, parameterFor, pointersOf, type QueryForm } from '../query-form';
import { type RefusalOptions, uncertainProblem } from '../strict';
import { firstField, meantField } from '../validation';
import {
  type LandedCostCommand,
  type LaneCache,
  type LaneContext,
  resolveLandedCost,
} from './landed-cost.command';
import { LANDED_COST_FORM, withFlatDefaults } from './landed-cost.form';
import {
  batchLineCells,
  LANDED_COST_COLUMNS,
  laneMeasures,
  presentBatchLane,
  presentBatchLine,
  presentedWarnings,
  presentLandedCost,
  presentMeasure,
} from './landed-cost.present';
import {
  type BatchLane,
  type BatchMeasure,
  type BatchRequest,
  type BatchResponse,
  type LandedCostBatchLine,
  type LandedCostRequest,
  LandedCostRequestSchema,
  type LandedCostResponse,
} from './landed-cost.schemas';

/** Most lines one batch may hold; more is a 413. */
export const MAX_BATCH_LINES = 10_000;

export interface BatchLine {
  /** The line as a JSON request (defaults merged) and how to name its fields in problems. */
  readonly request: unknown;
  readonly pointerPrefix: string;
  /** A JSON line's batch `defaults` and the line as sent: a field it took from them is named there. */
  readonly defaults?: Readonly<Record<string, unknown>>;
  readonly sent?: object;
  readonly form?: QueryForm;
  /** Problems found before the line could be read (a CSV row with too many cells). */
  readonly problems?: readonly FieldProblem[];
}

/** A line resolved (as resolveLandedCost answers it), or its problems, or its refusal. */
type LineOutcome = Parsed<LandedCostCommand> | { ok: false; refused: ProblemBody };

/**
 * Where a line's problem points: into the line, or into `defaults` when the field is one the line
 * took from there (the value is in the request at /defaults/<field>, a JSON Pointer into it).
 */
function pointerBase(line: BatchLine, pointer: string): string {
  const { defaults, sent } = line;
  if (defaults === undefined || sent === undefined) return line.pointerPrefix;
  const field = firstField(pointer);
  return Object.hasOwn(defaults, field) && !Object.hasOwn(sent, field)
    ? '/defaults'
    : line.pointerPrefix;
}

function lineProblem(line: BatchLine, problems: readonly FieldProblem[]) {
  const errors = problems.map((p) => {
    const parameter = line.form === undefined ? undefined : parameterFor(line.form, p.pointer);
    return {
      pointer: `${pointerBase(line, p.pointer)}${p.pointer}`,
      detail: p.detail,
      ...(parameter === undefined ? {} : { parameter }),
    };
  });
  return problemBody(new Problem(422, problemsDetail(errors, 'This line'), errors));
}

/**
 * Reads and resolves one line; a bad line yields its problems and never throws. `read` is the
 * batch's line parser; a line it cannot vouch for is parsed by the request schema itself. A line
 * the request refuses (its own or the batch's `strict` and uncertain data; in a CSV answer, a lane
 * without tariff data unless `assume=no-duty`) fails alone with that problem, as a single call
 * would.
 */
function resolveLine(
  line: BatchLine,
  data: PolicyData,
  cache: LaneCache,
  read: LineParser<LandedCostRequest>,
  refusal: BatchRefusal,
): LineOutcome {
  if (line.problems !== undefined) return { ok: false, problems: [...line.problems] };
  let request = read(line.request);
  if (request === undefined) {
    const parsed = parseRequest({ request: LandedCostRequestSchema }, line.request);
    if (!parsed.ok) return parsed;
    request = parsed.value;
  }
  const command = resolveLandedCost(request, data, cache);
  if (!command.ok) return command;
  const { lane } = command.value;
  const refused = uncertainProblem(
    lane.warnings,
    lane.tariffCoverage,
    request.strict === true && !refusal.strict ? { ...refusal, strict: true } : refusal,
  );
  if (refused !== undefined) return { ok: false, refused: problemBody(refused) };
  return command;
}

/**
 * A warning for each entryId whose lines differ in reporting currency (the domain clamps and
 * shares its fees once per currency) or in date (a customs entry has one date).
 */
function entryWarnings(commands: readonly LandedCostCommand[]): Warning[] {
  const seen = new Map<string, { currencies: Set<string>; dates: Set<string> }>();
  for (const command of commands) {
    if (command.entryId === undefined) continue;
    let entry = seen.get(command.entryId);
    if (entry === undefined) {
      entry = { currencies: new Set(), dates: new Set() };
      seen.set(command.entryId, entry);
    }
    entry.currencies.add(command.currency);
    entry.dates.add(command.lane.asOf);
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
  return warnings;
}

/** The most characters a failed line's echoed entryId has (the longest an entryId may be). */
export const MAX_ECHOED_ENTRY_ID = 64;

/**
 * A failed line's entryId as its result echoes it, so the user finds the line: as sent, or when
 * longer than an entryId may be (the line failed for it), its first 63 characters and "…": 64 in
 * all, no longer than any entryId.
 */
function echoedEntryId(entryId: unknown): string | undefined {
  if (typeof entryId !== 'string') return undefined;
  if (entryId.length <= MAX_ECHOED_ENTRY_ID) return entryId;
  const cut = entryId.slice(0, MAX_ECHOED_ENTRY_ID - 1);
  // Never half a UTF-16 surrogate pair (an emoji cut in two is not text).
  const last = cut.charCodeAt(cut.length - 1);
  return `${last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut}…`;
}

/** What a batch refuses line by line (`strict` here is the batch's; a line may add its own). */
export type BatchRefusal = RefusalOptions;

/** How much of each line a batch answer carries (see BatchRequest `detail`), and what it refuses. */
export interface BatchOptions {
  readonly explain: boolean;
  readonly detail: 'lines' | 'full' | 'totals';
  readonly refusal?: BatchRefusal;
}

const NO_REFUSAL: BatchRefusal = { strict: false, assumeNoDuty: false, bare: false };

/**
 * Runs a batch: every line read and resolved alone (a bad line fails only itself), the good lines
 * costed together by the domain (which shares fees across customs entries), then presented, with
 * totals across them (when they share one reporting currency).
 */
export function runBatch(
  lines: readonly BatchLine[],
  data: PolicyData,
  warnings: readonly Warning[],
  options: BatchOptions = { explain: false, detail: 'lines' },
): BatchResponse {
  if (lines.length > MAX_BATCH_LINES) {
    throw new Problem(
      413,
      `A batch may hold at most ${MAX_BATCH_LINES} lines; this one has ${lines.length}.`,
    );
  }
  const cache: LaneCache = new Map();
  const read = lineParser(LandedCostRequestSchema);
  const refusal = options.refusal ?? NO_REFUSAL;
  const outcomes: (LineOutcome | undefined)[] = lines.map((line) =>
    resolveLine(line, data, cache, read, refusal),
  );
  const commands: LandedCostCommand[] = [];
  const currencies = new Set<string>();
  // The lanes of the lines that stand (a line refused or failed adds none): their dates and
  // warnings are read once per lane.
  const standing = new Set<LaneContext>();
  for (const o of outcomes) {
    if (!o?.ok) continue;
    commands.push(o.value);
    currencies.add(o.value.currency);
    standing.add(o.value.lane);
  }
  const dates = new Set([...standing].map((lane) => lane.asOf));
  // Each line's landed cost is made as it is presented, then let go: a thousand lines never hold
  // every intermediate figure at once (fewer objects for the garbage collector to copy).
  const costOf = entryCosts(commands);

  const currency = currencies.size === 1 ? ([...currencies][0] ?? null) : null;
  const rounding: RoundingMode = commands[0]?.rounding ?? 'half-up';
  const batchWarnings = [...warnings, ...entryWarnings(commands)];
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

  const { detail, explain } = options;
  // Unless `full`, what a lane's lines share is given once, in `lanes` and `measures`.
  const lanes: Record<string, BatchLane> = {};
  const measures: Record<string, BatchMeasure> = {};
  const laneIds = new Map<LaneContext, Partial<Record<RoundingMode, string>>>();
  // Each lane's warnings with its id, in the order of the ids, for the answer's meta.
  const named: { id: string; warnings: readonly Warning[] }[] = [];
  const laneOf = (command: LandedCostCommand): string => {
    const ids = laneIds.get(command.lane) ?? {};
    let id = ids[command.rounding];
    if (id === undefined) {
      id = `L${Object.keys(lanes).length + 1}`;
      ids[command.rounding] = id;
      laneIds.set(command.lane, ids);
      lanes[id] = presentBatchLane(command.lane, command.rounding, explain);
      named.push({ id, warnings: presentedWarnings(command.lane) });
      for (const m of laneMeasures(command.lane)) measures[m.id] ??= presentMeasure(m);
    }
    return id;
  };
  const present = (command: LandedCostCommand, cost: LandedCost) =>
    detail === 'full'
      ? presentLandedCost(command, cost, { explain })
      : presentBatchLine(command, cost, laneOf(command), detail === 'lines');
  // The reported parts the totals add up, kept as the lines are presented.
  const parts = {
    customsValue: [] as Decimal[],
    duties: [] as Decimal[],
    fees: [] as Decimal[],
    landedCost: [] as Decimal[],
  };
  let next = 0;
  const results: BatchResponse['results'] = new Array(outcomes.length);
  for (let index = 0; index < outcomes.length; index++) {
    const o = outcomes[index] as LineOutcome;
    outcomes[index] = undefined;
    if (o.ok) {
      // The good lines are `commands`, in order: this is the next of them.
      const cost = costOf(next++);
      parts.customsValue.push(cost.reported.customsValue);
      parts.duties.push(cost.reported.duties);
      parts.fees.push(cost.reported.fees);
      parts.landedCost.push(cost.reported.landedCost);
      results[index] = { index, ok: true, result: present(o.value, cost) };
      continue;
    }
    const entryId = echoedEntryId((lines[index]?.request as { entryId?: unknown } | null)?.entryId);
    results[index] = {
      index,
      ok: false,
      ...(entryId === undefined ? {} : { entryId }),
      problem:
        'refused' in o
          ? o.refused
          : lineProblem(lines[index] ?? { request: null, pointerPrefix: '' }, o.problems),
    };
  }
  // Totals are sums of the lines' reported figures, so they add up to what the lines show.
  const total = (reported: readonly Decimal[]) =>
    currency === null ? null : toText(sum(reported));
  const totals: BatchResponse['totals'] = {
    lines: lines.length,
    ok: commands.length,
    failed: lines.length - commands.length,
    currency,
    customsValue: total(parts.customsValue),
    duties: total(parts.duties),
    fees: total(parts.fees),
    landedCost: total(parts.landedCost),
    // Unknown is not zero: totals over lines whose tariffs the data lacks say so, `partial`
    // beside known ones; `complete` with no line priced (nothing rests on an unknown duty).
    coverage: { tariffs: combinedCoverage(commands.map((c) => c.lane.tariffCoverage)) },
  };
  // The lanes' warnings, said once for the answer after the batch's own: a reader of meta alone
  // learns what the lines rest on (each lane's meta says it for its own lines). In `full` detail
  // the lanes have no ids: their warnings are only deduplicated.
  const laneWarnings = lanesWarnings(
    detail === 'full'
      ? [...standing].map((lane) => ({ warnings: presentedWarnings(lane) }))
      : named,
  );
  const meta = {
    dataVersion: data.dataVersion,
    asOf: commands[0]?.lane.asOf ?? todayUtc(),
    currency: currency ?? commands[0]?.currency ?? 'USD',
    rounding,
    warnings: [...batchWarnings, ...laneWarnings],
  };
  return {
    results,
    totals,
    ...(detail === 'full' ? {} : { lanes, measures }),
    meta,
  };
}

/**
 * The batch as JSON. Unless `full`, the answer is written in parts: the lines are ASCII and stay a
 * one-byte string, the lanes and measures (labels, legal titles) are escaped to ASCII; other
 * details are encoded to UTF-8 once.
 */
export function batchJson(response: BatchResponse): string | Uint8Array<ArrayBuffer> {
  const { results, totals, lanes, measures, meta } = response;
  if (lanes === undefined || measures === undefined) return jsonBody(response);
  return `{"results":${asciiJson(results, asciiResults(results))},"totals":${asciiJson(totals)},"lanes":${asciiJson(lanes)},"measures":${asciiJson(measures)},"meta":${asciiJson(meta)}}`;
}

/**
 * Whether a batch's results in `lines` or `totals` detail are ASCII, known without reading their
 * JSON text (hundreds of kilobytes): a good line holds figures, codes, lane ids and measure ids
 * (lower-case letters, digits and dashes by their schemas), and its entryId, the one text a client
 * chose. A failed line's problem may quote anything: its results are read.
 */
function asciiResults(results: BatchResponse['results']): boolean {
  for (const r of results) {
    if (!r.ok || !isBatchLine(r.result)) return false;
    const { entryId } = r.result;
    if (entryId !== undefined && !isAscii(entryId)) return false;
  }
  return true;
}

/** A result in the `lines` or `totals` detail (a key into `lanes`), not the single-call answer. */
function isBatchLine(
  result: LandedCostBatchLine | LandedCostResponse,
): result is LandedCostBatchLine {
  return typeof result.lane === 'string';
}

/**
 * The batch as CSV: one row per line, in order, with an `error` column for failed lines; with
 * `comma`, decimals take a comma and fields a `;` (spreadsheet locales).
 */
export function batchCsv(response: BatchResponse, decimal: DecimalMark = 'point'): string {
  const header = ['line', ...LANDED_COST_COLUMNS, 'error'];
  const { lanes } = response;
  const rows = response.results.map((r): string[] => {
    if (r.ok) {
      const line = r.result;
      const lane = isBatchLine(line) ? lanes?.[line.lane] : undefined;
      if (lane === undefined || !isBatchLine(line) || line.lines !== undefined)
        throw new Error('a CSV batch is run with totals');
      const values = batchLineCells(line, lane);
      const cells = new Array<string>(values.length + 2);
      cells[0] = String(r.index);
      for (let i = 0; i < values.length; i++) cells[i + 1] = values[i] as string;
      cells[values.length + 1] = '';
      return cells;
    }
    // One problem is said whole by the detail; several are listed after it, each by its column.
    const errors = r.problem.errors ?? [];
    // Said the flat form's way: the CSV's `fx` column takes CODE:rate, not a JSON object.
    const error = flatFx(
      errors.length <= 1
        ? r.problem.detail
        : `${r.problem.detail}${errors.map((e) => ` [${fieldName(e)}: ${e.detail}]`).join('')}`,
    );
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
  return toCsv(header, rows, decimal);
}

/** Items as a reader lists them: "7 and 9", "2, 5 and 9". */
function inWords(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The landed-cost columns a header names more than once, as the header is read (trimmed, in any
 * case: `Price` and `price` are one column), each with its positions counted from 1 as a
 * spreadsheet user counts them. Every line would hold two values of the field (two prices) and
 * be read with the last, silently; the header is every line's, so the whole body is refused, as a
 * misspelt column is. Columns no field reads (`notes`) are ignored however often they appear.
 */
function repeatedColumns(
  header: readonly string[],
  names: readonly string[],
  form: QueryForm,
): FieldProblem[] {
  const positions = new Map<string, number[]>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (pointersOf(form, name) === undefined) continue;
    const at = positions.get(name);
    if (at === undefined) positions.set(name, [i]);
    else at.push(i);
  }
  const problems: FieldProblem[] = [];
  for (const [name, at] of positions) {
    if (at.length < 2) continue;
    const times = at.length === 2 ? 'twice' : `${at.length} times`;
    // Spelt differently ("Price", "price"), the header cells are quoted: the user sees two names.
    const spelt = [...new Set(at.map((i) => (header[i] ?? '').trim()))];
    const as = spelt.length > 1 ? `, as ${inWords(spelt.map((s) => `"${s}"`))}` : '';
    problems.push({
      pointer: '',
      parameter: name,
      detail: `is given ${times} in the header (columns ${inWords(at.map((i) => String(i + 1)))}${as})`,
    });
  }
  return problems;
}

/**
 * The CSV body's lines: a header row of flat field names, then one line per row. A body separated
 * by `;` is a decimal-comma spreadsheet's (de-DE, fr-FR): its decimals are read with a comma, and
 * `decimal` says so, for the answer to be written the same way unless the query says otherwise.
 * A first line `sep=;` or `sep=,` (Excel's separator line) names the separator instead.
 */
/** Options of a landed-cost request that a CSV batch takes elsewhere than in a column, and where. */
const REQUEST_OPTIONS: Readonly<Record<string, string>> = {
  strict: 'give strict=true in the query, for every line',
  assume: 'give assume=no-duty in the query, for every line',
  decimal: 'a ;-separated body is read and answered with decimal commas',
  detail: 'a CSV answer has one row per line; ask for JSON for detail',
  measures: 'what-if measures are taken by the JSON form',
  excludeMeasures: 'excludeMeasures is taken by the JSON form',
};

/** Where the option a column names goes, in any case ("Strict" is strict), if it names one. */
function requestOption(column: string): string | undefined {
  const option = Object.keys(REQUEST_OPTIONS).find((o) => o.toLowerCase() === column.toLowerCase());
  return option === undefined ? undefined : REQUEST_OPTIONS[option];
}

export function csvLines(text: string): {
  lines: BatchLine[];
  warnings: Warning[];
  decimal: DecimalMark;
} {
  // Excel's `sep=;` line, when the body starts with one, names the separator; else the header does.
  const named = separatorLine(text);
  if (named !== undefined && named.separator !== ',' && named.separator !== ';') {
    const given = named.separator === '\t' ? 'a tab' : `"${named.separator}"`;
    throw new Problem(
      400,
      `The CSV body's first line names ${given} as its separator; a CSV batch is separated by , or ; (as a decimal-comma spreadsheet saves it).`,
    );
  }
  const body = named?.rest ?? text;
  const separator = (named?.separator as ',' | ';' | undefined) ?? separatorOf(body);
  let records: string[][];
  try {
    records = parseCsv(body, separator);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new Problem(400, `The CSV body cannot be read: ${error.message}.`);
    throw error;
  }
  const [header, ...rows] = records;
  if (header === undefined)
    throw new Problem(400, 'The CSV body is empty: it needs a header row naming the columns.');
  const { form } = LANDED_COST_FORM;
  const fields = Object.keys(form);
  // Column names as a spreadsheet user types them: "Freight" is freight.
  const names = header.map((h) => {
    const name = h.trim();
    return pointersOf(form, name) === undefined
      ? (fields.find((f) => f.toLowerCase() === name.toLowerCase()) ?? name)
      : name;
  });
  // A misspelt column would silently drop its value from every line (freight 0 for "frieght"):
  // refused, naming the field it was likely meant to be. Unrelated columns (notes) are ignored.
  const misspelt = names.flatMap((name): FieldProblem[] => {
    if (name === '' || pointersOf(form, name) !== undefined) return [];
    if (requestOption(name) !== undefined) return [];
    const meant = meantField(name, fields);
    return meant === undefined
      ? []
      : [
          {
            pointer: '',
            parameter: name,
            detail: `is not a landed-cost column (did you mean "${meant}"?)`,
          },
        ];
  });
  // An option of the request as a column would be ignored, and a `strict` column leave the lines
  // it meant to refuse standing: refused, saying where the option goes.
  const options = names.flatMap((name): FieldProblem[] => {
    const where = requestOption(name);
    return where === undefined
      ? []
      : [{ pointer: '', parameter: name, detail: `is not a column: ${where}` }];
  });
  const headerProblems = [...misspelt, ...options, ...repeatedColumns(header, names, form)];
  if (headerProblems.length > 0)
    throw new Problem(400, problemsDetail(headerProblems, 'The CSV header'), headerProblems);
  const unknown = names.filter((n) => n !== '' && pointersOf(form, n) === undefined);
  const warnings: Warning[] =
    unknown.length === 0
      ? []
      : [
          {
            code: 'ignored-columns',
            detail: `Columns ${unknown.join(', ')} are not landed-cost fields and were ignored.`,
          },
        ];
  // The header is read once: each row's cells are then read into a request by position.
  const read = flatReader(form, names);
  const lines = rows.map((cells): BatchLine => {
    if (cells.length > names.length) {
      const detail = `the row has ${cells.length} cells but the header names ${names.length} columns`;
      return { request: null, pointerPrefix: '', form, problems: [{ pointer: '', detail }] };
    }
    const values =
      separator === ';' ? cells.map((cell, i) => delocalized(cell, names[i] as string)) : cells;
    return { request: withFlatDefaults(read(values)), pointerPrefix: '', form };
  });
  return { lines, warnings, decimal: separator === ';' ? 'comma' : 'point' };
}

/** The JSON body's lines, each with the batch's defaults under its own fields. */
export function jsonLines(body: BatchRequest): BatchLine[] {
  const defaults = body.defaults;
  return body.lines.map((line, i) =>
    defaults !== undefined && typeof line === 'object' && line !== null && !Array.isArray(line)
      ? { request: { ...defaults, ...line }, pointerPrefix: `/lines/${i}`, defaults, sent: line }
      : { request: line, pointerPrefix: `/lines/${i}` },
  );
}
