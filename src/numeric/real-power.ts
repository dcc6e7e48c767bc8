import { type Rational, rational } from './rational';

/**
 * Powers with a fractional exponent, x^y = exp(y · ln x), for the CES model: not rational, so
 * computed on BigInt fixed point and returned as a ratio. The error is relative, at any magnitude:
 * ln x is taken of x's numerator and denominator apart (each an integer m · 2^k with 1 ≤ m < 2),
 * never of x cut to a number of places, and e^z = e^r · 2^k keeps its 2^k exact in the ratio, so
 * a power of 10^-80 is 10^-80 to as many significant digits as any other, not 0. (Cut to 60
 * places, any x below 10^-60 was 0, whose logarithm does not exist: a 500.)
 *
 * `digits` is the working precision: the result is within about 10^-digits of x^y, relatively,
 * times the binary exponents involved (ln x adds k · ln 2 for x's k, tens of thousands at the
 * model's extremes, and y · ln x multiplies the error by |y|). The default, PRECISION + GUARD,
 * keeps PRECISION = 60 significant digits through that; a caller whose figures are large, or whose
 * formula magnifies the error (a CES index with σ near 1 divides by 1 − σ), asks for more
 * (`cesEffects`).
 */
export const PRECISION = 60;
/** Digits carried beyond PRECISION for the binary exponents and the exponent's size (above). */
export const GUARD = 20;
export const WORKING_DIGITS = PRECISION + GUARD;

/** Fixed point at `digits` places: its scale S = 10^digits and ln 2 at that scale. */
interface FixedPoint {
  readonly S: bigint;
  readonly LN2: bigint;
}

function makeFixedPoint(digits: number): FixedPoint {
  const S = 10n ** BigInt(digits);
  return { S, LN2: twiceAtanh(S / 3n, S) }; // ln 2 = 2·atanh(1/3)
}

/** The default's is kept; a precision asked for by one request is made for it (ln 2 is cheap). */
function fixedPoint(digits: number): FixedPoint {
  return digits === WORKING_DIGITS ? WORKING : makeFixedPoint(digits);
}

/** 2·atanh(z) = 2(z + z³/3 + z⁵/5 + …) for 0 ≤ z ≤ 1/3, fixed point over S. */
function twiceAtanh(z: bigint, S: bigint): bigint {
  const z2 = (z * z) / S;
  let term = z;
  let total = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    total += term / k;
    term = (term * z2) / S;
  }
  return 2n * total;
}

const WORKING = makeFixedPoint(WORKING_DIGITS);

/** The number of binary digits of n > 0. */
function bitLength(n: bigint): bigint {
  return BigInt(n.toString(2).length);
}

/**
 * ln n for an integer n ≥ 1 in fixed point: n = m · 2^k with 1 ≤ m < 2 (k = its binary digits
 * − 1), ln m = 2·atanh((m − 1)/(m + 1)); m is taken to the fixed point's places whatever n's size.
 */
function lnInteger(n: bigint, { S, LN2 }: FixedPoint): bigint {
  const k = bitLength(n) - 1n;
  const m = (n * S) >> k;
  return k * LN2 + twiceAtanh(((m - S) * S) / (m + S), S);
}

/** ln x for a rational x > 0 in fixed point: ln n − ln d. */
function ln(x: Rational, f: FixedPoint): bigint {
  if (x.n <= 0n || x.d <= 0n) throw new RangeError('ln of a value that is not positive');
  return lnInteger(x.n, f) - lnInteger(x.d, f);
}

/**
 * e^x for x in fixed point, as a ratio: x = k·ln 2 + r with |r| ≤ ln 2 / 2, e^r by its Taylor
 * series in fixed point, times 2^k exactly (so e^x is never cut to 0, however small).
 */
function exp(x: bigint, { S, LN2 }: FixedPoint): Rational {
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
  return k >= 0n ? { n: total * 2n ** k, d: S } : { n: total, d: S * 2n ** -k };
}

/** x^y for x > 0, to `digits` digits relative (exact when y is 0 or 1). */
export function power(x: Rational, y: Rational, digits = WORKING_DIGITS): Rational {
  if (rational.isZero(y)) return { n: 1n, d: 1n };
  if (y.n === y.d) return x;
  const f = fixedPoint(digits);
  return exp((ln(x, f) * y.n) / y.d, f);
}

/** e^(Σ w_i · ln x_i): the weighted geometric mean Π x_i^w_i, to the same precision. */
export function geometricMean(
  terms: readonly { x: Rational; w: Rational }[],
  digits = WORKING_DIGITS,
): Rational {
  const f = fixedPoint(digits);
  let total = 0n;
  for (const { x, w } of terms) total += (ln(x, f) * w.n) / w.d;
  return exp(total, f);
}
