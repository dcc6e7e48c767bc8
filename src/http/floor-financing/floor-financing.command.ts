import type { PolicyData } from '../../data/store';
import type { Warning } from '../../data/warnings';
import type { FloorFinancingInput } from '../../domain/floor-financing';
import type { RoundingMode } from '../../domain/rounding';
import { convertQuantity, type Unit } from '../../domain/units';
import { floorInReporting, resolveFloor } from '../floor-input';
import { dec, fxRates, restate, todayUtc } from '../money-input';
import type { Parsed } from '../parsed';
import type { FieldProblem } from '../problem';
import type { FloorFinancingRequest } from './floor-financing.schemas';

/** A floor-financing request resolved: every price per the floor's unit, in `currency`. */
export interface FloorFinancingCommand {
  readonly input: FloorFinancingInput;
  readonly unit: Unit;
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly asOf: string;
  readonly warnings: readonly Warning[];
}

/** Resolves the floor (explicit or a benchmark) and restates the market price and the quantity. */
export function resolveFloorFinancing(
  request: FloorFinancingRequest,
  data: PolicyData,
): Parsed<FloorFinancingCommand> {
  const asOf = request.asOf ?? todayUtc();
  const reporting = { currency: request.currency ?? 'USD', fx: fxRates(request.fx) };
  const problems: FieldProblem[] = [];
  const warnings: Warning[] = [];
  const resolved = resolveFloor(request, data, asOf, problems, warnings);
  if (resolved === undefined) return { ok: false, problems };
  const floor = floorInReporting(resolved, reporting, problems);
  const unit = resolved.floor.per;
  const market = restate(request.marketPrice, unit, reporting, '/marketPrice', problems);
  if (floor === undefined || market === undefined) return { ok: false, problems };
  return {
    ok: true,
    value: {
      input: {
        floor,
        marketPrice: market,
        quantity: convertQuantity(dec(request.quantity.value), request.quantity.unit, unit),
        upsideShare: dec(request.upsideShare ?? 0),
      },
      unit,
      currency: reporting.currency,
      rounding: request.rounding ?? 'half-up',
      asOf,
      warnings,
    },
  };
}
