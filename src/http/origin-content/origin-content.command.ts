import { blocOf, unknownCountry } from '../../data/blocs';
import { appliesOn, inScope, type MeasureStatus, measureStatusOn } from '../../data/measures';
import type { PolicyData } from '../../data/store';
import { type ExportLicenceRow, valueRuleOn } from '../../data/value-rule';
import type { Warning } from '../../data/warnings';
import type { OriginComponent, OriginContentInput } from '../../domain/origin-content';
import type { RoundingMode } from '../../domain/rounding';
import { type Decimal, greaterThan, isZero, ONE, sum } from '../../numeric';
import { dec, fxRates, type Reporting, restateAmount, todayUtc, vatRate } from '../money-input';
import type { Parsed } from '../parsed';
import type { FieldProblem } from '../problem';
import type { OriginContentRequest } from './origin-content.schemas';

/** IRA §30D applicable percentage for critical minerals in 2024: a modelling default. */
const DEFAULT_MIN_BLUE_SHARE = '0.5';

type ComponentRequest = OriginContentRequest['components'][number];

/**
 * With element grades (by value), the share of the component's value that is controlled content:
 * Σ the grades of the controlled elements. Each grade must be of one of the mineral's elements and
 * all of them together at most 1.
 */
function gradeShare(
  component: ComponentRequest,
  elements: readonly string[],
  controlled: readonly string[],
  pointer: string,
  problems: FieldProblem[],
): { controlledShare?: Decimal } {
  if (component.grade === undefined) return {};
  const grades = Object.entries(component.grade);
  for (const [element] of grades) {
    if (!elements.includes(element)) {
      problems.push({
        pointer: `${pointer}/grade/${element}`,
        detail: `${component.mineral} contains ${elements.join(', ')}, not ${element}`,
      });
    }
  }
  if (greaterThan(sum(grades.map(([, g]) => dec(g))), ONE)) {
    problems.push({ pointer: `${pointer}/grade`, detail: 'grades add up to more than 1' });
  }
  return {
    controlledShare: sum(grades.filter(([e]) => controlled.includes(e)).map(([, g]) => dec(g))),
  };
}

/** An origin-content request resolved: components by bloc, and China's rule on `asOf`. */
export interface OriginContentCommand {
  /** The version of the policy data it was resolved against. */
  readonly dataVersion: string;
  readonly input: OriginContentInput;
  readonly rule: ExportLicenceRow;
  readonly status: MeasureStatus;
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly asOf: string;
  readonly warnings: readonly Warning[];
}

/** Looks up each component's mineral and origin bloc, and the rule's dated status. */
export function resolveOriginContent(
  request: OriginContentRequest,
  data: PolicyData,
): Parsed<OriginContentCommand> {
  const asOf = request.asOf ?? todayUtc();
  const problems: FieldProblem[] = [];
  const warnings: Warning[] = [];
  // China's value rule (MOFCOM No. 61 [2025]: foreign products with 0.1% or more Chinese content
  // by value), as the data holds it.
  const rule = valueRuleOn(data, asOf);
  if (rule === undefined)
    throw new Error('seeds lack an export-licence rule with a deMinimisShare');
  const status = measureStatusOn(rule, asOf);
  warnings.push(...status.warnings);

  // the answer is in `currency`, default USD, as every calculator's; a value in another
  // currency is restated with fx. The product value without a currency is in the answer's; a
  // component without one is in the product value's.
  const reporting: Reporting = { currency: request.currency ?? 'USD', fx: fxRates(request.fx) };
  const productCurrency = request.productValue.currency ?? reporting.currency;
  const productValue = restateAmount(
    dec(request.productValue.amount),
    productCurrency,
    reporting,
    '/productValue',
    problems,
    request.currency === undefined,
  );
  if (productValue !== undefined && isZero(productValue))
    problems.push({ pointer: '/productValue/amount', detail: 'must be more than zero' });
  const components = request.components.flatMap((component, i): OriginComponent[] => {
    // A component in the product value's currency needs the product value's rate: a missing one
    // is said once, at /productValue/currency, not again at a currency the component never gave.
    const value =
      component.currency === undefined
        ? restateAmount(dec(component.value), productCurrency, reporting, '/productValue', [])
        : restateAmount(
            dec(component.value),
            component.currency,
            reporting,
            `/components/${i}`,
            problems,
          );
    // Each unknown id is its own problem: a component with both wrong names both.
    const mineral = data.minerals.get(component.mineral);
    if (mineral === undefined) {
      problems.push({ pointer: `/components/${i}/mineral`, detail: 'is not a known mineral' });
    }
    if (!data.countries.has(component.origin)) {
      problems.push({
        pointer: `/components/${i}/origin`,
        detail: unknownCountry(component.origin),
      });
    }
    if (mineral === undefined || !data.countries.has(component.origin)) return [];
    const bloc = blocOf(data, component.origin, asOf);
    warnings.push(...bloc.warnings);
    const controlledShare = gradeShare(
      component,
      mineral.elements,
      rule.elements,
      `/components/${i}`,
      problems,
    );
    if (value === undefined) return [];
    return [
      {
        value,
        bloc: bloc.bloc,
        // Content of the rule's origin (China) is what the rule counts.
        chinaOrigin: inScope(data, rule.origin, component.origin, asOf),
        controlled: mineral.elements.some((e) => rule.elements.includes(e)),
        ...controlledShare,
      },
    ];
  });
  const total = sum(components.map((x) => x.value));
  if (productValue !== undefined && greaterThan(total, productValue)) {
    problems.push({
      pointer: '/components',
      detail: 'the components are worth more than the product',
    });
  }
  if (productValue === undefined || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      dataVersion: data.dataVersion,
      input: {
        productValue,
        components,
        maxRedShare: dec(request.maxRedShare ?? 0),
        minBlueShare: dec(request.minBlueShare ?? DEFAULT_MIN_BLUE_SHARE),
        valueRuleInForce: appliesOn(status),
        deMinimisShare: dec(rule.deMinimisShare ?? '0.001'),
        vat: vatRate(request.vat),
      },
      rule,
      status,
      currency: reporting.currency,
      rounding: request.rounding ?? 'half-up',
      asOf,
      warnings,
    },
  };
}
