import { roundRationalMoney } from '../../domain/rounding';
import {
  reportTradeEffects,
  type TradeEffectsReport,
  tradeEffects,
} from '../../domain/trade-effects';
import { type Calculator, postCalculatorRouter } from '../calculator';
import { resolveTradeEffects, type TradeEffectsCommand } from './trade-effects.command';
import { presentTradeEffects, tradeEffectsSummary, tradeEffectsSvg } from './trade-effects.present';
import { TradeEffectsRequestSchema, TradeEffectsResponseSchema } from './trade-effects.schemas';

export const tradeEffectsCalculator = {
  path: '/v1/trade-effects',
  tag: 'Policy analysis',
  operationId: 'estimateTradeEffects',
  summary: 'What a floor or tariff change does to imports by origin (illustrative model)',
  description:
    'A partial-equilibrium estimate, WITS-SMART style, of one destination’s imports of one ' +
    'product. Each origin’s ad valorem equivalent before (t0) comes from the landed-cost ' +
    'calculator on the data in force, or from the flow’s own `t0`; after (t1) adds to t0 what ' +
    'the request’s what-if `measures` add on the data and, where the floor applies, the floor-gap ' +
    'duty over that origin’s own price. Unknown duties are null, not 0: t0, t1 and revenues on ' +
    'them, the consumer-surplus change where a floor is priced over them, the model figures ' +
    'resting on them (an unknown t0 whose rate may change leaves that origin’s creation and, ' +
    'in `smart` through Σ s_j Δ_j, every diversion and new imports unknown; in `ces` every ' +
    'figure, through the price index), and any sum that includes them. `smart`: Δ_k = (t1 − t0) / ' +
    '(1 + t0), creation = η × M_k × Δ_k, diversion = σ × M_k × (Σ s_j Δ_j − Δ_k), exact, new ' +
    'imports = max(0, base + creation + diversion); creation and diversion are always the ' +
    'formulas’ values, so where that sum is below 0 new imports are 0 and the three do not add ' +
    'up to them (`floored`, warning `imports-floored` naming those origins). `ces`: the ' +
    'constant-elasticity (Armington) system with world prices fixed, fractional powers to 60 ' +
    'digits. Each figure is its exact value rounded once (half-up rounds half away from zero, ' +
    'half-even is banker’s rounding), except the sums of reported figures: an origin’s ' +
    '`newImports` is max(0, its base + creation + diversion as reported), blocs and totals add ' +
    'up the origins as reported. Defaults: η = −1 (placeholder), σ = 1.5 (WITS-SMART), export supply infinite. ' +
    'Flows are given or a named dataset (`usgs-mcs-2025-us-rare-earths`: USGS Mineral Commodity ' +
    'Summaries 2025). Worked example (smart, η −1, σ 1.5, floor 16 full gap): CN 100 at 10 and AU ' +
    '20 exempt → CN 25, AU 35, revenue 15. `Accept: image/svg+xml` draws a bar chart by origin.',
  request: TradeEffectsRequestSchema,
  requestDescription: 'The destination and product, the policy change, the flows and the model.',
  response: TradeEffectsResponseSchema,
  responseDescription:
    'Per-origin and per-bloc effects, totals and assumptions (JSON), or a bar chart (SVG).',
  resolve: resolveTradeEffects,
  compute: (command: TradeEffectsCommand) =>
    reportTradeEffects(tradeEffects(command.model, command.flows, command.elasticities), (x) =>
      roundRationalMoney(x, command.currency, command.rounding),
    ),
  present: presentTradeEffects,
  row: tradeEffectsSummary,
  renderings: { svg: { contentType: 'image/svg+xml; charset=utf-8', render: tradeEffectsSvg } },
} satisfies Calculator<
  '/v1/trade-effects',
  typeof TradeEffectsRequestSchema,
  typeof TradeEffectsResponseSchema,
  TradeEffectsCommand,
  TradeEffectsReport
>;

export const tradeEffectsRouter = postCalculatorRouter(tradeEffectsCalculator);
