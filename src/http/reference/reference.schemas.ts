import { z } from '@hono/zod-openapi';
import { MEASURE_STATES } from '../../data/measures';
import {
  benchmarkSchema,
  blocSchema,
  countrySchema,
  measureSchema,
  membershipSchema,
  mineralSchema,
  scenarioSchema,
  timelineEventSchema,
} from '../../data/schema';
import { policyData } from '../../data/store';
import { BLOCS } from '../../domain/bloc-tiers';
import { CountryCode, IsoDate, WarningSchema } from '../schemas';

/**
 * Reference data is served as seeded: the seed schemas are the response schemas. Each is cloned
 * before `.openapi()`: a schema built before @hono/zod-openapi extends zod has no `.openapi`, and
 * module order should not decide that.
 */
/** A row as the API serves it, for a schema's example: the example cannot drift from the data. */
function served<T>(rows: ReadonlyMap<string, T>, id: string): T {
  const row = rows.get(id);
  if (row === undefined) throw new Error(`the documented example ${id} is not in the seeds`);
  return row;
}

export const MineralSchema = mineralSchema.clone().openapi('Mineral', {
  description: 'A traded mineral product, its group and the HTS lines it may be classified under.',
  example: served(policyData.minerals, 'ndpr-oxide'),
});

export const BenchmarkSchema = benchmarkSchema.clone().openapi('Benchmark', {
  description:
    'A reference floor or cap, with its legal status and source. `mechanism` says how it acts: ' +
    'a `border` floor is charged on imports; a `producer-contract` floor is paid to one producer ' +
    '(buyers pay the market price); a `reported-reference` is a figure reported in the press, ' +
    'not an instrument. `stage` is the production stage its price is quoted at (`unknown` where ' +
    'the source does not say) and `basis` what it is quoted on.',
  example: served(policyData.benchmarks, 'dod-ndpr-floor'),
});

const measureStateSchema = z.object({
  state: z.enum(MEASURE_STATES).openapi({
    description:
      '`assumed`: a suspension ended and what followed is not known; the legal default is ' +
      'assumed. `scenario-only`: a what-if row (`scenarioOnly`) only scenarios apply; never in force.',
  }),
  reason: z.string().openapi({ example: 'in force' }),
});

const stateOn = { stateOn: measureStateSchema };
const [adValorem, specific, floorGap, fee, exportLicence] = measureSchema.options;

export const MeasureSchema = z
  .discriminatedUnion('kind', [
    adValorem.extend(stateOn),
    specific.extend(stateOn),
    floorGap.extend(stateOn),
    fee.extend(stateOn),
    exportLicence.extend(stateOn),
  ])
  .openapi('Measure', {
    description:
      'A dated policy row: tariff, fee, floor-gap measure or export licence, with its scope, legal ' +
      'source, confidence and the date until which it is known to hold. `stateOn` is its state on ' +
      'the requested `asOf`.',
  });

export const BlocWithMembersSchema = blocSchema
  .omit({ home: true })
  .extend({
    shownByDefault: blocSchema.shape.shownByDefault.clone().openapi({
      description:
        'A short list of the bloc’s most-traded members, for a client that wants a compact ' +
        '`destinations` list (e.g. a chart). Not a default of any calculation: `POST ' +
        '/v1/bloc-tiers` prices every member of every bloc when `destinations` is not given.',
      example: ['CN'],
    }),
    members: z.array(z.string()).openapi({ example: ['CN', 'HK', 'MO'] }),
  })
  .openapi('Bloc');

export const CountrySchema = countrySchema
  .extend({
    bloc: z.enum(BLOCS),
    membership: membershipSchema.nullable(),
    asOf: IsoDate,
    warnings: z.array(WarningSchema),
  })
  .openapi('Country');

export const ScenarioSchema = scenarioSchema.clone().openapi('Scenario');
export const TimelineEventSchema = timelineEventSchema.clone().openapi('TimelineEvent');

export const AsOfQuery = z.object({
  asOf: IsoDate.optional().openapi({
    description: 'Date YYYY-MM-DD; default (left out) today (UTC); blank (`asOf=`) is a 422.',
  }),
});

export const MeasuresQuery = AsOfQuery.extend({
  destination: CountryCode.optional().openapi({ description: 'Importing country or `EU`.' }),
  origin: CountryCode.optional().openapi({ description: 'Country of origin.', example: 'CN' }),
  mineral: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: 'Mineral id.', example: 'ndfeb-magnet' }),
  inForce: z
    .enum(['true', 'false'])
    .optional()
    .openapi({
      description:
        '`true` (default): only measures in force on `asOf`, or assumed to be (`assumed`); ' +
        '`false`: every row, each with its state on `asOf` (`stateOn`: ended, not yet, ' +
        'suspended, scenario-only…).',
    }),
});

export const IdParam = (example: string) =>
  z.object({
    id: z
      .string()
      .max(64)
      .openapi({ param: { name: 'id', in: 'path' }, example }),
  });

export const CodeParam = z.object({
  code: z
    .string()
    .max(8)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'JP' }),
});

/** A date parameter with no example of its own: the documented window is `from`–`to`. */
const WindowStart = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

export const ChangesQuery = z.object({
  since: WindowStart.optional().openapi({
    description:
      'List changes on or after this date (no end: changes already scheduled are listed). ' +
      'Give either `since` or `from`.',
  }),
  from: IsoDate.optional().openapi({
    description: 'Start of a window (inclusive).',
    example: '2026-07-20',
  }),
  to: IsoDate.optional().openapi({
    description: 'End of the window (inclusive); default no end.',
    example: '2026-07-31',
  }),
});

export const DataChangeSchema = z
  .object({
    date: IsoDate,
    change: z.enum(['started', 'ended', 'replaced', 'suspended', 'suspension-ended']).openapi({
      description:
        '`ended` is the last day a row was in force; `replaced` names the row it follows, old value → new.',
    }),
    rowId: z.string(),
    row: z.enum(['measure', 'benchmark', 'membership']),
    detail: z.string(),
    source: z
      .string()
      .openapi({ description: 'The legal instrument or public document behind it.' }),
  })
  .openapi('DataChange');
