import { policyData as data } from '../../data/store';
import type { Warning } from '../../data/warnings';
import { floorFinancing } from '../../domain/floor-financing';
import { formatMoney, formatPerUnit } from '../../domain/rounding';
import { convertQuantity } from '../../domain/units';
import { type Decimal, toPlain } from '../../numeric';
import { floorInReporting, resolveFloor } from '../floor-input';
import { buildMeta } from '../meta';
import { dec, fxRates, restate, todayUtc } from '../money-input';
import { type FieldProblem, validationProblem } from '../problem';
import { createRouter } from '../router';
import { postFloorFinancing } from './floor-financing.routes';

export const floorFinancingRouter = createRouter().openapi(postFloorFinancing, (c) => {
  const request = c.req.valid('json');
  const asOf = request.asOf ?? todayUtc();
  const rounding = request.rounding ?? 'half-up';
  const reporting = { currency: request.currency ?? 'USD', fx: fxRates(request.fx) };
  const problems: FieldProblem[] = [];
  const warnings: Warning[] = [];
  const resolved = resolveFloor(request, data, asOf, problems, warnings);
  if (resolved === undefined) throw validationProblem(problems);
  const floor = floorInReporting(resolved, reporting, problems);
  const unit = resolved.floor.per;
  const market = restate(request.marketPrice, unit, reporting, '/marketPrice', problems);
  if (floor === undefined || market === undefined) throw validationProblem(problems);
  const quantity = convertQuantity(dec(request.quantity.value), request.quantity.unit, unit);
  const r = floorFinancing({
    floor,
    marketPrice: market,
    quantity,
    upsideShare: dec(request.upsideShare ?? 0),
  });
  const u = (x: Decimal) => formatPerUnit(x, rounding);
  const money = (x: Decimal) => formatMoney(x, reporting.currency, rounding);
  return c.json(
    {
      per: unit,
      floorPerUnit: u(floor),
      marketPricePerUnit: u(market),
      quantity: { value: toPlain(quantity), unit },
      border: {
        dutyPerUnit: u(r.border.dutyPerUnit),
        buyerPricePerUnit: u(r.border.buyerPricePerUnit),
        buyersPay: money(r.border.buyersPay),
        treasuryCollects: money(r.border.treasuryCollects),
      },
      producerSide: {
        topUpPerUnit: u(r.producerSide.topUpPerUnit),
        upsidePerUnit: u(r.producerSide.upsidePerUnit),
        governmentPays: money(r.producerSide.governmentPays),
        governmentCollects: money(r.producerSide.governmentCollects),
        governmentNet: money(r.producerSide.governmentNet),
        buyerPricePerUnit: u(r.producerSide.buyerPricePerUnit),
        producerReceivesPerUnit: u(r.producerSide.producerReceivesPerUnit),
      },
      meta: buildMeta(asOf, reporting.currency, rounding, warnings),
    },
    200,
  );
});
