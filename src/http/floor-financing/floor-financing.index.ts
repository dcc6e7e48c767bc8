import {
  type FloorFinancingReport,
  floorFinancing,
  reportFloorFinancing,
} from '../../domain/floor-financing';
import { roundMoney } from '../../domain/rounding';
import { type Calculator, postCalculatorRouter } from '../calculator';
import { type FloorFinancingCommand, resolveFloorFinancing } from './floor-financing.command';
import { floorFinancingRow, presentFloorFinancing } from './floor-financing.present';
import {
  FloorFinancingRequestSchema,
  FloorFinancingResponseSchema,
} from './floor-financing.schemas';

export const floorFinancingCalculator = {
  path: '/v1/floor-financing',
  tag: 'Benchmarks, origin content and floor financing',
  operationId: 'computeFloorFinancing',
  summary: 'Who pays for a floor: border duty vs producer-side top-up',
  description:
    'The same floor financed two ways, like with like. Border floor: buyers pay the gap ' +
    'max(0, F − M) on all of `demand`, the producer gains it on its `domesticOutput`, the treasury ' +
    'collects it on imports (demand − output). Producer-side floor (DoD–MP Materials style ' +
    'contract for difference): buyers pay the market price, the government pays the gap on output ' +
    'and collects upsideShare × max(0, M − F) on output above the floor (from `upsideFromPeriod` ' +
    'on). Each regime reports buyers’ extra cost, producer gain, treasury revenue, government ' +
    'outlay and net public cost; with `pricePath` per period and, with `discountRate`, in present ' +
    'value. Worked example: floor 110, market 62, demand 5,000 t, output 1,000 t → border: buyers ' +
    '240,000,000.00, producer 48,000,000.00, treasury 192,000,000.00; producer-side: government ' +
    '48,000,000.00, buyers 0.00. Not modelled: demand and output responding to the price.',
  request: FloorFinancingRequestSchema,
  requestDescription: 'The floor, the market price and the volume.',
  response: FloorFinancingResponseSchema,
  responseDescription: 'Both financings side by side.',
  resolve: resolveFloorFinancing,
  compute: (command: FloorFinancingCommand) =>
    reportFloorFinancing(floorFinancing(command.input), (x) =>
      roundMoney(x, command.currency, command.rounding),
    ),
  present: presentFloorFinancing,
  row: floorFinancingRow,
} satisfies Calculator<
  '/v1/floor-financing',
  typeof FloorFinancingRequestSchema,
  typeof FloorFinancingResponseSchema,
  FloorFinancingCommand,
  FloorFinancingReport
>;

export const floorFinancingRouter = postCalculatorRouter(floorFinancingCalculator);
