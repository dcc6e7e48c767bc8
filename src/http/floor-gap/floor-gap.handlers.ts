import type { RouteHandler } from '@hono/zod-openapi';
import { policyData } from '../../data/store';
import type { OutputFormat } from '../output';
import { respondInFormat } from '../output';
import { validationProblem } from '../problem';
import { flatToRequest, queryProblems, queryValues } from '../query-form';
import { issuesToProblems } from '../validation';
import { parseFloorGapRequest } from './floor-gap.command';
import { computeFloorGap, floorGapRow } from './floor-gap.present';
import type { getFloorGap, postFloorGap } from './floor-gap.routes';
import { FLOOR_GAP_QUERY } from './floor-gap.routes';
import { FloorGapRequestSchema } from './floor-gap.schemas';

export const handlePostFloorGap: RouteHandler<typeof postFloorGap> = (c) => {
  const parsed = parseFloorGapRequest(c.req.valid('json'), policyData);
  if (!parsed.ok) throw validationProblem(parsed.problems);
  return c.json(computeFloorGap(parsed.value), 200);
};

/** Fills the GET form's implied units: the floor, trigger and quantity default to the price's unit. */
function withQueryDefaults(request: Record<string, unknown>): Record<string, unknown> {
  const per = (request.price as { per?: unknown } | undefined)?.per;
  const floor = request.floor as { per?: unknown } | undefined;
  const quantity = request.quantity as { unit?: unknown } | undefined;
  if (floor !== undefined && floor.per === undefined) floor.per = per;
  if (quantity !== undefined && quantity.unit === undefined) quantity.unit = floor?.per ?? per;
  const trigger = request.trigger as { per?: unknown } | undefined;
  if (trigger !== undefined && trigger.per === undefined) trigger.per = floor?.per ?? per;
  return request;
}

export const handleGetFloorGap: RouteHandler<typeof getFloorGap> = (c) => {
  const { format = 'json', field = 'duty' } = c.req.valid('query');
  const values = queryValues(c.req.queries(), FLOOR_GAP_QUERY);
  const raw = withQueryDefaults(flatToRequest(values, FLOOR_GAP_QUERY));
  const request = FloorGapRequestSchema.safeParse(raw);
  if (!request.success) {
    throw queryProblems(FLOOR_GAP_QUERY, issuesToProblems(request.error.issues));
  }
  const parsed = parseFloorGapRequest(request.data, policyData);
  if (!parsed.ok) throw queryProblems(FLOOR_GAP_QUERY, parsed.problems);
  const response = computeFloorGap(parsed.value);
  return respondInFormat(c, format as OutputFormat, response, floorGapRow(response), field);
};
