import { formatMoney, formatPerUnit, formatRate, type RoundingMode } from '../domain/rounding';
import type { Decimal } from '../numeric';

/** Thousands separators for the integer part of a formatted decimal: "750000.00" → "750,000.00". */
export function grouped(text: string): string {
  const point = text.indexOf('.');
  const end = point === -1 ? text.length : point;
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  if (end - start <= 3) return text;
  let out = text.slice(0, start);
  for (let i = start; i < end; i++) {
    if (i > start && (end - i) % 3 === 0) out += ',';
    out += text[i];
  }
  return out + text.slice(end);
}

/** A value computed once per key object (a charge, a measure row) and reused across lines. */
export function memoize<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

/** Formatters for the human-readable `formula` strings of one answer. */
export function formulaFormat(currency: string, rounding: RoundingMode) {
  return {
    money: (x: Decimal) => grouped(formatMoney(x, currency, rounding)),
    unit: (x: Decimal) => grouped(formatPerUnit(x, rounding)),
    rate: (x: Decimal) => formatRate(x, rounding),
  };
}
