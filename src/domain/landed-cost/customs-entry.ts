import {
  compare,
  type Decimal,
  decimal,
  isZero,
  multiply,
  round,
  sum,
  unitsAt,
  ZERO,
} from '../../numeric';
import { ROUNDERS, type RoundingMode } from '../rounding';
import { clampedFee, type FeeCharge, sameFee } from './fees';

/**
 * Which lines form one customs entry: those sharing an entryId and a reporting currency (values
 * in two currencies never add up). Each entry of two or more lines, as the lines' indexes in
 * order; a line without an entryId, or alone in its entry, is an entry of its own and not listed.
 */
export function customsEntries(
  lines: readonly { readonly entryId?: string | undefined; readonly currency: string }[],
): number[][] {
  const entries = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line?.entryId === undefined) continue;
    const key = `${line.currency} ${line.entryId}`;
    const members = entries.get(key);
    if (members === undefined) entries.set(key, [i]);
    else members.push(i);
  }
  return [...entries.values()].filter((members) => members.length > 1);
}

/**
 * A fee over one customs entry of several lines, shared across them in proportion to their customs
 * values (equally when all are zero). Unclamped, each line owes rate × its value, exactly. Clamped
 * to the entry's min or max (19 CFR 24.23: the MPF bounds apply per entry), the fee (rounded to
 * `places`, the currency's minor unit) is allocated in minor units, the units left over going to
 * the largest remainders (the first line on a tie), so the lines' shares add up to the entry's fee
 * exactly, as a broker prorates it.
 */
export function entryFeeShares(
  fee: FeeCharge,
  values: readonly Decimal[],
  places: number,
  mode: RoundingMode,
): Decimal[] {
  const total = sum(values);
  const amount = clampedFee(fee, total);
  if (compare(amount, multiply(fee.rate, total)) === 0)
    return values.map((v) => multiply(fee.rate, v));
  const minorUnits = round(amount, places, ROUNDERS[mode]).units;
  const scale = total.scale;
  const weights = isZero(total) ? values.map(() => 1n) : values.map((v) => unitsAt(v, scale));
  const whole = weights.reduce((a, w) => a + w, 0n);
  const shares = weights.map((w) => (minorUnits * w) / whole);
  let left = minorUnits - shares.reduce((a, s) => a + s, 0n);
  const byRemainder = weights
    .map((w, i) => ({ i, remainder: (minorUnits * w) % whole }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((units) => decimal(units, places));
}

/** One line of a customs entry: its customs value and the fees it owes, in its own order. */
export interface EntryLine {
  readonly customsValue: Decimal;
  readonly fees: readonly FeeCharge[];
}

/**
 * The fees of one customs entry: each fee (one id on the same terms, see sameFee) is clamped once
 * over the lines that owe it and shared across them by entryFeeShares; a fee only some lines owe
 * (HMF on the ocean lines of an entry) is shared among those. For each line, one amount per fee
 * charge, in the order of its `fees`.
 */
export function entryFees(
  lines: readonly EntryLine[],
  places: number,
  mode: RoundingMode,
): Decimal[][] {
  const amounts = lines.map((line) => line.fees.map(() => ZERO));
  const byFee: { fee: FeeCharge; owers: number[]; slots: number[] }[] = [];
  for (let line = 0; line < lines.length; line++) {
    const fees = lines[line]?.fees ?? [];
    for (let slot = 0; slot < fees.length; slot++) {
      const fee = fees[slot] as FeeCharge;
      const group = byFee.find((g) => sameFee(g.fee, fee));
      if (group === undefined) byFee.push({ fee, owers: [line], slots: [slot] });
      else {
        group.owers.push(line);
        group.slots.push(slot);
      }
    }
  }
  for (const { fee, owers, slots } of byFee) {
    const values = owers.map((line) => lines[line]?.customsValue ?? ZERO);
    const shares = entryFeeShares(fee, values, places, mode);
    for (let k = 0; k < owers.length; k++) {
      const list = amounts[owers[k] as number];
      if (list !== undefined) list[slots[k] as number] = shares[k] ?? ZERO;
    }
  }
  return amounts;
}
