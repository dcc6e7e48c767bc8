import { type FloorGapResult, floorGapDuty } from '../../domain/floor-gap';
import { formatMoney, formatPerUnit, formatRate, formatRatio } from '../../domain/rounding';
import { type Decimal, lessThan, multiply, toPlain } from '../../numeric';
import { buildMeta } from '../meta';
import type { FlatRow } from '../output';
import type { FloorGapCommand } from './floor-gap.command';
import type { FloorGapResponse } from './floor-gap.schemas';

function formula(command: FloorGapCommand, result: FloorGapResult, duty: string): string {
  const { price, floor, basis, otherDutyRate, method } = command.input;
  const u = (x: Decimal) => formatPerUnit(x, command.rounding);
  const rate = (x: Decimal) => formatRate(x, command.rounding);
  const reference =
    basis === 'duty-paid'
      ? `R = P × (1 + r) = ${u(price)} × (1 + ${rate(otherDutyRate)}) = ${u(result.reference)}`
      : `R = P = ${u(price)}`;
  const gap = `g = max(0, F − R) = max(0, ${u(floor)} − ${u(result.reference)}) = ${u(result.gap)}`;
  const d = u(result.dutyPerUnit);
  const rule = {
    'full-gap': `full gap: d = g = ${d}`,
    tranche: `tranche: d = Σ share × (slice of max(0, T − R) in each band of T), T = ${u(result.trigger)}: d = ${d}`,
    capped:
      method.type === 'capped'
        ? `capped: d = min(g, maxRate × P) = min(${u(result.gap)}, ${rate(method.maxRate)} × ${u(price)}) = ${d}`
        : '',
    'all-or-nothing':
      method.type === 'all-or-nothing'
        ? lessThan(result.reference, floor)
          ? `all-or-nothing: R < F, so d = penaltyRate × P = ${rate(method.penaltyRate)} × ${u(price)} = ${d}`
          : `all-or-nothing: R ≥ F, so d = 0`
        : '',
  }[method.type];
  const total = `duty = d × ${toPlain(command.quantity)} ${command.unit} = ${duty} ${command.currency}`;
  const met = result.floorMet
    ? `R + d = ${u(result.landedPerUnit)} ≥ F: floor met`
    : `R + d = ${u(result.landedPerUnit)} < F: floor not met`;
  return `${reference}; ${gap}; ${rule}; ${total}; ${met}`;
}

/** Runs the domain call for a parsed request and reports it, rounded as the request asks. */
export function computeFloorGap(command: FloorGapCommand): FloorGapResponse {
  const result = floorGapDuty(command.input);
  const { rounding, currency } = command;
  const u = (x: Decimal) => formatPerUnit(x, rounding);
  const duty = formatMoney(multiply(result.dutyPerUnit, command.quantity), currency, rounding);
  return {
    pricePerUnit: u(command.input.price),
    referencePerUnit: u(result.reference),
    floorPerUnit: u(command.input.floor),
    gapPerUnit: u(result.gap),
    dutyPerUnit: u(result.dutyPerUnit),
    duty,
    adValoremEquivalent:
      result.adValoremEquivalent === null
        ? null
        : formatRatio(result.adValoremEquivalent, rounding),
    binding: result.binding,
    landedPerUnit: u(result.landedPerUnit),
    floorMet: result.floorMet,
    ...(command.input.method.type === 'tranche'
      ? { triggerPerUnit: u(result.trigger), triggerGapPerUnit: u(result.triggerGap) }
      : {}),
    per: command.unit,
    quantity: { value: toPlain(command.quantity), unit: command.unit },
    basis: command.input.basis,
    method: command.input.method.type,
    ...(command.benchmarkId === undefined ? {} : { benchmark: command.benchmarkId }),
    formula: formula(command, result, duty),
    meta: buildMeta(command.asOf, currency, rounding, command.warnings),
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
