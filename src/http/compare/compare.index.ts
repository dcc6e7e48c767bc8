import { z } from '@hono/zod-openapi';
import { leastComplete } from '../../data/measures';
import { type Calculator, calculatorRouter, type FlatForm } from '../calculator';
import { LANDED_COST_FORM, withFlatDefaults } from '../landed-cost/landed-cost.form';
import { LandedCostRequestSchema } from '../landed-cost/landed-cost.schemas';
import { typedQuery } from '../query-doc';
import {
  type CompareCommand,
  type ComparedVariant,
  priceVariants,
  resolveCompare,
} from './compare.command';
import { COMPARE_COLUMNS, compareRows, presentComparison } from './compare.present';
import { CompareRequestSchema, CompareResponseSchema, VariantSchema } from './compare.schemas';

const DESCRIPTION =
  'Prices the shipment once per variant with the landed-cost calculator (each variant’s full ' +
  'answer) and lists, against the first, every charge `added`, `removed` or `changed` with its ' +
  '`amountDelta` and the reason taken from the data ("started 2026-01-01", "ended 2026-02-23 ' +
  '(court ruling)" for a void row, "ended 2025-11-09 (replaced by us-ieepa-fentanyl-cn-3)" for one ' +
  'the next row of its programme replaced on the same lane (", which ended …" when that one has ' +
  'ended too by the variant’s date), "exempt: Annex II", "excluded by the request", "added by the request" for a ' +
  'what-if measure only that variant carries, "added by scenario g7-coordinated-floor" for one ' +
  'only its scenario adds); in `exemptions`, each ' +
  'measure in force for the variant, not the first, that the line is exempt from by a named ' +
  'list of the instrument (charged in neither, so no change: the Section 122 surcharge and ' +
  'sintered NdFeB magnets on its Annex II from 2026-02-24); plus the deltas of duties, ' +
  'fees and landed cost. The changes add up to the deltas: Σ amountDelta = Δduties + Δfees = ' +
  'ΔlandedCost (the goods, freight and insurance are the same in every variant).';

/**
 * The landed-cost flat form, with `asOf` a comma-separated list of dates: one variant each. Its
 * fields fill the shipment, so the document types them (enums, required) from the landed-cost
 * request, not from the comparison, which holds them under `shipment`.
 */
const FORM = {
  form: LANDED_COST_FORM.form,
  query: typedQuery(LANDED_COST_FORM.query, LANDED_COST_FORM.form, LandedCostRequestSchema).extend({
    asOf: z
      .string()
      .optional()
      .openapi({
        description: 'Dates YYYY-MM-DD, comma-separated (2–12): a variant, and a row, per date.',
        example: '2025-11-15,2026-03-01',
        param: { required: true },
      }),
  }),
} satisfies FlatForm;

/**
 * The flat fields are the shipment; each date of `asOf` a variant labelled with it (no `asOf`, no
 * variants: a problem that says it is required).
 */
function variantsFromQuery(request: Record<string, unknown>): Record<string, unknown> {
  const { asOf, ...shipment } = request;
  if (typeof asOf !== 'string') return { shipment: withFlatDefaults(shipment) };
  const dates = asOf.split(',').map((d) => d.trim());
  return {
    shipment: withFlatDefaults(shipment),
    variants: dates.map((date) => ({ label: date, asOf: date })),
  };
}

/**
 * Where a problem of the comparison the query stands for lies in the flat form: the shipment's
 * fields are the landed-cost form's own; the variants, and each one's date, are `asOf`'s list.
 */
function formPointer(pointer: string): string {
  if (pointer.startsWith('/shipment/')) return pointer.slice('/shipment'.length);
  return pointer === '/variants' || pointer.startsWith('/variants/') ? '/asOf' : pointer;
}

const DATES =
  'must list 2 to 12 dates YYYY-MM-DD separated by commas, such as 2025-11-15,2026-03-01';

/** Too few or too many variants, said as what the GET form's user sends: dates in `asOf`. */
function datesGiven(issue: { readonly input?: unknown }): string {
  const count = Array.isArray(issue.input) ? issue.input.length : 0;
  return `${DATES} (got ${count === 1 ? '1 date' : `${count} dates`})`;
}

/** The comparison as the GET form builds it: the JSON form's, its variants counted as dates. */
const QUERY_REQUEST = CompareRequestSchema.extend({
  variants: z.array(VariantSchema).min(2, { error: datesGiven }).max(12, { error: datesGiven }),
});

export const compareCalculator = {
  path: '/v1/landed-cost/compare',
  tag: 'Policy analysis',
  operationId: 'compareLandedCost',
  summary: 'One shipment under 2–12 dates, scenarios, lanes or what-ifs, and what changed',
  description: DESCRIPTION,
  request: CompareRequestSchema,
  parser: QUERY_REQUEST,
  requestDescription: 'The shipment and its variants.',
  strict: (request) => request.strict === true || request.shipment.strict === true,
  assumeInRequest: true,
  // A bare form prints every variant's figures: refused when any variant's tariff is unknown.
  refusalCoverage: (response) =>
    leastComplete(response.variants.map((v) => v.result.coverage.tariffs)),
  response: CompareResponseSchema,
  responseDescription: 'Each variant’s answer, changes and deltas.',
  resolve: resolveCompare,
  compute: priceVariants,
  present: (command: CompareCommand, priced: ComparedVariant[]) =>
    presentComparison(priced, command.data, command.assumeNoDuty),
  row: (response) => ({
    landedCostDelta: response.variants.at(-1)?.deltas.landedCost ?? '',
    currency: response.meta.currency,
  }),
  table: (response, decimal) => ({ header: COMPARE_COLUMNS, rows: compareRows(response, decimal) }),
  get: {
    operationId: 'compareLandedCostFromQuery',
    summary: 'One shipment on several dates (spreadsheets): a row per date',
    description:
      'The landed-cost GET form’s parameters, with `asOf` a comma-separated list of 2–12 dates; ' +
      'each date is a variant labelled with it. `format=csv` gives a spreadsheet row per date. E.g. ' +
      '`/v1/landed-cost/compare?mineral=ndfeb-magnet&origin=CN&quantity=1000&unit=kg&price=50&per=kg&asOf=2025-11-15,2026-03-01&format=csv`.',
    form: FORM,
    defaults: variantsFromQuery,
    formPointer,
    field: 'landedCostDelta',
    fieldDoc:
      'With `format=text`: landedCostDelta (the last date against the first) or currency (the answer’s).',
  },
} satisfies Calculator<
  '/v1/landed-cost/compare',
  typeof CompareRequestSchema,
  typeof CompareResponseSchema,
  CompareCommand,
  ComparedVariant[],
  keyof typeof FORM.query.shape
>;

export const compareRouter = calculatorRouter(compareCalculator);
