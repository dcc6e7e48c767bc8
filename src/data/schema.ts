import { z } from 'zod';
import { BENCHMARK_KINDS, BENCHMARK_MECHANISMS, BENCHMARK_STAGES } from '../domain/benchmark-check';
import { BLOCS } from '../domain/bloc-tiers';
import { CONFIDENCES } from '../domain/confidence';
import { isCurrencyCode } from '../domain/currencies';
import { FLOOR_BASES } from '../domain/floor-gap';
import { TRANSPORTS, VALUATION_BASES } from '../domain/landed-cost';
import { UNITS } from '../domain/units';
import { DECIMAL_PATTERN, MAX_DECIMAL_LENGTH } from '../numeric';

/**
 * The shape of every seed file under seeds/. Seeds are validated with these schemas when the
 * Worker loads them, and by the seed tests, so a bad row fails CI, never a request.
 * Decimals stay strings in the seeds; the calculators parse them with the numeric core.
 */

const isoDate = z.iso.date();
const decimalString = z.string().max(MAX_DECIMAL_LENGTH).regex(DECIMAL_PATTERN);
const country = z.string().regex(/^[A-Z]{2}$/);
/** A seed's money is in a currency of ISO 4217, as a request's must be. */
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .refine((code): boolean => isCurrencyCode(code), { error: 'must be an ISO 4217 currency code' });
const unit = z.enum(UNITS);
/**
 * HTS numbers as written in the schedule: a heading prefix "2846", a subheading "2805.30", an
 * 8-digit line "8505.11.00", or a 10-digit statistical line "8505.11.0070" where a rule names one
 * (the Section 122 and Section 301 forced-labor exemptions list sintered NdFeB at that level).
 */
export const HTS_PATTERN = /^[0-9]{4}(\.[0-9]{2}(\.[0-9]{2}([0-9]{2})?)?)?$/;
const htsCode = z.string().regex(HTS_PATTERN);

export const confidence = z.enum(CONFIDENCES);

export const MINERAL_GROUPS = [
  'light-ree',
  'heavy-ree',
  'ree-metal',
  'magnet',
  'battery',
  'other',
] as const;

export const blocId = z.enum(BLOCS);

/** A legal or documentary source. */
export const sourceSchema = z.strictObject({
  /** The instrument: "Proclamation 11001", "89 FR 76581", "MOFCOM Announcement No. 18 [2025]". */
  instrument: z.string().min(1),
  /** Where in it, or how it is cited: "19 CFR 24.24(a)", "HTSUS 2846.90.80". */
  citation: z.string().min(1).optional(),
  url: z.url().optional(),
  /** Secondary sources the fact was checked against (trackers, law firms, press). */
  via: z.string().min(1).optional(),
});

export const mineralSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  group: z.enum(MINERAL_GROUPS),
  /** HTS lines the product may fall under; `defaultHts` is used when a request names none. */
  hts: z.array(htsCode).min(1),
  defaultHts: htsCode,
  defaultUnit: unit,
  /** Rare-earth or other elements the product contains, by symbol (for export-control scope). */
  elements: z.array(z.string().regex(/^[A-Z][a-z]?$/)),
  /** Why the HTS line is uncertain, when it is (classification decides the rate). */
  classificationNote: z.string().min(1).optional(),
  notes: z.string().min(1).optional(),
});

export const blocSchema = z.strictObject({
  id: blocId,
  name: z.string().min(1),
  description: z.string().min(1),
  /**
   * A short list of the bloc's most-traded members (EU for its states), served by `GET /v1/blocs`
   * for a client that wants a compact `destinations` list. No default of any calculation: bloc
   * tiers price every member of every bloc unless told otherwise.
   */
  shownByDefault: z.array(z.union([country, z.literal('EU')])),
  /**
   * The country whose price the track is and whose supply a bloc-tiers answer prices (red: China,
   * the Chinese price); none where a bloc has no one home (blue, grey). The red bloc must have one.
   */
  home: country.optional(),
});

export const countrySchema = z.strictObject({
  code: z.union([country, z.literal('EU')]),
  name: z.string().min(1),
  /** How customs values imports: FOB (the US) or CIF (EU, Japan, most others). */
  valuationBasis: z.enum(VALUATION_BASES),
  /** The customs union the country belongs to, if any ("EU"). */
  customsUnion: z.literal('EU').optional(),
});

/** A dated spell of a country in a bloc. Outside every spell a country is grey. */
export const membershipSchema = z.strictObject({
  country: z.union([country, z.literal('EU')]),
  bloc: blocId,
  from: isoDate,
  to: isoDate.nullable(),
  knownUntil: isoDate,
  basis: z.string().min(1),
  source: sourceSchema,
});

export const BENCHMARK_STATUSES = ['official', 'contract', 'reported', 'proposed'] as const;

export const priceSchema = z.strictObject({ amount: decimalString, currency, per: unit });

/** A producer contract's share of the market price above a threshold, with an optional yearly cap. */
const upsideShareSchema = z.strictObject({
  share: decimalString,
  above: priceSchema,
  capPerYear: z.strictObject({ amount: decimalString, currency }).nullable(),
  confidence,
});

export const benchmarkSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  kind: z.enum(BENCHMARK_KINDS),
  /** A mineral group ("light-ree") or a mineral id ("ndpr-oxide"). */
  appliesTo: z.string().min(1),
  price: priceSchema,
  mechanism: z.enum(BENCHMARK_MECHANISMS),
  stage: z.enum(BENCHMARK_STAGES),
  /** What the price is quoted on: the product, its grade or content, and the price it is compared with. */
  basis: z.string().min(1),
  status: z.enum(BENCHMARK_STATUSES),
  /** Whether trades beyond the threshold would need a licence under the scheme. */
  licenceBeyond: z.boolean(),
  effectiveFrom: isoDate.nullable(),
  effectiveTo: isoDate.nullable(),
  knownUntil: isoDate,
  confidence,
  source: sourceSchema,
  /** What the other party keeps of prices above a threshold (producer contracts only). */
  upsideShare: upsideShareSchema.optional(),
  notes: z.string().min(1).optional(),
});

/** Who a measure applies to: destinations and origins by country or bloc; empty = everyone. */
const scopeSchema = z.strictObject({
  countries: z.array(z.union([country, z.literal('EU')])).optional(),
  blocs: z.array(blocId).optional(),
  exceptCountries: z.array(z.union([country, z.literal('EU')])).optional(),
});

/**
 * A named list of tariff lines a measure exempts ("Annex II" of Proclamation 11012): answers name
 * the list when a line is exempt ("exempt: Annex II"), from this structure, not from a row's text.
 */
const exemptionListSchema = z.strictObject({
  /** The list's name as the instrument gives it: "Annex II", "Annex II Part A". */
  list: z.string().min(1),
  /** Where the list is in the law: "U.S. note 2(aa) to subchapter III of chapter 99". */
  citation: z.string().min(1).optional(),
  /** How sure the data is of the list's lines, where less sure than of the row's rate. */
  confidence: confidence.optional(),
  hts: z.array(htsCode).min(1),
});

/** Which goods: HTS prefixes, mineral ids or mineral groups; empty = all goods. */
const productScopeSchema = z.strictObject({
  hts: z.array(htsCode).optional(),
  minerals: z.array(z.string()).optional(),
  groups: z.array(z.enum(MINERAL_GROUPS)).optional(),
  /** Lines excepted without a named list. */
  exceptHts: z.array(htsCode).optional(),
  /** Lines excepted by a named exemption list of the instrument. */
  exemptions: z.array(exemptionListSchema).optional(),
});

export const MEASURE_STATUSES = [
  'in-force',
  'historical',
  'void',
  'suspended',
  'reported',
  'proposed',
] as const;

const floorGapMethodSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('full-gap') }),
  z.strictObject({
    type: z.literal('tranche'),
    /** The trigger price T the bands are fractions of (WTO AoA art. 5.5); the floor if absent. */
    trigger: priceSchema.optional(),
    bands: z
      .array(z.strictObject({ upTo: decimalString.nullable(), share: decimalString }))
      .optional(),
  }),
  z.strictObject({ type: z.literal('capped'), maxRate: decimalString }),
  z.strictObject({ type: z.literal('all-or-nothing'), penaltyRate: decimalString }),
]);

/** A spell during which a measure in force is suspended (e.g. MOFCOM No. 70 [2025]). */
const suspensionSchema = z.strictObject({
  from: isoDate,
  to: isoDate,
  knownUntil: isoDate,
  source: sourceSchema,
});

const measureBase = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  /** The legal programme, used by stacking rules: "mfn", "section-301", "section-122", ... */
  programme: z.string().regex(/^[a-z0-9-]+$/),
  destination: scopeSchema,
  origin: scopeSchema,
  products: productScopeSchema,
  effectiveFrom: isoDate,
  /** Last day in force; null = open-ended. */
  effectiveTo: isoDate.nullable(),
  /** The last date on which the sources confirm the row; after it the answer warns. */
  knownUntil: isoDate,
  status: z.enum(MEASURE_STATUSES),
  confidence,
  legal: sourceSchema,
  /** Programmes this measure does not stack on: when one of them applies, this one is skipped. */
  doesNotStackWith: z.array(z.string()).optional(),
  /** Only applied when a scenario names it; never part of the baseline. */
  scenarioOnly: z.boolean().optional(),
  suspensions: z.array(suspensionSchema).optional(),
  /**
   * The law under which the programme goes on after `effectiveTo` with amounts not yet in the data
   * (the MPF: 19 U.S.C. 58c; CBP adjusts its minimum and maximum each fiscal year). Past
   * `effectiveTo` the row's amounts are assumed, with a data-horizon warning, never dropped (an
   * unknown fee is not 0). Only the latest row of its programme and destination may say so.
   */
  continuesByLaw: sourceSchema.optional(),
  /**
   * Exemptions of the law the data cannot judge (USMCA qualification of Canadian and Mexican
   * goods): an answer that applies the row to goods of one of `origins` says what it assumed.
   */
  unmodelledExemptions: z
    .array(z.strictObject({ origins: z.array(country).min(1), detail: z.string().min(1) }))
    .optional(),
  notes: z.string().min(1).optional(),
};

export const measureSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...measureBase,
    kind: z.literal('ad-valorem'),
    rate: decimalString,
    /**
     * The rate is "`rate` less the MFN rate, not below 0" (the Section 301 forced-labor action's
     * form for the EU, Japan, Korea, Switzerland and Taiwan): max(rate − MFN, 0) on the line.
     */
    lessMfn: z.literal(true).optional(),
  }),
  z.strictObject({ ...measureBase, kind: z.literal('specific'), amount: priceSchema }),
  z.strictObject({
    ...measureBase,
    kind: z.literal('floor-gap'),
    benchmark: z.string().optional(),
    floor: priceSchema.optional(),
    basis: z.enum(FLOOR_BASES),
    method: floorGapMethodSchema,
  }),
  z.strictObject({
    ...measureBase,
    kind: z.literal('fee'),
    rate: decimalString,
    /** Per-entry clamp in the destination's currency (19 CFR 24.23 MPF). */
    min: decimalString.optional(),
    max: decimalString.optional(),
    currency,
    /** Transport modes the fee applies to (HMF: ocean only). */
    transport: z.array(z.enum(TRANSPORTS)).optional(),
  }),
  z.strictObject({
    ...measureBase,
    kind: z.literal('export-licence'),
    /** Elements whose export needs a licence. */
    elements: z.array(z.string()),
    /** Extraterritorial value rule: foreign products with Chinese content ≥ this share of value. */
    deMinimisShare: decimalString.optional(),
  }),
]);

/**
 * Seed form of ad-valorem rows that share all but their origins, rate, dates and a few words
 * (a country-rate schedule such as EO 14326's), written once instead of a row per country group
 * and period; `expandMeasureGroup` (measure-groups.ts) turns it into ordinary rows when the data
 * loads, so nothing served sees it. A group has a row in each period it overlaps, cut to its own
 * `from`..`to`: id `<id>-<group>-<period>`, or `<id>-<group>` when it falls in one period only;
 * label `<label>, <group label><period label>`; legal the shared source with the group's citation;
 * notes the group's, then the shared.
 */
const measureGroupPeriodSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Ends its rows' labels (", with the September 2025 Annex II exemptions (void)"). */
  label: z.string(),
  products: productScopeSchema,
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
});

const originGroupSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  origins: z.array(z.union([country, z.literal('EU')])).min(1),
  rate: decimalString,
  lessMfn: z.literal(true).optional(),
  /** The group's headings, its rows' `legal.citation`. */
  citation: z.string().min(1),
  /** The group's first and last day, where it starts or ends inside a period. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  notes: z.string().min(1).optional(),
});

export const measureGroupSchema = z.strictObject({
  id: measureBase.id,
  kind: z.literal('ad-valorem'),
  label: measureBase.label,
  programme: measureBase.programme,
  destination: scopeSchema,
  knownUntil: measureBase.knownUntil,
  status: measureBase.status,
  confidence,
  legal: sourceSchema.omit({ citation: true }),
  doesNotStackWith: measureBase.doesNotStackWith,
  notes: measureBase.notes,
  /** In date order, none overlapping. */
  periods: z.array(measureGroupPeriodSchema).min(1),
  groups: z.array(originGroupSchema).min(1),
});

export const scenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  description: z.string().min(1),
  /** Measures (scenarioOnly rows) the scenario adds to the baseline. */
  addMeasures: z.array(z.string()),
  /** Baseline measures the scenario drops. */
  dropMeasures: z.array(z.string()),
  status: z.enum(['official', 'reported', 'proposed', 'hypothetical']),
});

export const timelineEventSchema = z.strictObject({
  date: isoDate,
  title: z.string().min(1),
  detail: z.string().min(1),
  confidence,
  source: sourceSchema,
  measures: z.array(z.string()).optional(),
});

/** One origin's share of a trade-flow dataset; `origin` null = the rest ("other origins"). */
const tradeFlowSchema = z.strictObject({
  origin: country.nullable(),
  label: z.string().min(1).optional(),
  share: decimalString,
  value: decimalString,
});

/** A named dataset of one destination's imports by origin, with its public source. */
export const tradeFlowDatasetSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  destination: country,
  /** The product the flows are of: a mineral id and the tariff line that prices them. */
  products: z.strictObject({ minerals: z.array(z.string()).min(1), hts: htsCode }),
  year: z.string().min(4),
  unit: z.string().min(1),
  total: decimalString,
  flows: z.array(tradeFlowSchema).min(1),
  source: sourceSchema,
  confidence,
  knownUntil: isoDate,
  notes: z.string().min(1).optional(),
});

export const seedMetaSchema = z.strictObject({
  dataVersion: z.string().min(1),
  compiled: isoDate,
  description: z.string().min(1),
});

export type MineralRow = z.infer<typeof mineralSchema>;
export type BlocRow = z.infer<typeof blocSchema>;
export type CountryRow = z.infer<typeof countrySchema>;
export type MembershipRow = z.infer<typeof membershipSchema>;
export type BenchmarkRow = z.infer<typeof benchmarkSchema>;
export type MeasureRow = z.infer<typeof measureSchema>;
export type MeasureGroupRow = z.infer<typeof measureGroupSchema>;
export type ExemptionList = z.infer<typeof exemptionListSchema>;
export type ScenarioRow = z.infer<typeof scenarioSchema>;
export type TimelineEventRow = z.infer<typeof timelineEventSchema>;
export type TradeFlowDatasetRow = z.infer<typeof tradeFlowDatasetSchema>;
