import {
  add,
  CARRIED_PLACES,
  carry,
  compare,
  type Decimal,
  divide,
  isPositive,
  isZero,
  multiply,
  nonNegative,
  ONE,
  subtract,
  sum,
} from '../numeric';

/** Production stages, upstream to downstream: where a price, a floor or a product sits. */
export const STAGES = ['concentrate', 'oxide', 'metal', 'alloy', 'magnet'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The forms mineral content is counted in, and so the stages a floor can be carried from into a
 * product: an oxide floor through oxide-equivalent content, a metal floor through metal content.
 */
export const CONTENT_FORMS = ['oxide', 'metal'] as const;
export type ContentForm = (typeof CONTENT_FORMS)[number];

/**
 * One mineral's content in a unit of product, with the floor that applies to it. Prices per kg in
 * the reporting currency; the floor and the red price are quoted at the same stage, `floorStage`.
 */
export interface ContentLineInput {
  readonly mineral: string;
  /** kg of the mineral, in `form`, in one unit of product. */
  readonly kgPerUnit: Decimal;
  readonly form: ContentForm;
  /** kg of metal won from one kg of oxide (needed when form or floor stage is `metal`), else 1. */
  readonly metalPerOxide: Decimal;
  /** kg of content that ends up in product per kg of content bought (process yield); 1 = no loss. */
  readonly yield: Decimal;
  /** The stage the floor and the red price are quoted at. */
  readonly floorStage: ContentForm;
  /** F: the floor per kg at `floorStage`. */
  readonly floorPerKg: Decimal;
  /** P: the red (unfloored) price per kg at `floorStage`. */
  readonly redPerKg: Decimal;
}

export interface ContentLine {
  readonly mineral: string;
  /** kg of oxide bought per unit of product: kgPerUnit / (metalPerOxide (metal only) × yield). */
  readonly oxideKgPerUnit: Decimal;
  /** max(0, F − P) per kg of the floor's stage, restated per kg of oxide (× metalPerOxide for a metal floor). */
  readonly gapPerKgOxide: Decimal;
  /** oxideKgPerUnit × gapPerKgOxide, computed with one division. */
  readonly dutyPerUnit: Decimal;
}

export interface ContentFloorInput {
  /** The product's (red) price per unit. */
  readonly productPrice: Decimal;
  readonly lines: readonly ContentLineInput[];
  /** A floor set at the product's own stage, per unit of product; null when none is given. */
  readonly productStageFloor: Decimal | null;
}

export interface StageLeak {
  /** The floor set at the product's stage. */
  readonly floorPerUnit: Decimal;
  /** impliedFloorPerUnit − floorPerUnit: how far the product-stage floor undercuts its content's. */
  readonly leakPerUnit: Decimal;
}

export interface ContentFloorResult {
  readonly lines: readonly ContentLine[];
  /** Σ line duties: the content duty per unit of product. */
  readonly dutyPerUnit: Decimal;
  /** dutyPerUnit / product price; null when the price is 0. */
  readonly adValoremEquivalent: Decimal | null;
  /** product price + dutyPerUnit: the price at the product's stage with its content at the floor. */
  readonly impliedFloorPerUnit: Decimal;
  /** Where a floor set at the product's stage is lower than the implied one; else null. */
  readonly stageLeak: StageLeak | null;
}

/** A quotient used again or reported: carried far, rounded once when reported (numeric core rule 2). */
const quotient = (a: Decimal, b: Decimal): Decimal => divide(a, b, CARRIED_PLACES, carry);

/**
 * The duty one content line carries. Content in metal form was won from oxide at metalPerOxide kg
 * of metal per kg of oxide, so a kg of metal embodies 1 / metalPerOxide kg of oxide; a yield below 1
 * means more content was bought than ends up in the product. A metal-stage floor taxes the metal,
 * which is oxide × metalPerOxide. The duty divides the whole product once (divide last), so it
 * scales with the content.
 */
export function contentLine(line: ContentLineInput): ContentLine {
  const { kgPerUnit, form, metalPerOxide, floorStage } = line;
  const gap = nonNegative(subtract(line.floorPerKg, line.redPerKg));
  const oxidePerForm = form === 'metal' ? metalPerOxide : ONE;
  const gapPerKgOxide = floorStage === 'metal' ? multiply(gap, metalPerOxide) : gap;
  const divisor = multiply(oxidePerForm, line.yield);
  return {
    mineral: line.mineral,
    oxideKgPerUnit: quotient(kgPerUnit, divisor),
    gapPerKgOxide,
    dutyPerUnit: quotient(multiply(kgPerUnit, gapPerKgOxide), divisor),
  };
}

/**
 * A floor set on an upstream stage (oxide, metal) applied to a product further down (a magnet)
 * through its content, so that the product cannot carry its content past the floor ("sell bread,
 * not flour"). Per unit of product, in the reporting currency; nothing is rounded here.
 */
export function contentFloor(input: ContentFloorInput): ContentFloorResult {
  const lines = input.lines.map(contentLine);
  const dutyPerUnit = sum(lines.map((l) => l.dutyPerUnit));
  const impliedFloorPerUnit = add(input.productPrice, dutyPerUnit);
  const stageFloor = input.productStageFloor;
  return {
    lines,
    dutyPerUnit,
    adValoremEquivalent: isZero(input.productPrice)
      ? null
      : quotient(dutyPerUnit, input.productPrice),
    impliedFloorPerUnit,
    stageLeak:
      stageFloor !== null && compare(stageFloor, impliedFloorPerUnit) < 0
        ? { floorPerUnit: stageFloor, leakPerUnit: subtract(impliedFloorPerUnit, stageFloor) }
        : null,
  };
}

/** A content floor as an answer reports it: every figure per unit of product, rounded. */
export interface ReportedContentFloor {
  readonly productPricePerUnit: Decimal;
  /** Each line's duty, rounded once, in the order of the lines. */
  readonly lineDuties: readonly Decimal[];
  /** Σ the reported line duties. */
  readonly dutyPerUnit: Decimal;
  /** The reported product price + the reported duty. */
  readonly impliedFloorPerUnit: Decimal;
  /**
   * The product-stage floor rounded once and the reported implied floor less it, when that is
   * positive as printed; else null.
   */
  readonly stageLeak: StageLeak | null;
}

/** The exact content floor and what an answer reports of it. */
export interface ContentFloorReport extends ContentFloorResult {
  readonly reported: ReportedContentFloor;
}

/**
 * Reported parts add up to reported totals: the product price, each line's duty and the product-stage
 * floor are rounded once by `round`; the duty is the sum of the reported line duties, the implied
 * floor the reported price plus it, the leak the reported implied floor less the reported stage
 * floor. Whether a leak is reported is decided on those printed figures, not the exact ones: a leak
 * is reported only when it is positive as printed (at least one unit in the last place), so a
 * reported leak is never 0 or negative and is always impliedFloorPerUnit − floorPerUnit as shown.
 * A difference smaller than the rounding can hide one way or the other (price 100.00004 with a duty
 * of 0.00004 under a stage floor of 100.00005 leaks 0.00003 exactly, but prints an implied floor of
 * 100.0000 under a stage floor of 100.0001: no leak is reported, as an analyst reading the figures
 * would conclude). The exact result (`contentFloor`) keeps its own exact test.
 */
export function reportContentFloor(
  input: ContentFloorInput,
  result: ContentFloorResult,
  round: (x: Decimal) => Decimal,
): ContentFloorReport {
  const productPricePerUnit = round(input.productPrice);
  const lineDuties = result.lines.map((l) => round(l.dutyPerUnit));
  const dutyPerUnit = sum(lineDuties);
  const impliedFloorPerUnit = add(productPricePerUnit, dutyPerUnit);
  const stageFloor = input.productStageFloor;
  const floorPerUnit = stageFloor === null ? null : round(stageFloor);
  const leakPerUnit = floorPerUnit === null ? null : subtract(impliedFloorPerUnit, floorPerUnit);
  return {
    ...result,
    reported: {
      productPricePerUnit,
      lineDuties,
      dutyPerUnit,
      impliedFloorPerUnit,
      stageLeak:
        floorPerUnit === null || leakPerUnit === null || !isPositive(leakPerUnit)
          ? null
          : { floorPerUnit, leakPerUnit },
    },
  };
}
