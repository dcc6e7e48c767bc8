import { z } from '@hono/zod-openapi';
import { STRICT_CODES, uniqueWarnings, type Warning } from '../data/warnings';
import { Problem } from './problem';

/** `"strict": true` in a calculator's JSON body (`strict=true` in its query form). */
export const StrictSchema = z
  .boolean()
  .optional()
  .openapi({
    description:
      'With `true`, an answer that would carry a warning of code `data-horizon`, ' +
      '`reported-figure`, `no-tariff-data` or `suspension-ended` is a 422 listing them instead: ' +
      'for users who would rather fail than copy an uncertain number.',
    example: false,
  });

/** The GET forms' `strict` and `assume` parameters. */
export const StrictQuery = {
  strict: z
    .enum(['true', 'false'])
    .optional()
    .openapi({
      description:
        '`true`: a 422 instead of an answer resting on data past its horizon, a reported figure, ' +
        'missing tariff data or a suspension whose sequel is unknown (the warnings it lists).',
    }),
  assume: z
    .enum(['no-duty'])
    .optional()
    .openapi({
      description:
        'The text and CSV forms refuse (422 `no-tariff-data`) to print a duty or landed figure ' +
        'for a line the data has no tariff for, unless `assume=no-duty` says to count its duty ' +
        'as zero. Bloc tiers also computes its leakage split (floorPart, otherDutiesPart) on that ' +
        'assumption, in every form, and its warning says so.',
    }),
};

function warningsOf(response: unknown): readonly Warning[] {
  return (response as { meta?: { warnings?: readonly Warning[] } }).meta?.warnings ?? [];
}

/** What a request refuses: uncertain data (`strict`), and in a bare form a duty the data lacks. */
export interface RefusalOptions {
  readonly strict: boolean;
  readonly assumeNoDuty: boolean;
  /** The answer is text or CSV, where a figure stands bare (a spreadsheet cell). */
  readonly bare: boolean;
}

/**
 * Whether some duty of an answer is unknown to the data: none of its tariff rates (`none`), or
 * some (`partial`: the duties shown are understated by the missing rate).
 */
const unknownDuty = (coverage: string | undefined) => coverage === 'none' || coverage === 'partial';

/**
 * The problem an answer's warnings and tariff coverage make of it under the request's options:
 * with `strict`, one resting on an uncertain figure; in a text or CSV form, one some of whose tariffs
 * are unknown (`coverage.tariffs` `none` or `partial`: a bare number would read as duty-free, or
 * as the whole duty), unless the request
 * assumes no duty. Undefined when the answer stands.
 */
export function uncertainProblem(
  given: readonly Warning[],
  coverage: string | undefined,
  options: RefusalOptions,
): Problem | undefined {
  // Nothing to refuse (a batch asks this of every line): the warnings need not be read.
  if (!options.strict && !(options.bare && !options.assumeNoDuty && unknownDuty(coverage)))
    return undefined;
  // As the answer's meta would list them: one data-horizon warning, not one per row.
  const warnings = uniqueWarnings(given);
  if (options.strict) {
    const uncertain = warnings.filter((w) => STRICT_CODES.includes(w.code));
    if (uncertain.length > 0) {
      return new Problem(
        422,
        `The answer rests on uncertain data and the request is strict: ${uncertain.map((w) => w.code).join(', ')}.`,
        [],
        {},
        { code: 'strict', warnings: uncertain },
      );
    }
  }
  if (options.bare && !options.assumeNoDuty && unknownDuty(coverage)) {
    const missing = warnings.filter((w) => w.code === 'no-tariff-data');
    return new Problem(
      422,
      [
        ...missing.map((w) => w.detail),
        coverage === 'none'
          ? 'A bare figure would read as duty-free: add assume=no-duty to count the duty as zero, or ask for JSON.'
          : 'A bare figure would read as the whole duty: add assume=no-duty to count the missing rate as zero, or ask for JSON.',
      ].join(' '),
      [],
      {},
      { code: 'no-tariff-data', warnings: missing },
    );
  }
  return undefined;
}

/**
 * Throws the problem {@link uncertainProblem} finds in a calculator's answer, if any; `coverage` is
 * what a bare form refuses on (default the answer's `coverage.tariffs`).
 */
export function refuseUncertain(
  response: unknown,
  options: RefusalOptions,
  coverage: string | undefined = (response as { coverage?: { tariffs?: string } }).coverage
    ?.tariffs,
): void {
  const problem = uncertainProblem(warningsOf(response), coverage, options);
  if (problem !== undefined) throw problem;
}
