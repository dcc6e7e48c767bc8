import type { Bloc } from './bloc-tiers';
import { type Dec, sum, ZERO } from './decimal';

/** One mineral component of a derivative product (magnet, motor, battery), valued in money. */
export interface OriginComponent {
  /** The component's value, same currency as the product value. */
  readonly value: Dec;
  /** The bloc of the component's origin. */
  readonly bloc: Bloc;
  /** True when the component is of Chinese origin. */
  readonly chinaOrigin: boolean;
  /** True when the mineral is on China's export-control list. */
  readonly controlled: boolean;
}

export interface OriginContentInput {
  /** The product's value; must be positive. */
  readonly productValue: Dec;
  readonly components: readonly OriginComponent[];
  /** Highest red share with which a product still counts as blue; null = no red content at all. */
  readonly maxRedShare: Dec | null;
  /** True when China's value rule for foreign products is in force on the date asked about. */
  readonly valueRuleInForce: boolean;
  /** The share of product value from which that rule bites (0.001 under the October 2025 list). */
  readonly deMinimisShare: Dec;
}

export interface BlocShares {
  readonly red: Dec;
  readonly blue: Dec;
  readonly grey: Dec;
}

export interface OriginContentResult {
  /** Σ value of red components. */
  readonly redValue: Dec;
  /** redValue / productValue. */
  readonly redShare: Dec;
  /** Each bloc's component value / productValue. */
  readonly shares: BlocShares;
  /** Σ value of components of Chinese origin of controlled minerals. */
  readonly chinaContentValue: Dec;
  /** chinaContentValue / productValue. */
  readonly chinaContentShare: Dec;
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

function blocValue(components: readonly OriginComponent[], bloc: Bloc): Dec {
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
  if (!productValue.greaterThan(ZERO)) {
    throw new OriginContentError('product value must be greater than zero');
  }
  if (components.some((c) => c.value.isNegative())) {
    throw new OriginContentError('component values must not be negative');
  }
  const total = sum(components.map((c) => c.value));
  if (total.greaterThan(productValue)) {
    throw new OriginContentError('the components are worth more than the product value');
  }
  const redValue = blocValue(components, 'red');
  const redShare = redValue.dividedBy(productValue);
  const chinaContentValue = sum(
    components.filter((c) => c.chinaOrigin && c.controlled).map((c) => c.value),
  );
  const chinaContentShare = chinaContentValue.dividedBy(productValue);
  return {
    redValue,
    redShare,
    shares: {
      red: redShare,
      blue: blocValue(components, 'blue').dividedBy(productValue),
      grey: blocValue(components, 'grey').dividedBy(productValue),
    },
    chinaContentValue,
    chinaContentShare,
    chinaLicenceRequired:
      valueRuleInForce && chinaContentShare.greaterThanOrEqualTo(deMinimisShare),
    qualifiesAsBlue:
      maxRedShare === null ? redValue.isZero() : redShare.lessThanOrEqualTo(maxRedShare),
  };
}
