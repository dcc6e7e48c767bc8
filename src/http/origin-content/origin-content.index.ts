import { originContent } from '../../domain/origin-content';
import { type Calculator, postCalculatorRouter } from '../calculator';
import { type OriginContentCommand, resolveOriginContent } from './origin-content.command';
import { originContentRow, presentOriginContent } from './origin-content.present';
import { OriginContentRequestSchema, OriginContentResponseSchema } from './origin-content.schemas';

export const originContentCalculator = {
  path: '/v1/origin-content',
  tag: 'Benchmarks, origin content and floor financing',
  operationId: 'computeOriginContent',
  summary: 'Red / blue / grey content of a product, and China’s 0.1% rule',
  description:
    'Shares of product value by the bloc of each mineral component’s origin, and whether China’s ' +
    'extraterritorial rule (MOFCOM No. 61 [2025]: a foreign product whose Chinese-origin content of ' +
    'controlled rare earths is 0.1% of its value or more needs a Chinese export licence) bites on ' +
    '`asOf`. The rule follows its dated status: suspended by No. 70 [2025] from 2025-11-07 to ' +
    '2026-11-10; after that, the data does not know whether the suspension was extended, so the ' +
    'legal default (the rule applies) is kept and the answer warns.',
  request: OriginContentRequestSchema,
  requestDescription: 'The product and its mineral content.',
  response: OriginContentResponseSchema,
  responseDescription: 'The shares and the licence test.',
  resolve: resolveOriginContent,
  compute: (command: OriginContentCommand) => originContent(command.input),
  present: presentOriginContent,
  row: originContentRow,
} satisfies Calculator<
  '/v1/origin-content',
  typeof OriginContentRequestSchema,
  typeof OriginContentResponseSchema,
  OriginContentCommand,
  ReturnType<typeof originContent>
>;

export const originContentRouter = postCalculatorRouter(originContentCalculator);
