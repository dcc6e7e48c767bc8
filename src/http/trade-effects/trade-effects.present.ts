import { combinedCoverage } from '../../data/measures';
import type { Warning } from '../../data/warnings';
import { formatMoney, formatPerUnit, RATE_PLACES, ROUNDERS } from '../../domain/rounding';
import type {
  ReportedEffect,
  ReportedOrigin,
  TradeEffectsReport,
} from '../../domain/trade-effects';
import {
  type Decimal,
  decimal,
  divide,
  halfUp,
  isZero,
  max as maxOf,
  multiply,
  parseReported,
  sum,
  toText,
  trimZeros,
  ZERO,
} from '../../numeric';
import { type Rational, rational } from '../../numeric/rational';
import { buildMeta } from '../meta';
import { BLUE, escapeXml, RED } from '../svg';
import { ELASTICITY_DEFAULTS, type TradeEffectsCommand } from './trade-effects.command';
import type { TradeEffectsResponse } from './trade-effects.schemas';

const GREY = '#7f8c8d';

/**
 * An elasticity as the request gave it: a decimal of at most 40 characters, so 40 places write it
 * whole (0.0000001 stays 0.0000001; at 6 places it read "0").
 */
const given = (x: Rational) => trimZeros(rational.fixed(x, 40, halfUp));

const isValue = (x: Rational, text: string) =>
  rational.compare(x, rational.of(parseReported(text))) === 0;

function assumptions(command: TradeEffectsCommand): string[] {
  const { model, elasticities: e } = command;
  const list = [
    'An illustrative partial-equilibrium model of one product at one destination: other markets, other products, exchange rates and incomes do not move.',
    model === 'smart'
      ? 'SMART (WITS): Δ_k = (t1 − t0) / (1 + t0); creation = η × M_k × Δ_k; diversion = σ × M_k × (Σ s_j Δ_j − Δ_k); new imports = base + creation + diversion, never below 0 (where that sum is, new imports are 0 and creation and diversion stay the formulas’).'
      : 'CES (Armington), world prices fixed: buyer prices move by r_k = (1 + t1)/(1 + t0); price index Π = (Σ w_k r_k^(1−σ))^(1/(1−σ)) with base spending shares w_k; new imports = M_k × (r_k/Π)^(−σ) × Π^η; creation is M_k × (Π^η − 1), diversion the rest. Fractional powers are computed to 60 digits.',
    `Import demand elasticity η = ${given(e.importDemand)}${isValue(e.importDemand, ELASTICITY_DEFAULTS.importDemand) ? ' (default: a neutral placeholder; no published rare-earth import-demand elasticity was found — Oka (2025), Journal of Government and Economics 19:100156, reports signs only)' : ''}.`,
    `Substitution elasticity σ = ${given(e.substitution)}${isValue(e.substitution, ELASTICITY_DEFAULTS.substitution) ? ` (default ${ELASTICITY_DEFAULTS.substitution}: the WITS-SMART default; Jammes & Olarreaga (2005), "Explaining SMART and GSIM", World Bank)` : ''}.`,
    e.exportSupply === null
      ? 'Export supply is infinitely elastic (the WITS-SMART default): world prices do not move, buyers bear the tariff.'
      : `Export supply elasticity ε = ${given(e.exportSupply)}: creation is scaled by ε / (ε − η).`,
    't0 and t1 are ad valorem equivalents from the landed-cost calculator (duties ÷ customs value on the data in force; t0 is the request’s where it gives one) and, where the floor applies, the floor-gap duty over that origin’s own price: a floor’s equivalent is higher on cheaper supply. t1 is t0 plus what the what-if measures add on the data.',
    'Consumer-surplus change is −(t1 − t0) × (base + new imports) / 2 per origin (a linear approximation); revenue is t × imports.',
  ];
  if (command.floor !== null) {
    list.push(
      `The floor (${command.floor.method.type}, ${command.floor.basis} basis) applies to ${
        command.flows
          .filter((f) => f.floorApplies)
          .map((f) => f.label)
          .join(', ') || 'no origin'
      }; the others are exempt.`,
    );
  }
  // The origins whose base rate is unknown (a given t0 is known even on a lane the data lacks).
  const unknown = command.flows.filter((f) => f.unknown.t0).map((f) => f.label);
  if (unknown.length > 0) {
    list.push(
      `The data has no tariff for ${command.hts} into ${command.destination} on supply from ${unknown.join(', ')}: their duties are unknown, not zero (coverage.tariffs none), and so is every figure resting on them (null, never computed as if 0): t0, t1, revenues and, where a rate may change, creation, diversion, new imports (diversion rests on every origin’s change) and the consumer-surplus change, with any sum of them. Give an origin’s t0 to set it.`,
    );
  }
  if (command.flows.some((f) => f.origin === 'other')) {
    list.push('"Other origins" pay what every origin pays (the rows that name no origin).');
  }
  if (command.dataset !== undefined) {
    list.push(
      `Flows: ${command.dataset.name}, ${command.dataset.year}, in ${command.dataset.unit} (${command.dataset.confidence} confidence). ${command.dataset.notes ?? ''}`.trim(),
    );
  }
  return list;
}

/**
 * The warning that new imports stop at 0 for some origins (`reportedEffect`): there base +
 * creation + diversion, the formulas' figures as reported, is below 0 and does not add up to them.
 */
function flooredWarning(command: TradeEffectsCommand, report: TradeEffectsReport): Warning[] {
  const floored = report.origins.flatMap((o, i) =>
    o.floored
      ? [
          `${command.flows[i]?.label} (base + creation + diversion = ${formatMoney(sum([o.baseImports, o.creation, o.diversion] as Decimal[]), command.currency, command.rounding)})`,
        ]
      : [],
  );
  if (floored.length === 0) return [];
  return [
    {
      code: 'imports-floored',
      detail: `New imports are floored at 0 for ${floored.join(', ')}: there base + creation + diversion does not add up to new imports.`,
    },
  ];
}

/** The effects as text: the report's figures (reported parts add up: `reportTradeEffects`). */
export function presentTradeEffects(
  command: TradeEffectsCommand,
  report: TradeEffectsReport,
): TradeEffectsResponse {
  const { rounding, currency } = command;
  const money = (x: Decimal) => formatMoney(x, currency, rounding);
  // Unknown is not zero: a figure on an unknown rate, or a sum with one, is null.
  const known = (x: Decimal | null) => (x === null ? null : money(x));
  const rate = (x: Rational) => trimZeros(rational.fixed(x, RATE_PLACES, ROUNDERS[rounding]));
  const figures = (r: ReportedEffect) => ({
    baseImports: money(r.baseImports),
    newImports: known(r.newImports),
    creation: known(r.creation),
    diversion: known(r.diversion),
    revenueBefore: known(r.revenueBefore),
    revenueAfter: known(r.revenueAfter),
    consumerSurplusChange: known(r.consumerSurplusChange),
  });
  const origins = report.effects.map((x, i) => {
    const flow = command.flows[i];
    const shown = report.origins[i] as ReportedOrigin;
    return {
      origin: x.origin === 'other' ? null : x.origin,
      label: flow?.label ?? x.origin,
      bloc: x.bloc,
      floorApplies: flow?.floorApplies ?? false,
      pricePerUnit: flow?.pricePerUnit == null ? null : formatPerUnit(flow.pricePerUnit, rounding),
      coverage: { tariffs: flow?.coverage ?? 'none' },
      // Unknown is not zero: an equivalent resting on duties the data lacks is null.
      t0: flow === undefined || flow.unknown.t0 ? null : rate(x.t0),
      t1: flow === undefined || flow.unknown.t1 ? null : rate(x.t1),
      ...figures(shown),
      floored: shown.floored,
    };
  });
  const blocs = report.blocs.map(({ bloc, ...sums }) => ({ bloc, ...figures(sums) }));
  const totals = figures(report.totals);
  const e = command.elasticities;
  const dataset = command.dataset;
  return {
    illustrative: true,
    label: 'Illustrative partial-equilibrium estimate (not a forecast): see assumptions.',
    model: command.model,
    destination: command.destination,
    hts: command.hts,
    ...(dataset === undefined
      ? {}
      : {
          dataset: {
            id: dataset.id,
            name: dataset.name,
            year: dataset.year,
            unit: dataset.unit,
            source: `${dataset.source.instrument}${dataset.source.url === undefined ? '' : `, ${dataset.source.url}`}`,
          },
        }),
    elasticities: {
      importDemand: given(e.importDemand),
      substitution: given(e.substitution),
      exportSupply: e.exportSupply === null ? null : given(e.exportSupply),
    },
    origins,
    blocs,
    totals: { imports: totals.newImports, revenue: totals.revenueAfter, ...totals },
    coverage: { tariffs: combinedCoverage(command.flows.map((f) => f.coverage)) },
    assumptions: assumptions(command),
    meta: buildMeta(command.dataVersion, command.asOf, currency, rounding, [
      ...command.warnings,
      ...flooredWarning(command, report),
    ]),
  };
}

/** The single values a flat answer carries: the totals. */
export function tradeEffectsSummary(r: TradeEffectsResponse): Record<string, string> {
  // An unknown total is an empty cell, never a 0 (as floor-gap's null equivalent).
  return {
    model: r.model,
    ...Object.fromEntries(Object.entries(r.totals).map(([k, v]) => [k, v ?? ''])),
  };
}

/** "t0 → t1" under an origin's bars; "unknown" where the data lacks its duties (never "0"). */
function equivalents(o: { t0: string | null; t1: string | null }): string {
  if (o.t0 === null && o.t1 === null) return 'unknown';
  return `${escapeXml(o.t0 ?? 'unknown')} → ${escapeXml(o.t1 ?? 'unknown')}`;
}

/**
 * Trade effects as a picture: for each origin a pale bar (base imports) and a solid bar (new
 * imports) in its bloc's colour, with t0 → t1 under it. Pixel positions are drawing coordinates;
 * every number printed is the answer's own string.
 */
export function tradeEffectsSvg(r: TradeEffectsResponse): string {
  const n = r.origins.length;
  const width = 100 + n * 110;
  const height = 380;
  const top = 60;
  const bottom = 290;
  const max = maxOf(
    ZERO,
    ...r.origins.flatMap((o) => [o.baseImports, o.newImports ?? '0']).map(parseReported),
  );
  // Bar heights in pixels (drawing coordinates, one decimal): value × plot height / the largest.
  const px = (v: string | null): number =>
    isZero(max) || v === null
      ? 0
      : Number(
          toText(divide(multiply(parseReported(v), decimal(BigInt(bottom - top))), max, 1, halfUp)),
        );
  const colour = (bloc: string) => (bloc === 'red' ? RED : bloc === 'blue' ? BLUE : GREY);
  const bars = r.origins.map((o, i) => {
    const x = 70 + i * 110;
    // An unknown figure (null) draws no bar and says "unknown", never a 0.
    const bar = (v: string | null, dx: number, opacity: string, what: string) => {
      const h = px(v);
      const text = escapeXml(v ?? 'unknown');
      return (
        `<rect x="${x + dx}" y="${(bottom - h).toFixed(1)}" width="36" height="${h.toFixed(1)}" fill="${colour(o.bloc)}" fill-opacity="${opacity}"><title>${escapeXml(o.label)} ${what} ${text}</title></rect>` +
        `<text x="${x + dx + 18}" y="${(bottom - h - 4).toFixed(1)}" font-size="10" text-anchor="middle">${text}</text>`
      );
    };
    return (
      bar(o.baseImports, 0, '0.35', 'base imports') +
      bar(o.newImports, 40, '1', 'new imports') +
      `<text x="${x + 38}" y="${bottom + 18}" font-size="12" text-anchor="middle" font-weight="bold">${escapeXml(o.label)}</text>` +
      `<text x="${x + 38}" y="${bottom + 32}" font-size="10" text-anchor="middle">t ${equivalents(o)}${o.floorApplies ? ' · floor' : ''}</text>`
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<title>Imports by origin before and after (${r.model} model, illustrative)</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="20" y="24" font-size="14" font-weight="bold">Imports into ${escapeXml(r.destination)} by origin, before (pale) and after (solid): ${r.model} model</text>`,
    `<text x="20" y="42" font-size="11">Total ${escapeXml(r.totals.baseImports)} → ${escapeXml(r.totals.imports ?? 'unknown')}; revenue ${escapeXml(r.totals.revenueBefore ?? 'unknown')} → ${escapeXml(r.totals.revenue ?? 'unknown')}; consumer surplus ${escapeXml(r.totals.consumerSurplusChange ?? 'unknown')} (${escapeXml(r.meta.currency)})</text>`,
    `<line x1="50" y1="${bottom}" x2="${width - 20}" y2="${bottom}" stroke="#333"/>`,
    ...bars,
    `<text x="20" y="${height - 28}" font-size="11"><tspan fill="${RED}">■ red bloc</tspan>  <tspan fill="${BLUE}">■ blue bloc</tspan>  <tspan fill="${GREY}">■ grey</tspan>  pale: before, solid: after</text>`,
    `<text x="20" y="${height - 12}" font-size="10">Illustrative partial-equilibrium estimate; t = ad valorem equivalent before → after.</text>`,
    '</svg>',
  ].join('\n');
}
