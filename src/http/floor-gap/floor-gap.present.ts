import { carriedQuotient } from '../../domain/common-denominator';
import { type FloorGapShipment, reportFloorGap } from '../../domain/floor-gap';
import {
  formatPerUnit,
  formatQuantity,
  formatRate,
  formatRatio,
  formatRatioFixed,
  formatReportedPerUnit,
  minorUnits,
} from '../../domain/rounding';
import { type Decimal, toPlain } from '../../numeric';
import { buildMeta } from '../meta';
import type { FlatRow } from '../output';
import type { FloorGapCommand } from './floor-gap.command';
import { floorGapFormula, quotientText } from './floor-gap.formula';
import type { FloorGapResponse } from './floor-gap.schemas';

/** The floor-gap answer of a computed request, rounded as the request asks. */
export function presentFloorGap(
  command: FloorGapCommand,
  result: FloorGapShipment,
): FloorGapResponse {
  const { rounding, currency } = command;
  const u = (x: Decimal) => formatPerUnit(x, rounding);
  const rate = (x: Decimal) => formatRate(x, rounding);
  // d × quantity, exact, divided once: rounded once at the currency's minor unit.
  const duty = formatRatioFixed(result.duty, minorUnits(currency), rounding);
  // The per-unit figures, each its exact value rounded once; floorMet exact, and the landed price and
  // floor printed with more places where 4 would cross (see reportFloorGap).
  const reported = reportFloorGap(result, result.floor, rounding);
  // A figure reportFloorGap rounded already, at 4 places or more: printed as it is.
  const shown = formatReportedPerUnit;
  // The quantity in the floor's unit, which every per-unit figure is in: as given where the request
  // gave it in that unit, else restated (the duty is computed on the exact quotient, not on this).
  const given = command.quantityGiven;
  const givenValue = toPlain(given.value);
  const restated = given.unit !== command.unit;
  const quantity = restated
    ? formatQuantity(carriedQuotient(command.quantity), rounding)
    : givenValue;
  return {
    pricePerUnit: u(result.price),
    referencePerUnit: u(reported.reference),
    floorPerUnit: shown(reported.floor),
    gapPerUnit: u(reported.gap),
    dutyPerUnit: u(reported.dutyPerUnit),
    duty,
    adValoremEquivalent:
      result.adValoremEquivalent === null
        ? null
        : formatRatio(result.adValoremEquivalent, rounding),
    binding: reported.binding,
    landedPerUnit: shown(reported.landedPerUnit),
    floorMet: reported.floorMet,
    ...(command.input.method.type === 'tranche'
      ? { triggerPerUnit: shown(reported.trigger), triggerGapPerUnit: u(reported.triggerGap) }
      : {}),
    per: command.unit,
    quantity: { value: quantity, unit: command.unit },
    quantityGiven: { value: givenValue, unit: given.unit },
    basis: command.input.basis,
    method: command.input.method.type,
    ...(command.benchmarkId === undefined ? {} : { benchmark: command.benchmarkId }),
    formula: floorGapFormula(
      {
        price: result.price,
        otherDutyRate: command.input.otherDutyRate,
        basis: command.input.basis,
        method: command.input.method,
        floor: result.floor,
        result: reported,
        quantity: restated ? quotientText(command.quantity) : quantity,
        unit: command.unit,
        ...(restated ? { quantityGiven: `${givenValue} ${given.unit}` } : {}),
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
