import type { Dec } from '../domain/decimal';
import { formatMoney, formatPerUnit, formatRate, type RoundingMode } from '../domain/rounding';

/** Thousands separators for the integer part of a formatted decimal: "750000.00" → "750,000.00". */
export function grouped(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Formatters for the human-readable `formula` strings of one answer. */
export function formulaFormat(currency: string, rounding: RoundingMode) {
  return {
    money: (x: Dec) => grouped(formatMoney(x, currency, rounding)),
    unit: (x: Dec) => grouped(formatPerUnit(x, rounding)),
    /** A rate as a percentage: 0.037 → "3.7%". */
    percent: (x: Dec) => `${formatRate(x.times(100), rounding)}%`,
    rate: (x: Dec) => formatRate(x, rounding),
  };
}
