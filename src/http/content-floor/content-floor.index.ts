import {
  type ContentFloorReport,
  contentFloor,
  reportContentFloor,
} from '../../domain/content-floor';
import { roundPerUnit } from '../../domain/rounding';
import { type Calculator, calculatorRouter, flatForm } from '../calculator';
import { FX_FIELD, VAT_FIELD } from '../query-form';
import { type ContentFloorCommand, resolveContentFloor } from './content-floor.command';
import { contentFloorRow, presentContentFloor } from './content-floor.present';
import { ContentFloorRequestSchema, ContentFloorResponseSchema } from './content-floor.schemas';

/**
 * The GET form: one content line, its floor and its red price (the JSON form takes several). The
 * pointers fill the first element of each list; {@link withOneLine} turns them into lists.
 */
const FORM = flatForm({
  stage: { to: '/product/stage', doc: 'The product’s stage, e.g. `magnet`.', example: 'magnet' },
  price: {
    to: '/product/price/amount',
    doc: 'The product’s (red) price per `per`.',
    example: '60',
  },
  per: { to: '/product/price/per', doc: 'The product’s unit.', example: 'kg' },
  currency: { to: '/currency', doc: 'Currency of the prices and the answer; default USD.' },
  floor: { to: '/floors/0/price/amount', doc: 'The floor per `floorPer`.', example: '110' },
  floorStage: {
    to: '/floors/0/stage',
    doc: 'The stage the floor is set at (`oxide` or `metal`); required, never assumed.',
    example: 'oxide',
  },
  floorPer: { to: '/floors/0/price/per', doc: 'Unit of `floor`; default `per`.', implied: true },
  redPrice: {
    to: '/redPrices/0/price/amount',
    doc: 'The red price of the content at the floor’s stage, per `redPer`.',
    example: '75',
  },
  redPer: {
    to: '/redPrices/0/price/per',
    doc: 'Unit of `redPrice`; default `per`.',
    implied: true,
  },
  redStage: { to: '/redPrices/0/stage', doc: 'Stage of `redPrice`; default the floor’s.' },
  mineral: {
    to: ['/product/content/0/mineral', '/floors/0/mineral', '/redPrices/0/mineral'],
    doc: 'The floored mineral the product contains.',
    example: 'ndpr-oxide',
  },
  kgPerUnit: {
    to: '/product/content/0/kgPerUnit',
    doc: 'kg of the content, in `form`, per unit of product.',
    example: '0.30',
  },
  form: {
    to: '/product/content/0/form',
    doc: '`oxide` or `metal`: how `kgPerUnit` counts the content.',
    example: 'metal',
  },
  metalPerOxide: {
    to: '/product/content/0/metalPerOxide',
    doc: 'kg of metal per kg of oxide (required for metal content or a metal floor).',
    example: '0.85',
  },
  yield: { to: '/product/content/0/yield', doc: 'kg in the product per kg bought; default 1.' },
  productFloor: {
    to: '/floors/1/price/amount',
    doc: 'A floor set at the product’s own stage, per `per`: compared with the implied floor (`stageLeak`).',
  },
  fx: FX_FIELD,
  vat: { ...VAT_FIELD, doc: `${VAT_FIELD.doc} Applies to \`price\` and \`redPrice\`.` },
  asOf: { to: '/asOf', doc: 'Date YYYY-MM-DD; default today (UTC).' },
  rounding: { to: '/rounding', doc: '`half-up` (default) or `half-even`.' },
});

/** A list filled by index pointers (`{ "0": … }`) as a list. */
function asList(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.keys(value)
        .sort()
        .map((k) => (value as Record<string, unknown>)[k])
    : value;
}

/**
 * The GET form's one line as the JSON form's lists; prices default to the product's unit, and the
 * product-stage floor is of the same mineral at the product's stage.
 */
function withOneLine(request: Record<string, unknown>): Record<string, unknown> {
  const product = request.product as Record<string, unknown> | undefined;
  const per = (product?.price as { per?: unknown } | undefined)?.per;
  const floors = request.floors as Record<string, Record<string, unknown>> | undefined;
  const productFloor = floors?.['1'];
  if (productFloor !== undefined) {
    productFloor.stage = product?.stage;
    productFloor.mineral = floors?.['0']?.mineral;
  }
  for (const item of [...Object.values(floors ?? {}), ...Object.values(request.redPrices ?? {})]) {
    const price = (item as { price?: { per?: unknown } }).price;
    if (price !== undefined && price.per === undefined) price.per = per;
  }
  // Without a red price the line's mineral alone is no red price: the resolver asks for one.
  const reds = request.redPrices as Record<string, { price?: unknown }> | undefined;
  if (reds?.['0'] !== undefined && reds['0'].price === undefined) delete reds['0'];
  if (product !== undefined) product.content = asList(product.content);
  request.floors = asList(request.floors);
  request.redPrices = asList(request.redPrices);
  return request;
}

export const contentFloorCalculator = {
  path: '/v1/content-floor',
  tag: 'Floor-gap duty',
  operationId: 'computeContentFloor',
  summary: 'A floor set on oxide or metal, applied to a product through its content',
  description:
    'Carries floors set at an upstream stage into a product further down (metal, magnet) through ' +
    'its content, so that selling the product instead of the oxide does not escape the floor. Per ' +
    'content line: kg of oxide per unit of product (metal content ÷ metal per oxide ÷ yield), the ' +
    'gap per kg of oxide (floor − red price at the floor’s stage), and the duty. Floors whose stage ' +
    'cannot be converted into the content (a concentrate or alloy floor) and red prices at another ' +
    'stage than their floor are refused, never silently applied. A floor at the product’s own ' +
    'stage is compared with the implied floor: lower, it is `stageLeak`; higher, it is not charged ' +
    'here and a `product-stage-floor` warning says so (POST /v1/floor-gap prices a duty on the ' +
    'product’s own price). Floors and red prices of minerals not in the content are not applied ' +
    '(a `not-in-content` warning names them). Worked example: NdPr oxide floor ' +
    '110, red oxide 75, a magnet with 0.30 kg NdPr metal per kg at 0.85 kg metal per kg oxide → ' +
    '0.352941 kg oxide per kg of magnet, duty 12.3529 per kg. Not modelled: how the duty is ' +
    'collected on a product (a content declaration), or what the product’s own value adds.',
  request: ContentFloorRequestSchema,
  requestDescription: 'The product, its content, the floors by stage and the red prices.',
  response: ContentFloorResponseSchema,
  responseDescription:
    'The content duty per unit of product and the floor it implies at its stage.',
  resolve: resolveContentFloor,
  compute: (command: ContentFloorCommand) =>
    reportContentFloor(command.input, contentFloor(command.input), (x) =>
      roundPerUnit(x, command.rounding),
    ),
  present: presentContentFloor,
  row: contentFloorRow,
  get: {
    operationId: 'computeContentFloorFromQuery',
    summary: 'Content floor from a query string (spreadsheets)',
    description:
      'The same computation as `POST /v1/content-floor` for one content line, its floor and its ' +
      'red price: `…/v1/content-floor?stage=magnet&price=60&per=kg&mineral=ndpr-oxide&kgPerUnit=0.30&' +
      'form=metal&metalPerOxide=0.85&floor=110&floorStage=oxide&redPrice=75&format=text` → ' +
      '`12.3529` (the content duty per kg of magnet). Unknown or repeated parameters are a 400.',
    form: FORM,
    defaults: withOneLine,
    field: 'dutyPerUnit',
    examples: { text: '12.3529' },
  },
} satisfies Calculator<
  '/v1/content-floor',
  typeof ContentFloorRequestSchema,
  typeof ContentFloorResponseSchema,
  ContentFloorCommand,
  ContentFloorReport,
  keyof typeof FORM.query.shape
>;

export const contentFloorRouter = calculatorRouter(contentFloorCalculator);
