import { compare, type Decimal, equal, multiply } from '../../numeric';

/**
 * An ad valorem fee clamped per customs entry (19 CFR 24.23 MPF: min and max per entry); null
 * where the fee has no such bound (19 CFR 24.24 HMF).
 */
export interface FeeCharge {
  readonly id: string;
  readonly rate: Decimal;
  readonly min: Decimal | null;
  readonly max: Decimal | null;
}

/** A fee as the line owes it: rate × customs value, and the amount after any clamp or share. */
export interface FeeLine {
  readonly charge: FeeCharge;
  /** rate × the line's customs value. */
  readonly unclamped: Decimal;
  /** The fee the line owes: `unclamped`, or clamped to the entry's bounds, or its share of them. */
  readonly amount: Decimal;
}

/** The line's fee line for `amount`, its own or its share of its entry's fee. */
export function feeLine(charge: FeeCharge, value: Decimal, amount: Decimal): FeeLine {
  return { charge, unclamped: multiply(charge.rate, value), amount };
}

/** rate × value clamped to [min, max]. */
export function clampedFee(fee: FeeCharge, value: Decimal): Decimal {
  const amount = multiply(fee.rate, value);
  if (fee.min !== null && compare(amount, fee.min) < 0) return fee.min;
  if (fee.max !== null && compare(amount, fee.max) > 0) return fee.max;
  return amount;
}

/** The fees of a line that is a customs entry of its own: each clamped on its customs value. */
export function ownFees(fees: readonly FeeCharge[], value: Decimal): Decimal[] {
  return fees.map((fee) => clampedFee(fee, value));
}

/**
 * Whether two fee charges are one fee on the same terms (id, rate, min and max, by value): a
 * what-if or another fx rate makes another fee, owed and clamped apart.
 */
export function sameFee(a: FeeCharge, b: FeeCharge): boolean {
  const bound = (x: Decimal | null, y: Decimal | null) =>
    x === null || y === null ? x === y : equal(x, y);
  return (
    a === b ||
    (a.id === b.id && equal(a.rate, b.rate) && bound(a.min, b.min) && bound(a.max, b.max))
  );
}
