import Oracle from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bloc } from '../../src/domain/bloc-tiers';
import {
  type OriginComponent,
  OriginContentError,
  type OriginContentInput,
  originContent,
} from '../../src/domain/origin-content';
import { add, decimal, equal, sum, toText } from '../../src/numeric';
import { d, t } from './numbers';

/** China's October 2025 rule: 0.1% of the foreign product's value. */
const CHINA_DE_MINIMIS = d('0.001');

function component(
  value: string,
  bloc: Bloc,
  chinaOrigin = false,
  controlled = false,
): OriginComponent {
  return { value: d(value), bloc, chinaOrigin, controlled };
}

/** A 1,000,000 product with `chinese` of Chinese controlled content and 50,000 of allied content. */
function magnetWithChineseContent(chinese: string, valueRuleInForce: boolean): OriginContentInput {
  return {
    productValue: d(1_000_000),
    components: [component(chinese, 'red', true, true), component('50000', 'blue')],
    maxRedShare: null,
    valueRuleInForce,
    deMinimisShare: CHINA_DE_MINIMIS,
  };
}

describe('originContent: China 0.1% value rule', () => {
  it('999.999999 / 1000000 = 0.000999999999 is just below 0.1%: no licence even with the rule in force', () => {
    const r = originContent(magnetWithChineseContent('999.999999', true));
    expect(t(r.chinaContentValue)).toBe('999.999999');
    expect(t(r.chinaContentShare)).toBe('0.000999999999');
    expect(r.chinaLicenceRequired).toBe(false);
  });

  it('1000 / 1000000 = 0.001 is exactly 0.1%: a licence is required (≥)', () => {
    const r = originContent(magnetWithChineseContent('1000', true));
    expect(t(r.chinaContentShare)).toBe('0.001');
    expect(r.chinaLicenceRequired).toBe(true);
  });

  it('5000 / 1000000 = 0.005 is above 0.1%: a licence is required', () => {
    const r = originContent(magnetWithChineseContent('5000', true));
    expect(t(r.chinaContentShare)).toBe('0.005');
    expect(r.chinaLicenceRequired).toBe(true);
  });

  it('with the rule not in force (suspended) no licence is required, at or above 0.1%', () => {
    expect(originContent(magnetWithChineseContent('999.999999', false)).chinaLicenceRequired).toBe(
      false,
    );
    expect(originContent(magnetWithChineseContent('1000', false)).chinaLicenceRequired).toBe(false);
    expect(originContent(magnetWithChineseContent('5000', false)).chinaLicenceRequired).toBe(false);
  });

  it('only Chinese-origin content of controlled minerals counts toward the 0.1%', () => {
    const r = originContent({
      productValue: d(1_000_000),
      components: [
        // Chinese origin but not controlled (e.g. a light REE off the list)
        component('4000', 'red', true, false),
        // controlled mineral, not of Chinese origin
        component('4000', 'grey', false, true),
        component('500', 'red', true, true),
      ],
      maxRedShare: null,
      valueRuleInForce: true,
      deMinimisShare: CHINA_DE_MINIMIS,
    });
    // 500 / 1000000 = 0.0005
    expect(t(r.chinaContentValue)).toBe('500');
    expect(t(r.chinaContentShare)).toBe('0.0005');
    expect(r.chinaLicenceRequired).toBe(false);
  });
});

describe('originContent: shares and blue qualification', () => {
  // product 200: red 30 + blue 50 + grey 20 = 100 of mineral content
  const components = [
    component('10', 'red', true, true),
    component('20', 'red'),
    component('50', 'blue'),
    component('20', 'grey'),
  ];

  it('red 30 / 200 = 0.15, blue 50 / 200 = 0.25, grey 20 / 200 = 0.1', () => {
    const r = originContent({
      productValue: d(200),
      components,
      maxRedShare: d('0.15'),
      valueRuleInForce: true,
      deMinimisShare: CHINA_DE_MINIMIS,
    });
    expect(t(r.redValue)).toBe('30');
    expect(t(r.redShare)).toBe('0.15');
    expect(t(r.shares.red)).toBe('0.15');
    expect(t(r.shares.blue)).toBe('0.25');
    expect(t(r.shares.grey)).toBe('0.1');
    // 10 / 200 = 0.05
    expect(t(r.chinaContentShare)).toBe('0.05');
  });

  it('a red share equal to the maximum (0.15 ≤ 0.15) still qualifies as blue', () => {
    const r = originContent({
      productValue: d(200),
      components,
      maxRedShare: d('0.15'),
      valueRuleInForce: false,
      deMinimisShare: CHINA_DE_MINIMIS,
    });
    expect(r.qualifiesAsBlue).toBe(true);
  });

  it('a red share above the maximum (0.15 > 0.1499) does not qualify as blue', () => {
    const r = originContent({
      productValue: d(200),
      components,
      maxRedShare: d('0.1499'),
      valueRuleInForce: false,
      deMinimisShare: CHINA_DE_MINIMIS,
    });
    expect(r.qualifiesAsBlue).toBe(false);
  });

  it('with no maximum, any red content disqualifies and none qualifies', () => {
    const base = { maxRedShare: null, valueRuleInForce: false, deMinimisShare: CHINA_DE_MINIMIS };
    expect(originContent({ ...base, productValue: d(200), components }).qualifiesAsBlue).toBe(
      false,
    );
    const noRed = originContent({
      ...base,
      productValue: d(200),
      components: [component('50', 'blue'), component('20', 'grey')],
    });
    expect(t(noRed.redValue)).toBe('0');
    expect(noRed.qualifiesAsBlue).toBe(true);
  });
});

describe('originContent: preconditions', () => {
  const base = {
    components: [],
    maxRedShare: null,
    valueRuleInForce: true,
    deMinimisShare: CHINA_DE_MINIMIS,
  };

  it('a product value of zero is rejected with OriginContentError', () => {
    expect(() => originContent({ ...base, productValue: d(0) })).toThrow(OriginContentError);
  });

  it('a negative product value is rejected with OriginContentError', () => {
    expect(() => originContent({ ...base, productValue: d(-1) })).toThrow(
      'product value must be greater than zero',
    );
  });

  it('components worth more than the product (60 + 40.01 > 100) are rejected', () => {
    expect(() =>
      originContent({
        ...base,
        productValue: d(100),
        components: [component('60', 'red'), component('40.01', 'blue')],
      }),
    ).toThrow(OriginContentError);
  });

  it('components worth exactly the product (60 + 40 = 100) are accepted: shares 0.6 + 0.4', () => {
    const r = originContent({
      ...base,
      productValue: d(100),
      components: [component('60', 'red'), component('40', 'blue')],
    });
    expect(t(r.shares.red)).toBe('0.6');
    expect(t(r.shares.blue)).toBe('0.4');
    expect(t(r.shares.grey)).toBe('0');
  });

  it('a negative component value is rejected', () => {
    expect(() =>
      originContent({ ...base, productValue: d(100), components: [component('-1', 'red')] }),
    ).toThrow(OriginContentError);
  });
});

describe('originContent: laws', () => {
  const money = fc.integer({ min: 0, max: 10_000_000 }).map((n) => decimal(BigInt(n), 2));
  const components = fc.array(
    fc.record({
      value: money,
      bloc: fc.constantFrom<Bloc>('red', 'blue', 'grey'),
      chinaOrigin: fc.boolean(),
      controlled: fc.boolean(),
    }),
    { maxLength: 8 },
  );

  it('red + blue + grey shares equal the components total / product value, exactly', () => {
    fc.assert(
      fc.property(components, money, (parts, headroom) => {
        const total = sum(parts.map((p) => p.value));
        // product value = components + headroom, at least 0.01 so it stays positive
        const productValue = add(add(total, headroom), d('0.01'));
        const r = originContent({
          productValue,
          components: parts,
          maxRedShare: null,
          valueRuleInForce: true,
          deMinimisShare: CHINA_DE_MINIMIS,
        });
        // Shares are kept as value / product value until reported: their numerators add up exactly.
        const { red, blue, grey } = r.shares;
        expect([red.to, blue.to, grey.to].every((to) => equal(to, productValue))).toBe(true);
        expect(equal(add(add(red.of, blue.of), grey.of), total)).toBe(true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('a VAT included in every value changes no share and no test, only the money: value / (1 + vat) within 10^-100 (decimal.js)', () => {
    const Exact = Oracle.clone({ precision: 400 });
    const vat = fc.integer({ min: 0, max: 300_000 }).map((n) => decimal(BigInt(n), 6));
    fc.assert(
      fc.property(components, money, vat, (parts, headroom, rate) => {
        const input: OriginContentInput = {
          productValue: add(add(sum(parts.map((p) => p.value)), headroom), d('0.01')),
          components: parts,
          maxRedShare: d('0.05'),
          minBlueShare: d('0.5'),
          valueRuleInForce: true,
          deMinimisShare: CHINA_DE_MINIMIS,
        };
        const quoted = originContent(input);
        const exVat = originContent({ ...input, vat: rate });
        expect([t(exVat.redShare), t(exVat.chinaContentShare), t(exVat.shares.blue)]).toEqual([
          t(quoted.redShare),
          t(quoted.chinaContentShare),
          t(quoted.shares.blue),
        ]);
        expect([exVat.chinaLicenceRequired, exVat.qualifiesAsBlue]).toEqual([
          quoted.chinaLicenceRequired,
          quoted.qualifiesAsBlue,
        ]);
        for (const key of ['redValue', 'chinaContentValue'] as const) {
          const exact = new Exact(toText(quoted[key])).div(new Exact(1).plus(toText(rate)));
          const error = new Exact(toText(exVat[key])).minus(exact).abs();
          expect(error.lte('1e-100'), key).toBe(true);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
