import type {
  BorderFloorPeriod,
  FloorFinancingReport,
  ProducerFloorPeriod,
  RegimeFlows,
  RegimesReported,
} from '../../domain/floor-financing';
import { formatMoney, formatPerUnit, formatRate } from '../../domain/rounding';
import { type Decimal, toPlain, ZERO } from '../../numeric';
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
  const quantity = (q: Decimal) => ({ value: toPlain(q), unit });
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

/** The answer as spreadsheet cells. */
export function floorFinancingRow(r: FloorFinancingResponse): FlatRow {
  return {
    per: r.per,
    floorPerUnit: r.floorPerUnit,
    marketPricePerUnit: r.marketPricePerUnit ?? '',
    demand: r.demand.value,
    domesticOutput: r.domesticOutput.value,
    borderDutyPerUnit: r.border.dutyPerUnit ?? '',
    buyersPay: r.border.buyersPay,
    treasuryCollects: r.border.treasuryCollects,
    borderProducerGain: r.border.producerGain,
    governmentPays: r.producerSide.governmentPays,
    governmentCollects: r.producerSide.governmentCollects,
    governmentNet: r.producerSide.governmentNet,
    currency: r.meta.currency,
    asOf: r.meta.asOf,
    warnings: r.meta.warnings.map((w) => w.code).join(' '),
  };
}
