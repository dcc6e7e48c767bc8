import { type FloorGapShipment, reportFloorGap } from '../../domain/floor-gap';
import {
  formatMoney,
  formatPerUnit,
  formatRate,
  formatRatio,
  roundPerUnit,
} from '../../domain/rounding';
import { type Decimal, toPlain } from '../../numeric';
import { buildMeta } from '../meta';
import type { FlatRow } from '../output';
import type { FloorGapCommand } from './floor-gap.command';
import { floorGapFormula } from './floor-gap.formula';
import type { FloorGapResponse } from './floor-gap.schemas';

/** The floor-gap answer of a computed request, rounded as the request asks. */
export function presentFloorGap(
  command: FloorGapCommand,
  result: FloorGapShipment,
): FloorGapResponse {
  const { rounding, currency } = command;
  const u = (x: Decimal) => formatPerUnit(x, rounding);
  const rate = (x: Decimal) => formatRate(x, rounding);
  const duty = formatMoney(result.duty, currency, rounding);
  // The per-unit figures, each its exact value rounded once, and floorMet on them: see reportFloorGap.
  const reported = reportFloorGap(result, command.input.floor, (x) => roundPerUnit(x, rounding));
  const quantity = toPlain(command.quantity);
  return {
    pricePerUnit: u(command.input.price),
    referencePerUnit: u(reported.reference),
    floorPerUnit: u(reported.floor),
    gapPerUnit: u(reported.gap),
    dutyPerUnit: u(reported.dutyPerUnit),
    duty,
    adValoremEquivalent:
      result.adValoremEquivalent === null
        ? null
        : formatRatio(result.adValoremEquivalent, rounding),
    binding: reported.binding,
    landedPerUnit: u(reported.landedPerUnit),
    floorMet: reported.floorMet,
    ...(command.input.method.type === 'tranche'
      ? { triggerPerUnit: u(reported.trigger), triggerGapPerUnit: u(reported.triggerGap) }
      : {}),
    per: command.unit,
    quantity: { value: quantity, unit: command.unit },
    basis: command.input.basis,
    method: command.input.method.type,
    ...(command.benchmarkId === undefined ? {} : { benchmark: command.benchmarkId }),
    formula: floorGapFormula(
      {
        ...command.input,
        result: reported,
        quantity,
        unit: command.unit,
        duty: `${duty} ${currency}`,
      },
      { unit: u, rate },
    ),
    meta: buildMeta(command.dataVersion, command.asOf, currency, rounding, command.warnings),
  };
}

/** The answer as spreadsheet cells (CSV columns, `field` names of the text form). */
export function floorGapRow(response: FloorGapResponse): FlatRow {
  return {
    duty: response.duty,
    dutyPerUnit: response.dutyPerUnit,
    gapPerUnit: response.gapPerUnit,
    pricePerUnit: response.pricePerUnit,
    referencePerUnit: response.referencePerUnit,
    floorPerUnit: response.floorPerUnit,
    landedPerUnit: response.landedPerUnit,
    adValoremEquivalent: response.adValoremEquivalent ?? '',
    binding: String(response.binding),
    floorMet: String(response.floorMet),
    currency: response.meta.currency,
    per: response.per,
    quantity: response.quantity.value,
    basis: response.basis,
    method: response.method,
    asOf: response.meta.asOf,
    warnings: response.meta.warnings.map((w) => w.code).join(' '),
  };
}
