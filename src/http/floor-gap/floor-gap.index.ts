import { type FloorGapShipment, floorGapOnQuantity } from '../../domain/floor-gap';
import { type Calculator, calculatorRouter, flatForm } from '../calculator';
import { FX_FIELD, METHOD_FIELDS, TRANCHE, VAT_FIELD } from '../query-form';
import { type FloorGapCommand, resolveFloorGap } from './floor-gap.command';
import { floorGapRow, presentFloorGap } from './floor-gap.present';
import { FloorGapRequestSchema, FloorGapResponseSchema } from './floor-gap.schemas';

const FORM = flatForm({
  price: { to: '/price/amount', doc: 'Customs value per unit (P).', example: '10' },
  per: {
    to: '/price/per',
    doc: 'Unit of `price` (and of `floor` unless `floorPer` is given).',
    example: 'kg',
  },
  floor: {
    to: '/floor/amount',
    doc: 'The floor per unit (F); or give `benchmark`.',
    example: '16',
  },
  floorPer: { to: '/floor/per', doc: 'Unit of `floor`, when it differs from `per`.' },
  benchmark: {
    to: '/benchmark',
    doc: 'A benchmark id to use as the floor, e.g. `dod-ndpr-floor`.',
  },
  currency: {
    to: '/currency',
    doc: 'Currency of the prices and of the answer; default USD.',
    example: 'USD',
  },
  priceCurrency: {
    to: '/price/currency',
    doc: 'Currency of `price` when it differs from `currency` (give its rate in `fx`).',
  },
  floorCurrency: {
    to: '/floor/currency',
    doc: 'Currency of `floor` when it differs from `currency` (give its rate in `fx`).',
  },
  fx: FX_FIELD,
  vat: VAT_FIELD,
  quantity: {
    to: '/quantity/value',
    doc: 'Quantity imported, in `quantityUnit`; without it, 1 of the floor’s unit.',
  },
  quantityUnit: {
    to: '/quantity/unit',
    doc:
      'Unit of `quantity`; default `per` (the price’s unit), whatever the floor’s: ' +
      '`price=10&per=kg&floor=16000&floorPer=t&quantity=2` is 2 kg.',
  },
  basis: {
    to: '/basis',
    doc: '`duty-paid` (default) or `customs-value` (the default with `method=tranche`).',
  },
  trigger: {
    to: '/trigger/amount',
    doc: 'With `method=tranche`: the trigger price T; default the floor.',
    onlyWith: TRANCHE,
  },
  triggerPer: {
    to: '/trigger/per',
    doc: 'Unit of `trigger`, when it differs from `per`.',
    onlyWith: TRANCHE,
  },
  otherDutyRate: {
    to: '/otherDutyRate',
    doc: 'Ad valorem rate of the other duties, e.g. 0.25; default 0.',
  },
  ...METHOD_FIELDS,
  asOf: { to: '/asOf', doc: 'Date YYYY-MM-DD; default today (UTC).' },
  rounding: { to: '/rounding', doc: '`half-up` (default) or `half-even`.' },
});

/**
 * The GET form's implied units: the floor and a quantity default to the price's unit (`per`),
 * a quantity so whether the floor is a benchmark's or given per another unit (`floorPer`); the
 * trigger to the floor's.
 */
function withImpliedUnits(request: Record<string, unknown>): Record<string, unknown> {
  const per = (request.price as { per?: unknown } | undefined)?.per;
  const floor = request.floor as { per?: unknown } | undefined;
  const quantity = request.quantity as { unit?: unknown } | undefined;
  if (floor !== undefined && floor.per === undefined) floor.per = per;
  if (quantity !== undefined && quantity.unit === undefined) quantity.unit = per;
  const trigger = request.trigger as { per?: unknown } | undefined;
  if (trigger !== undefined && trigger.per === undefined) trigger.per = floor?.per ?? per;
  return request;
}

export const floorGapCalculator = {
  path: '/v1/floor-gap',
  tag: 'Floor-gap duty',
  operationId: 'computeFloorGap',
  summary: 'Duty that lifts an import to a price floor',
  description:
    'Computes the border duty that lifts an import’s price toward a floor, on a stated basis. ' +
    'With P = price, r = otherDutyRate, F = floor: R = P × (1 + r) on the duty-paid basis (P on ' +
    'the customs-value basis), g = max(0, F − R); `full-gap` d = g, `tranche` the WTO art. 5.5 ' +
    'schedule or custom bands on g = max(0, T − R), T the trigger (default F), `capped` ' +
    'd = min(g, maxRate × P), `all-or-nothing` d = penaltyRate × P when R < F. Every per-unit value is expressed per the floor’s unit in the reporting currency. ' +
    'Worked example: price 10, floor 16, a 25% other duty, duty-paid basis → gap 3.5.',
  request: FloorGapRequestSchema,
  requestDescription: 'The import, the floor (or a benchmark id) and the method.',
  response: FloorGapResponseSchema,
  responseDescription: 'The floor-gap duty, per unit and in total, with its formula.',
  resolve: resolveFloorGap,
  compute: (command: FloorGapCommand) => floorGapOnQuantity(command.input, command.quantity),
  present: presentFloorGap,
  row: floorGapRow,
  get: {
    operationId: 'computeFloorGapFromQuery',
    summary: 'Floor-gap duty from a query string (spreadsheets)',
    description:
      'The same computation as `POST /v1/floor-gap`, for spreadsheet formulas: ' +
      '`=IMPORTDATA("…/v1/floor-gap?price=10&floor=16&per=kg&format=csv")` or ' +
      '`=WEBSERVICE("…/v1/floor-gap?price=10&floor=16&per=kg&format=text")` → `6.00`. ' +
      'Prices and the floor are in `currency`. Unknown or repeated parameters are a 400.',
    form: FORM,
    defaults: withImpliedUnits,
    field: 'duty',
    examples: {
      text: '6.00',
      csv: 'duty,dutyPerUnit,gapPerUnit,pricePerUnit,referencePerUnit,floorPerUnit,landedPerUnit,adValoremEquivalent,binding,floorMet,currency,per,quantity,basis,method,asOf,warnings\r\n6.00,6.0000,6.0000,10.0000,10.0000,16.0000,16.0000,0.6,true,true,USD,kg,1,duty-paid,full-gap,2026-11-21,\r\n',
    },
  },
} satisfies Calculator<
  '/v1/floor-gap',
  typeof FloorGapRequestSchema,
  typeof FloorGapResponseSchema,
  FloorGapCommand,
  FloorGapShipment
>;

export const floorGapRouter = calculatorRouter(floorGapCalculator);
