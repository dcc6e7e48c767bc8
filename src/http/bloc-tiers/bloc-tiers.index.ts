import { z } from '@hono/zod-openapi';
import { combinedCoverage, leastComplete, type TariffCoverage } from '../../data/measures';
import {
  type BlocTiersReport,
  blocTiers,
  clearZoneMarket,
  reportBlocTiers,
  reportZoneMarket,
} from '../../domain/bloc-tiers';
import { roundRate, roundRatioMoney } from '../../domain/rounding';
import { convertQuantity, kgPerUnit } from '../../domain/units';
import { multiply } from '../../numeric';
import { type Calculator, calculatorRouter, FORMATS, flatForm, renderingGet } from '../calculator';
import { FX_FIELD, METHOD_FIELDS, TRANCHE, VAT_FIELD } from '../query-form';
import { type BlocTiersCommand, resolveBlocTiersOverDates } from './bloc-tiers.command';
import {
  BLOC_TIERS_COLUMNS,
  blocTiersRows,
  blocTiersSummary,
  blocTiersSvg,
  presentBlocTiers,
} from './bloc-tiers.present';
import { BlocTiersRequestSchema, BlocTiersResponseSchema } from './bloc-tiers.schemas';

const SVG = 'image/svg+xml; charset=utf-8';

const DESCRIPTION =
  'The dual-track market under a price floor. For each destination: red-origin supply landed there ' +
  '(the China-track price, its other duties, and the floor-gap duty where the floor applies — the ' +
  'same computation as `/v1/floor-gap`), blue supply landed there, which is cheaper (a tie goes to ' +
  'blue: at parity buyers take the secure supply; decided on the exact landed prices, which print ' +
  'with more places, up to 10, where 4 would show them equal or reversed) and which track’s price ' +
  'governs (the cheaper one: ' +
  'blue inside a full-gap floor whenever the blue offer is at or below it). Plus the two tracks with spread and blue premium, and leakage: destinations outside the ' +
  'floor where red stays cheaper, and how much less a maker there pays per unit than one inside. ' +
  'Without `destinations` every member of every bloc on `asOf` is priced (red, blue, then grey, ' +
  'as `GET /v1/blocs` lists them). ' +
  'The floor is coordinated (every blue member) unless `floorMembers` names who applies it. ' +
  '"Red" and "blue" name price tracks, not judgements. Worked example: red 10, blue 15, ' +
  'floor 16 → red lands at 16 inside the floor, blue is cheapest there at 15, red stays 10 outside, ' +
  'downstream cost gap 5 (all of it `floorPart`; the rest of a gap, from the destinations’ other ' +
  'duties and freight, is `otherDutiesPart`). China’s home market (the red bloc) is `redHome`, never ' +
  'leakage. `market` clears the floor zone with finite allied capacity: blue sells up to ' +
  '`blueCapacity` at its landed offer, red is unlimited at its landed price; with demand 1,000 t ' +
  'and capacity 400 t the zone clears at 16 with 600 t of red, 3,600,000.00 to the treasury, ' +
  '400,000.00 of allied rent and 6,000,000.00 more paid by buyers. A producer-side contract ' +
  'benchmark (`dod-ndpr-floor`) is a 422 pointing to `/v1/floor-financing` unless ' +
  '`asBorderFloor` is true. Not modelled: demand responding to the price, red supply limits.';

/** Query parameters → pointers in the JSON request; lists are comma-separated. */
const FORM = flatForm({
  mineral: { to: '/mineral', doc: 'Mineral id.', example: 'ndpr-oxide' },
  redPrice: { to: '/redPrice/amount', doc: 'China-track price per `per`.', example: '62' },
  bluePrice: { to: '/bluePrice/amount', doc: 'Allied offer per `per`; default the floor.' },
  floor: { to: '/floor/amount', doc: 'Floor per `per`; or `benchmark`.' },
  per: { to: '/redPrice/per', doc: 'Unit of the prices.', example: 'kg' },
  currency: { to: '/currency', doc: 'Currency of the prices and the answer; default USD.' },
  redCurrency: {
    to: '/redPrice/currency',
    doc: 'Currency of `redPrice` when it differs from `currency` (give its rate in `fx`).',
  },
  blueCurrency: {
    to: '/bluePrice/currency',
    doc: 'Currency of `bluePrice` when it differs from `currency` (give its rate in `fx`).',
  },
  floorCurrency: {
    to: '/floor/currency',
    doc: 'Currency of `floor` when it differs from `currency` (give its rate in `fx`).',
  },
  fx: FX_FIELD,
  vat: { ...VAT_FIELD, doc: `${VAT_FIELD.doc} Applies to \`redPrice\` only.` },
  benchmark: {
    to: '/benchmark',
    doc: 'Floor benchmark id (a producer-side contract such as dod-ndpr-floor is refused unless `asBorderFloor=true`).',
    example: 'g7-lree-floor',
  },
  asBorderFloor: {
    to: '/asBorderFloor',
    doc: '`true` prices a producer-side contract benchmark (dod-ndpr-floor) as if it were a border floor, with the warning `not-a-border-floor`; default `false` (refused, pointing to `/v1/floor-financing`).',
  },
  destinations: {
    to: '/destinations',
    doc: 'Comma-separated countries, e.g. `US,JP,IN`; default every member of every bloc on `asOf`, in `GET /v1/blocs` order (red, blue, grey).',
  },
  floorMembers: {
    to: '/floorMembers',
    doc: 'Comma-separated countries applying the floor; default the blue bloc. `EU` applies it in its member states too.',
  },
  blueOrigin: { to: '/blueOrigin', doc: 'Origin of blue supply.' },
  redFreight: {
    to: '/redFreight',
    doc: 'International freight on red supply per unit of the floor (`per`, or the benchmark’s unit), in `currency`; added to its landed price everywhere and to its customs value where the destination values imports c.i.f. Default 0.',
  },
  blueFreight: {
    to: '/blueFreight',
    doc: 'International freight on blue supply per unit of the floor, in `currency`. Default 0.',
  },
  basis: { to: '/basis', doc: '`duty-paid` (default) or `customs-value`.' },
  ...METHOD_FIELDS,
  trigger: {
    to: '/method/trigger/amount',
    doc: 'With `method=tranche`: the trigger price T; default the floor.',
    onlyWith: TRANCHE,
  },
  triggerPer: {
    to: '/method/trigger/per',
    doc: 'Unit of `trigger`, when it differs from `per`.',
    onlyWith: TRANCHE,
  },
  asOf: { to: '/asOf', doc: 'Date YYYY-MM-DD; default today.' },
  scenario: { to: '/scenario', doc: 'Scenario; default baseline.' },
  rounding: { to: '/rounding', doc: '`half-up` or `half-even`.' },
});

/** The GET form's implied values: prices share `per`, lists are comma-separated. */
function withFlatDefaults(request: Record<string, unknown>): Record<string, unknown> {
  const per = (request.redPrice as { per?: string } | undefined)?.per;
  for (const key of ['bluePrice', 'floor'] as const) {
    const price = request[key] as { per?: string } | undefined;
    if (price !== undefined && price.per === undefined && per !== undefined) price.per = per;
  }
  const trigger = (request.method as { trigger?: { per?: string } } | undefined)?.trigger;
  if (trigger !== undefined && trigger.per === undefined && per !== undefined) trigger.per = per;
  for (const key of ['destinations', 'floorMembers'] as const) {
    const list = request[key];
    if (typeof list === 'string') request[key] = list.split(',').map((s) => s.trim());
  }
  // asBorderFloor=true|false: the boolean the JSON form takes; anything else stays a string, so
  // the schema refuses it at the parameter ("must be true or false").
  if (request.asBorderFloor === 'true' || request.asBorderFloor === 'false') {
    request.asBorderFloor = request.asBorderFloor === 'true';
  }
  // asOf=2025-11-15,2026-03-01: one tier set per date
  if (typeof request.asOf === 'string' && request.asOf.includes(',')) {
    request.asOf = request.asOf.split(',').map((s) => s.trim());
  }
  return request;
}

export const blocTiersCalculator = {
  path: '/v1/bloc-tiers',
  tag: 'Red / blue price tiers',
  operationId: 'computeBlocTiers',
  summary: 'Red and blue landed prices by destination under a floor',
  description: `${DESCRIPTION} Send \`Accept: image/svg+xml\` for the picture.`,
  request: BlocTiersRequestSchema,
  requestDescription: 'The mineral, the two prices and the floor.',
  response: BlocTiersResponseSchema,
  responseDescription: 'The tiers, tracks and leakage (JSON), or the picture (SVG).',
  resolve: resolveBlocTiersOverDates,
  compute: (commands: readonly BlocTiersCommand[]) =>
    commands.map((c): BlocTiersReport => {
      const tiers = blocTiers(c);
      // The tiers on the prices times s (`exactPrices`): exact where a price restated per the
      // floor's unit does not terminate, and in the same order (s > 0). Every decision is theirs.
      const exact = blocTiers({ ...c, ...c.exactPrices.prices });
      const result = { ...tiers, reported: reportBlocTiers(tiers, c.rounding, exact) };
      if (c.market === undefined) return result;
      const { destination, demandKg, blueCapacityKg } = c.market;
      // The money figures are per-unit prices times volumes, rounded once: the zone is cleared on
      // the exact tiers and on the volumes in kg, so each money figure is its value times s × kg
      // per floor unit, exact, divided by that once. Which destination stands for the zone and
      // whether blue competes are decided on those exact landed prices.
      const market = clearZoneMarket(exact.destinations, {
        destination,
        demand: demandKg,
        blueCapacity: blueCapacityKg,
      });
      const moneyDenominator = multiply(c.exactPrices.scale, kgPerUnit(c.unit));
      const { unit, demand } = c.market;
      const zone = result.reported.destinations.find((t) => t.country === market?.destination);
      return {
        ...result,
        market,
        reportedMarket:
          market === null || zone === undefined
            ? null
            : reportZoneMarket(market, zone, demand, (x) => convertQuantity(x, 'kg', unit), {
                volume: (x) => roundRate(x, c.rounding),
                money: (x) =>
                  roundRatioMoney({ of: x, to: moneyDenominator }, c.currency, c.rounding),
              }),
      };
    }),
  // One date: the answer as before. Several: the first date's answer, and one per date in `dates`.
  present: (commands: readonly BlocTiersCommand[], results: readonly BlocTiersReport[]) => {
    const answers = commands.map((c, i) => presentBlocTiers(c, results[i] as BlocTiersReport));
    const [first] = answers;
    if (first === undefined) throw new RangeError('bloc tiers need a date');
    if (answers.length === 1) return first;
    // Every date's lanes, combined (the bare forms refuse on the least known: refusalCoverage).
    const tariffs = combinedCoverage(answers.map((a) => a.coverage.tariffs));
    return { ...first, coverage: { tariffs }, dates: answers };
  },
  // A bare form prints every date's and destination's figures: refused when any lane's tariff is
  // unknown (each destination reports the least complete of its red and blue lanes).
  refusalCoverage: (response) =>
    leastComplete(
      (response.dates ?? [response]).flatMap((a) =>
        a.destinations.map((d): TariffCoverage => d.coverage.tariffs),
      ),
    ),
  row: blocTiersSummary,
  table: (response) => ({ header: BLOC_TIERS_COLUMNS, rows: blocTiersRows(response) }),
  renderings: { svg: { contentType: SVG, render: blocTiersSvg } },
  get: {
    operationId: 'computeBlocTiersFromQuery',
    summary: 'Red / blue tiers from a query string (spreadsheets)',
    description: `${DESCRIPTION} Lists are comma-separated; \`format=csv\` gives one row per destination (per date and destination, with its \`asOf\`, when \`asOf\` lists several dates); \`format=svg\` one picture per date. \`market\` (finite allied capacity) is taken by the POST form only.`,
    form: FORM,
    defaults: withFlatDefaults,
    field: 'spread',
    fieldDoc:
      'With `format=text`: spread, bluePremium, red, blue, floorPerUnit, downstreamCostGapPerUnit, floorPart, otherDutiesPart, insideCost, leakCost, leakDestinations, redHome, currency.',
    format: z
      .enum([...FORMATS, 'svg'])
      .optional()
      .openapi({
        description:
          '`json`, `csv` (one row per date and destination), `text` (the `field`, of the first date), or `svg` (one picture per date).',
      }),
    examples: { text: '5.0000' },
  },
  assumeInRequest: true,
} satisfies Calculator<
  '/v1/bloc-tiers',
  typeof BlocTiersRequestSchema,
  typeof BlocTiersResponseSchema,
  readonly BlocTiersCommand[],
  BlocTiersReport[],
  keyof typeof FORM.query.shape
>;

const drawBlocTiers = renderingGet(blocTiersCalculator, 'svg', {
  operationId: 'drawBlocTiers',
  path: '/v1/bloc-tiers.svg',
  summary: 'The red / blue tiers as a picture',
  description:
    'The same query as `GET /v1/bloc-tiers`, answered as an SVG bar chart: red and blue landed ' +
    'price per destination, the floor as a dashed line, leaking destinations boxed. ' +
    'It is `GET /v1/bloc-tiers` with `format=svg`, read and refused the same way: `strict=true` ' +
    'is a 422 listing uncertain data. It takes no `format`, `field` or `decimal`. ' +
    'E.g. `/v1/bloc-tiers.svg?mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&destinations=US,JP,EU,IN,VN`.',
  responseDescription: 'An SVG bar chart.',
});

export const blocTiersRouter = calculatorRouter(blocTiersCalculator).openapi(
  drawBlocTiers.route,
  drawBlocTiers.handler,
);
