import type { PolicyData } from '../../data/store';
import type { Warning } from '../../data/warnings';
import {
  type FloorBasis,
  type FloorGapInput,
  type FloorGapMethod,
  type TrancheBand,
  WTO_TRANCHE_BANDS,
} from '../../domain/floor-gap';
import type { RoundingMode } from '../../domain/rounding';
import { convertQuantity, type Unit } from '../../domain/units';
import { type Decimal, greaterThan, ONE } from '../../numeric';
import { checkBorderFloor, floorInReporting, resolveFloor } from '../floor-input';
import {
  dec,
  fxRates,
  type PriceInput,
  type Reporting,
  restate,
  todayUtc,
  vatRate,
} from '../money-input';
import type { Parsed } from '../parsed';
import type { FieldProblem } from '../problem';
import type { FloorGapRequest } from './floor-gap.schemas';

/** A floor-gap request resolved into domain values: everything per `unit`, in `currency`. */
export interface FloorGapCommand {
  /** The version of the policy data it was resolved against. */
  readonly dataVersion: string;
  readonly input: FloorGapInput;
  readonly unit: Unit;
  readonly quantity: Decimal;
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly asOf: string;
  readonly benchmarkId: string | undefined;
  readonly warnings: readonly Warning[];
}

export type MethodInput = NonNullable<FloorGapRequest['method']>;

/** Custom tranche bands: non-empty, upper bounds strictly increasing, only the last unbounded. */
function trancheBands(
  bands: NonNullable<Extract<MethodInput, { type: 'tranche' }>['bands']>,
  problems: FieldProblem[],
): TrancheBand[] {
  let previous: Decimal | undefined;
  return bands.map((band, i) => {
    const upTo = band.upTo === null ? null : dec(band.upTo);
    const pointer = `/method/bands/${i}/upTo`;
    if (upTo === null && i < bands.length - 1) {
      problems.push({ pointer, detail: 'may be null only in the last band' });
    } else if (upTo !== null && previous !== undefined && !greaterThan(upTo, previous)) {
      problems.push({ pointer, detail: 'must be greater than the previous band’s upTo' });
    }
    if (upTo !== null) previous = upTo;
    return { upTo, share: dec(band.share) };
  });
}

export function floorGapMethod(
  method: MethodInput | undefined,
  problems: FieldProblem[],
): FloorGapMethod {
  switch (method?.type) {
    case undefined:
    case 'full-gap':
      return { type: 'full-gap' };
    case 'tranche':
      return {
        type: 'tranche',
        bands:
          method.bands === undefined ? WTO_TRANCHE_BANDS : trancheBands(method.bands, problems),
      };
    case 'capped':
      return { type: 'capped', maxRate: dec(method.maxRate) };
    case 'all-or-nothing':
      return { type: 'all-or-nothing', penaltyRate: dec(method.penaltyRate) };
  }
}

/**
 * WTO AoA art. 5.5 measures the c.i.f. import price (the customs value) against the trigger, so a
 * tranche schedule defaults to the customs-value basis; every other method to the duty-paid one.
 */
export function defaultBasis(method: FloorGapMethod): FloorBasis {
  return method.type === 'tranche' ? 'customs-value' : 'duty-paid';
}

/**
 * The tranche trigger, given at the top level or inside the method (not both); a trigger for any
 * other method is a problem, since only a tranche schedule is measured from one.
 */
function triggerInput(
  request: FloorGapRequest,
  problems: FieldProblem[],
): { price: PriceInput; pointer: string } | undefined {
  const inMethod = request.method?.type === 'tranche' ? request.method.trigger : undefined;
  if (request.trigger !== undefined && inMethod !== undefined) {
    problems.push({ pointer: '/trigger', detail: 'give the trigger once: here or in method' });
    return undefined;
  }
  if (request.trigger !== undefined && request.method?.type !== 'tranche') {
    problems.push({ pointer: '/trigger', detail: 'applies only to method.type "tranche"' });
    return undefined;
  }
  if (inMethod !== undefined) return { price: inMethod, pointer: '/method/trigger' };
  return request.trigger === undefined
    ? undefined
    : { price: request.trigger, pointer: '/trigger' };
}

/**
 * The one parser of the floor-gap calculator, shared by its JSON and GET forms: resolves the floor
 * (explicit or a benchmark), restates every price per the floor's unit in the reporting currency,
 * and collects every problem it finds, each at its JSON Pointer.
 */
export function resolveFloorGap(
  request: FloorGapRequest,
  data: PolicyData,
): Parsed<FloorGapCommand> {
  const problems: FieldProblem[] = [];
  const warnings: Warning[] = [];
  const asOf = request.asOf ?? todayUtc();
  const reporting: Reporting = { currency: request.currency ?? 'USD', fx: fxRates(request.fx) };

  const resolved = resolveFloor(request, data, asOf, problems, warnings);
  if (resolved !== undefined) checkBorderFloor(resolved, false, problems, warnings);
  const method = floorGapMethod(request.method, problems);
  if (resolved === undefined || problems.length > 0) return { ok: false, problems };
  const { benchmarkId } = resolved;
  const floorPerUnit = floorInReporting(resolved, reporting, problems);
  const unit = resolved.floor.per;
  const price = restate(request.price, unit, reporting, '/price', problems, vatRate(request.vat));
  if (price === undefined || floorPerUnit === undefined) return { ok: false, problems };

  const trigger = triggerInput(request, problems);
  const triggerPerUnit =
    trigger === undefined
      ? undefined
      : restate(trigger.price, unit, reporting, trigger.pointer, problems);
  if (problems.length > 0) return { ok: false, problems };

  const quantity =
    request.quantity === undefined
      ? ONE
      : convertQuantity(dec(request.quantity.value), request.quantity.unit, unit);
  const basis: FloorBasis = request.basis ?? defaultBasis(method);

  return {
    ok: true,
    value: {
      dataVersion: data.dataVersion,
      input: {
        price,
        floor: floorPerUnit,
        ...(triggerPerUnit === undefined ? {} : { trigger: triggerPerUnit }),
        basis,
        otherDutyRate: dec(request.otherDutyRate ?? 0),
        method,
      },
      unit,
      quantity,
      currency: reporting.currency,
      rounding: request.rounding ?? 'half-up',
      asOf,
      benchmarkId,
      warnings,
    },
  };
}
