import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { policyData } from '../../data/store';
import { csvResponse, textField } from '../output';
import { validationProblem } from '../problem';
import { flatToRequest, queryProblems, queryValues } from '../query-form';
import { issuesToProblems } from '../validation';
import { parseBlocTiersRequest } from './bloc-tiers.command';
import {
  BLOC_TIERS_COLUMNS,
  blocTiersRows,
  blocTiersSummary,
  blocTiersSvg,
  computeBlocTiers,
} from './bloc-tiers.present';
import type { getBlocTiers, getBlocTiersSvg, postBlocTiers } from './bloc-tiers.routes';
import { BLOC_TIERS_QUERY } from './bloc-tiers.routes';
import { BlocTiersRequestSchema, type BlocTiersResponse } from './bloc-tiers.schemas';

const SVG = 'image/svg+xml; charset=utf-8';

export const handlePostBlocTiers: RouteHandler<typeof postBlocTiers> = (c) => {
  const parsed = parseBlocTiersRequest(c.req.valid('json'), policyData);
  if (!parsed.ok) throw validationProblem(parsed.problems);
  const response = computeBlocTiers(parsed.value);
  if ((c.req.header('accept') ?? '').includes('image/svg+xml')) {
    return c.body(blocTiersSvg(response), 200, { 'content-type': SVG });
  }
  return c.json(response, 200);
};

/** The GET forms' request: prices share `per`, lists are comma-separated. */
function fromQuery(c: Context): BlocTiersResponse {
  const values = queryValues(c.req.queries(), BLOC_TIERS_QUERY);
  const raw = flatToRequest(values, BLOC_TIERS_QUERY);
  const per = (raw.redPrice as { per?: string } | undefined)?.per;
  for (const key of ['bluePrice', 'floor'] as const) {
    const price = raw[key] as { per?: string } | undefined;
    if (price !== undefined && price.per === undefined && per !== undefined) price.per = per;
  }
  for (const key of ['destinations', 'floorMembers'] as const) {
    if (typeof raw[key] === 'string')
      raw[key] = (raw[key] as string).split(',').map((s) => s.trim());
  }
  const request = BlocTiersRequestSchema.safeParse(raw);
  if (!request.success)
    throw queryProblems(BLOC_TIERS_QUERY, issuesToProblems(request.error.issues));
  const parsed = parseBlocTiersRequest(request.data, policyData);
  if (!parsed.ok) throw queryProblems(BLOC_TIERS_QUERY, parsed.problems);
  return computeBlocTiers(parsed.value);
}

export const handleGetBlocTiers: RouteHandler<typeof getBlocTiers> = (c) => {
  const { format = 'json', field = 'spread' } = c.req.valid('query');
  const response = fromQuery(c);
  switch (format) {
    case 'svg':
      return c.body(blocTiersSvg(response), 200, { 'content-type': SVG });
    case 'csv':
      return csvResponse(c, BLOC_TIERS_COLUMNS, blocTiersRows(response));
    case 'text':
      return textField(c, blocTiersSummary(response), field);
    default:
      return c.json(response, 200);
  }
};

export const handleGetBlocTiersSvg: RouteHandler<typeof getBlocTiersSvg> = (c) =>
  c.body(blocTiersSvg(fromQuery(c)), 200, { 'content-type': SVG });
