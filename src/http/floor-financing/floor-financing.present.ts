import type {
  BorderFloorPeriod,
  FloorFinancingReport,
  ProducerFloorPeriod,
  RegimeFlows,
  RegimesReported,
} from '../../domain/floor-financing';
import { formatMoney, formatPerUnit, formatQuantity, formatRate } from '../../domain/rounding';
import { type Decimal, ZERO } from '../../numeric';
import { buildMeta } from '../meta';
import type { FlatRow } from '../output';
import type { FloorFinancingCommand } from './floor-financing.command';
import type { FloorFinancingResponse } from './floor-financing.schemas';

/** Flows with their per-unit context, per period or in total. */
export function presentFloorFinancing(
  command: FloorFinancingCommand,
  report: FloorFinancingReport,
): FloorFinancingResponse {
  const { periods } = report;
  const { unit, rounding, currency } = command;
  const u = (x: Decimal) => formatPerUnit(x, rounding);
  const m = (x: Decimal) => formatMoney(x, currency, rounding);
  const text = (f: RegimeFlows) => ({
    buyersExtraCost: m(f.buyersExtraCost),
    producerGain: m(f.producerGain),
    treasuryRevenue: m(f.treasuryRevenue),
    governmentOutlay: m(f.governmentOutlay),
    netPublicCost: m(f.netPublicCost),
  });
  const border = (f: RegimeFlows) => ({
    buyersPay: m(f.buyersExtraCost),
    treasuryCollects: m(f.treasuryRevenue),
    ...text(f),
  });
  const producer = (f: RegimeFlows) => ({
    governmentPays: m(f.governmentOutlay),
    governmentCollects: m(f.treasuryRevenue),
    governmentNet: m(f.netPublicCost),
    buyersPay: m(f.buyersExtraCost),
    ...text(f),
  });
  const borderPerUnit = (p: BorderFloorPeriod) => ({
    dutyPerUnit: u(p.dutyPerUnit),
    buyerPricePerUnit: u(p.buyerPricePerUnit),
  });
  const producerPerUnit = (p: ProducerFloorPeriod) => ({
    topUpPerUnit: u(p.topUpPerUnit),
    upsidePerUnit: u(p.upsidePerUnit),
    buyerPricePerUnit: u(p.buyerPricePerUnit),
    producerReceivesPerUnit: u(p.producerReceivesPerUnit),
  });
  const only = command.path ? undefined : periods[0];
  // A volume restated per the floor's unit need not terminate (0.25 kg in lb): formatQuantity.
  const quantity = (q: Decimal) => ({ value: formatQuantity(q, rounding), unit });
  const { input } = command;
  return {
    per: unit,
    floorPerUnit: u(input.floor),
    ...(only === undefined ? {} : { marketPricePerUnit: u(only.marketPrice) }),
    ...(command.quantityGiven ? { quantity: quantity(input.demand) } : {}),
    demand: quantity(input.demand),
    domesticOutput: quantity(input.domesticOutput),
    imports: quantity(periods[0]?.border.imports ?? ZERO),
    border: {
      ...(only === undefined ? {} : borderPerUnit(only.border)),
      ...border(report.total.border),
    },
    producerSide: {
      ...(only === undefined ? {} : producerPerUnit(only.producerSide)),
      ...producer(report.total.producerSide),
    },
    ...(command.path
      ? {
          periods: periods.map((p, i) => {
            const r = report.reported[i] as RegimesReported;
            return {
              period: p.period,
              marketPricePerUnit: u(p.marketPrice),
              discountFactor: formatRate(p.discountFactor, rounding),
              border: { ...borderPerUnit(p.border), ...border(r.border) },
              producerSide: { ...producerPerUnit(p.producerSide), ...producer(r.producerSide) },
            };
          }),
          presentValue: {
            discountRate: formatRate(input.discountRate, rounding),
            border: text(report.presentValue.border),
            producerSide: text(report.presentValue.producerSide),
          },
        }
      : {}),
    meta: buildMeta(command.dataVersion, command.asOf, currency, rounding, command.warnings),
  };
}

type Totals = FloorFinancingResponse['presentValue'] & {};

/**
 * The money cells of both regimes, named as in the single-price row: `buyersPay` is the border's
 * `buyersExtraCost`, `governmentPays` the producer side's `governmentOutlay`, and so on. One naming
 * serves a period, the totals and the present values (whose JSON has the flows' names only).
 */
function flowCells(border: Totals['border'], producerSide: Totals['producerSide']) {
  return {
    buyersPay: border.buyersExtraCost,
    treasuryCollects: border.treasuryRevenue,
    borderProducerGain: border.producerGain,
    governmentPays: producerSide.governmentOutlay,
    governmentCollects: producerSide.treasuryRevenue,
    governmentNet: producerSide.netPublicCost,
  };
}

/**
 * The answer as spreadsheet cells: the `field`s of the text form. With a price path the money
 * cells are the sums over its periods, and `presentValue…` cells give their present values.
 */
export function floorFinancingRow(r: FloorFinancingResponse): FlatRow {
  const pv = r.presentValue;
  return {
    per: r.per,
    floorPerUnit: r.floorPerUnit,
    marketPricePerUnit: r.marketPricePerUnit ?? '',
    demand: r.demand.value,
    domesticOutput: r.domesticOutput.value,
    borderDutyPerUnit: r.border.dutyPerUnit ?? '',
    ...flowCells(r.border, r.producerSide),
    currency: r.meta.currency,
    asOf: r.meta.asOf,
    warnings: r.meta.warnings.map((w) => w.code).join(' '),
    ...(pv === undefined
      ? {}
      : {
          discountRate: pv.discountRate,
          ...Object.fromEntries(
            Object.entries(flowCells(pv.border, pv.producerSide)).map(([k, v]) => [
              `presentValue${k[0]?.toUpperCase()}${k.slice(1)}`,
              v,
            ]),
          ),
        }),
  };
}

/** The price-path CSV's columns: the single-price row's, per period, with the period's own. */
const PATH_COLUMNS = [
  'period',
  'per',
  'floorPerUnit',
  'marketPricePerUnit',
  'discountRate',
  'discountFactor',
  'demand',
  'domesticOutput',
  'borderDutyPerUnit',
  'buyersPay',
  'treasuryCollects',
  'borderProducerGain',
  'upsidePerUnit',
  'governmentPays',
  'governmentCollects',
  'governmentNet',
  'currency',
  'asOf',
  'warnings',
] as const;

/**
 * The CSV table. One market price: the single row. A price path: a row per period, then a row
 * `total` (the sums over the periods) and a row `presentValue` (their present values at
 * `discountRate`), labelled in the `period` column; per-unit cells of those two rows are empty.
 */
export function floorFinancingTable(r: FloorFinancingResponse): {
  header: readonly string[];
  rows: readonly (readonly string[])[];
} {
  const row = floorFinancingRow(r);
  const { periods, presentValue } = r;
  if (periods === undefined || presentValue === undefined)
    return { header: Object.keys(row), rows: [Object.values(row)] };
  const line = (cells: Partial<Record<(typeof PATH_COLUMNS)[number], string>>) =>
    PATH_COLUMNS.map((k) => cells[k] ?? row[k] ?? '');
  const blank = { marketPricePerUnit: '', borderDutyPerUnit: '' };
  return {
    header: PATH_COLUMNS,
    rows: [
      ...periods.map((p) =>
        line({
          period: String(p.period),
          marketPricePerUnit: p.marketPricePerUnit,
          discountFactor: p.discountFactor,
          borderDutyPerUnit: p.border.dutyPerUnit ?? '',
          upsidePerUnit: p.producerSide.upsidePerUnit ?? '',
          ...flowCells(p.border, p.producerSide),
        }),
      ),
      line({ period: 'total', ...blank }),
      line({
        period: 'presentValue',
        ...blank,
        ...flowCells(presentValue.border, presentValue.producerSide),
      }),
    ],
  };
}
