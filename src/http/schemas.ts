import { z } from '@hono/zod-openapi';
import { TARIFF_COVERAGES } from '../data/measures';
import { isCurrencyCode, type NonCurrencyKind, nonCurrencyKind } from '../domain/currencies';
import { FLOOR_BASES } from '../domain/floor-gap';
import { ROUNDING_MODES } from '../domain/rounding';
import { UNITS } from '../domain/units';
import {
  compare,
  DECIMAL_PATTERN,
  decimalProblem,
  MAX_DECIMAL_LENGTH,
  ONE,
  parseDecimal,
} from '../numeric';
import { DECIMAL_MARKS } from './csv';
import { readsStringAsItself } from './line-parser';

/** The shared request and response schemas, used by every route. */

/**
 * `coverage: { tariffs }` of an answer over one or several lanes: how much of the
 * tariff it rests on the data holds; each answer describes what `none` means for its figures.
 */
export const CoverageSchema = z.object({ tariffs: z.enum(TARIFF_COVERAGES) });

/** A number written with an exponent (`1e1`, `1E+2`, `-2.5e-3`), as a string or a JSON number. */
const EXPONENT_FORM = /^-?[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+$/;
export const EXPONENT_MESSAGE =
  'must be written as a plain decimal such as 10.50: exponents are not accepted';

/**
 * Every decimal the API takes is zero or more (prices, quantities, rates, shares): a string of the
 * decimal pattern or a finite JSON number, both at most 40 characters written out in full (the
 * numeric core's limits); exponents, NaN, blanks and negatives are rejected. A JSON number that has
 * an exponent or is not exactly its double (29 digits, 0.1000000000000000055…) reaches this schema
 * as its source text (exact-json.ts), so the string branch reads and judges the digits written.
 */
const decimalInput = z.union(
  [
    z
      .string()
      .max(MAX_DECIMAL_LENGTH, { error: `must have at most ${MAX_DECIMAL_LENGTH} characters` })
      .regex(DECIMAL_PATTERN, {
        // A JSON number with an exponent arrives here as its source text (exact-json.ts).
        error: (issue) =>
          typeof issue.input === 'string' && EXPONENT_FORM.test(issue.input)
            ? EXPONENT_MESSAGE
            : 'must be a decimal string such as "10.50" (no exponent, no blanks)',
      }),
    z
      .number({ error: 'must be a decimal string or a finite number' })
      .refine((n) => decimalProblem(n) === undefined, {
        error: `must have at most ${MAX_DECIMAL_LENGTH} characters written out in full (no exponent): use a decimal string`,
      }),
  ],
  { error: 'must be a decimal string such as "10.50" or a finite JSON number' },
);

const nonNegativeDecimal = decimalInput.refine(
  (v) => !(typeof v === 'number' ? v < 0 : v.startsWith('-') && /[1-9]/.test(v)),
  { error: 'must not be negative' },
);

/**
 * A decimal that may be negative (an import-demand elasticity): the same limits as every decimal
 * the API takes, so 1e308 is refused as a problem, never a 500.
 */
export const SignedDecimal = decimalInput;

/** A string NonNegativeDecimal reads as itself: what its string branch and refinement accept. */
export function isNonNegativeDecimalString(value: string): boolean {
  return (
    value.length <= MAX_DECIMAL_LENGTH &&
    DECIMAL_PATTERN.test(value) &&
    !(value.charCodeAt(0) === 45 && NONZERO_DIGIT.test(value))
  );
}

const NONZERO_DIGIT = /[1-9]/;

export const NonNegativeDecimal = readsStringAsItself(
  nonNegativeDecimal.openapi('NonNegativeDecimal', {
    description:
      'A decimal that is zero or more, as a string (`^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$`, no exponent) ' +
      'or a finite JSON number written the same way, read exactly as written (every digit, never ' +
      'through a double). A number with an exponent (`1e1`, `2.5E-3`) is refused (422): write it ' +
      'as a plain decimal. Either form has at most 40 characters.',
    example: '1000',
  }),
  isNonNegativeDecimalString,
);

/** A share or fraction: a decimal from 0 to 1 (a value that is no decimal is refused already). */
export const ShareSchema = nonNegativeDecimal
  .refine((v) => decimalProblem(v) !== undefined || compare(parseDecimal(v), ONE) <= 0, {
    error: 'must be a share from 0 to 1',
  })
  .openapi('Share', {
    description: 'A share from 0 to 1, as a decimal string or a finite JSON number.',
    example: '0.5',
  });

export const DecimalOutput = z.string().openapi({
  description: 'A decimal, always a string, rounded as `meta.rounding` says when reported.',
  example: '6.00',
});

export const NOT_A_CURRENCY_CODE = 'must be an ISO 4217 currency code such as "USD"';

/**
 * ISO codes are taken in any case and answered in upper case ("cn" is CN, "cny" is CNY), the way
 * users type them into a sheet. Only ASCII letters are raised: "ß".toUpperCase() is "SS", a code.
 */
export function upperCaseCode(value: unknown): unknown {
  return typeof value === 'string' && /^[A-Za-z]+$/.test(value) ? value.toUpperCase() : value;
}

/** A well-formed code that ISO 4217's list does not hold ("XYZ", "NAN"). */
const NOT_ISO_4217 = 'is not an ISO 4217 currency code';

/** A code ISO 4217 lists for something prices and duties are not paid in (XAU, XXX). */
const ISO_4217_CODE_FOR = 'is the ISO 4217 code for';

const NON_CURRENCY_NAMES: Readonly<Record<NonCurrencyKind, string>> = {
  fund: 'a fund',
  'unit of account': 'a unit of account',
  'precious metal': 'a precious metal (one troy ounce)',
  testing: 'tests',
  'no currency': 'transactions with no currency',
};

/**
 * Why a well-formed code (upper case) is no currency. The detail says what the code is, so the
 * GET form's `fx` list can say it of the code it names ("the code is not …").
 */
function notACurrency(code: unknown): string {
  const kind = nonCurrencyKind(String(code));
  return kind === undefined
    ? NOT_ISO_4217
    : `${ISO_4217_CODE_FOR} ${NON_CURRENCY_NAMES[kind]}, not a currency to price in`;
}

/** Whether a problem's detail is one of a currency code's own (not, say, its rate's). */
export function isCurrencyCodeDetail(detail: string): boolean {
  return [NOT_A_CURRENCY_CODE, NOT_ISO_4217, ISO_4217_CODE_FOR].some((d) => detail.startsWith(d));
}

export const CurrencyCode = z
  // The pattern says what a request may send; what is read is always upper case, and one of the
  // currencies of ISO 4217 (src/domain/currencies.ts), not just any three letters.
  .preprocess(
    upperCaseCode,
    z
      .string()
      .regex(/^[A-Za-z]{3}$/, { error: NOT_A_CURRENCY_CODE, abort: true })
      .refine((code): boolean => isCurrencyCode(code), {
        error: (issue) => notACurrency(issue.input),
      }),
  )
  .openapi('Currency', {
    description:
      'ISO 4217 currency code, in any case (`cny` is `CNY`); answered in upper case. One of the ' +
      'currencies of ISO 4217’s current list (SIX Group), or one withdrawn from it since 2021 ' +
      '(CUC, HRK, SLL, ZWL, ANG, BGN: for invoices of past dates, accepted whatever the date, ' +
      'at the request’s `fx` rate); its fund, unit-of-account, ' +
      'precious-metal (XAU, XAG, XPT, XPD), testing (XTS) and no-currency (XXX) codes are refused.',
    example: 'USD',
  });

/**
 * Whether a flat form may copy a price's currency to a field the user did not fill (the answer's
 * currency, the key of a rate): only a currency. Any other code is refused once, where it was
 * given, not again under a parameter the query never named.
 */
export function readsAsCurrency(code: unknown): boolean {
  // What CurrencyCode accepts, read without zod (a CSV batch asks this of every line).
  return typeof code === 'string' && THREE_LETTERS.test(code) && isCurrencyCode(code.toUpperCase());
}

const THREE_LETTERS = /^[A-Za-z]{3}$/;

export const UnitSchema = z.enum(UNITS).openapi('Unit', {
  description:
    'Mass unit. Exact factors to kg: t 1000, kg 1, g 0.001, lb 0.45359237, st 907.18474, ozt 0.0311034768.',
  example: 'kg',
});

export const PriceSchema = z
  .object({
    amount: NonNegativeDecimal,
    currency: CurrencyCode.optional().openapi({
      description: 'Defaults to the reporting currency.',
    }),
    per: UnitSchema,
  })
  // A misspelt "curency" silently dropped would price in the wrong currency: refused, named.
  .strict()
  .openapi('Price', {
    description: 'An amount of money per unit of mass.',
    example: { amount: '10', currency: 'USD', per: 'kg' },
  });

/** A per-unit amount: a Price, or a bare decimal in the reporting currency per the floor's unit. */
export const PerUnitAmountSchema = z
  .union([PriceSchema, NonNegativeDecimal])
  .openapi('PerUnitAmount', {
    description:
      'An amount per unit of mass: a Price, or a bare decimal in the reporting currency per the ' +
      'floor’s unit.',
    example: '0.5',
  });

export const QuantitySchema = z
  .object({ value: NonNegativeDecimal, unit: UnitSchema })
  .strict()
  .openapi('Quantity', {
    description: 'A mass.',
    example: { value: '1000', unit: 'kg' },
  });

/**
 * zod's records drop a "__proto__" key without a word (a guard against prototype pollution), but
 * JSON.parse makes it an own key of the body: reported like any other key that is not a currency
 * code, never silently ignored.
 */
function protoKeyIsInvalid(input: unknown, ctx: z.core.$RefinementCtx): unknown {
  if (typeof input === 'object' && input !== null && Object.hasOwn(input, '__proto__')) {
    ctx.addIssue({
      code: 'custom',
      path: ['__proto__'],
      input,
      message: `${NOT_A_CURRENCY_CODE} (got "__proto__")`,
    });
  }
  return input;
}

/**
 * A map's entries counted before any is validated (a preprocess): past `max` the map is one
 * problem, not one for each bad entry, which a 1 MB body of 30,000 bad rates would make a 3 MB list.
 */
export function atMostEntries(max: number, noun: string) {
  return (input: unknown, ctx: z.core.$RefinementCtx): unknown => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
    const count = Object.keys(input).length;
    if (count <= max) return input;
    ctx.addIssue({
      code: 'custom',
      input,
      message: `must have at most ${max} ${noun} (got ${count})`,
    });
    return z.NEVER;
  };
}

/** Rates one request may give: more than there are ISO 4217 currencies in use (about 180). */
export const MAX_FX_RATES = 200;
const fewEnoughRates = atMostEntries(MAX_FX_RATES, 'rates');

/**
 * Codes are read in any case, so `{"CNY": …, "cny": …}` names one currency twice: refused, not
 * settled by whichever key came last.
 */
function codeGivenTwice(input: unknown, ctx: z.core.$RefinementCtx): unknown {
  if (fewEnoughRates(input, ctx) === z.NEVER) return z.NEVER;
  const checked = protoKeyIsInvalid(input, ctx);
  if (typeof checked !== 'object' || checked === null || Array.isArray(checked)) return checked;
  const seen = new Map<string, string>();
  for (const key of Object.keys(checked)) {
    const code = String(upperCaseCode(key));
    const first = seen.get(code);
    if (first === undefined) seen.set(code, key);
    else
      ctx.addIssue({
        code: 'custom',
        path: [key],
        input,
        message: `gives the rate of ${code} a second time (first as "${first}")`,
      });
  }
  return checked;
}

/** A rate of 0 would price everything in that currency at nothing. */
const FxRate = nonNegativeDecimal
  .refine(
    // A string that is no decimal at all has been refused already; only its value is judged here.
    (v) => (typeof v === 'number' ? v > 0 : !DECIMAL_PATTERN.test(v) || /[1-9]/.test(v)),
    { error: 'must be greater than 0 (units of the reporting currency per 1 unit of this one)' },
  )
  .openapi('FxRate', {
    description:
      'Units of the reporting currency per 1 unit of the keyed currency, above 0; a decimal string ' +
      'or a finite JSON number.',
    example: '0.1390',
  });

export const FxSchema = z.preprocess(codeGivenTwice, z.record(CurrencyCode, FxRate)).openapi('Fx', {
  description:
    'Exchange rates: units of the reporting currency per 1 unit of each other currency used.',
  example: { CNY: '0.1390' },
  maxProperties: MAX_FX_RATES,
});

/**
 * `vat`: the value-added tax rate included in the request's quoted price(s), taken out before
 * anything else (quote / (1 + vat)); `quoted` names which prices of the calculator it applies to.
 */
/** What a `vat` field's description says the VAT is included in: documentation only. */
export interface VatDoc {
  readonly quoted: string;
}

export function vatSchema(doc: VatDoc) {
  return NonNegativeDecimal.optional().openapi({
    description:
      `Value-added tax included in ${doc.quoted}, as a rate (e.g. \`0.13\` for a Chinese domestic quote ` +
      'that includes 13% VAT): the quote is divided by (1 + vat) before anything else, since VAT is ' +
      'not part of an export price or a customs value. Default 0 (the quote is ex-VAT).',
    example: '0.13',
  });
}

export const RoundingSchema = z.enum(ROUNDING_MODES).openapi('Rounding', {
  description:
    'How reported values are rounded (each reported line and each total; never intermediate ' +
    'values). `half-up` (default) rounds a half away from zero (decimal.js ROUND_HALF_UP): 0.125 → ' +
    '0.13, −0.015 → −0.02; `half-even` is banker’s rounding, a half to the even digit: 0.125 → ' +
    '0.12, 0.135 → 0.14.',
  example: 'half-up',
});

export const BasisSchema = z.enum(FLOOR_BASES).openapi('FloorBasis', {
  description:
    '`duty-paid`: the floor is compared with customs value plus the other duties, P × (1 + r); ' +
    '`customs-value`: with the customs value P alone.',
  example: 'duty-paid',
});

export const IsoDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' }).openapi({
  example: '2026-11-21',
});

export const CountryCode = z
  .preprocess(
    upperCaseCode,
    z.string().regex(/^[A-Za-z]{2}$/, {
      error: 'must be an ISO 3166-1 alpha-2 country code such as "CN", or "EU"',
    }),
  )
  .openapi('CountryCode', {
    description:
      'ISO 3166-1 alpha-2 code, or `EU`, in any case (`cn` is `CN`); answered in upper case.',
    example: 'US',
  });

/**
 * The most countries a list of them may name: the 249 ISO 3166-1 alpha-2 codes plus `EU`, so that
 * any list of bloc members (every member of every bloc, as `GET /v1/blocs` lists them) can be sent,
 * and a request stays bounded.
 */
export const MAX_COUNTRY_LIST = 250;

export const WarningSchema = z
  .object({
    code: z.string().openapi({ example: 'reported-figure' }),
    detail: z.string().openapi({
      example: 'g7-lree-floor is a reported figure (press report of a G7 discussion), not law.',
    }),
    rowIds: z
      .array(z.string())
      .optional()
      .openapi({
        description: 'The data rows the warning is about (measures, benchmarks, `membership:CC`).',
        example: ['g7-lree-floor'],
      }),
    knownUntil: z
      .string()
      .optional()
      .openapi({
        description:
          'On `data-horizon`: the earliest date until which the sources confirm the rows named; ' +
          'on `suspension-ended`: the date the suspension ended.',
        example: '2026-11-10',
      }),
  })
  .openapi('Warning', {
    description:
      'Few and specific: rows that ended before `asOf` never warn; every row used past the date ' +
      'its sources confirm is named in one `data-horizon` warning. Codes include ' +
      '`data-horizon`, `reported-figure`, `no-tariff-data`, `suspension-ended` (the four that ' +
      '`strict=true` turns into a 422), `classification`, `overridden`, `low-confidence`, ' +
      '`mfn-unknown`, `unmodelled-exemption` (a duty charged although some goods of the origin ' +
      'are exempt in law, e.g. USMCA-qualifying goods, a qualification the data cannot judge), ' +
      '`blue-origin-red` (bloc tiers: the blue offer’s `blueOrigin` is in the red bloc on ' +
      '`asOf`, so red-bloc goods are priced as the allied track and escape the floor).',
  });

export const MetaSchema = z
  .object({
    dataVersion: z.string().openapi({ example: '2026-12-03.3' }),
    asOf: z.string().openapi({ example: '2026-11-21' }),
    currency: z.string().openapi({ example: 'USD' }),
    rounding: RoundingSchema,
    warnings: z.array(WarningSchema),
  })
  .openapi('Meta', {
    description:
      'What the answer rests on: the seed data version, the date, the reporting currency, the ' +
      'rounding, and the warnings the answer rests on: a reported figure, rows past the date until ' +
      'which they are known to hold (one `data-horizon` warning), missing tariff data.',
  });

export const DecimalMarkSchema = z.enum(DECIMAL_MARKS).openapi({
  description:
    'With `format=csv` or `text`: `point` (default, e.g. `0.371`) or `comma` for spreadsheets in ' +
    'decimal-comma locales (de-DE, fr-FR, …): every decimal is written with a comma (`0,371`) and ' +
    'CSV fields are separated by `;`.',
  example: 'point',
});

/** An id of lower-case letters, digits and dashes: minerals, measures, scenarios, benchmarks. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9-]+$/, { error: 'must be an id of lower-case letters, digits and dashes' })
  .max(64);
