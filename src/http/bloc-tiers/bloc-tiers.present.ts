import { combinedCoverage, leastComplete, type TariffCoverage } from '../../data/measures';
import type { BlocTiersReport, ReportedZoneMarket, ZoneMarket } from '../../domain/bloc-tiers';
import {
  formatMoney,
  formatPerUnit,
  formatRate,
  formatRatio,
  formatReportedPerUnit,
  type RoundingMode,
} from '../../domain/rounding';
import type { Unit } from '../../domain/units';
import {
  type Decimal,
  divide,
  halfUp,
  isZero,
  max,
  multiply,
  parseDecimal,
  parseReported,
  subtract,
  toFixed,
  toText,
  ZERO,
} from '../../numeric';
import { buildMeta } from '../meta';
import { escapeXml } from '../svg';
import type { BlocTiersCommand, MarketCommand } from './bloc-tiers.command';
import type { BlocTiersAnswer, BlocTiersResponse } from './bloc-tiers.schemas';

/** The dual-track answer of a computed request, rounded as the request asks. */
export function presentBlocTiers(
  command: BlocTiersCommand,
  result: BlocTiersReport,
): BlocTiersResponse {
  // A reported figure: at 4 places, or more where its pair would print equal or reversed.
  const u = (x: Decimal) => formatReportedPerUnit(x);
  const rate = (x: Decimal) => formatRate(x, command.rounding);
  // Every figure and decision printed is the reported one (`reportBlocTiers`): nothing is rounded
  // or decided here.
  const leak = result.reported.leakage;
  return {
    mineral: command.mineral.id,
    per: command.unit,
    floorPerUnit: formatPerUnit(command.floor, command.rounding),
    basis: command.basis,
    method: command.method.type,
    ...(command.benchmarkId === undefined ? {} : { benchmark: command.benchmarkId }),
    // blocTiers keeps the order of command.destinations.
    destinations: result.destinations.map((d, i) => {
      const reported = result.reported.destinations[i];
      if (reported === undefined) throw new RangeError('a destination was not reported');
      const coverage = command.coverage.get(d.country) ?? { red: 'none', blue: 'none' };
      // An unknown tariff is never shown as a rate of 0: null, and coverage says so.
      const known = (c: TariffCoverage, x: Decimal | undefined) =>
        c === 'none' ? null : rate(x ?? ZERO);
      return {
        country: d.country,
        bloc: d.bloc,
        floorApplies: d.floorApplies,
        coverage: { tariffs: leastComplete([coverage.red, coverage.blue]) },
        redOtherDutyRate: known(coverage.red, command.destinations[i]?.redOtherDutyRate),
        blueOtherDutyRate: known(coverage.blue, command.destinations[i]?.blueOtherDutyRate),
        floorGapPerUnit: u(reported.floorGapPerUnit),
        redLanded: u(reported.redLanded),
        blueLanded: u(reported.blueLanded),
        cheapest: reported.cheapest,
        tier: reported.tier,
        governingPrice: u(reported.governingPrice),
        redLandedWithoutFloor: u(reported.redLandedWithoutFloor),
      };
    }),
    coverage: {
      tariffs: combinedCoverage([...command.coverage.values()].flatMap((c) => [c.red, c.blue])),
    },
    tracks: {
      red: u(result.reported.tracks.red),
      blue: u(result.reported.tracks.blue),
      spread: u(result.reported.tracks.spread),
      // A premium over a zero red price is undefined: null, never 0 (unknown is not zero).
      bluePremium:
        result.reported.tracks.bluePremium === null
          ? null
          : formatRatio(result.reported.tracks.bluePremium, command.rounding),
    },
    leakage: {
      destinations: [...leak.destinations],
      redHome: [...leak.redHome],
      insideCost: leak.insideCost === null ? null : u(leak.insideCost),
      leakCost: leak.leakCost === null ? null : u(leak.leakCost),
      downstreamCostGapPerUnit: u(leak.downstreamCostGapPerUnit),
      // Null where the split rests on a duty the data lacks (unknown is not zero).
      floorPart: leak.floorPart === null ? null : u(leak.floorPart),
      otherDutiesPart: leak.otherDutiesPart === null ? null : u(leak.otherDutiesPart),
    },
    ...(command.market === undefined || result.market == null || result.reportedMarket == null
      ? {}
      : {
          market: reportMarket(command, command.market, result.market, result.reportedMarket),
        }),
    meta: buildMeta(
      command.dataVersion,
      command.asOf,
      command.currency,
      command.rounding,
      command.warnings,
    ),
  };
}

/** A volume in the unit it was given in, to 6 places at most. */
function volume(x: Decimal, unit: Unit, rounding: RoundingMode) {
  return { value: formatRate(x, rounding), unit };
}

/** The cleared floor zone as reported (`reportZoneMarket`): formatted, nothing computed. */
function reportMarket(
  command: BlocTiersCommand,
  market: MarketCommand,
  cleared: ZoneMarket,
  reported: ReportedZoneMarket,
): BlocTiersResponse['market'] {
  const { rounding, currency } = command;
  const money = (x: Decimal) => formatMoney(x, currency, rounding);
  return {
    destination: cleared.destination,
    demand: volume(reported.demand, market.unit, rounding),
    blueCapacity: volume(market.blueCapacity, market.capacityUnit, rounding),
    price: formatReportedPerUnit(reported.price),
    marginal: cleared.marginal,
    blueVolume: volume(reported.blueVolume, market.unit, rounding),
    redVolume: volume(reported.redVolume, market.unit, rounding),
    treasuryRevenue: money(reported.treasuryRevenue),
    blueRent: money(reported.blueRent),
    buyersExtraCost: money(reported.buyersExtraCost),
  };
}

/** The CSV columns of a bloc-tiers answer: one row per date and destination. */
export const BLOC_TIERS_COLUMNS = [
  'country',
  'bloc',
  'floorApplies',
  'redLanded',
  'blueLanded',
  'floorGapPerUnit',
  'cheapest',
  'tier',
  'governingPrice',
  'leak',
  'per',
  'currency',
  'asOf',
] as const;

/** One answer per date: `dates` when `asOf` was a list, else the answer itself. */
function answersByDate(r: BlocTiersResponse): readonly BlocTiersAnswer[] {
  return r.dates !== undefined && r.dates.length > 0 ? r.dates : [r];
}

/** The CSV rows: one per destination of each date, in the request's order of dates. */
export function blocTiersRows(r: BlocTiersResponse): string[][] {
  return answersByDate(r).flatMap(destinationRows);
}

function destinationRows(r: BlocTiersAnswer): string[][] {
  return r.destinations.map((d) => [
    d.country,
    d.bloc,
    String(d.floorApplies),
    d.redLanded,
    d.blueLanded,
    d.floorGapPerUnit,
    d.cheapest,
    d.tier,
    d.governingPrice,
    String(r.leakage.destinations.includes(d.country)),
    r.per,
    r.meta.currency,
    r.meta.asOf,
  ]);
}

/** The single values a `format=text` call may ask for. */
export function blocTiersSummary(r: BlocTiersResponse): Record<string, string> {
  return {
    spread: r.tracks.spread,
    bluePremium: r.tracks.bluePremium ?? '',
    red: r.tracks.red,
    blue: r.tracks.blue,
    floorPerUnit: r.floorPerUnit,
    downstreamCostGapPerUnit: r.leakage.downstreamCostGapPerUnit,
    // The gap's two parts ("none" where they rest on a duty the data lacks), and the costs
    // it is the difference of ("none" where no leak).
    floorPart: r.leakage.floorPart ?? '',
    otherDutiesPart: r.leakage.otherDutiesPart ?? '',
    insideCost: r.leakage.insideCost ?? '',
    leakCost: r.leakage.leakCost ?? '',
    leakDestinations: r.leakage.destinations.join(' '),
    redHome: r.leakage.redHome.join(' '),
    currency: r.meta.currency,
  };
}

/**
 * The tiers as a picture: for each destination a red bar (red supply landed) and a blue bar
 * (blue supply landed), the floor as a dashed line, leaking destinations marked. Bar heights are
 * drawing coordinates, not money: the numbers are printed from the answer's decimal strings.
 */
export function blocTiersSvg(r: BlocTiersResponse): string {
  const answers = answersByDate(r);
  if (answers.length === 1) return tiersPicture(r);
  // Several dates: one picture per date, stacked, each drawn on its own scale.
  const panels = answers.map((a, i) => tiersPicture(a, i * PANEL_HEIGHT));
  const width = Math.max(...answers.map(pictureWidth));
  const height = answers.length * PANEL_HEIGHT;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<title>Red and blue landed prices of ${escapeXml(r.mineral)} by destination on ${answers.length} dates (${escapeXml(r.meta.currency)}/${r.per})</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...panels,
    '</svg>',
  ].join('\n');
}

const PANEL_HEIGHT = 360;

function pictureWidth(r: BlocTiersAnswer): number {
  return 120 + r.destinations.length * 90;
}

/** One date's picture; `offset` places it inside a picture of several dates. */
function tiersPicture(r: BlocTiersAnswer, offset?: number): string {
  const width = pictureWidth(r);
  const height = PANEL_HEIGHT;
  const top = 50;
  const bottom = 290;
  const values = r.destinations.flatMap((d) => [d.redLanded, d.blueLanded]).concat(r.floorPerUnit);
  const [first = ZERO, ...rest] = values.map(parseReported);
  const highest = max(first, ...rest);
  // Pixel coordinates, one decimal place; the numbers printed are the answer's own strings.
  const px = (n: number) => parseDecimal(String(n));
  const y = (v: string) =>
    isZero(highest)
      ? String(bottom)
      : toText(
          divide(
            subtract(multiply(px(bottom), highest), multiply(parseReported(v), px(bottom - top))),
            highest,
            1,
            halfUp,
          ),
        );
  const above = (v: string, by: number) =>
    toFixed(subtract(parseReported(y(v)), px(by)), 1, halfUp);
  const heightOf = (v: string) => toFixed(subtract(px(bottom), parseReported(y(v))), 1, halfUp);
  const bars = r.destinations.map((d, i) => {
    const x = 80 + i * 90;
    const leak = r.leakage.destinations.includes(d.country);
    const bar = (value: string, dx: number, fill: string, label: string) =>
      `<rect x="${x + dx}" y="${y(value)}" width="28" height="${heightOf(value)}" fill="${fill}"><title>${label} ${escapeXml(value)} ${r.meta.currency}/${r.per}</title></rect>` +
      `<text x="${x + dx + 14}" y="${above(value, 4)}" font-size="10" text-anchor="middle">${escapeXml(value)}</text>`;
    return (
      bar(d.redLanded, 0, '#c0392b', `${d.country} red landed`) +
      bar(d.blueLanded, 32, '#2f6fb0', `${d.country} blue landed`) +
      `<text x="${x + 30}" y="${bottom + 18}" font-size="12" text-anchor="middle" font-weight="bold">${escapeXml(d.country)}</text>` +
      `<text x="${x + 30}" y="${bottom + 32}" font-size="10" text-anchor="middle">${d.floorApplies ? 'floor' : 'no floor'}${leak ? ' · leak' : ''}</text>` +
      (leak
        ? `<rect x="${x - 4}" y="${top - 10}" width="68" height="${bottom - top + 48}" fill="none" stroke="#c0392b" stroke-dasharray="3 3"/>`
        : '')
    );
  });
  const floorY = y(r.floorPerUnit);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg"${offset === undefined ? '' : ` y="${offset}"`} width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<title>Red and blue landed prices of ${escapeXml(r.mineral)} by destination (${escapeXml(r.meta.currency)}/${r.per})</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="20" y="24" font-size="14" font-weight="bold">${escapeXml(r.mineral)}: red vs blue landed, ${escapeXml(r.meta.currency)}/${r.per} (as of ${r.meta.asOf})</text>`,
    `<line x1="60" y1="${bottom}" x2="${width - 20}" y2="${bottom}" stroke="#333"/>`,
    ...bars,
    `<line x1="60" y1="${floorY}" x2="${width - 20}" y2="${floorY}" stroke="#222" stroke-dasharray="6 4"/>`,
    `<text x="${width - 20}" y="${above(r.floorPerUnit, 6)}" font-size="11" text-anchor="end">floor ${escapeXml(r.floorPerUnit)}</text>`,
    `<text x="20" y="${height - 12}" font-size="11"><tspan fill="#c0392b">■ red (China track)</tspan>  <tspan fill="#2f6fb0">■ blue (allied track)</tspan>  dashed box: red supply leaks past the floor. Spread ${escapeXml(r.tracks.spread)}; downstream cost gap ${escapeXml(r.leakage.downstreamCostGapPerUnit)}.</text>`,
    '</svg>',
  ].join('\n');
}
