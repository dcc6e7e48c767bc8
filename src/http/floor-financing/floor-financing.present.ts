import type {
  BorderFloorPeriod,
  FinancingPeriod,
  ProducerFloorPeriod,
  RegimeFlows,
} from '../../domain/floor-financing';
import { formatMoney, formatPerUnit, formatRate, roundMoney } from '../../domain/rounding';
import { add, type Decimal, multiply, subtract, toPlain, ZERO } from '../../numeric';
import { buildMeta } from '../meta';
import type { FlatRow } from '../output';
import type { FloorFinancingCommand } from './floor-financing.command';
import type { FloorFinancingResponse } from './floor-financing.schemas';

const NO_FLOWS: RegimeFlows = {
  buyersExtraCost: ZERO,
  producerGain: ZERO,
  treasuryRevenue: ZERO,
  governmentOutlay: ZERO,
  netPublicCost: ZERO,
};

function addFlows(a: RegimeFlows, b: RegimeFlows): RegimeFlows {
  return {
    buyersExtraCost: add(a.buyersExtraCost, b.buyersExtraCost),
    producerGain: add(a.producerGain, b.producerGain),
    treasuryRevenue: add(a.treasuryRevenue, b.treasuryRevenue),
    governmentOutlay: add(a.governmentOutlay, b.governmentOutlay),
    netPublicCost: add(a.netPublicCost, b.netPublicCost),
  };
}

/** Flows scaled by a discount factor (exact products; rounded only when reported). */
function discounted(f: RegimeFlows, factor: Decimal): RegimeFlows {
  return {
    buyersExtraCost: multiply(f.buyersExtraCost, factor),
    producerGain: multiply(f.producerGain, factor),
    treasuryRevenue: multiply(f.treasuryRevenue, factor),
    governmentOutlay: multiply(f.governmentOutlay, factor),
    netPublicCost: multiply(f.netPublicCost, factor),
  };
}

/** Flows with their per-unit context, per period or in total. */
export function presentFloorFinancing(
  command: FloorFinancingCommand,
  periods: readonly FinancingPeriod[],
): FloorFinancingResponse {
  const { unit, rounding, currency } = command;
  const u = (x: Decimal) => formatPerUnit(x, rounding);
  const m = (x: Decimal) => formatMoney(x, currency, rounding);
  /**
   * The independent parts rounded once; every other figure the sum or difference of reported
   * parts (A1): at the border buyers' cost = producer gain + treasury revenue, producer-side the
   * producer's gain = outlay − revenue, to the cent.
   */
  const reported = (f: RegimeFlows, border: boolean): RegimeFlows => {
    const treasuryRevenue = roundMoney(f.treasuryRevenue, currency, rounding);
    const governmentOutlay = roundMoney(f.governmentOutlay, currency, rounding);
    const producerGain = border
      ? roundMoney(f.producerGain, currency, rounding)
      : subtract(governmentOutlay, treasuryRevenue);
    return {
      buyersExtraCost: border ? add(producerGain, treasuryRevenue) : ZERO,
      producerGain,
      treasuryRevenue,
      governmentOutlay,
      netPublicCost: subtract(governmentOutlay, treasuryRevenue),
    };
  };
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
  const rows = periods.map((p) => ({
    period: p,
    border: reported(p.border, true),
    producerSide: reported(p.producerSide, false),
  }));
  const only = command.path ? undefined : periods[0];
  const borderTotal = rows.map((r) => r.border).reduce(addFlows, NO_FLOWS);
  const producerTotal = rows.map((r) => r.producerSide).reduce(addFlows, NO_FLOWS);
  const pv = (pick: (p: FinancingPeriod) => RegimeFlows, isBorder: boolean) =>
    text(
      reported(
        periods.map((p) => discounted(pick(p), p.discountFactor)).reduce(addFlows, NO_FLOWS),
        isBorder,
      ),
    );
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
    border: { ...(only === undefined ? {} : borderPerUnit(only.border)), ...border(borderTotal) },
    producerSide: {
      ...(only === undefined ? {} : producerPerUnit(only.producerSide)),
      ...producer(producerTotal),
    },
    ...(command.path
      ? {
          periods: rows.map((r) => ({
            period: r.period.period,
            marketPricePerUnit: u(r.period.marketPrice),
            discountFactor: formatRate(r.period.discountFactor, rounding),
            border: { ...borderPerUnit(r.period.border), ...border(r.border) },
            producerSide: {
              ...producerPerUnit(r.period.producerSide),
              ...producer(r.producerSide),
            },
          })),
          presentValue: {
            discountRate: formatRate(input.discountRate, rounding),
            border: pv((p) => p.border, true),
            producerSide: pv((p) => p.producerSide, false),
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
