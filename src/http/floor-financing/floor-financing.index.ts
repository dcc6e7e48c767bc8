import { floorFinancing } from '../../domain/floor-financing';
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
    'The same floor financed two ways. Border floor: buyers pay the gap max(0, F − M) per unit as a ' +
    'duty and the treasury collects it. Producer-side floor (DoD–MP Materials style contract for ' +
    'difference): buyers pay the market price, the government pays max(0, F − M) × quantity and ' +
    'collects upsideShare × max(0, M − F) × quantity above the floor.',
  request: FloorFinancingRequestSchema,
  requestDescription: 'The floor, the market price and the volume.',
  response: FloorFinancingResponseSchema,
  responseDescription: 'Both financings side by side.',
  resolve: resolveFloorFinancing,
  compute: (command: FloorFinancingCommand) => floorFinancing(command.input),
  present: presentFloorFinancing,
  row: floorFinancingRow,
} satisfies Calculator<
  '/v1/floor-financing',
  typeof FloorFinancingRequestSchema,
  typeof FloorFinancingResponseSchema,
  FloorFinancingCommand,
  ReturnType<typeof floorFinancing>
>;

export const floorFinancingRouter = postCalculatorRouter(floorFinancingCalculator);
