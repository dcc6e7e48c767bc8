import { Dec } from './decimal';
import type { RoundingMode } from './rounding';

/**
 * Places a quotient carries when it is not reported directly (a share of an entry's fee, a
 * quantity in pounds, a price per unit of a floor): far below any reported digit.
 */
export const QUOTIENT_SCALE = 40;

const POWERS: bigint[] = [1n];

/** 10^k as a BigInt, cached. */
function pow10(k: number): bigint {
  while (POWERS.length <= k) POWERS.push((POWERS[POWERS.length - 1] ?? 1n) * 10n);
  return POWERS[k] ?? 10n ** BigInt(k);
}

/** n / d rounded to an integer (d > 0). */
function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d; // truncated toward zero; the remainder has n's sign
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const away = twice > d || (twice === d && (mode === 'half-up' || (q & 1n) === 1n));
  if (!away) return q;
  return n < 0n ? q - 1n : q + 1n;
}

/** Integer `units` written with `scale` decimals: (12345, 2) → "123.45", (-5, 2) → "-0.05". */
function writeUnits(units: bigint, scale: number): string {
  if (scale === 0) return units.toString();
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const point = digits.length - scale;
  return `${negative ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const PLAIN = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * An exact decimal on BigInt, `units × 10^-scale`: sums, differences and products are exact at any
 * size, a quotient carries QUOTIENT_SCALE places unless it is rounded for reporting directly.
 * Landed cost computes on it: per line it is an order of magnitude cheaper than decimal.js, which
 * keeps the calculators whose answers rest on 40-digit quotients (floor gaps, price tiers).
 */
export class Exact {
  private constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {}

  static readonly ZERO = new Exact(0n, 0);

  /** `units × 10^-scale`: 12345n at scale 2 is 123.45. */
  static fromUnits(units: bigint, scale: number): Exact {
    return new Exact(units, scale);
  }

  /** A plain decimal string ("-12.50") or a finite number (exact, as decimal.js reads it). */
  static of(value: string | number): Exact {
    const text = typeof value === 'number' ? new Dec(value).toFixed() : value;
    if (!PLAIN.test(text)) throw new RangeError(`not a plain decimal: ${JSON.stringify(text)}`);
    const point = text.indexOf('.');
    if (point === -1) return new Exact(BigInt(text), 0);
    return new Exact(BigInt(text.slice(0, point) + text.slice(point + 1)), text.length - point - 1);
  }

  /** A decimal.js value, exactly. */
  static fromDec(value: Dec): Exact {
    return Exact.of(value.toFixed());
  }

  toDec(): Dec {
    return new Dec(this.toString());
  }

  /** Every digit, no exponent, trailing zeros of the scale kept: "1200.00". */
  toString(): string {
    return writeUnits(this.units, this.scale);
  }

  /** Units at a scale at least this one's: 1.5 at scale 3 is 1500n (round first to go lower). */
  unitsAt(scale: number): bigint {
    if (scale < this.scale) throw new RangeError(`unitsAt(${scale}) below scale ${this.scale}`);
    return scale === this.scale ? this.units : this.units * pow10(scale - this.scale);
  }

  plus(other: Exact): Exact {
    if (other.units === 0n) return this;
    if (this.units === 0n) return other;
    const scale = Math.max(this.scale, other.scale);
    return new Exact(this.unitsAt(scale) + other.unitsAt(scale), scale);
  }

  minus(other: Exact): Exact {
    const scale = Math.max(this.scale, other.scale);
    return new Exact(this.unitsAt(scale) - other.unitsAt(scale), scale);
  }

  times(other: Exact): Exact {
    return new Exact(this.units * other.units, this.scale + other.scale);
  }

  /** -1, 0 or 1 as this is below, equal to or above `other`. */
  compare(other: Exact): -1 | 0 | 1 {
    const scale = Math.max(this.scale, other.scale);
    const a = this.unitsAt(scale);
    const b = other.unitsAt(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  isNegative(): boolean {
    return this.units < 0n;
  }

  /** this / divisor rounded (half-even) to `scale` places; a zero divisor is a RangeError. */
  dividedBy(divisor: Exact, scale = QUOTIENT_SCALE): Exact {
    return new Exact(quotientUnits(this, divisor, scale, 'half-even'), scale);
  }

  /** This value rounded to `places` decimals by `mode`. */
  round(places: number, mode: RoundingMode): Exact {
    if (this.scale <= places) return this;
    return new Exact(divideRounded(this.units, pow10(this.scale - places), mode), places);
  }

  /** This value rounded to exactly `places` decimals, as text: 1234.5 → "1234.50". */
  toFixed(places: number, mode: RoundingMode): string {
    const units =
      this.scale <= places
        ? this.unitsAt(places)
        : divideRounded(this.units, pow10(this.scale - places), mode);
    return writeUnits(units, places);
  }
}

/** The units of a / b at `scale` places, rounded by `mode`. */
function quotientUnits(a: Exact, b: Exact, scale: number, mode: RoundingMode): bigint {
  if (b.units === 0n) throw new RangeError('division by zero');
  // a / b = (a.units / b.units) × 10^(b.scale − a.scale); at `scale` places its units are
  // a.units × 10^(scale + b.scale − a.scale) / b.units.
  const shift = scale + b.scale - a.scale;
  let n = shift >= 0 ? a.units * pow10(shift) : a.units;
  let d = shift >= 0 ? b.units : b.units * pow10(-shift);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  return divideRounded(n, d, mode);
}

/** a / b rounded to `places` decimals by `mode`, as text: the exact quotient, rounded once. */
export function quotientFixed(a: Exact, b: Exact, places: number, mode: RoundingMode): string {
  return writeUnits(quotientUnits(a, b, places, mode), places);
}

/** The sum of a list (zero for an empty one). */
export function sumExact(values: readonly Exact[]): Exact {
  let total = Exact.ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
