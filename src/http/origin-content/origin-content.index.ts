import { blocOf } from '../../data/blocs';
import { measureStatusOn } from '../../data/measures';
import { policyData as data } from '../../data/store';
import type { Warning } from '../../data/warnings';
import { originContent } from '../../domain/origin-content';
import { formatMoney, formatRate, formatRatio } from '../../domain/rounding';
import { type Decimal, greaterThan, isZero, sum } from '../../numeric';
import { buildMeta } from '../meta';
import { dec, todayUtc } from '../money-input';
import { type FieldProblem, validationProblem } from '../problem';
import { createRouter } from '../router';
import { postOriginContent } from './origin-content.routes';

/** MOFCOM No. 61 [2025]: the 0.1%-of-value rule for foreign products with Chinese content. */
const CHINA_VALUE_RULE = 'cn-export-control-no61';

export const originContentRouter = createRouter().openapi(postOriginContent, (c) => {
  const request = c.req.valid('json');
  const asOf = request.asOf ?? todayUtc();
  const rounding = request.rounding ?? 'half-up';
  const currency = request.productValue.currency ?? 'USD';
  const problems: FieldProblem[] = [];
  const warnings: Warning[] = [];
  const rule = data.measures.get(CHINA_VALUE_RULE);
  if (rule === undefined || rule.kind !== 'export-licence')
    throw new Error(`seeds lack ${CHINA_VALUE_RULE}`);
  const status = measureStatusOn(rule, asOf);
  warnings.push(...status.warnings);

  const productValue = dec(request.productValue.amount);
  if (isZero(productValue))
    problems.push({ pointer: '/productValue/amount', detail: 'must be more than zero' });
  const components = request.components.flatMap((component, i) => {
    const mineral = data.minerals.get(component.mineral);
    if (mineral === undefined) {
      problems.push({ pointer: `/components/${i}/mineral`, detail: 'is not a known mineral' });
      return [];
    }
    if (!data.countries.has(component.origin)) {
      problems.push({
        pointer: `/components/${i}/origin`,
        detail: `${component.origin} is not a known country code`,
      });
      return [];
    }
    const bloc = blocOf(data, component.origin, asOf);
    warnings.push(...bloc.warnings);
    return [
      {
        value: dec(component.value),
        bloc: bloc.bloc,
        chinaOrigin: component.origin === 'CN',
        controlled: mineral.elements.some((e) => rule.elements.includes(e)),
      },
    ];
  });
  const total = sum(components.map((x) => x.value));
  if (greaterThan(total, productValue)) {
    problems.push({
      pointer: '/components',
      detail: 'the components are worth more than the product',
    });
  }
  if (problems.length > 0) throw validationProblem(problems);

  const deMinimisShare = dec(rule.deMinimisShare ?? '0.001');
  const result = originContent({
    productValue,
    components,
    maxRedShare: dec(request.maxRedShare ?? 0),
    valueRuleInForce: status.state === 'in-force',
    deMinimisShare,
  });
  const money = (x: Decimal) => formatMoney(x, currency, rounding);
  const rate = (x: Decimal) => formatRate(x, rounding);
  return c.json(
    {
      redValue: money(result.redValue),
      redShare: formatRatio(result.redShare, rounding),
      shares: {
        red: formatRatio(result.shares.red, rounding),
        blue: formatRatio(result.shares.blue, rounding),
        grey: formatRatio(result.shares.grey, rounding),
      },
      chinaContentValue: money(result.chinaContentValue),
      chinaContentShare: formatRatio(result.chinaContentShare, rounding),
      chinaLicenceRequired: result.chinaLicenceRequired,
      chinaRule: {
        measureId: rule.id,
        state: status.state,
        deMinimisShare: rate(deMinimisShare),
        controlledElements: [...rule.elements],
      },
      qualifiesAsBlue: result.qualifiesAsBlue,
      meta: buildMeta(asOf, currency, rounding, warnings),
    },
    200,
  );
});
