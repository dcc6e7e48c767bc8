import {
  type Decimal,
  greaterThan,
  greaterThanOrEqual,
  isNegative,
  isPositive,
  isZero,
  lessThanOrEqual,
  multiply,
  sum,
} from '../numeric';
import type { Bloc } from './bloc-tiers';
import { excludingVat } from './money';
import type { Ratio } from './rounding';

/** One mineral component of a derivative product (magnet, motor, battery), valued in money. */
export interface OriginComponent {
  /** The component's value, same currency as the product value. */
  readonly value: Decimal;
  /** The bloc of the component's origin. */
  readonly bloc: Bloc;
  /** True when the component is of Chinese origin. */
  readonly chinaOrigin: boolean;
  /** True when the mineral is on China's export-control list. */
  readonly controlled: boolean;
  /**
   * The share of the component's value that is controlled content, when its element grades (by
   * value) are known: an NdFeB magnet is mostly uncontrolled Nd, Pr and Fe with a few percent of
   * controlled Dy and Tb. Absent, a controlled component counts whole.
   */
  readonly controlledShare?: Decimal;
}

export interface OriginContentInput {
  /** The product's value; must be positive. */
  readonly productValue: Decimal;
  readonly components: readonly OriginComponent[];
  /** Highest red share with which a product still counts as blue; null = no red content at all. */
  readonly maxRedShare: Decimal | null;
  /**
   * Lowest allied (blue) share with which a product counts as blue; grey content (processed outside
   * both blocs) is never allied. Absent: no allied-content test.
   */
  readonly minBlueShare?: Decimal;
  /** True when China's value rule for foreign products is in force on the date asked about. */
  readonly valueRuleInForce: boolean;
  /** The share of product value from which that rule bites (0.001 under the October 2025 list). */
  readonly deMinimisShare: Decimal;
  /** The VAT rate included in every value (product and components alike); absent or 0: none. */
  readonly vat?: Decimal;
}

export interface BlocShares {
  readonly red: Ratio;
  readonly blue: Ratio;
  readonly grey: Ratio;
}

export interface OriginContentResult {
  /** Σ value of red components, ex-VAT. */
  readonly redValue: Decimal;
  /** redValue / productValue. */
  readonly redShare: Ratio;
  /** Each bloc's component value / productValue. */
  readonly shares: BlocShares;
  /** Σ value of components of Chinese origin of controlled minerals, ex-VAT. */
  readonly chinaContentValue: Decimal;
  /** chinaContentValue / productValue. */
  readonly chinaContentShare: Ratio;
  /** valueRuleInForce and chinaContentShare ≥ deMinimisShare. */
  readonly chinaLicenceRequired: boolean;
  /** redShare ≤ maxRedShare; with no maximum, redValue = 0. */
  readonly qualifiesAsBlue: boolean;
}

/** Thrown when the product value or its components break the preconditions of the calculation. */
export class OriginContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OriginContentError';
  }
}

function blocValue(components: readonly OriginComponent[], bloc: Bloc): Decimal {
  return sum(components.filter((c) => c.bloc === bloc).map((c) => c.value));
}

/**
 * The origin content of a derivative product, as shares of its value (no rounding here):
 * share_b = Σ value of bloc-b components / productValue; the Chinese content share counts
 * Chinese-origin components of controlled minerals. China's October 2025 rule: a foreign product
 * whose Chinese rare-earth content is 0.1% of its value or more needs a Chinese export licence
 * (the comparison is ≥, so exactly 0.1% needs one).
 * @throws OriginContentError when productValue ≤ 0, a component value is negative, or the
 *   components are worth more than the product.
 */
export function originContent(input: OriginContentInput): OriginContentResult {
  const { productValue, components, maxRedShare, valueRuleInForce, deMinimisShare } = input;
  if (!isPositive(productValue)) {
    throw new OriginContentError('product value must be greater than zero');
  }
  if (components.some((c) => isNegative(c.value))) {
    throw new OriginContentError('component values must not be negative');
  }
  const total = sum(components.map((c) => c.value));
  if (greaterThan(total, productValue)) {
    throw new OriginContentError('the components are worth more than the product value');
  }
  // A VAT included in every value divides each part of a share by the same 1 + vat,
  // so the shares and the tests on them are those of the values as given, exactly; dividing both
  // parts would carry two quotients and could move a share sitting on 0.1% across it. Only the
  // money reported changes: it is taken ex-VAT.
  const exVat = (value: Decimal) =>
    input.vat === undefined ? value : excludingVat(value, input.vat);
  const share = (value: Decimal): Ratio => ({ of: value, to: productValue });
  const redValue = blocValue(components, 'red');
  const chinaContentValue = sum(
    components
      .filter((c) => c.chinaOrigin && c.controlled)
      .map((c) =>
        c.controlledShare === undefined ? c.value : multiply(c.value, c.controlledShare),
      ),
  );
  // Shares are compared with their thresholds exactly, as value ≥ share × productValue (no
  // quotient, so a share just under a threshold never rounds up to it).
  const atLeast = (value: Decimal, threshold: Decimal) =>
    greaterThanOrEqual(value, multiply(threshold, productValue));
  return {
    redValue: exVat(redValue),
    redShare: share(redValue),
    shares: {
      red: share(redValue),
      blue: share(blocValue(components, 'blue')),
      grey: share(blocValue(components, 'grey')),
    },
    chinaContentValue: exVat(chinaContentValue),
    chinaContentShare: share(chinaContentValue),
    chinaLicenceRequired: valueRuleInForce && atLeast(chinaContentValue, deMinimisShare),
    qualifiesAsBlue:
      (maxRedShare === null
        ? isZero(redValue)
        : lessThanOrEqual(redValue, multiply(maxRedShare, productValue))) &&
      (input.minBlueShare === undefined ||
        atLeast(blocValue(components, 'blue'), input.minBlueShare)),
  };
}
