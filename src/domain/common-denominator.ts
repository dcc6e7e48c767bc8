import { CARRIED_PLACES, carry, type Decimal, divide, equal, multiply, ONE } from '../numeric';
import type { Ratio } from './rounding';

/**
 * Quotients over one denominator: each numerator times every other quotient's denominator, and
 * the product of the denominators. A computation homogeneous of degree one in the quotients (a
 * floor-gap duty, a landed price) runs on the numerators, exact decimals, and what it gives is
 * divided by the denominator once, where it is reported: a price per lb restated per kg (× 1 /
 * 0.45359237) is never cut to a decimal that is then multiplied.
 */
export function overCommonDenominator<T extends readonly Ratio[]>(
  quotients: T,
): { readonly numerators: { -readonly [K in keyof T]: Decimal }; readonly denominator: Decimal } {
  const denominator = quotients.reduce((product, x) => multiply(product, x.to), ONE);
  const numerators = quotients.map((x, i) =>
    quotients.reduce((product, y, j) => (j === i ? product : multiply(product, y.to)), x.of),
  );
  return { numerators: numerators as { -readonly [K in keyof T]: Decimal }, denominator };
}

/**
 * of / to as a figure used again before it is reported: `of` itself when `to` is 1, else the
 * quotient carried (CARRIED_PLACES, `carry`), which rounds once to fewer places as the exact
 * quotient would.
 */
export function carriedQuotient(x: Ratio): Decimal {
  return equal(x.to, ONE) ? x.of : divide(x.of, x.to, CARRIED_PLACES, carry);
}
