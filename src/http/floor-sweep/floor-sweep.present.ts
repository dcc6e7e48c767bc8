import { ANY_FLOOR_ABOVE, type BreakEven } from '../../domain/break-even';
import {
  type ReportedSweepCell,
  reportSweepCells,
  type SweepBreakEven,
  sweepBreakEven,
  sweepCells,
} from '../../domain/floor-sweep';
import {
  formatPerUnit,
  formatRate,
  formatRatio,
  formatRatioFixed,
  formatReportedPerUnit,
  PER_UNIT_PLACES,
  type RoundingMode,
} from '../../domain/rounding';
import { compare as compareDecimals, type Decimal, parseReported } from '../../numeric';
import { type DecimalMark, localizedText } from '../csv';
import { buildMeta } from '../meta';
import { BLUE, escapeXml, RED } from '../svg';
import type { FloorSweepCommand } from './floor-sweep.command';
import type { FloorSweepResponse } from './floor-sweep.schemas';

type BreakEvenKey = 'minFloorForBlue' | 'maxRedPriceForRed' | 'minMaxRateForBlue';
const BREAK_EVEN_KEYS: readonly BreakEvenKey[] = [
  'minFloorForBlue',
  'maxRedPriceForRed',
  'minMaxRateForBlue',
];

/** A break-even price at 4 places: the exact quotient, rounded once. */
function breakEvenValue(b: BreakEven, rounding: RoundingMode): string | null {
  return b.value === null ? null : formatRatioFixed(b.value, PER_UNIT_PLACES, rounding);
}

/** A break-even rate as rates are reported, at up to 6 places: the exact quotient, rounded once. */
function breakEvenRate(b: BreakEven, rounding: RoundingMode): string | null {
  return b.value === null ? null : formatRatio(b.value, rounding);
}

export interface FloorSweepResult {
  readonly cells: readonly ReportedSweepCell[];
  readonly breakEven: SweepBreakEven;
}

/**
 * The domain calls: every cell as the single floor-gap call reports it, and the break-even prices
 * solved in closed form.
 */
export function computeFloorSweep(command: FloorSweepCommand): FloorSweepResult {
  const { input, rounding } = command;
  return {
    cells: reportSweepCells(sweepCells(input), rounding),
    breakEven: sweepBreakEven(input),
  };
}

/** The sweep reported, rounded as the request asks. */
export function presentFloorSweep(
  command: FloorSweepCommand,
  result: FloorSweepResult,
): FloorSweepResponse {
  const { input, rounding } = command;
  const u = (x: Decimal) => formatPerUnit(x, rounding);
  const cells = result.cells.map((c) => ({
    redPrice: u(c.redPrice),
    // at 4 places, or more where a landed price and its floor would print across each other
    floor: formatReportedPerUnit(c.floor),
    dutyPerUnit: u(c.result.dutyPerUnit),
    landedPerUnit: formatReportedPerUnit(c.result.landedPerUnit),
    // No ad valorem equivalent of a zero price.
    adValoremEquivalent:
      c.result.adValoremEquivalent === null
        ? null
        : formatRatio(c.result.adValoremEquivalent, rounding),
    floorMet: c.floorMet,
    blueWins: c.blueWins,
  }));
  const solved = result.breakEven;
  const reasons: Record<string, string> = {};
  const notes: Record<string, string> = {};
  for (const key of BREAK_EVEN_KEYS) {
    const b = solved[key];
    if (b.value === null) reasons[key] = b.reason;
    else if (b.note !== undefined) notes[key] = b.note;
  }
  return {
    per: command.unit,
    basis: input.basis,
    method: input.method.type,
    bluePrice: input.bluePrice === null ? null : u(input.bluePrice),
    otherDutyRate: formatRate(input.otherDutyRate, rounding),
    size: { redPrices: input.redPrices.length, floors: input.floors.length, cells: cells.length },
    cells,
    breakEven: {
      minFloorForBlue: breakEvenValue(solved.minFloorForBlue, rounding),
      maxRedPriceForRed: breakEvenValue(solved.maxRedPriceForRed, rounding),
      minMaxRateForBlue: breakEvenRate(solved.minMaxRateForBlue, rounding),
      atRedPrice: u(solved.atRedPrice),
      atFloor: u(solved.atFloor),
      reasons,
      notes,
    },
    meta: buildMeta(command.dataVersion, command.asOf, command.currency, rounding, []),
  };
}

export const SWEEP_COLUMNS = [
  'redPrice',
  'floor',
  'dutyPerUnit',
  'landedPerUnit',
  'adValoremEquivalent',
  'floorMet',
  'blueWins',
] as const;

/** The single values a `format=text` call may ask for: the break-even prices ("" for none). */
export function sweepSummary(
  r: FloorSweepResponse,
  decimal: DecimalMark = 'point',
): Record<string, string> {
  // A break-even that does not exist reads "none: <why>", as the JSON's reasons say: a blank text
  // answer would not say whether nothing works or the call failed. The reasons are composed of
  // the sweep's own numbers ("maxRate × P = 2.5"), written with the decimal mark asked for.
  const solved = (key: BreakEvenKey) =>
    r.breakEven[key] ?? `none: ${localizedText(r.breakEven.reasons[key] ?? 'no value', decimal)}`;
  return {
    minFloorForBlue: solved('minFloorForBlue'),
    maxRedPriceForRed: solved('maxRedPriceForRed'),
    minMaxRateForBlue: solved('minMaxRateForBlue'),
    cells: String(r.size.cells),
    currency: r.meta.currency,
  };
}

/** One CSV row per cell; an ad valorem equivalent that does not exist is an empty cell. */
export function sweepRows(r: FloorSweepResponse): string[][] {
  return r.cells.map((c) => [
    c.redPrice,
    c.floor,
    c.dutyPerUnit,
    c.landedPerUnit,
    c.adValoremEquivalent ?? '',
    String(c.floorMet),
    String(c.blueWins),
  ]);
}

const compare = (a: string, b: string) => compareDecimals(parseReported(a), parseReported(b));

/** Distinct values of an axis in ascending order, compared exactly. */
function ascending(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compare);
}

/**
 * The sweep as a heat map: floors left to right, red prices bottom to top, each cell blue where
 * blue wins and red where red does; the break-even floor and red price drawn as dashed lines on
 * the cell edge where the answer flips, labelled with their exact values. Pixel positions are
 * drawing coordinates; every number printed is the answer's own string.
 */
export function floorSweepSvg(r: FloorSweepResponse): string {
  const floors = ascending(r.cells.map((c) => c.floor));
  const reds = ascending(r.cells.map((c) => c.redPrice));
  const cw = Math.max(2, Math.min(40, Math.floor(640 / floors.length)));
  const ch = Math.max(2, Math.min(28, Math.floor(400 / reds.length)));
  const left = 90;
  const top = 50;
  const width = left + cw * floors.length + 30;
  const gridBottom = top + ch * reds.length;
  const height = gridBottom + 90;
  const col = new Map(floors.map((f, i) => [f, i]));
  const row = new Map(reds.map((p, i) => [p, reds.length - 1 - i]));
  const cells = r.cells.map((c) => {
    const x = left + (col.get(c.floor) ?? 0) * cw;
    const y = top + (row.get(c.redPrice) ?? 0) * ch;
    return `<rect x="${x}" y="${y}" width="${cw}" height="${ch}" fill="${c.blueWins ? BLUE : RED}"><title>red ${c.redPrice}, floor ${c.floor}: landed ${c.landedPerUnit}, ${c.blueWins ? 'blue wins' : 'red wins'}</title></rect>`;
  });
  const marks: string[] = [];
  const be = r.breakEven;
  const minFloor = be.minFloorForBlue;
  if (minFloor !== null) {
    // The first column blue wins in: at the value, or past it where only a floor above it works
    // (all-or-nothing: at a floor equal to red's reference price there is no penalty).
    const above = be.notes.minFloorForBlue?.startsWith(ANY_FLOOR_ABOVE) === true;
    const i = floors.findIndex((f) =>
      above ? compare(f, minFloor) > 0 : compare(f, minFloor) >= 0,
    );
    const x = left + (i === -1 ? floors.length : i) * cw;
    marks.push(
      `<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${gridBottom}" stroke="#111" stroke-width="2" stroke-dasharray="6 3"/>`,
      `<text x="${x}" y="${top - 10}" font-size="11" text-anchor="middle">min floor for blue ${above ? 'above ' : ''}${escapeXml(minFloor)}</text>`,
    );
  }
  const maxRed = be.maxRedPriceForRed;
  if (maxRed !== null) {
    const i = reds.findIndex((p) => compare(p, maxRed) >= 0);
    const y = top + (reds.length - (i === -1 ? reds.length : i)) * ch;
    marks.push(
      `<line x1="${left}" y1="${y}" x2="${left + cw * floors.length + 6}" y2="${y}" stroke="#111" stroke-width="2" stroke-dasharray="2 3"/>`,
      `<text x="${left + cw * floors.length + 8}" y="${y + 4}" font-size="11">${escapeXml(maxRed)}</text>`,
    );
  }
  const unit = `${escapeXml(r.meta.currency)}/${r.per}`;
  const first = (xs: string[]) => escapeXml(xs[0] ?? '');
  const last = (xs: string[]) => escapeXml(xs.at(-1) ?? '');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<title>Who wins by red price and floor (${r.method}, ${unit})</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">Blue vs red by red price × floor: ${escapeXml(r.method)}, ${r.basis} basis, blue ${escapeXml(r.bluePrice ?? 'at the floor')} ${unit}</text>`,
    ...cells,
    ...marks,
    `<text x="${left}" y="${gridBottom + 16}" font-size="11">${first(floors)}</text>`,
    `<text x="${left + cw * floors.length}" y="${gridBottom + 16}" font-size="11" text-anchor="end">${last(floors)}</text>`,
    `<text x="${left + (cw * floors.length) / 2}" y="${gridBottom + 30}" font-size="12" text-anchor="middle">floor (${unit}) →</text>`,
    `<text x="${left - 6}" y="${gridBottom - 4}" font-size="11" text-anchor="end">${first(reds)}</text>`,
    `<text x="${left - 6}" y="${top + 12}" font-size="11" text-anchor="end">${last(reds)}</text>`,
    `<text x="10" y="${top + (gridBottom - top) / 2}" font-size="12">red price ↑</text>`,
    `<text x="10" y="${height - 24}" font-size="11"><tspan fill="${BLUE}">■ blue wins</tspan>  <tspan fill="${RED}">■ red wins</tspan>  dashed: break-even (min floor for blue; red price below which red wins)</text>`,
    `<text x="10" y="${height - 8}" font-size="10">Break-even solved exactly per method; a tie goes to blue.</text>`,
    '</svg>',
  ].join('\n');
}
