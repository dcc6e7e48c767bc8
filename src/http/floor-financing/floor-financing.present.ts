import type { FloorFinancingResult } from '../../domain/floor-financing';
import { formatMoney, formatPerUnit } from '../../domain/rounding';
import { type Decimal, toPlain } from '../../numeric';
import { buildMeta } from '../meta';
import type { FlatRow } from '../output';
import type { FloorFinancingCommand } from './floor-financing.command';
import type { FloorFinancingResponse } from './floor-financing.schemas';

/** Both financings of the floor side by side, rounded as the request asks. */
export function presentFloorFinancing(
  command: FloorFinancingCommand,
  r: FloorFinancingResult,
): FloorFinancingResponse {
  const { unit, rounding, currency } = command;
  const u = (x: Decimal) => formatPerUnit(x, rounding);
  const money = (x: Decimal) => formatMoney(x, currency, rounding);
  return {
    per: unit,
    floorPerUnit: u(command.input.floor),
    marketPricePerUnit: u(command.input.marketPrice),
    quantity: { value: toPlain(command.input.quantity), unit },
    border: {
      dutyPerUnit: u(r.border.dutyPerUnit),
      buyerPricePerUnit: u(r.border.buyerPricePerUnit),
      buyersPay: money(r.border.buyersPay),
      treasuryCollects: money(r.border.treasuryCollects),
    },
    producerSide: {
      topUpPerUnit: u(r.producerSide.topUpPerUnit),
      upsidePerUnit: u(r.producerSide.upsidePerUnit),
      governmentPays: money(r.producerSide.governmentPays),
      governmentCollects: money(r.producerSide.governmentCollects),
      governmentNet: money(r.producerSide.governmentNet),
      buyerPricePerUnit: u(r.producerSide.buyerPricePerUnit),
      producerReceivesPerUnit: u(r.producerSide.producerReceivesPerUnit),
    },
    meta: buildMeta(command.asOf, currency, rounding, command.warnings),
  };
}

/** The answer as spreadsheet cells. */
export function floorFinancingRow(r: FloorFinancingResponse): FlatRow {
  return {
    per: r.per,
    floorPerUnit: r.floorPerUnit,
    marketPricePerUnit: r.marketPricePerUnit,
    quantity: r.quantity.value,
    borderDutyPerUnit: r.border.dutyPerUnit,
    buyersPay: r.border.buyersPay,
    treasuryCollects: r.border.treasuryCollects,
    governmentPays: r.producerSide.governmentPays,
    governmentCollects: r.producerSide.governmentCollects,
    governmentNet: r.producerSide.governmentNet,
    currency: r.meta.currency,
    asOf: r.meta.asOf,
    warnings: r.meta.warnings.map((w) => w.code).join(' '),
  };
}
