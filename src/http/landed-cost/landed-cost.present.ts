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
import { formatMoney, formatPerUnit, formatRate } from '../../domain/rounding';
import { formulaFormat } from '../format-number';
import { buildMeta } from '../meta';
import type { FlatRow } from '../output';
import type { LandedCostCommand } from './landed-cost.command';
import type { LandedCostResponse } from './landed-cost.schemas';

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
export function lineTotals(a: Assessment): LandedCostTotals & { customsValue: Dec } {
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

function legalOf(m: MeasureRow) {
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

/** One duty line: amount, rate, formula and legal source. */
function presentDutyLine(a: Assessment, line: DutyLine) {
  const { command } = a;
  const { currency, rounding, shipment } = command;
  const f = formulaFormat(currency, rounding);
  const money = (x: Dec) => formatMoney(x, currency, rounding);
  const m = measureOf(command, line.charge.id);
  const common = {
    measureId: m.id,
    kind: line.charge.kind,
    label: m.label,
    amount: money(line.amount),
    legal: legalOf(m),
    confidence: m.confidence,
  };
  switch (line.charge.kind) {
    case 'ad-valorem':
      return {
        ...common,
        basis: 'customs value',
        rate: formatRate(line.charge.rate, rounding),
        formula: `${f.percent(line.charge.rate)} × ${f.money(a.customsValue)}`,
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
        formula: `${reference}; g = max(0, F − R) = max(0, ${f.unit(line.charge.floor)} − ${f.unit(g.result.reference)}) = ${f.unit(g.result.gap)}; ${line.charge.method.type}: d = ${f.unit(g.result.dutyPerUnit)} per ${u} × ${g.quantity.toFixed()} ${u} = ${f.money(line.amount)}`,
      };
    }
  }
}

/** The answer of API.md §4, every line with its formula and legal source. */
export function presentLandedCost(a: Assessment): LandedCostResponse {
  const { command } = a;
  const { currency, rounding, shipment } = command;
  const f = formulaFormat(currency, rounding);
  const money = (x: Dec) => formatMoney(x, currency, rounding);

  const dutyLines = a.dutyLines.map((line) => presentDutyLine(a, line));

  const feeLines = command.fees.map((fee: FeeCharge) => {
    const m = measureOf(command, fee.id);
    const amount = a.feeAmounts.get(fee.id) ?? clampedFee(fee, a.customsValue);
    const bounds = [
      fee.min === null ? '' : `min ${f.money(fee.min)}`,
      fee.max === null ? '' : `max ${f.money(fee.max)}`,
    ]
      .filter(Boolean)
      .join(', ');
    const raw = fee.rate.times(a.customsValue);
    const clampNote = amount.equals(raw)
      ? ''
      : ` → ${f.money(amount)} (${command.entryId === undefined ? 'clamped to' : 'share of the entry’s fee, clamped to'} ${bounds} per entry)`;
    return {
      measureId: m.id,
      kind: 'fee' as const,
      label: m.label,
      basis: 'customs value',
      rate: formatRate(fee.rate, rounding),
      amount: money(amount),
      formula: `${f.percent(fee.rate)} × ${f.money(a.customsValue)} = ${f.money(raw)}${clampNote}`,
      legal: legalOf(m),
      confidence: m.confidence,
    };
  });

  const totals = lineTotals(a);
  const onTop = costsOnTop(shipment);
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
    customsValue: money(a.customsValue),
    valuationBasis: shipment.valuationBasis,
    lines: [...dutyLines, ...feeLines],
    duties: money(totals.duties),
    fees: money(totals.fees),
    freight: money(onTop.freight),
    insurance: money(onTop.insurance),
    landedCost: money(totals.landedCost),
    landedPerUnit: formatPerUnit(perUnit(totals.landedCost, shipment.quantity), rounding),
    landedPerKg: formatPerUnit(perUnit(totals.landedCost, command.quantityKg), rounding),
    effectiveDutyRate: formatRate(perUnit(totals.duties, a.customsValue), rounding),
    exportLicences: command.selection.licences
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
      })),
    explain: command.selection.considered.map((c) => ({
      measureId: c.measure.id,
      label: c.measure.label,
      applied: c.applied,
      reason: c.reason,
    })),
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
  r: LandedCostResponse,
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
