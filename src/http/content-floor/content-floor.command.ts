import type { PolicyData } from '../../data/store';
import type { Warning } from '../../data/warnings';
import {
  CONTENT_FORMS,
  type ContentFloorInput,
  type ContentForm,
  type ContentLineInput,
  type Stage,
} from '../../domain/content-floor';
import type { RoundingMode } from '../../domain/rounding';
import type { Unit } from '../../domain/units';
import { compare, type Decimal, isZero, ONE, ZERO } from '../../numeric';
import {
  dec,
  fxRates,
  type PriceInput,
  type Reporting,
  restate,
  todayUtc,
  vatRate,
} from '../money-input';
import type { Parsed } from '../parsed';
import type { FieldProblem } from '../problem';
import type { ContentFloorRequest } from './content-floor.schemas';

/** A content-floor request resolved: every price per kg (content) or per product unit, in `currency`. */
export interface ContentFloorCommand {
  readonly input: ContentFloorInput;
  /** The product's unit and stage, echoed. */
  readonly unit: Unit;
  readonly stage: Stage;
  /** The stage of the floor carried into each line; null when no floor covers its mineral. */
  readonly floorStages: readonly (ContentForm | null)[];
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly dataVersion: string;
  readonly asOf: string;
  readonly warnings: readonly Warning[];
}

/** A ratio that must lie in (0, 1]: kg of metal per kg of oxide, a process yield. */
function ratio(
  value: string | number | undefined,
  pointer: string,
  problems: FieldProblem[],
): Decimal | undefined {
  if (value === undefined) return undefined;
  const r = dec(value);
  if (isZero(r) || compare(r, ONE) > 0) {
    problems.push({ pointer, detail: 'must be above 0 and at most 1' });
    return undefined;
  }
  return r;
}

function isContentForm(stage: string): stage is ContentForm {
  return (CONTENT_FORMS as readonly string[]).includes(stage);
}

interface LinePrices {
  readonly floorStage: ContentForm;
  readonly floorPerKg: Decimal;
  readonly redPerKg: Decimal;
  readonly floored: boolean;
}

/**
 * Resolves the product's content against the floors by stage: oxide and metal floors are carried
 * in through content, a floor at the product's own stage is compared with the implied one, a floor
 * at any other stage and a red price at another stage than its floor are refused, never converted
 * silently.
 */
export function resolveContentFloor(
  request: ContentFloorRequest,
  data: PolicyData,
): Parsed<ContentFloorCommand> {
  const asOf = request.asOf ?? todayUtc();
  const reporting: Reporting = { currency: request.currency ?? 'USD', fx: fxRates(request.fx) };
  const problems: FieldProblem[] = [];
  const { product } = request;
  const unit = product.price.per;
  // `vat` is in the quotes (the product's price and the red prices), not in the floors.
  const vat = vatRate(request.vat);
  const perKg = (price: PriceInput, pointer: string, quote?: Decimal) =>
    restate(price, 'kg', reporting, pointer, problems, quote);
  const perProductUnit = (price: PriceInput, pointer: string, quote?: Decimal) =>
    restate(price, unit, reporting, pointer, problems, quote);
  const productPrice = perProductUnit(product.price, '/product/price', vat);

  const stageFloors = request.floors.flatMap((f, i) =>
    f.stage === product.stage ? [{ floor: f, pointer: `/floors/${i}` }] : [],
  );
  if (stageFloors.length > 1) {
    problems.push({
      pointer: '/floors',
      detail: `give at most one floor at the product’s stage (${product.stage})`,
    });
  }
  request.floors.forEach((f, i) => {
    if (!data.minerals.has(f.mineral))
      problems.push({ pointer: `/floors/${i}/mineral`, detail: 'is not a known mineral' });
    if (f.stage !== product.stage && !isContentForm(f.stage)) {
      problems.push({
        pointer: `/floors/${i}/stage`,
        detail: `a ${f.stage} floor cannot be carried into a ${product.stage} through its content (only oxide and metal floors can); give the floor at the oxide or metal stage, or at the product’s stage`,
      });
    }
  });
  const upstream = (mineral: string) =>
    request.floors
      .map((f, i) => ({ floor: f, index: i }))
      .filter((f) => f.floor.mineral === mineral && f.floor.stage !== product.stage);

  /** The floor and red price per kg a content line carries: a zero gap when no floor covers it. */
  const pricesFor = (mineral: string): LinePrices | undefined => {
    const floors = upstream(mineral);
    const chosen = floors[0];
    if (chosen === undefined) {
      return { floorStage: 'oxide', floorPerKg: ZERO, redPerKg: ZERO, floored: false };
    }
    const floorStage = chosen.floor.stage;
    if (!isContentForm(floorStage)) return undefined;
    if (floors.length > 1) {
      problems.push({
        pointer: '/floors',
        detail: `give one oxide or metal floor for ${mineral}, not ${floors.length}`,
      });
      return undefined;
    }
    const reds = request.redPrices
      .map((r, j) => ({ red: r, index: j }))
      .filter((r) => r.red.mineral === mineral);
    const red = reds[0];
    if (red === undefined || reds.length > 1) {
      problems.push({
        pointer: '/redPrices',
        detail: `give one red price for ${mineral}, at the ${floorStage} stage of its floor`,
      });
      return undefined;
    }
    const redStage = red.red.stage ?? floorStage;
    if (redStage !== floorStage) {
      problems.push({
        pointer: `/redPrices/${red.index}/stage`,
        detail: `is ${redStage} but the floor of ${mineral} is set at the ${floorStage} stage: give the red price at the floor’s stage`,
      });
      return undefined;
    }
    const floorPerKg = perKg(chosen.floor.price, `/floors/${chosen.index}/price`);
    const redPerKg = perKg(red.red.price, `/redPrices/${red.index}/price`, vat);
    if (floorPerKg === undefined || redPerKg === undefined) return undefined;
    return { floorStage, floorPerKg, redPerKg, floored: true };
  };

  const floorStages: (ContentForm | null)[] = [];
  const lines = product.content.flatMap((content, i): ContentLineInput[] => {
    const pointer = `/product/content/${i}`;
    if (!data.minerals.has(content.mineral)) {
      problems.push({ pointer: `${pointer}/mineral`, detail: 'is not a known mineral' });
      return [];
    }
    const prices = pricesFor(content.mineral);
    const metalPerOxide = ratio(content.metalPerOxide, `${pointer}/metalPerOxide`, problems);
    const yieldRatio = ratio(content.yield, `${pointer}/yield`, problems);
    if (prices === undefined) return [];
    const needsMetal = content.form === 'metal' || prices.floorStage === 'metal';
    if (needsMetal && content.metalPerOxide === undefined) {
      problems.push({
        pointer: `${pointer}/metalPerOxide`,
        detail: 'is required for metal content or a metal floor (kg of metal per kg of oxide)',
      });
    }
    floorStages.push(prices.floored ? prices.floorStage : null);
    return [
      {
        mineral: content.mineral,
        kgPerUnit: dec(content.kgPerUnit),
        form: content.form,
        metalPerOxide: metalPerOxide ?? ONE,
        yield: yieldRatio ?? ONE,
        floorStage: prices.floorStage,
        floorPerKg: prices.floorPerKg,
        redPerKg: prices.redPerKg,
      },
    ];
  });
  const stageFloor = stageFloors.length === 1 ? stageFloors[0] : undefined;
  const productStageFloor =
    stageFloor === undefined
      ? null
      : (perProductUnit(stageFloor.floor.price, `${stageFloor.pointer}/price`) ?? null);
  if (problems.length > 0 || productPrice === undefined) return { ok: false, problems };
  // Floors (below the product's stage) and red prices of minerals the product does not contain.
  const stray = [...request.floors.filter((f) => f.stage !== product.stage), ...request.redPrices]
    .map((x) => x.mineral)
    .filter((m, i, all) => all.indexOf(m) === i && !product.content.some((c) => c.mineral === m));
  return {
    ok: true,
    value: {
      input: { productPrice, lines, productStageFloor },
      unit,
      stage: product.stage,
      floorStages,
      currency: reporting.currency,
      rounding: request.rounding ?? 'half-up',
      dataVersion: data.dataVersion,
      asOf,
      warnings: stray.length
        ? [
            {
              code: 'not-in-content',
              detail: `Floors and red prices of minerals not in the content are not applied: ${stray.join(', ')}.`,
            },
          ]
        : [],
    },
  };
}
