/**
 * The currencies a price, a rate or an answer may be in: every currency of ISO 4217 List One (SIX
 * Group, the ISO 4217 maintenance agency: "Current currency & funds code list", as published on
 * 2026-01-01), with the decimal places of its minor unit as that list gives them. The codes
 * withdrawn from it since 2021 are in WITHDRAWN_CURRENCIES.
 *
 * Left out on purpose, though the list holds them (NON_CURRENCY_CODES): the fund codes (indexed
 * units such as Chile's CLF, and USN, next-day dollars), the units of account (XDR, XSU, XUA,
 * XAD, the bond-market units XBA–XBD), the precious metals (XAU, XAG, XPT, XPD: one troy ounce,
 * and no minor unit) and XTS (testing) and XXX (no currency). Prices, duties and fees are paid in
 * currencies; a metal is priced here as a mineral, per `ozt`, in one of them.
 */
export const CURRENCY_MINOR_UNITS = {
  AED: 2,
  AFN: 2,
  ALL: 2,
  AMD: 2,
  AOA: 2,
  ARS: 2,
  AUD: 2,
  AWG: 2,
  AZN: 2,
  BAM: 2,
  BBD: 2,
  BDT: 2,
  BHD: 3,
  BIF: 0,
  BMD: 2,
  BND: 2,
  BOB: 2,
  BRL: 2,
  BSD: 2,
  BTN: 2,
  BWP: 2,
  BYN: 2,
  BZD: 2,
  CAD: 2,
  CDF: 2,
  CHF: 2,
  CLP: 0,
  CNY: 2,
  COP: 2,
  CRC: 2,
  CUP: 2,
  CVE: 2,
  CZK: 2,
  DJF: 0,
  DKK: 2,
  DOP: 2,
  DZD: 2,
  EGP: 2,
  ERN: 2,
  ETB: 2,
  EUR: 2,
  FJD: 2,
  FKP: 2,
  GBP: 2,
  GEL: 2,
  GHS: 2,
  GIP: 2,
  GMD: 2,
  GNF: 0,
  GTQ: 2,
  GYD: 2,
  HKD: 2,
  HNL: 2,
  HTG: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  IQD: 3,
  IRR: 2,
  ISK: 0,
  JMD: 2,
  JOD: 3,
  JPY: 0,
  KES: 2,
  KGS: 2,
  KHR: 2,
  KMF: 0,
  KPW: 2,
  KRW: 0,
  KWD: 3,
  KYD: 2,
  KZT: 2,
  LAK: 2,
  LBP: 2,
  LKR: 2,
  LRD: 2,
  LSL: 2,
  LYD: 3,
  MAD: 2,
  MDL: 2,
  MGA: 2,
  MKD: 2,
  MMK: 2,
  MNT: 2,
  MOP: 2,
  MRU: 2,
  MUR: 2,
  MVR: 2,
  MWK: 2,
  MXN: 2,
  MYR: 2,
  MZN: 2,
  NAD: 2,
  NGN: 2,
  NIO: 2,
  NOK: 2,
  NPR: 2,
  NZD: 2,
  OMR: 3,
  PAB: 2,
  PEN: 2,
  PGK: 2,
  PHP: 2,
  PKR: 2,
  PLN: 2,
  PYG: 0,
  QAR: 2,
  RON: 2,
  RSD: 2,
  RUB: 2,
  RWF: 0,
  SAR: 2,
  SBD: 2,
  SCR: 2,
  SDG: 2,
  SEK: 2,
  SGD: 2,
  SHP: 2,
  SLE: 2,
  SOS: 2,
  SRD: 2,
  SSP: 2,
  STN: 2,
  SVC: 2,
  SYP: 2,
  SZL: 2,
  THB: 2,
  TJS: 2,
  TMT: 2,
  TND: 3,
  TOP: 2,
  TRY: 2,
  TTD: 2,
  TWD: 2,
  TZS: 2,
  UAH: 2,
  UGX: 0,
  USD: 2,
  UYU: 2,
  UZS: 2,
  VED: 2,
  VES: 2,
  VND: 0,
  VUV: 0,
  WST: 2,
  XAF: 0,
  XCD: 2,
  XCG: 2,
  XOF: 0,
  XPF: 0,
  YER: 2,
  ZAR: 2,
  ZMW: 2,
  ZWG: 2,
} as const satisfies Readonly<Record<string, 0 | 2 | 3>>;

/** A currency withdrawn from ISO 4217 List One: its minor unit, when, and what replaced it. */
export interface WithdrawnCurrency {
  readonly minorUnits: 0 | 2 | 3;
  /** Year and month of withdrawal, as ISO 4217 List Three ("historic denominations") dates it. */
  readonly withdrawn: string;
  readonly replacedBy: keyof typeof CURRENCY_MINOR_UNITS;
}

/**
 * The currencies withdrawn from ISO 4217 List One since 2021 (now on List Three), each with the
 * minor unit List One gave it (2 for each). They are still ISO 4217 codes, and are accepted on any
 * date: an invoice or a fee of a past date may be in one, and its rate to the reporting currency
 * is the request's own `fx`, so no answer depends on when the code was withdrawn. The withdrawal
 * months are for the reader: HRK's and BGN's follow the euro changeovers; CUC's, SLL's, ZWL's and
 * ANG's are as recalled from List Three, not re-read.
 */
export const WITHDRAWN_CURRENCIES = {
  // Cuba's convertible peso, ended by the monetary unification of 2021-01-01.
  CUC: { minorUnits: 2, withdrawn: '2021-06', replacedBy: 'CUP' },
  // Croatia's kuna, replaced by the euro on 2023-01-01.
  HRK: { minorUnits: 2, withdrawn: '2023-01', replacedBy: 'EUR' },
  // Sierra Leone's leone, redenominated 1,000 : 1 as SLE from 2022-07-01.
  SLL: { minorUnits: 2, withdrawn: '2024-12', replacedBy: 'SLE' },
  // Zimbabwe's RTGS dollar, replaced by the ZiG (ZWG) from 2024-04-05.
  ZWL: { minorUnits: 2, withdrawn: '2024-09', replacedBy: 'ZWG' },
  // The Netherlands Antillean guilder, replaced by the Caribbean guilder (XCG) from 2025-03-31.
  ANG: { minorUnits: 2, withdrawn: '2025-07', replacedBy: 'XCG' },
  // Bulgaria's lev, replaced by the euro on 2026-01-01.
  BGN: { minorUnits: 2, withdrawn: '2026-01', replacedBy: 'EUR' },
} as const satisfies Readonly<Record<string, WithdrawnCurrency>>;

export type CurrencyCode = keyof typeof CURRENCY_MINOR_UNITS | keyof typeof WITHDRAWN_CURRENCIES;

/** What the codes of ISO 4217 List One that are no currency to price in stand for. */
export const NON_CURRENCY_KINDS = [
  'fund',
  'unit of account',
  'precious metal',
  'testing',
  'no currency',
] as const;
export type NonCurrencyKind = (typeof NON_CURRENCY_KINDS)[number];

/** The codes of ISO 4217 List One left out of CURRENCY_MINOR_UNITS, and what each is. */
export const NON_CURRENCY_CODES = {
  BOV: 'fund',
  CHE: 'fund',
  CHW: 'fund',
  CLF: 'fund',
  COU: 'fund',
  MXV: 'fund',
  USN: 'fund',
  UYI: 'fund',
  UYW: 'fund',
  XAD: 'unit of account',
  XBA: 'unit of account',
  XBB: 'unit of account',
  XBC: 'unit of account',
  XBD: 'unit of account',
  XDR: 'unit of account',
  XSU: 'unit of account',
  XUA: 'unit of account',
  XAG: 'precious metal',
  XAU: 'precious metal',
  XPD: 'precious metal',
  XPT: 'precious metal',
  XTS: 'testing',
  XXX: 'no currency',
} as const satisfies Readonly<Record<string, NonCurrencyKind>>;

/**
 * Every accepted code's minor unit, current and withdrawn, in one Map: money is rounded several
 * times per line of a batch, and a Map look-up is cheaper than own-property checks on two large
 * object literals (1.3% of a 1,000-line batch's CPU in a Node profile).
 */
const MINOR_UNITS: ReadonlyMap<string, 0 | 2 | 3> = new Map<string, 0 | 2 | 3>([
  ...(Object.entries(CURRENCY_MINOR_UNITS) as [string, 0 | 2 | 3][]),
  ...Object.entries(WITHDRAWN_CURRENCIES).map(([code, w]): [string, 0 | 2 | 3] => [
    code,
    w.minorUnits,
  ]),
]);

/** Whether `code` (upper case) is a currency of ISO 4217 List One, or one withdrawn since 2021. */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return MINOR_UNITS.has(code);
}

/** Decimal places of a currency's minor unit, current or withdrawn. */
export function currencyMinorUnits(code: CurrencyCode): 0 | 2 | 3 {
  return MINOR_UNITS.get(code) as 0 | 2 | 3;
}

/** What a code of ISO 4217 List One that is no currency stands for; undefined for any other. */
export function nonCurrencyKind(code: string): NonCurrencyKind | undefined {
  return Object.hasOwn(NON_CURRENCY_CODES, code)
    ? NON_CURRENCY_CODES[code as keyof typeof NON_CURRENCY_CODES]
    : undefined;
}
