import type { RouteHandler } from '@hono/zod-openapi';
import { policyData } from '../../data/store';
import type { Warning } from '../../data/warnings';
import { CsvSyntaxError, parseCsv } from '../csv';
import { type OutputFormat, respondInFormat } from '../output';
import { Problem, validationProblem } from '../problem';
import { pointersOf, queryProblems, queryValues } from '../query-form';
import { issuesToProblems } from '../validation';
import {
  type BatchLine,
  batchCsv,
  flatLandedCostRequest,
  LANDED_COST_FORM,
  runBatch,
} from './landed-cost.batch';
import { parseLandedCostRequest } from './landed-cost.command';
import { assessLandedCost, landedCostRow, presentLandedCost } from './landed-cost.present';
import type { getLandedCost, postLandedCost, postLandedCostBatch } from './landed-cost.routes';
import { type BatchRequest, LandedCostLineSchema } from './landed-cost.schemas';

export const handlePostLandedCost: RouteHandler<typeof postLandedCost> = (c) => {
  const parsed = parseLandedCostRequest(c.req.valid('json'), policyData);
  if (!parsed.ok) throw validationProblem(parsed.problems);
  return c.json(presentLandedCost(assessLandedCost(parsed.value)), 200);
};

export const handleGetLandedCost: RouteHandler<typeof getLandedCost> = (c) => {
  const { format = 'json', field = 'landedCost' } = c.req.valid('query');
  const raw = flatLandedCostRequest(queryValues(c.req.queries(), LANDED_COST_FORM));
  const request = LandedCostLineSchema.safeParse(raw);
  if (!request.success)
    throw queryProblems(LANDED_COST_FORM, issuesToProblems(request.error.issues));
  const parsed = parseLandedCostRequest(request.data, policyData);
  if (!parsed.ok) throw queryProblems(LANDED_COST_FORM, parsed.problems);
  const response = presentLandedCost(assessLandedCost(parsed.value));
  return respondInFormat(c, format as OutputFormat, response, landedCostRow(response), field);
};

/** The CSV body's lines: a header row of flat field names, then one line per row. */
function csvLines(text: string): { lines: BatchLine[]; warnings: Warning[] } {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new Problem(400, `The CSV body cannot be read: ${error.message}.`);
    throw error;
  }
  const [header, ...rows] = records;
  if (header === undefined)
    throw new Problem(400, 'The CSV body is empty: it needs a header row naming the columns.');
  const names = header.map((h) => h.trim());
  const unknown = names.filter((n) => n !== '' && pointersOf(LANDED_COST_FORM, n) === undefined);
  const warnings: Warning[] =
    unknown.length === 0
      ? []
      : [
          {
            code: 'ignored-columns',
            detail: `Columns ${unknown.join(', ')} are not landed-cost fields and were ignored.`,
          },
        ];
  const lines = rows.map((cells): BatchLine => {
    if (cells.length > names.length) {
      const detail = `the row has ${cells.length} cells but the header names ${names.length} columns`;
      return {
        request: null,
        pointerPrefix: '',
        form: LANDED_COST_FORM,
        problems: [{ pointer: '', detail }],
      };
    }
    // No prototype: a column named __proto__ is a field like any other (and is ignored as unknown).
    const values: Record<string, string> = Object.create(null);
    for (let i = 0; i < names.length; i++) values[names[i] as string] = cells[i] ?? '';
    return { request: flatLandedCostRequest(values), pointerPrefix: '', form: LANDED_COST_FORM };
  });
  return { lines, warnings };
}

function jsonLines(body: BatchRequest): BatchLine[] {
  const defaults = body.defaults ?? {};
  return body.lines.map((line, i) => ({
    request:
      typeof line === 'object' && line !== null && !Array.isArray(line)
        ? { ...defaults, ...line }
        : line,
    pointerPrefix: `/lines/${i}`,
  }));
}

export const handlePostLandedCostBatch: RouteHandler<typeof postLandedCostBatch> = async (c) => {
  const isCsv = (c.req.header('content-type') ?? '').toLowerCase().startsWith('text/csv');
  let lines: BatchLine[];
  let warnings: Warning[] = [];
  let explain = false;
  let detail: 'lines' | 'totals' = 'lines';
  if (isCsv) {
    ({ lines, warnings } = csvLines(await c.req.text()));
  } else {
    const body = c.req.valid('json');
    if (typeof body === 'string')
      throw new Problem(415, 'A JSON batch must be an object with lines.');
    lines = jsonLines(body);
    explain = body.explain ?? false;
    detail = body.detail ?? 'lines';
  }
  const csv = (c.req.header('accept') ?? '').includes('text/csv');
  const response = runBatch(
    lines,
    policyData,
    warnings,
    csv ? { explain: false, detail: 'totals' } : { explain, detail },
  );
  if (csv) {
    return c.body(batchCsv(response), 200, { 'content-type': 'text/csv; charset=utf-8' });
  }
  return c.json(response, 200);
};
