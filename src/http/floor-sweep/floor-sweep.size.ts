import { z } from '@hono/zod-openapi';
import { MAX_SWEEP_CELLS } from '../../domain/floor-sweep';
import { compare, divide, isZero, subtract, truncate } from '../../numeric';
import { dec } from '../money-input';
import { Problem } from '../problem';
import { NonNegativeDecimal } from '../schemas';

/** A sweep axis as a range: from, from + step, … up to `to`. */
export const GridRangeSchema = z
  .object({ from: NonNegativeDecimal, to: NonNegativeDecimal, step: NonNegativeDecimal })
  .strict();

export type GridRange = z.infer<typeof GridRangeSchema>;

/** How many values a range has (from, from + step, … ≤ to); 0 for a zero step or `to` below `from`. */
export function rangeCount(range: GridRange): bigint {
  const from = dec(range.from);
  const to = dec(range.to);
  const step = dec(range.step);
  if (isZero(step) || compare(from, to) > 0) return 0n;
  // (to − from) / step whole steps, and the first value
  return divide(subtract(to, from), step, 0, truncate).units + 1n;
}

/**
 * The size of one axis as the request gives it, before any entry is validated: a list's length,
 * a well-formed range's count; undefined when the axis is neither (its problems are reported later).
 */
function rawAxisSize(axis: unknown): bigint | undefined {
  if (Array.isArray(axis)) return BigInt(axis.length);
  const range = GridRangeSchema.safeParse(axis);
  return range.success ? rangeCount(range.data) : undefined;
}

/**
 * The grid's size checked on the raw request, before its entries are validated: a list past the
 * cell limit, or axes whose cells would pass it, is a 413 whatever the entries hold (validating
 * 60,000 listed prices first would answer a 422 with an error for each bad one). The request
 * schema's preprocess; other shapes are left to the schema.
 */
export function sweepSizeFirst(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const { redPrices, floors } = input as Record<string, unknown>;
  const red = rawAxisSize(redPrices);
  const floor = rawAxisSize(floors);
  const max = BigInt(MAX_SWEEP_CELLS);
  if (red !== undefined && red > max) throw tooManyCells(red.toString(), '/redPrices');
  if (floor !== undefined && floor > max) throw tooManyCells(floor.toString(), '/floors');
  if (red !== undefined && floor !== undefined && red * floor > max) {
    throw tooManyCells((red * floor).toString(), '/floors');
  }
  return input;
}

export function tooManyCells(count: string, pointer: string): Problem {
  return new Problem(
    413,
    `The sweep has ${count} cells; at most ${MAX_SWEEP_CELLS} are computed in one call.`,
    [{ pointer, detail: `makes the grid larger than ${MAX_SWEEP_CELLS} cells` }],
  );
}
