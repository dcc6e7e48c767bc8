import type { PolicyData } from '../../data/store';
import type { FloorBasis } from '../../domain/floor-gap';
import { MAX_SWEEP_CELLS, type SweepInput } from '../../domain/floor-sweep';
import { excludingVat } from '../../domain/money';
import type { RoundingMode } from '../../domain/rounding';
import type { Unit } from '../../domain/units';
import {
  add,
  compare,
  type Decimal,
  decimal,
  divide,
  isZero,
  multiply,
  subtract,
  truncate,
} from '../../numeric';
import { defaultBasis, floorGapMethod } from '../floor-gap/floor-gap.command';
import { dec, todayUtc } from '../money-input';
import type { Parsed } from '../parsed';
import { type FieldProblem, Problem } from '../problem';
import type { FloorSweepRequest, GridAxis } from './floor-sweep.schemas';

export interface FloorSweepCommand {
  /** The version of the policy data it was resolved against. */
  readonly dataVersion: string;
  readonly input: SweepInput;
  readonly unit: Unit;
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly asOf: string;
}

/** The values of one axis; a range past the cell limit is a 413 before anything is built. */
function axisValues(axis: GridAxis, pointer: string, problems: FieldProblem[]): Decimal[] {
  if (Array.isArray(axis)) {
    if (axis.length > MAX_SWEEP_CELLS) throw tooManyCells(String(axis.length), pointer);
    return axis.map(dec);
  }
  const from = dec(axis.from);
  const to = dec(axis.to);
  const step = dec(axis.step);
  if (isZero(step)) {
    problems.push({ pointer: `${pointer}/step`, detail: 'must be greater than 0' });
    return [];
  }
  if (compare(from, to) > 0) {
    problems.push({ pointer: `${pointer}/to`, detail: 'must not be below from' });
    return [];
  }
  // (to − from) / step whole steps, and the first value: from, from + step, … ≤ to
  const count = divide(subtract(to, from), step, 0, truncate).units + 1n;
  if (count > BigInt(MAX_SWEEP_CELLS)) throw tooManyCells(count.toString(), pointer);
  return Array.from({ length: Number(count) }, (_, i) =>
    add(from, multiply(step, decimal(BigInt(i)))),
  );
}

function tooManyCells(count: string, pointer: string): Problem {
  return new Problem(
    413,
    `The sweep has ${count} cells; at most ${MAX_SWEEP_CELLS} are computed in one call.`,
    [{ pointer, detail: `makes the grid larger than ${MAX_SWEEP_CELLS} cells` }],
  );
}

/**
 * The one parser of the sweep, shared by its JSON and GET forms: expands the axes, checks the
 * grid's size, and takes the method and its default basis from the floor-gap calculator's parser.
 */
export function resolveFloorSweep(
  request: FloorSweepRequest,
  data: PolicyData,
): Parsed<FloorSweepCommand> {
  const problems: FieldProblem[] = [];
  const vat = dec(request.vat ?? 0);
  const redPrices = axisValues(request.redPrices, '/redPrices', problems).map((p) =>
    excludingVat(p, vat),
  );
  const floors = axisValues(request.floors, '/floors', problems);
  const method = floorGapMethod(request.method, problems);
  if (request.method?.type === 'tranche' && request.method.trigger !== undefined) {
    problems.push({
      pointer: '/method/trigger',
      detail: 'the sweep measures a tranche schedule from each floor of the grid (trigger = floor)',
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const cells = redPrices.length * floors.length;
  if (cells > MAX_SWEEP_CELLS) throw tooManyCells(String(cells), '/floors');
  const basis: FloorBasis = request.basis ?? defaultBasis(method);
  return {
    ok: true,
    value: {
      dataVersion: data.dataVersion,
      input: {
        redPrices,
        floors,
        bluePrice: request.bluePrice === undefined ? null : dec(request.bluePrice),
        otherDutyRate: dec(request.otherDutyRate ?? 0),
        basis,
        method,
      },
      unit: request.per,
      currency: request.currency ?? 'USD',
      rounding: request.rounding ?? 'half-up',
      asOf: request.asOf ?? todayUtc(),
    },
  };
}
