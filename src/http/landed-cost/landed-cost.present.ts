import type { MeasureRow } from '../../data/schema';
import { reportFloorGap } from '../../domain/floor-gap';
import type { DutyLine, FeeCharge, LandedCost } from '../../domain/landed-cost';
import {
  formatMoney,
  formatRate,
  formatRatio,
  formatRatioFixed,
  PER_UNIT_PLACES,
  type Ratio,
  type RoundingMode,
  ratioValue,
} from '../../domain/rounding';
import { type Decimal, equal, multiply, parseDecimal, toPlain, toText } from '../../numeric';
import { floorGapFormula, quantityText } from '../floor-gap/floor-gap.formula';
import { formulaFormat, grouped, memoize } from '../format-number';
import { buildMeta, type Meta } from '../meta';
import type { FlatRow } from '../output';
import type { LandedCostCommand, LaneContext } from './landed-cost.command';
import type {
  BatchLane,
  BatchMeasure,
  LandedCostBatchLine,
  LandedCostResponse,
} from './landed-cost.schemas';

const legalOf = memoize((m: MeasureRow) => legalOfRow(m));

function legalOfRow(m: MeasureRow) {
  return {
    instrument: m.legal.instrument,
    ...(m.legal.citation === undefined ? {} : { citation: m.legal.citation }),
    ...(m.legal.url === undefined ? {} : { url: m.legal.url }),
  };
}

function measureIn(context: LaneContext, id: string): MeasureRow {
  const measure = context.measures.get(id) ?? context.selection.applied.find((m) => m.id === id);
  if (measure === undefined) throw new Error(`measure ${id} vanished between parse and report`);
  return measure;
}

function measureOf(command: LandedCostCommand, id: string): MeasureRow {
  return measureIn(command.lane, id);
}

/** A lane's rates as reported, once per charge: rate "0.021" and percentage "2.1%", by rounding. */
const HUNDRED = parseDecimal('100');
const rateTexts = memoize((charge: { readonly rate: Decimal }) => {
  const texts = (mode: RoundingMode) => ({
    rate: formatRate(charge.rate, mode),
    percent: `${formatRate(multiply(charge.rate, HUNDRED), mode)}%`,
  });
  return { 'half-up': texts('half-up'), 'half-even': texts('half-even') };
});

/**
 * One duty line: its reported `amount`, rate, formula and legal source; `cv` is the grouped
 * customs value.
 */
function presentDutyLine(command: LandedCostCommand, line: DutyLine, amount: string, cv: string) {
  const { currency, rounding, shipment } = command;
  const f = formulaFormat(currency, rounding);
  const m = measureOf(command, line.charge.id);
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
        formula: `${f.unit(line.charge.amountPerUnit)} per ${line.charge.unit} × ${plain(shipment.quantity)} ${shipment.unit}`,
      };
    case 'floor-gap': {
      const g = line.floorGap;
      if (g === undefined) throw new Error(`floor-gap line ${m.id} has no floor-gap result`);
      const u = line.charge.unit;
      return {
        ...common,
        basis: line.charge.basis === 'duty-paid' ? 'duty-paid value' : 'customs value',
        // No rate expresses a duty on a zero price (the floor-gap AVE is null then).
        ...(g.result.adValoremEquivalent === null
          ? {}
          : { rate: formatRatio(g.result.adValoremEquivalent, rounding) }),
        formula: floorGapFormula(
          {
            price: g.pricePerUnit,
            otherDutyRate: g.otherDutyRate,
            floor: line.charge.floor,
            basis: line.charge.basis,
            method: line.charge.method,
            // The per-unit figures as /v1/floor-gap prints them, so the formula says what the answer does.
            result: reportFloorGap(g.result, line.charge.floor, rounding),
            quantity: quantityText(g.quantity),
            unit: u,
            duty: grouped(amount),
            ...(g.dutyPaid === undefined ? {} : { dutyPaidSum: g.dutyPaid }),
          },
          f,
          ` per ${u}`,
        ),
      };
    }
  }
}

/** "min 33.58, max 651.50": a fee's per-entry bounds, at the reporting currency's minor unit. */
function feeBounds(fee: FeeCharge, currency: string): string {
  return [
    fee.min === null ? '' : `min ${grouped(formatMoney(fee.min, currency, 'half-up'))}`,
    fee.max === null ? '' : `max ${grouped(formatMoney(fee.max, currency, 'half-up'))}`,
  ]
    .filter(Boolean)
    .join(', ');
}

function exportLicencesOf(command: LandedCostCommand) {
  return command.lane.selection.licences.map((m) => ({
    measureId: m.id,
    label: m.label,
    elements: m.kind === 'export-licence' ? m.elements : [],
    legal: legalOf(m),
  }));
}

/** Every measure considered for the lane, and why it applied or not. */
function explainOf(context: LaneContext) {
  return context.selection.considered.map((c) => ({
    measureId: c.measure.id,
    label: c.measure.label,
    applied: c.applied,
    reason: c.reason,
  }));
}

/**
 * How much of a landed-cost answer to report: the single-call answer, every charge line with its
 * formula and legal source, and with `explain` every measure considered. (A batch's `lines` and
 * `totals` details are presentBatchLine.)
 */
export interface PresentOptions {
  readonly explain: boolean;
}

const plain = toPlain;

/**
 * What every line of a lane reports alike, built once per lane and rounding and shared by reference
 * (a batch of 1,000 lines in a few lanes builds a few of these, not 1,000).
 */
interface LaneView {
  readonly product: LandedCostResponse['product'];
  readonly lane: LandedCostResponse['lane'];
  readonly coverage: LandedCostResponse['coverage'];
  readonly meta: Meta;
}

const laneViews = memoize((context: LaneContext) => {
  const view = (rounding: RoundingMode): LaneView => ({
    product: { mineral: context.mineral?.id ?? null, hts: context.hts },
    lane: {
      origin: context.origin,
      originBloc: context.originBloc,
      destination: context.destination,
      destinationBloc: context.destinationBloc,
    },
    coverage: { tariffs: context.tariffCoverage },
    meta: buildMeta(
      context.dataVersion,
      context.asOf,
      context.reporting.currency,
      rounding,
      context.warnings,
    ),
  });
  return { 'half-up': view('half-up'), 'half-even': view('half-even') };
});

/** A lane's warnings as its answers' `meta` says them (the same in either rounding). */
export function presentedWarnings(context: LaneContext): Meta['warnings'] {
  return laneViews(context)['half-up'].meta.warnings;
}

/** The figures every form of a line reports (JSON, batch lines, CSV), each rounded once. */
export function lineFigures(command: LandedCostCommand, cost: LandedCost) {
  const { reported } = cost;
  const { rounding } = command;
  // Each ratio is null where its denominator is 0 (ratioValue): no cost per kg of 0 kg shipped,
  // no rate of a customs value of 0.
  const perUnit = (r: Ratio) =>
    ratioValue(r, (x) => formatRatioFixed(x, PER_UNIT_PLACES, rounding));
  const landedPerUnit = perUnit(cost.landedPerUnit);
  return {
    goods: toText(reported.goods),
    customsValue: toText(reported.customsValue),
    duties: toText(reported.duties),
    fees: toText(reported.fees),
    freight: toText(reported.freight),
    insurance: toText(reported.insurance),
    landedCost: toText(reported.landedCost),
    landedPerUnit,
    landedPerKg:
      cost.landedPerKg === cost.landedPerUnit ? landedPerUnit : perUnit(cost.landedPerKg),
    effectiveDutyRate: ratioValue(cost.effectiveDutyRate, (x) => formatRatio(x, rounding)),
  };
}

/**
 * A batch line in the `lines` and `totals` details: only what varies per line. With its charges
 * (`lines`, as the single-call answer names them), each charge names its measure (label, legal source, confidence in the answer's `measures`);
 * `lane` names the lane (product, bloc, licences, warnings in the answer's `lanes`).
 */
export function presentBatchLine(
  command: LandedCostCommand,
  cost: LandedCost,
  lane: string,
  withCharges = true,
): LandedCostBatchLine {
  const { shipment } = command;
  const figures = lineFigures(command, cost);
  const result: LandedCostBatchLine = {
    lane,
    incoterm: shipment.incoterm,
    quantity: { value: plain(shipment.quantity), unit: shipment.unit },
    goods: figures.goods,
    customsValue: figures.customsValue,
  } as LandedCostBatchLine;
  if (withCharges) result.lines = chargesOf(command, cost, figures.customsValue);
  result.duties = figures.duties;
  result.fees = figures.fees;
  result.freight = figures.freight;
  result.insurance = figures.insurance;
  result.landedCost = figures.landedCost;
  result.landedPerUnit = figures.landedPerUnit;
  result.landedPerKg = figures.landedPerKg;
  result.effectiveDutyRate = figures.effectiveDutyRate;
  if (command.entryId !== undefined) result.entryId = command.entryId;
  return result;
}

/** A line's charges as a batch line carries them: measure id, kind, rate, base and amount. */
function chargesOf(command: LandedCostCommand, cost: LandedCost, cv: string) {
  const { rounding, shipment } = command;
  const charges: NonNullable<LandedCostBatchLine['lines']> = [];
  for (let i = 0; i < cost.dutyLines.length; i++) {
    const line = cost.dutyLines[i] as DutyLine;
    const amount = toText(cost.reported.dutyLines[i] as Decimal);
    const charge = line.charge;
    if (charge.kind === 'ad-valorem') {
      charges.push({
        measureId: charge.id,
        kind: charge.kind,
        rate: rateTexts(charge)[rounding].rate,
        base: cv,
        amount,
      });
    } else if (charge.kind === 'specific') {
      charges.push({
        measureId: charge.id,
        kind: charge.kind,
        base: plain(shipment.quantity),
        amount,
      });
    } else {
      const ave = line.floorGap?.result.adValoremEquivalent ?? null;
      charges.push(
        ave === null
          ? { measureId: charge.id, kind: charge.kind, base: cv, amount }
          : {
              measureId: charge.id,
              kind: charge.kind,
              rate: formatRatio(ave, rounding),
              base: cv,
              amount,
            },
      );
    }
  }
  const fees = command.fees;
  for (let i = 0; i < fees.length; i++) {
    const fee = fees[i] as FeeCharge;
    const amount = toText(cost.reported.feeLines[i] as Decimal);
    charges.push({
      measureId: fee.id,
      kind: 'fee',
      rate: rateTexts(fee)[rounding].rate,
      base: cv,
      amount,
    });
  }
  return charges;
}

/** A lane of a batch answer in `lines` detail: what every line of it shares, once. */
export function presentBatchLane(
  context: LaneContext,
  rounding: RoundingMode,
  explain: boolean,
): BatchLane {
  const view = laneViews(context)[rounding];
  const lane: BatchLane = {
    product: view.product,
    lane: view.lane,
    scenario: context.scenario,
    transport: context.transport,
    valuationBasis: context.valuationBasis,
    coverage: view.coverage,
    exportLicences: context.selection.licences.map((m) => ({
      measureId: m.id,
      elements: m.kind === 'export-licence' ? m.elements : [],
    })),
    meta: view.meta,
  };
  if (explain) lane.explain = explainOf(context);
  return lane;
}

/** The measures a lane's lines point to (charges and export licences), for the answer's `measures`. */
export function laneMeasures(context: LaneContext): MeasureRow[] {
  const ids = [...context.duties.map((d) => d.id), ...context.fees.map((f) => f.id)];
  return [...ids.map((id) => measureIn(context, id)), ...context.selection.licences];
}

/** A measure of the answer's `measures` dictionary: what every line charged under it shares. */
export const presentMeasure = memoize(
  (m: MeasureRow): BatchMeasure => ({
    label: m.label,
    kind: m.kind,
    programme: m.programme,
    legal: legalOf(m),
    confidence: m.confidence,
  }),
);

/** The single-call answer, every line with its formula and legal source. */
export function presentLandedCost(
  command: LandedCostCommand,
  cost: LandedCost,
  options: PresentOptions = { explain: true },
): LandedCostResponse {
  const { rounding, shipment } = command;
  const view = laneViews(command.lane)[rounding];
  const figures = lineFigures(command, cost);
  // Built in the order of the answer, optional parts added in place (no spread copies per line).
  const result: LandedCostResponse = {
    product: view.product,
    lane: view.lane,
    scenario: command.lane.scenario,
    incoterm: shipment.incoterm,
    transport: command.lane.transport,
    quantity: { value: plain(shipment.quantity), unit: shipment.unit },
    goods: figures.goods,
    customsValue: figures.customsValue,
    valuationBasis: shipment.valuationBasis,
    lines: presentLines(command, cost, grouped(figures.customsValue)),
    duties: figures.duties,
    fees: figures.fees,
    freight: figures.freight,
    insurance: figures.insurance,
    landedCost: figures.landedCost,
    landedPerUnit: figures.landedPerUnit,
    landedPerKg: figures.landedPerKg,
    effectiveDutyRate: figures.effectiveDutyRate,
    coverage: view.coverage,
    exportLicences: exportLicencesOf(command),
  } as LandedCostResponse;
  if (options.explain) result.explain = explainOf(command.lane);
  if (command.entryId !== undefined) result.entryId = command.entryId;
  result.meta = view.meta;
  return result;
}

/** Every duty line, then every fee line, with its formula; `cv` is the grouped customs value. */
function presentLines(command: LandedCostCommand, cost: LandedCost, cv: string) {
  const { currency, rounding } = command;
  const f = formulaFormat(currency, rounding);
  const dutyLines = cost.dutyLines.map((line, i) =>
    presentDutyLine(command, line, toText(cost.reported.dutyLines[i] as Decimal), cv),
  );
  const feeLines = cost.feeLines.map(({ charge: fee, unclamped: raw, amount }, i) => {
    const m = measureOf(command, fee.id);
    const amountText = toText(cost.reported.feeLines[i] as Decimal);
    const clampNote = equal(amount, raw)
      ? ''
      : ` → ${grouped(amountText)} (${command.entryId === undefined ? 'clamped to' : 'share of the entry’s fee, clamped to'} ${feeBounds(fee, currency)} per entry)`;
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
  return [...dutyLines, ...feeLines];
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
export function landedCostRow(r: LandedCostResponse): LandedCostCells {
  const values = cellValues(r, r.product, r.lane, r.valuationBasis, r.meta);
  const row: Record<string, string> = {};
  for (let i = 0; i < LANDED_COST_COLUMNS.length; i++)
    row[LANDED_COST_COLUMNS[i] as string] = values[i] as string;
  return row as LandedCostCells;
}

/**
 * A batch line's cells, with what its lane shares, in the order of LANDED_COST_COLUMNS: the cells
 * landedCostRow gives, as a list (a batch writes a thousand rows, no record needed for each).
 */
export function batchLineCells(r: LandedCostBatchLine, lane: BatchLane): string[] {
  return cellValues(r, lane.product, lane.lane, lane.valuationBasis, lane.meta);
}

type LandedCostCells = FlatRow & Record<(typeof LANDED_COST_COLUMNS)[number], string>;

/** The cells of an answer, in the order of LANDED_COST_COLUMNS. */
function cellValues(
  r: LandedCostResponse | LandedCostBatchLine,
  product: LandedCostResponse['product'],
  lane: LandedCostResponse['lane'],
  valuationBasis: string,
  meta: LandedCostResponse['meta'],
): string[] {
  return [
    r.entryId ?? '',
    product.mineral ?? '',
    product.hts,
    lane.origin,
    lane.destination,
    meta.asOf,
    r.quantity.value,
    r.quantity.unit,
    r.goods,
    r.customsValue,
    valuationBasis,
    r.duties,
    r.fees,
    r.freight,
    r.insurance,
    r.landedCost,
    r.landedPerUnit ?? '',
    r.landedPerKg ?? '',
    r.effectiveDutyRate ?? '',
    meta.currency,
    warningCodes(meta.warnings),
  ];
}

/** A warnings list as its codes ("data-horizon classification"), once per list (a lane's meta). */
const warningCodes = memoize((warnings: readonly { readonly code: string }[]) =>
  warnings.map((w) => w.code).join(' '),
);
