import type { MeasureRow } from '../../data/schema';
import type { Dec } from '../../domain/decimal';
import {
  assessDuties,
  clampedFee,
  costsOnTop,
  customsValue,
  type DutyLine,
  type FeeCharge,
  type LandedCostTotals,
  landedCostTotals,
  perUnit,
} from '../../domain/landed-cost';
import { formatMoney, formatPerUnit, formatRate, type RoundingMode } from '../../domain/rounding';
import { formulaFormat, grouped, memoize } from '../format-number';
import { buildMeta } from '../meta';
import type { FlatRow } from '../output';
import type { LandedCostCommand } from './landed-cost.command';
import type { LandedCostBatchResult, LandedCostResponse } from './landed-cost.schemas';

/** The assessed shipment before reporting: the customs value, duty lines and fee amounts. */
export interface Assessment {
  readonly command: LandedCostCommand;
  readonly customsValue: Dec;
  readonly dutyLines: readonly DutyLine[];
  /** Fee amounts by fee id; a batch entry replaces them with the entry's shares. */
  readonly feeAmounts: ReadonlyMap<string, Dec>;
}

/** Runs the domain for one line as a customs entry of its own. */
export function assessLandedCost(command: LandedCostCommand): Assessment {
  const value = customsValue(command.shipment);
  const { quantity, unit } = command.shipment;
  return {
    command,
    customsValue: value,
    dutyLines: assessDuties(command.duties, value, quantity, unit),
    feeAmounts: new Map(command.fees.map((fee) => [fee.id, clampedFee(fee, value)])),
  };
}

/** The line's totals, unrounded: customs value, duties, fees, landed cost. */
export const lineTotals = memoize((a: Assessment) => computeLineTotals(a));

function computeLineTotals(a: Assessment): LandedCostTotals & { customsValue: Dec } {
  const fees = a.command.fees.map(
    (fee) => a.feeAmounts.get(fee.id) ?? clampedFee(fee, a.customsValue),
  );
  return {
    customsValue: a.customsValue,
    ...landedCostTotals(
      a.command.shipment,
      a.dutyLines.map((l) => l.amount),
      fees,
    ),
  };
}

const legalOf = memoize((m: MeasureRow) => legalOfRow(m));

function legalOfRow(m: MeasureRow) {
  return {
    instrument: m.legal.instrument,
    ...(m.legal.citation === undefined ? {} : { citation: m.legal.citation }),
    ...(m.legal.url === undefined ? {} : { url: m.legal.url }),
  };
}

function measureOf(command: LandedCostCommand, id: string): MeasureRow {
  const measure = command.measures.get(id) ?? command.selection.applied.find((m) => m.id === id);
  if (measure === undefined) throw new Error(`measure ${id} vanished between parse and report`);
  return measure;
}

/** A lane's rates as reported, once per charge: rate "0.021" and percentage "2.1%", by rounding. */
const rateTexts = memoize((charge: { readonly rate: Dec }) => {
  const texts = (mode: RoundingMode) => ({
    rate: formatRate(charge.rate, mode),
    percent: `${formatRate(charge.rate.times(100), mode)}%`,
  });
  return { 'half-up': texts('half-up'), 'half-even': texts('half-even') };
});

/** One duty line: amount, rate, formula and legal source; `cv` is the grouped customs value. */
function presentDutyLine(a: Assessment, line: DutyLine, cv: string) {
  const { command } = a;
  const { currency, rounding, shipment } = command;
  const f = formulaFormat(currency, rounding);
  const m = measureOf(command, line.charge.id);
  const amount = formatMoney(line.amount, currency, rounding);
  const common = {
    measureId: m.id,
    kind: line.charge.kind,
    label: m.label,
    amount,
    legal: legalOf(m),
    confidence: m.confidence,
  };
  switch (line.charge.kind) {
    case 'ad-valorem':
      return {
        ...common,
        basis: 'customs value',
        rate: rateTexts(line.charge)[rounding].rate,
        formula: `${rateTexts(line.charge)[rounding].percent} × ${cv}`,
      };
    case 'specific':
      return {
        ...common,
        basis: 'quantity',
        formula: `${f.unit(line.charge.amountPerUnit)} per ${line.charge.unit} × ${shipment.quantity.toFixed()} ${shipment.unit}`,
      };
    case 'floor-gap': {
      const g = line.floorGap;
      if (g === undefined) throw new Error(`floor-gap line ${m.id} has no floor-gap result`);
      const u = line.charge.unit;
      const reference =
        line.charge.basis === 'duty-paid'
          ? `R = P × (1 + r) = ${f.unit(g.pricePerUnit)} × (1 + ${f.rate(g.otherDutyRate)}) = ${f.unit(g.result.reference)} per ${u}`
          : `R = P = ${f.unit(g.pricePerUnit)} per ${u}`;
      return {
        ...common,
        basis: line.charge.basis === 'duty-paid' ? 'duty-paid value' : 'customs value',
        rate: formatRate(g.result.adValoremEquivalent, rounding),
        formula: `${reference}; g = max(0, F − R) = max(0, ${f.unit(line.charge.floor)} − ${f.unit(g.result.reference)}) = ${f.unit(g.result.gap)}; ${line.charge.method.type}: d = ${f.unit(g.result.dutyPerUnit)} per ${u} × ${g.quantity.toFixed()} ${u} = ${grouped(amount)}`,
      };
    }
  }
}

/** "min 33.58, max 651.50": a fee's per-entry bounds, in its reporting currency (2 places). */
const feeBounds = memoize((fee: FeeCharge) =>
  [
    fee.min === null ? '' : `min ${grouped(fee.min.toFixed(2))}`,
    fee.max === null ? '' : `max ${grouped(fee.max.toFixed(2))}`,
  ]
    .filter(Boolean)
    .join(', '),
);

/** Export licences of the origin in force for this product's elements (not charges). */
function exportLicencesOf(command: LandedCostCommand) {
  return command.selection.licences
    .filter(
      (m) =>
        m.kind === 'export-licence' &&
        (command.mineral === undefined ||
          m.elements.some((e) => command.mineral?.elements.includes(e))),
    )
    .map((m) => ({
      measureId: m.id,
      label: m.label,
      elements: m.kind === 'export-licence' ? m.elements : [],
      legal: legalOf(m),
    }));
}

/**
 * How much of a landed-cost answer to report: `lines` (default) carries every charge line with its
 * formula and legal source; `totals` only the totals (a batch's compact form, and its CSV);
 * `explain` adds every measure considered.
 */
export interface PresentOptions {
  readonly explain: boolean;
  readonly detail: 'lines' | 'totals';
}

/** The answer of API.md §4, every line with its formula and legal source. */
export function presentLandedCost(a: Assessment): LandedCostResponse;
export function presentLandedCost(a: Assessment, options: PresentOptions): LandedCostBatchResult;
export function presentLandedCost(
  a: Assessment,
  options: PresentOptions = { explain: true, detail: 'lines' },
): LandedCostBatchResult {
  const { command } = a;
  const { currency, rounding, shipment } = command;
  const f = formulaFormat(currency, rounding);
  const money = (x: Dec) => formatMoney(x, currency, rounding);

  const customsValue = money(a.customsValue);
  const cv = grouped(customsValue);
  const withLines = options.detail === 'lines';
  const dutyLines = withLines ? a.dutyLines.map((line) => presentDutyLine(a, line, cv)) : [];
  const feeLines = (withLines ? command.fees : []).map((fee: FeeCharge) => {
    const m = measureOf(command, fee.id);
    const amount = a.feeAmounts.get(fee.id) ?? clampedFee(fee, a.customsValue);
    const raw = fee.rate.times(a.customsValue);
    const amountText = money(amount);
    const clampNote = amount.equals(raw)
      ? ''
      : ` → ${grouped(amountText)} (${command.entryId === undefined ? 'clamped to' : 'share of the entry’s fee, clamped to'} ${feeBounds(fee)} per entry)`;
    return {
      measureId: m.id,
      kind: 'fee' as const,
      label: m.label,
      basis: 'customs value',
      rate: rateTexts(fee)[rounding].rate,
      amount: amountText,
      formula: `${rateTexts(fee)[rounding].percent} × ${cv} = ${f.money(raw)}${clampNote}`,
      legal: legalOf(m),
      confidence: m.confidence,
    };
  });

  const totals = lineTotals(a);
  const onTop = costsOnTop(shipment);
  const landedPerUnit = formatPerUnit(perUnit(totals.landedCost, shipment.quantity), rounding);
  return {
    product: { mineral: command.mineral?.id ?? null, hts: command.hts },
    lane: {
      origin: command.origin,
      originBloc: command.originBloc,
      destination: command.destination,
      destinationBloc: command.destinationBloc,
    },
    scenario: command.scenario,
    incoterm: shipment.incoterm,
    transport: command.transport,
    quantity: { value: shipment.quantity.toFixed(), unit: shipment.unit },
    goods: money(shipment.goods),
    customsValue,
    valuationBasis: shipment.valuationBasis,
    ...(withLines ? { lines: [...dutyLines, ...feeLines] } : {}),
    duties: money(totals.duties),
    fees: money(totals.fees),
    freight: money(onTop.freight),
    insurance: money(onTop.insurance),
    landedCost: money(totals.landedCost),
    landedPerUnit,
    // A division at 40 digits is the dearest operation of a line: per kg is per unit when unit is kg.
    landedPerKg:
      shipment.unit === 'kg'
        ? landedPerUnit
        : formatPerUnit(perUnit(totals.landedCost, command.quantityKg), rounding),
    effectiveDutyRate: formatRate(perUnit(totals.duties, a.customsValue), rounding),
    ...(withLines ? { exportLicences: exportLicencesOf(command) } : {}),
    ...(options.explain
      ? {
          explain: command.selection.considered.map((c) => ({
            measureId: c.measure.id,
            label: c.measure.label,
            applied: c.applied,
            reason: c.reason,
          })),
        }
      : {}),
    ...(command.entryId === undefined ? {} : { entryId: command.entryId }),
    meta: buildMeta(command.asOf, currency, rounding, command.warnings),
  };
}

/** The columns of a landed-cost answer in CSV, and the `field` names of the text form. */
export const LANDED_COST_COLUMNS = [
  'entryId',
  'mineral',
  'hts',
  'origin',
  'destination',
  'asOf',
  'quantity',
  'unit',
  'goods',
  'customsValue',
  'valuationBasis',
  'duties',
  'fees',
  'freight',
  'insurance',
  'landedCost',
  'landedPerUnit',
  'landedPerKg',
  'effectiveDutyRate',
  'currency',
  'warnings',
] as const;

/** One landed-cost answer as spreadsheet cells (CSV columns and `field` names). */
export function landedCostRow(
  r: LandedCostBatchResult,
): FlatRow & Record<(typeof LANDED_COST_COLUMNS)[number], string> {
  return {
    entryId: r.entryId ?? '',
    mineral: r.product.mineral ?? '',
    hts: r.product.hts,
    origin: r.lane.origin,
    destination: r.lane.destination,
    asOf: r.meta.asOf,
    quantity: r.quantity.value,
    unit: r.quantity.unit,
    goods: r.goods,
    customsValue: r.customsValue,
    valuationBasis: r.valuationBasis,
    duties: r.duties,
    fees: r.fees,
    freight: r.freight,
    insurance: r.insurance,
    landedCost: r.landedCost,
    landedPerUnit: r.landedPerUnit,
    landedPerKg: r.landedPerKg,
    effectiveDutyRate: r.effectiveDutyRate,
    currency: r.meta.currency,
    warnings: r.meta.warnings.map((w) => w.code).join(' '),
  };
}
