import type { PolicyData } from '../../data/store';
import { defaultBasis, type FloorBasis } from '../../domain/floor-gap';
import { MAX_SWEEP_CELLS, type SweepInput } from '../../domain/floor-sweep';
import { excludingVat } from '../../domain/money';
import type { RoundingMode } from '../../domain/rounding';
import type { Unit } from '../../domain/units';
import { add, compare, type Decimal, decimal, isZero, multiply } from '../../numeric';
import { floorGapMethod } from '../floor-gap/floor-gap.command';
import { dec, todayUtc } from '../money-input';
import type { Parsed } from '../parsed';
import type { FieldProblem } from '../problem';
import type { FloorSweepRequest, GridAxis } from './floor-sweep.schemas';
import { rangeCount, tooManyCells } from './floor-sweep.size';

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
  if (Array.isArray(axis)) return axis.map(dec);
  const from = dec(axis.from);
  const step = dec(axis.step);
  if (isZero(step)) {
    problems.push({ pointer: `${pointer}/step`, detail: 'must be greater than 0' });
    return [];
  }
  if (compare(from, dec(axis.to)) > 0) {
    problems.push({ pointer: `${pointer}/to`, detail: 'must not be below from' });
    return [];
  }
  const count = rangeCount(axis);
  if (count > BigInt(MAX_SWEEP_CELLS)) throw tooManyCells(count.toString(), pointer);
  return Array.from({ length: Number(count) }, (_, i) =>
    add(from, multiply(step, decimal(BigInt(i)))),
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
