import { createMiddleware } from 'hono/factory';
import { numberText } from '../numeric';

/**
 * JSON bodies read with their numbers as written. `JSON.parse` makes every JSON number a double
 * before any schema sees it: `1e1` would be taken as 10 (exponents are refused) and
 * `12345678901234567890123456789` or `0.1000000000000000055511151231257827` would silently lose
 * digits. Read through `exactJson`, a number whose source text has an exponent, or whose double is
 * not the value written, becomes that source text as a string: the Decimal schema then reads the
 * exact digits (and refuses `1e1` by its pattern, at the field's pointer, with its 40-character
 * limit). Any other number stays the number it was (`1.50` is still 1.5, `100` still 100, `-0`
 * still 0), so a field that took a number takes it as before.
 */

/**
 * Whether a body could hold a number that needs its source: an exponent after a digit, or 16 or
 * more digits in a row, a point allowed among them (a double keeps any 15 significant digits). A
 * match inside a string only sends the body down the slower path, which is still exact.
 */
const MAY_NEED_SOURCE = /[0-9](?:[eE]|[0-9.]{15})/;

interface ReviverContext {
  readonly source?: string;
}

/** `source` (a JSON number token without exponent) as numberText prints its value. */
function canonical(source: string): string {
  let text = source;
  if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

function exactNumber(_key: string, value: unknown, context?: ReviverContext): unknown {
  if (typeof value !== 'number') return value;
  const source = context?.source;
  if (source === undefined) return value;
  if (/[eE]/.test(source)) return source;
  return Number.isFinite(value) && canonical(source) === numberText(value) ? value : source;
}

/**
 * Whether this runtime gives a reviver each primitive's source text (V8's JSON.parse source text
 * access: Node 22, workerd). Without it numbers are read as doubles, as before.
 */
export const HAS_SOURCE_TEXT = (() => {
  try {
    let seen: string | undefined;
    JSON.parse('1.0', (_key, value, context?: ReviverContext) => {
      seen = context?.source;
      return value;
    });
    return seen === '1.0';
  } catch {
    return false;
  }
})();

/** Whether exactJson reads `text` with its numbers' source text (else it is plain JSON.parse). */
export const takesSourceText = (text: string): boolean =>
  HAS_SOURCE_TEXT && MAY_NEED_SOURCE.test(text);

/**
 * `text` parsed as JSON, each number that needs it as its exact source text (see above). Throws
 * the SyntaxError `JSON.parse` throws on text that is not JSON.
 */
export function exactJson(text: string): unknown {
  if (!takesSourceText(text)) return JSON.parse(text);
  return JSON.parse(text, exactNumber as (key: string, value: unknown) => unknown);
}

/**
 * JSON text of `value` (what exactJson read) with each finite number written as the plain decimal
 * it denotes (numberText), so exactJson reads back what was written. `JSON.stringify` prints a
 * number below 1e-6 or from 1e21 up with an exponent (`5e-7`, `1e+21`), which the Decimal schema
 * refuses. A number exactJson kept is its source text less a fraction's trailing zeros.
 */
export function exactJsonText(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : 'null';
  if (Array.isArray(value)) return `[${value.map((v) => exactJsonText(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${members.map(([k, v]) => `${JSON.stringify(k)}:${exactJsonText(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Every `c.req.json()` after it (the routes' validators, MCP) reads the body through exactJson.
 * A body that is not JSON still rejects, so the validator's 400 is unchanged.
 */
export const exactJsonBodies = createMiddleware(async (c, next) => {
  c.req.json = <T>() => c.req.text().then((text) => exactJson(text) as T);
  await next();
});
