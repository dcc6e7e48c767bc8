import { type Rational, rational } from './rational';

/**
 * Powers with a fractional exponent, x^y = exp(y · ln x), for the CES model: not rational, so
 * computed on BigInt fixed point with PRECISION digits (error far below 10^-50 for the model's
 * inputs) and returned as a ratio over 10^PRECISION. Reported values (at most 6 places) are
 * therefore right to the last digit unless the true value lies within 10^-50 of a rounding
 * boundary.
 */
export const PRECISION = 60;
const S = 10n ** BigInt(PRECISION);

function toFixed(x: Rational): bigint {
  return (x.n * S) / x.d;
}

/** 2·atanh(z) = 2(z + z³/3 + z⁵/5 + …) for 0 ≤ z ≤ 1/3, fixed point. */
function twiceAtanh(z: bigint): bigint {
  const z2 = (z * z) / S;
  let term = z;
  let total = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    total += term / k;
    term = (term * z2) / S;
  }
  return 2n * total;
}

const LN2 = twiceAtanh(S / 3n); // ln 2 = 2·atanh(1/3)

/** ln x for x > 0 in fixed point: x = m · 2^k with 1 ≤ m < 2, ln m = 2·atanh((m − 1)/(m + 1)). */
function ln(x: bigint): bigint {
  if (x <= 0n) throw new RangeError('ln of a value that is not positive');
  let m = x;
  let k = 0n;
  while (m >= 2n * S) {
    m /= 2n;
    k += 1n;
  }
  while (m < S) {
    m *= 2n;
    k -= 1n;
  }
  return k * LN2 + twiceAtanh(((m - S) * S) / (m + S));
}

/** e^x in fixed point: x = k·ln 2 + r with |r| ≤ ln 2 / 2, e^r by its Taylor series. */
function exp(x: bigint): bigint {
  let k = x / LN2;
  let r = x - k * LN2;
  if (r * 2n > LN2) {
    k += 1n;
    r -= LN2;
  } else if (r * 2n < -LN2) {
    k -= 1n;
    r += LN2;
  }
  let term = S;
  let total = 0n;
  for (let n = 1n; term !== 0n; n += 1n) {
    total += term;
    term = (term * r) / (S * n);
  }
  return k >= 0n ? total * 2n ** k : total / 2n ** -k;
}

/** x^y for x > 0, as a ratio over 10^PRECISION (exact when y is 0 or 1). */
export function power(x: Rational, y: Rational): Rational {
  if (rational.isZero(y)) return { n: 1n, d: 1n };
  if (y.n === y.d) return x;
  return { n: exp((ln(toFixed(x)) * y.n) / y.d), d: S };
}

/** e^(Σ w_i · ln x_i): the weighted geometric mean Π x_i^w_i, to the same precision. */
export function geometricMean(terms: readonly { x: Rational; w: Rational }[]): Rational {
  let total = 0n;
  for (const { x, w } of terms) total += (ln(toFixed(x)) * w.n) / w.d;
  return { n: exp(total), d: S };
}
