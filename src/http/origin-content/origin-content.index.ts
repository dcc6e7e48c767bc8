import { originContent } from '../../domain/origin-content';
import { type Calculator, calculatorRouter, flatForm } from '../calculator';
import { answerInInputCurrency, FX_FIELD, VAT_FIELD } from '../query-form';
import { type OriginContentCommand, resolveOriginContent } from './origin-content.command';
import { originContentRow, presentOriginContent } from './origin-content.present';
import { OriginContentRequestSchema, OriginContentResponseSchema } from './origin-content.schemas';

const FORM = flatForm({
  productValue: {
    to: '/productValue/amount',
    doc: 'Value of the product (magnet, motor, battery).',
    example: '100000',
  },
  currency: {
    to: '/productValue/currency',
    doc:
      'Currency of the product value, and of the components that give none (the JSON form’s ' +
      '`productValue.currency`); default USD.',
  },
  components: {
    to: '/components',
    doc: 'The mineral content as `mineral:origin:value` triples, comma-separated (e.g. `dy-oxide:CN:100,nd-oxide:AU:3000`), values in the product’s currency; a fourth part gives a value’s own currency (`dy-oxide:CN:700:CNY`, its rate in `fx`).',
    example: 'dy-oxide:CN:99.99',
  },
  reportingCurrency: {
    to: '/currency',
    doc:
      'Currency of the answer (the JSON form’s `currency`, default USD there); default the ' +
      'product’s (`currency`), or USD, as the JSON form’s, when `fx` gives the product’s ' +
      'currency a rate: `currency=EUR&fx=EUR:1.08` answers in USD, `currency=EUR` in EUR. A ' +
      'value in another currency than the answer’s needs its rate in `fx`.',
  },
  fx: FX_FIELD,
  vat: {
    ...VAT_FIELD,
    doc: `${VAT_FIELD.doc} Applies to the product value and every component alike: the shares stay as they are, \`redValue\` and \`chinaContentValue\` are ex-VAT.`,
  },
  maxRedShare: {
    to: '/maxRedShare',
    doc: 'Highest red share that still counts as blue; default 0.',
  },
  minBlueShare: { to: '/minBlueShare', doc: 'Lowest blue share that counts as blue; default 0.5.' },
  asOf: { to: '/asOf', doc: 'Date YYYY-MM-DD; default today (UTC).' },
  rounding: { to: '/rounding', doc: '`half-up` (default) or `half-even`.' },
});

/**
 * `mineral:origin:value` triples (or `mineral:origin:value:currency`) as the JSON form's
 * components; a triple with a part missing keeps the parts it has, so the schema names what is
 * missing at its pointer.
 */
function componentsFromList(request: Record<string, unknown>): Record<string, unknown> {
  if (typeof request.components !== 'string') return request;
  request.components = request.components.split(',').map((triple) => {
    const [mineral, origin, value, currency] = triple.split(':').map((part) => part.trim());
    return {
      ...(mineral ? { mineral } : {}),
      ...(origin ? { origin } : {}),
      ...(value ? { value } : {}),
      ...(currency ? { currency } : {}),
    };
  });
  return request;
}

/** The answer's currency when the query names none (answerInInputCurrency). */
const reportingFromQuery = answerInInputCurrency('productValue');

export const originContentCalculator = {
  path: '/v1/origin-content',
  tag: 'Benchmarks, origin content and floor financing',
  operationId: 'computeOriginContent',
  summary: 'Red / blue / grey content of a product, and China’s 0.1% rule',
  description:
    'Shares of product value by the bloc of each mineral component’s origin, and whether China’s ' +
    'extraterritorial rule (MOFCOM No. 61 [2025]: a foreign product whose Chinese-origin content of ' +
    'controlled rare earths is 0.1% of its value or more needs a Chinese export licence) bites on ' +
    '`asOf`. The rule follows its dated status: suspended by No. 70 [2025] from 2025-11-07 to ' +
    '2026-11-10; after that, the data does not know whether the suspension was extended, so the ' +
    'legal default (the rule applies) is kept and the answer warns. The answer is in `currency` ' +
    '(default USD, as every calculator’s); values in another currency (the product value’s or a ' +
    'component’s `currency`) need their rates in `fx` and are restated with it before the ' +
    'shares are taken. `vat` takes ' +
    'a VAT included in the values out of all of them alike: it leaves every share and test as ' +
    'it is and makes `redValue` and `chinaContentValue` ex-VAT (113 incl. 13% VAT is 100).',
  request: OriginContentRequestSchema,
  requestDescription: 'The product and its mineral content.',
  response: OriginContentResponseSchema,
  responseDescription: 'The shares and the licence test.',
  resolve: resolveOriginContent,
  compute: (command: OriginContentCommand) => originContent(command.input),
  present: presentOriginContent,
  row: originContentRow,
  get: {
    operationId: 'computeOriginContentFromQuery',
    summary: 'Origin content from a query string (spreadsheets)',
    description:
      'The same computation as `POST /v1/origin-content`, the components as `mineral:origin:value` ' +
      'triples: `…/v1/origin-content?productValue=100000&components=dy-oxide:CN:100&format=text` → ' +
      'the licence answer; past the date the rule’s status is known to, `true (assumed)`.',
    form: FORM,
    defaults: (request) => reportingFromQuery(componentsFromList(request)),
    field: 'chinaLicenceRequired',
    examples: { text: 'true (assumed)' },
  },
} satisfies Calculator<
  '/v1/origin-content',
  typeof OriginContentRequestSchema,
  typeof OriginContentResponseSchema,
  OriginContentCommand,
  ReturnType<typeof originContent>,
  keyof typeof FORM.query.shape
>;

export const originContentRouter = calculatorRouter(originContentCalculator);
