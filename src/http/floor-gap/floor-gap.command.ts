import { floorGapMethodOf } from '../../data/floor-gap-method';
import type { PolicyData } from '../../data/store';
import type { Warning } from '../../data/warnings';
import {
  defaultBasis,
  type FloorBasis,
  type FloorGapMethod,
  type FloorGapQuotients,
  type TrancheBandIssue,
} from '../../domain/floor-gap';
import type { Ratio, RoundingMode } from '../../domain/rounding';
import { quantityQuotient, type Unit } from '../../domain/units';
import { type Decimal, ONE } from '../../numeric';
import { checkBorderFloor, floorInReporting, resolveFloor } from '../floor-input';
import {
  dec,
  fxRates,
  type PriceInput,
  type Reporting,
  restateQuotient,
  todayUtc,
  vatRate,
} from '../money-input';
import type { Parsed } from '../parsed';
import type { FieldProblem } from '../problem';
import type { FloorGapRequest } from './floor-gap.schemas';

/**
 * A floor-gap request resolved into domain values: everything per `unit`, in `currency`, each price
 * and the quantity an exact quotient (restated per `unit`, it need not terminate).
 */
export interface FloorGapCommand {
  /** The version of the policy data it was resolved against. */
  readonly dataVersion: string;
  readonly input: FloorGapQuotients;
  readonly unit: Unit;
  /** The quantity in `unit`. */
  readonly quantity: Ratio;
  /** The quantity as the request gave it (1 `unit` by default). */
  readonly quantityGiven: { readonly value: Decimal; readonly unit: Unit };
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly asOf: string;
  readonly benchmarkId: string | undefined;
  readonly warnings: readonly Warning[];
}

export type MethodInput = NonNullable<FloorGapRequest['method']>;

const BAND_DETAIL: Readonly<Record<TrancheBandIssue['rule'], string>> = {
  'unbounded-not-last': 'may be null only in the last band',
  'not-increasing': 'must be greater than the previous band’s upTo',
};

/** A tranche band's issue as the problem of the request's `method` at that band's upTo. */
export function trancheBandProblem(issue: TrancheBandIssue): FieldProblem {
  return { pointer: `/method/bands/${issue.band}/upTo`, detail: BAND_DETAIL[issue.rule] };
}

/** The request's method as the domain takes it (full gap by default); bad tranche bands are problems. */
export function floorGapMethod(
  method: MethodInput | undefined,
  problems: FieldProblem[],
): FloorGapMethod {
  const read = floorGapMethodOf(method);
  problems.push(...read.bandIssues.map(trancheBandProblem));
  return read.method;
}

/** Where a request may give a tranche trigger: in its method, or (floor-gap) at the top level. */
export interface TriggerRequest {
  readonly method?: FloorGapRequest['method'] | undefined;
  readonly trigger?: PriceInput | undefined;
}

/**
 * The tranche trigger, given at the top level or inside the method (not both); a trigger for any
 * other method is a problem, since only a tranche schedule is measured from one.
 */
function triggerInput(
  request: TriggerRequest,
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
 * The tranche trigger T of a request per `unit` in the reporting currency, an exact quotient (from
 * its own unit and currency, like every price); undefined where none is given (T = the floor).
 */
export function triggerPerUnit(
  request: TriggerRequest,
  unit: Unit,
  reporting: Reporting,
  problems: FieldProblem[],
): Ratio | undefined {
  const trigger = triggerInput(request, problems);
  return trigger === undefined
    ? undefined
    : restateQuotient(trigger.price, unit, reporting, trigger.pointer, problems);
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
  // Per its own unit the floor is an exact decimal: every other figure is restated per that unit.
  const floorPerUnit = floorInReporting(resolved, reporting, problems);
  const unit = resolved.floor.per;
  const price = restateQuotient(
    request.price,
    unit,
    reporting,
    '/price',
    problems,
    vatRate(request.vat),
  );
  if (price === undefined || floorPerUnit === undefined) return { ok: false, problems };

  const trigger = triggerPerUnit(request, unit, reporting, problems);
  if (problems.length > 0) return { ok: false, problems };

  const quantityGiven =
    request.quantity === undefined
      ? { value: ONE, unit }
      : { value: dec(request.quantity.value), unit: request.quantity.unit };
  const basis: FloorBasis = request.basis ?? defaultBasis(method);

  return {
    ok: true,
    value: {
      dataVersion: data.dataVersion,
      input: {
        price,
        floor: { of: floorPerUnit, to: ONE },
        ...(trigger === undefined ? {} : { trigger }),
        basis,
        otherDutyRate: dec(request.otherDutyRate ?? 0),
        method,
      },
      unit,
      quantity: quantityQuotient(quantityGiven.value, quantityGiven.unit, unit),
      quantityGiven,
      currency: reporting.currency,
      rounding: request.rounding ?? 'half-up',
      asOf,
      benchmarkId,
      warnings,
    },
  };
}
