import { describe, expect, it } from 'vitest';
import {
  CURRENCY_MINOR_UNITS,
  isCurrencyCode,
  NON_CURRENCY_CODES,
  nonCurrencyKind,
  WITHDRAWN_CURRENCIES,
} from '../../src/domain/currencies';
import { formatMoney, minorUnits } from '../../src/domain/rounding';
import { d } from './numbers';

describe('currencies: ISO 4217’s list, with each one’s minor unit', () => {
  it('every code is three upper-case letters, and none is both a currency and a code of no currency', () => {
    const currencies = Object.keys(CURRENCY_MINOR_UNITS);
    expect(currencies.filter((c) => !/^[A-Z]{3}$/.test(c))).toEqual([]);
    expect(currencies.filter((c) => Object.hasOwn(NON_CURRENCY_CODES, c))).toEqual([]);
    // The list's 178 codes: 155 currencies and 23 that are none (funds, units of account,
    // precious metals, XTS and XXX).
    expect([currencies.length, Object.keys(NON_CURRENCY_CODES).length]).toEqual([155, 23]);
  });

  it('the minor units ISO 4217 gives, checked by hand against the list: USD 2, JPY 0, … IDR 2', () => {
    // ISO 4217 List One, column "Minor unit". HUF and IDR keep 2 there though cash uses none.
    const iso = {
      USD: 2,
      JPY: 0,
      KRW: 0,
      CLP: 0,
      ISK: 0,
      VND: 0,
      XOF: 0,
      BHD: 3,
      KWD: 3,
      OMR: 3,
      JOD: 3,
      TND: 3,
      LYD: 3,
      IQD: 3,
      HUF: 2,
      IDR: 2,
    };
    for (const [code, places] of Object.entries(iso)) expect(minorUnits(code), code).toBe(places);
  });

  it('an independent check: Intl (CLDR) gives the same digits where it follows ISO 4217', () => {
    // Left out where CLDR (48, ICU 78) departs from ISO: IQD (CLDR 0, ISO 3), HUF and IDR
    // (CLDR 0, ISO 2), and the withdrawn SLL (CLDR 0, ISO 2).
    const agreeing = 'USD JPY KRW CLP ISK VND XOF BHD KWD OMR JOD TND LYD'.split(' ');
    for (const code of agreeing) {
      const intl = new Intl.NumberFormat('en', { style: 'currency', currency: code });
      expect(minorUnits(code), code).toBe(intl.resolvedOptions().maximumFractionDigits);
    }
  });

  it('the currencies withdrawn since 2021 are still ISO 4217 codes, each with its minor unit 2', () => {
    // ISO 4217 List Three: CUC 2021, HRK 2023 (euro), SLL (SLE), ZWL (ZWG), ANG (XCG), BGN 2026 (euro)
    const withdrawn = ['CUC', 'HRK', 'SLL', 'ZWL', 'ANG', 'BGN'];
    expect(withdrawn.map((c) => [isCurrencyCode(c), minorUnits(c)])).toEqual(
      withdrawn.map(() => [true, 2]),
    );
    expect(Object.keys(WITHDRAWN_CURRENCIES).sort()).toEqual([...withdrawn].sort());
    expect(withdrawn.filter((c) => Object.hasOwn(CURRENCY_MINOR_UNITS, c))).toEqual([]);
    expect([WITHDRAWN_CURRENCIES.HRK, WITHDRAWN_CURRENCIES.BGN]).toEqual([
      { minorUnits: 2, withdrawn: '2023-01', replacedBy: 'EUR' },
      { minorUnits: 2, withdrawn: '2026-01', replacedBy: 'EUR' },
    ]);
  });

  it('the minor units beyond 2 places that ISO 4217 gives: BHD, IQD, JOD, KWD, LYD, OMR, TND 3; CLP, ISK, XOF, XAF, PYG 0', () => {
    const places = (codes: string[]) => codes.map((c) => minorUnits(c));
    expect(places(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'])).toEqual([
      3, 3, 3, 3, 3, 3, 3,
    ]);
    expect(places(['CLP', 'ISK', 'XOF', 'XAF', 'PYG', 'UGX', 'VUV'])).toEqual([
      0, 0, 0, 0, 0, 0, 0,
    ]);
    // 1,234.5 XOF → 1235 (no minor unit, half-up; half-even keeps the even 1234);
    // 1.2345 IQD → 1.235 half-up (3 places), 1.234 half-even
    expect(formatMoney(d('1234.5'), 'XOF', 'half-up')).toBe('1235');
    expect(formatMoney(d('1234.5'), 'XOF', 'half-even')).toBe('1234');
    expect(formatMoney(d('1.2345'), 'IQD', 'half-up')).toBe('1.235');
    expect(formatMoney(d('1.2345'), 'IQD', 'half-even')).toBe('1.234');
  });

  it('a code is looked up as an own key: "constructor" and "toString" are no currency', () => {
    expect(['USD', 'constructor', 'toString', 'usd', 'XAU'].map((c) => isCurrencyCode(c))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(['XAU', 'XXX', 'CLF', 'constructor', 'USD'].map((c) => nonCurrencyKind(c))).toEqual([
      'precious metal',
      'no currency',
      'fund',
      undefined,
      undefined,
    ]);
  });
});
