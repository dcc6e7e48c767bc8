import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { type LandedCost, landedCost } from '../../domain/landed-cost';
import { type Calculator, calculatorRouter, dataOf } from '../calculator';
import type { DecimalMark } from '../csv';
import type { AppEnv } from '../env';
import { JSON_CONTENT_TYPE } from '../json-body';
import { mediaType, preferredMediaType, requireMediaType } from '../media-type';
import {
  checkPostQuery,
  POST_QUERY_REFUSED,
  postQueryParameters,
  readPostQuery,
} from '../post-query';
import { Problem, problemResponses } from '../problem';
import {
  type BatchOptions,
  batchCsv,
  batchJson,
  csvLines,
  jsonLines,
  MAX_BATCH_LINES,
  runBatch,
} from './landed-cost.batch';
import { type LandedCostCommand, resolveLandedCost } from './landed-cost.command';
import { LANDED_COST_FORM, withFlatDefaults } from './landed-cost.form';
import { landedCostRow, presentLandedCost } from './landed-cost.present';
import {
  BatchRequestSchema,
  BatchResponseSchema,
  LandedCostRequestSchema,
  LandedCostResponseSchema,
} from './landed-cost.schemas';

const TAG = 'Landed cost';

export const landedCostCalculator = {
  path: '/v1/landed-cost',
  tag: TAG,
  operationId: 'computeLandedCost',
  summary: 'Landed cost of a shipment, line by line',
  description:
    'Goods, freight and insurance (each counted once by Incoterm), the customs value on the ' +
    'destination’s basis (the US: FOB; the EU, Japan and most others: CIF), then every duty in ' +
    'force on `asOf` for the lane and product — ad valorem, specific, floor-gap (duty-paid basis, ' +
    'r = duties so far / customs value) — and the fees (US MPF clamped per entry, HMF for ocean). ' +
    'Each line names its legal source and confidence; `explain` lists every measure considered and ' +
    'why it applied or not; `meta.warnings` flags classification doubts, reported figures and rows ' +
    'past their known-until date. `scenario`, `measures` and `excludeMeasures` give what-ifs.',
  request: LandedCostRequestSchema,
  requestDescription: 'The shipment.',
  response: LandedCostResponseSchema,
  responseDescription: 'The landed cost with every charge explained.',
  resolve: resolveLandedCost,
  compute: landedCost,
  present: (command: LandedCostCommand, cost: LandedCost) => presentLandedCost(command, cost),
  row: landedCostRow,
  get: {
    operationId: 'computeLandedCostFromQuery',
    summary: 'Landed cost of one line from a query string (spreadsheets)',
    description:
      'The same computation as `POST /v1/landed-cost` for one line, with the batch’s CSV column ' +
      'names as query parameters, e.g. ' +
      '`?mineral=nd-oxide&origin=CN&quantity=1000&unit=kg&price=150&per=kg&asOf=2026-03-01&format=text&field=landedCost` ' +
      '(Nd oxide at the middle of SMM’s FOB China quotation of 140–160 USD/kg on 2026-01-30) → ' +
      '`156257.10`: 150,000.00 + MFN 3.7% 5,550.00 + MPF 519.60 + HMF 187.50. ' +
      'Price, freight and insurance are in `currency`; the answer is in USD unless ' +
      '`reportingCurrency` says otherwise, and `fxRate` gives units of the reporting currency per 1 ' +
      '`currency` when the two differ.',
    form: LANDED_COST_FORM,
    defaults: withFlatDefaults,
    field: 'landedCost',
    examples: { text: '156257.10' },
  },
} satisfies Calculator<
  '/v1/landed-cost',
  typeof LandedCostRequestSchema,
  typeof LandedCostResponseSchema,
  LandedCostCommand,
  LandedCost,
  keyof typeof LANDED_COST_FORM.query.shape
>;

/** The batch's query parameters (see PostParameter), each of which may be given once. */
const BATCH_PARAMETERS = ['decimal', 'strict', 'assume'] as const;

/** The CSV batch's column names, for the route's description. */
const BATCH_COLUMNS = Object.keys(LANDED_COST_FORM.form).join(', ');

const postLandedCostBatch = createRoute({
  operationId: 'computeLandedCostBatch',
  method: 'post',
  path: '/v1/landed-cost/batch',
  tags: [TAG],
  summary: 'Landed cost of many lines (JSON or CSV)',
  description:
    `Up to ${MAX_BATCH_LINES} lines, as JSON (\`lines\` and \`defaults\`) or as a \`text/csv\` body ` +
    `whose header names the columns ${BATCH_COLUMNS}. A bad line fails ` +
    'alone: its problem stands in place of its result. Lines sharing an `entryId` form one customs ' +
    'entry (per reporting currency): the MPF minimum and maximum apply to the entry, and a clamped ' +
    'fee is allocated to its lines in proportion to customs value, in minor units (cents; yen for ' +
    'JPY), the units left over going to the largest remainders, so the lines add up to the ' +
    'entry’s fee. An entryId whose lines differ in currency or date is flagged in `meta.warnings`, ' +
    'which after the batch’s own warnings says its lanes’ once (one `data-horizon`; each other ' +
    'warning with the `lanes` it comes from). ' +
    'Send `Accept: text/csv` for one CSV row per line with an `error` column. CSV column names ' +
    'are read in any case; a column a typo away from a field (`frieght`) is a 400 naming the ' +
    'field; a field named by two columns (`price` twice, or `Price` and `price`) is a 400 naming ' +
    'it and the columns, since every line would be read with the last of them; other unknown ' +
    'columns are ignored with a warning. More lines than the maximum is a 413. A CSV body separated by ' +
    '`;` (as spreadsheets in decimal-comma locales such as de-DE save it) is read with decimal ' +
    'commas (`1000,5`; fx as `CNY:0,1390`) and answered in the same form; a first line `sep=;` or ' +
    '`sep=,` (Excel’s separator line) names the separator instead (another is a 400); `decimal=point|comma` ' +
    'chooses the CSV answer’s form either way. A failed line echoes its `entryId`, when longer ' +
    'than 64 characters as its first 63 and "…" (64 in all). A line is refused alone, its ' +
    'problem in place of its result, when it or the batch (`strict=true` in the query or `"strict": true` in the JSON ' +
    'body, for every line) is strict and its ' +
    'answer would carry a `data-horizon`, `reported-figure`, `no-tariff-data` or ' +
    '`suspension-ended` warning (problem `code` `strict`), and in a CSV answer when the data has ' +
    'no tariff for its lane (`coverage.tariffs` `none`; `code` `no-tariff-data`: its duty is ' +
    'unknown, not zero) unless the query says `assume=no-duty`. Totals and customs entries count ' +
    `the lines that stand. ${POST_QUERY_REFUSED}`,
  middleware: [requireMediaType('application/json', 'text/csv'), checkPostQuery(BATCH_PARAMETERS)],
  // Documented, not declared as the route's query: a typed client sends a batch as a body alone.
  parameters: postQueryParameters(BATCH_PARAMETERS, {
    decimal:
      'With a CSV answer: `point` or `comma` (decimals with a comma, fields separated by `;`). ' +
      'Default: the CSV body’s own form (`comma` for a `;`-separated body), else `point`.',
    strict:
      '`true`: every line is strict, as with `"strict": true` in the JSON body (a line may ' +
      'also say `"strict": true` for itself; `strict=false` undoes neither): a line whose answer ' +
      'rests on uncertain data fails alone, a 422 problem (`code` `strict`) listing the warnings.',
    assume:
      '`no-duty`: a CSV answer prints lines the data has no tariff for with their duty counted ' +
      'as zero; without it such a line fails alone (`code` `no-tariff-data`).',
  }),
  request: {
    body: {
      description: 'The lines.',
      content: {
        'application/json': { schema: BatchRequestSchema },
        'text/csv': {
          schema: z.string().openapi({
            example:
              'entryId,mineral,origin,destination,asOf,quantity,unit,price,currency,per,transport\r\nE1,ndfeb-magnet,CN,US,2026-03-01,1000,kg,75,USD,kg,ocean\r\n',
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'One result or problem per line, and totals.',
      content: {
        'application/json': { schema: BatchResponseSchema },
        'text/csv': { schema: z.string() },
      },
    },
    ...problemResponses(400, 413, 415, 422),
  },
});

/** A batch as JSON (`lines`, `defaults`) or CSV, answered as JSON or, with `Accept: text/csv`, CSV. */
const handlePostLandedCostBatch: RouteHandler<typeof postLandedCostBatch, AppEnv> = async (c) => {
  // Unknown, repeated (strict=false&strict=true), blank or bad parameters are refused, as on GET.
  const query = readPostQuery(c, BATCH_PARAMETERS);
  const isCsv = mediaType(c.req.header('content-type')) === 'text/csv';
  let batch: Pick<ReturnType<typeof csvLines>, 'lines' | 'warnings'> & {
    decimal?: DecimalMark;
  };
  let explain = false;
  let detail: BatchOptions['detail'] = 'lines';
  let strictBody = false;
  if (isCsv) {
    batch = csvLines(await c.req.text());
  } else {
    const body = c.req.valid('json');
    if (typeof body === 'string')
      throw new Problem(415, 'A JSON batch must be an object with lines.');
    batch = { lines: jsonLines(body), warnings: [] };
    detail = body.detail ?? 'lines';
    // `full` is the single-call answer, which explains itself unless told not to.
    explain = body.explain ?? detail === 'full';
    strictBody = body.strict === true;
  }
  const csv =
    preferredMediaType(c.req.header('accept'), ['application/json', 'text/csv']) === 'text/csv';
  const refusal = {
    // `"strict": true` in the body is `strict=true` in the query: either makes every line strict.
    strict: query.strict || strictBody,
    assumeNoDuty: query.assumeNoDuty,
    bare: csv,
  };
  const response = runBatch(
    batch.lines,
    dataOf(c),
    batch.warnings,
    csv ? { explain: false, detail: 'totals', refusal } : { explain, detail, refusal },
  );
  if (csv) {
    // The CSV answer is written as the CSV request was (a `;` body gets decimal commas) unless asked.
    const decimal = query.decimal ?? batch.decimal ?? 'point';
    return c.body(batchCsv(response, decimal), 200, { 'content-type': 'text/csv; charset=utf-8' });
  }
  return c.body(batchJson(response), 200, { 'content-type': JSON_CONTENT_TYPE });
};

export const landedCostRouter = calculatorRouter(landedCostCalculator).openapi(
  postLandedCostBatch,
  handlePostLandedCostBatch,
);
