import {
  type FloorFinancingReport,
  floorFinancing,
  reportFloorFinancing,
} from '../../domain/floor-financing';
import { roundRatioMoney } from '../../domain/rounding';
import { type Calculator, calculatorRouter, flatForm } from '../calculator';
import { FX_FIELD, VAT_FIELD } from '../query-form';
import { readsAsCurrency } from '../schemas';
import { type FloorFinancingCommand, resolveFloorFinancing } from './floor-financing.command';
import {
  floorFinancingRow,
  floorFinancingTable,
  presentFloorFinancing,
} from './floor-financing.present';
import {
  FloorFinancingRequestSchema,
  FloorFinancingResponseSchema,
} from './floor-financing.schemas';

const VOLUMES = ['demand', 'domesticOutput', 'quantity'] as const;

const FORM = flatForm({
  floor: { to: '/floor/amount', doc: 'The floor F per `per`; or `benchmark`.', example: '110' },
  benchmark: {
    to: '/benchmark',
    doc: 'A floor benchmark id, e.g. `dod-ndpr-floor` (its upside terms apply).',
  },
  marketPrice: { to: '/marketPrice/amount', doc: 'The market price M per `per`.', example: '62' },
  pricePath: {
    to: '/pricePath',
    doc: 'Market prices per period, comma-separated (instead of `marketPrice`).',
  },
  per: { to: '/marketPrice/per', doc: 'Unit of the prices.', example: 'kg' },
  currency: { to: '/currency', doc: 'Currency of the prices and the answer; default USD.' },
  marketCurrency: {
    to: '/marketPrice/currency',
    doc: 'Currency of `marketPrice` or `pricePath` when it differs from `currency` (give its rate in `fx`).',
  },
  floorCurrency: {
    to: '/floor/currency',
    doc: 'Currency of `floor` (and `upsideAbove`) when it differs from `currency` (give its rate in `fx`).',
  },
  fx: FX_FIELD,
  vat: {
    ...VAT_FIELD,
    doc: `${VAT_FIELD.doc} Applies to \`marketPrice\` and \`pricePath\` (quotes), not to \`floor\` or \`upsideAbove\` (ex-VAT).`,
  },
  demand: {
    to: '/demand/value',
    doc: 'D: what buyers in the floor zone buy per period.',
    example: '5000',
  },
  domesticOutput: {
    to: '/domesticOutput/value',
    doc: 'Q: what the floor-protected producer sells per period.',
    example: '1000',
  },
  quantity: { to: '/quantity/value', doc: 'The v1 single volume: demand and output both.' },
  unit: {
    to: ['/demand/unit', '/domesticOutput/unit', '/quantity/unit'],
    doc: 'Unit of the volumes.',
    example: 't',
  },
  upsideShare: {
    to: '/upsideShare',
    doc: 'Government share of the upside; default the contract’s, else 0.',
  },
  upsideAbove: {
    to: '/upsideAbove/amount',
    doc: 'The price above which the upside is shared, per `per`.',
  },
  upsideFromPeriod: {
    to: '/upsideFromPeriod',
    doc: 'The first period that shares the upside; default 1.',
  },
  discountRate: { to: '/discountRate', doc: 'Discount rate per period; default 0.' },
  asOf: { to: '/asOf', doc: 'Date YYYY-MM-DD; default today (UTC).' },
  rounding: { to: '/rounding', doc: '`half-up` (default) or `half-even`.' },
});

/**
 * The GET form's implied values: the floor and the upside threshold share the prices' unit (and
 * the threshold the floor's currency), a price path is comma-separated and in `marketCurrency`
 * when that is given, the volumes share `unit`, the period is a whole number.
 */
function withFlatDefaults(request: Record<string, unknown>): Record<string, unknown> {
  type FlatPrice = { amount?: unknown; currency?: unknown; per?: unknown };
  const market = request.marketPrice as FlatPrice | undefined;
  const per = market?.per;
  const floor = request.floor as FlatPrice | undefined;
  const upsideAbove = request.upsideAbove as FlatPrice | undefined;
  for (const price of [floor, upsideAbove]) {
    if (price !== undefined && price.per === undefined) price.per = per;
  }
  // A floor currency that is no currency is refused at `floorCurrency` alone, not copied.
  if (
    upsideAbove !== undefined &&
    upsideAbove.currency === undefined &&
    readsAsCurrency(floor?.currency)
  )
    upsideAbove.currency = floor?.currency;
  if (typeof request.pricePath === 'string') {
    const currency = market?.currency;
    request.pricePath = request.pricePath
      .split(',')
      .map((p) => p.trim())
      .map((amount) => (currency === undefined ? amount : { amount, currency, per }));
    if (market !== undefined && market.amount === undefined) delete request.marketPrice;
  }
  // A volume that only has the shared unit was not given.
  for (const key of VOLUMES) {
    const volume = request[key] as { value?: unknown } | undefined;
    if (volume !== undefined && volume.value === undefined) delete request[key];
  }
  const period = request.upsideFromPeriod;
  if (typeof period === 'string' && /^[0-9]{1,3}$/.test(period))
    request.upsideFromPeriod = Number(period);
  return request;
}

/** A price path's currency is `marketCurrency`, copied into each of its prices. */
function formPointer(pointer: string): string {
  return /^\/pricePath\/[0-9]+\/currency$/.test(pointer) ? '/marketPrice/currency' : pointer;
}

export const floorFinancingCalculator = {
  path: '/v1/floor-financing',
  tag: 'Benchmarks, origin content and floor financing',
  operationId: 'computeFloorFinancing',
  summary: 'Who pays for a floor: border duty vs producer-side top-up',
  description:
    'The same floor financed two ways, like with like. Border floor: buyers pay the gap ' +
    'max(0, F − M) on all of `demand`, the producer gains it on its `domesticOutput`, the treasury ' +
    'collects it on imports (demand − output). Producer-side floor (DoD–MP Materials style ' +
    'contract for difference): buyers pay the market price, the government pays the gap on output ' +
    'and collects upsideShare × max(0, M − upsideAbove) on output (from `upsideFromPeriod` on; a ' +
    'benchmark contract’s own terms by default, e.g. 0.30 above 110 for dod-ndpr-floor). Each regime reports buyers’ extra cost, producer gain, treasury revenue, government ' +
    'outlay and net public cost; with `pricePath` per period and, with `discountRate`, in present ' +
    'value. Worked example: floor 110, market 62, demand 5,000 t, output 1,000 t → border: buyers ' +
    '240,000,000.00, producer 48,000,000.00, treasury 192,000,000.00; producer-side: government ' +
    '48,000,000.00, buyers 0.00. Market quotes (`marketPrice`, `pricePath`) are taken ex-VAT ' +
    'with `vat` (62 incl. 13% VAT is 62 / 1.13 = 54.8673) and restated with `fx`; the floor and ' +
    '`upsideAbove` are policy prices, ex-VAT, restated with `fx` only. Not modelled: demand and ' +
    'output responding to the price.',
  request: FloorFinancingRequestSchema,
  requestDescription: 'The floor, the market price and the volume.',
  response: FloorFinancingResponseSchema,
  responseDescription: 'Both financings side by side.',
  resolve: resolveFloorFinancing,
  // The money of the prices and volumes over one denominator, each figure divided by it once as
  // it is rounded; the periods' per-unit figures as they are printed.
  compute: (command: FloorFinancingCommand) => ({
    ...reportFloorFinancing(floorFinancing(command.exact), (x) =>
      roundRatioMoney({ of: x, to: command.moneyDenominator }, command.currency, command.rounding),
    ),
    periods: floorFinancing(command.input),
  }),
  present: presentFloorFinancing,
  row: floorFinancingRow,
  table: floorFinancingTable,
  get: {
    operationId: 'computeFloorFinancingFromQuery',
    summary: 'Who pays for a floor, from a query string (spreadsheets)',
    description:
      'The same computation as `POST /v1/floor-financing`: ' +
      '`…/v1/floor-financing?floor=110&marketPrice=62&per=kg&demand=5000&domesticOutput=1000&unit=t&format=csv`. ' +
      'Lists (`pricePath`) are comma-separated. Unknown or repeated parameters are a 400. With ' +
      '`pricePath`, `format=csv` gives a row per period (`period` 1, 2, …, its market price, ' +
      'discount factor and both regimes’ figures), then a row `total` (the sums over the periods) ' +
      'and a row `presentValue` (their present values at `discountRate`); per-unit cells of those ' +
      'two rows are empty.',
    form: FORM,
    defaults: withFlatDefaults,
    formPointer,
    field: 'buyersPay',
    fieldDoc:
      'With `format=text`: which value to return; default `buyersPay`; `none` where it does not ' +
      'exist. The money fields (`buyersPay`, `treasuryCollects`, `borderProducerGain`, ' +
      '`governmentPays`, `governmentCollects`, `governmentNet`) are sums over a `pricePath`; ' +
      'with one, `presentValueBuyersPay`, `presentValueGovernmentNet`, … give their present values.',
    examples: { text: '240000000.00' },
  },
} satisfies Calculator<
  '/v1/floor-financing',
  typeof FloorFinancingRequestSchema,
  typeof FloorFinancingResponseSchema,
  FloorFinancingCommand,
  FloorFinancingReport,
  keyof typeof FORM.query.shape
>;

export const floorFinancingRouter = calculatorRouter(floorFinancingCalculator);
