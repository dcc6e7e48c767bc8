import { flatForm } from '../calculator';
import { FX_FIELD, VAT_FIELD } from '../query-form';
import { readsAsCurrency } from '../schemas';

/**
 * The flat form of a landed-cost line: the query parameters of `GET /v1/landed-cost` and the CSV
 * columns of the batch, each naming the pointers it fills in the JSON request.
 */
export const LANDED_COST_FORM = flatForm({
  mineral: { to: '/mineral', doc: 'Mineral id.', example: 'nd-oxide' },
  hts: { to: '/hts', doc: 'HTS line; when given it decides the tariff line.' },
  origin: { to: '/origin', doc: 'Country of origin.', example: 'CN' },
  destination: { to: '/destination', doc: 'Importing country or `EU`; default US.' },
  asOf: {
    to: '/asOf',
    doc: 'Date of entry YYYY-MM-DD; default today (UTC).',
    example: '2026-03-01',
  },
  quantity: { to: '/quantity/value', doc: 'Quantity.', example: '1000' },
  unit: { to: '/quantity/unit', doc: 'Unit of `quantity`.', example: 'kg' },
  price: {
    to: '/price/amount',
    doc: 'Price per `per` (the example: Nd oxide, the middle of SMM’s FOB China 140–160 USD/kg of 2026-01-30).',
    example: '150',
  },
  currency: { to: '/price/currency', doc: 'Currency of the price, freight and insurance.' },
  per: { to: '/price/per', doc: 'Unit of `price`.', example: 'kg' },
  incoterm: { to: '/incoterm', doc: 'Incoterms 2020; default FOB.' },
  freight: { to: '/freight', doc: 'International freight total, in `currency`.' },
  insurance: { to: '/insurance', doc: 'Insurance total, in `currency`.' },
  transport: { to: '/transport', doc: '`ocean` (default), `air`, `truck` or `rail`.' },
  scenario: { to: '/scenario', doc: 'Policy scenario; default `baseline`.' },
  entryId: {
    to: '/entryId',
    doc: 'Batch only: lines with the same entryId form one customs entry.',
  },
  reportingCurrency: {
    to: '/currency',
    doc:
      'Currency of the answer; default USD when `fxRate` or `fx` rates the price’s currency, ' +
      'otherwise the price’s `currency`.',
  },
  fxRate: { to: '/fx/PRICE_CURRENCY', doc: 'Units of `reportingCurrency` per 1 `currency`.' },
  fx: FX_FIELD,
  vat: VAT_FIELD,
  rounding: { to: '/rounding', doc: '`half-up` (default) or `half-even`.' },
});

/**
 * What the flat form implies: like the JSON form a line reports in USD unless `reportingCurrency`
 * says otherwise (or the price's currency, when that is given with no rate for it); `fxRate` (or
 * `fx=CNY:…`) is the rate of the price's currency (units of the reporting currency per 1 unit of it).
 * A price currency that is no currency ("XYZ") is refused at `currency` alone: it keys no rate and
 * is not copied to the answer's currency.
 */
export function withFlatDefaults(request: Record<string, unknown>): Record<string, unknown> {
  const priceCurrency = (request.price as { currency?: string } | undefined)?.currency;
  const known = priceCurrency === undefined || readsAsCurrency(priceCurrency);
  const fx = request.fx as Record<string, string> | undefined;
  if (fx?.PRICE_CURRENCY !== undefined) {
    const { PRICE_CURRENCY, ...listed } = fx;
    request.fx = known ? { ...listed, [priceCurrency ?? 'USD']: PRICE_CURRENCY } : listed;
  }
  // A rate for the price's currency says the answer is in another one (USD unless named).
  const rated =
    typeof request.fx === 'object' &&
    request.fx !== null &&
    priceCurrency !== undefined &&
    Object.hasOwn(request.fx, priceCurrency);
  if (request.currency === undefined && priceCurrency !== undefined && known && !rated)
    request.currency = priceCurrency;
  return request;
}
