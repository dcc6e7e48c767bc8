import { contentFloor } from '../../domain/content-floor';
import { type Calculator, postCalculatorRouter } from '../calculator';
import { type ContentFloorCommand, resolveContentFloor } from './content-floor.command';
import { contentFloorRow, presentContentFloor } from './content-floor.present';
import { ContentFloorRequestSchema, ContentFloorResponseSchema } from './content-floor.schemas';

export const contentFloorCalculator = {
  path: '/v1/content-floor',
  tag: 'Floor-gap duty',
  operationId: 'computeContentFloor',
  summary: 'A floor set on oxide or metal, applied to a product through its content',
  description:
    'Carries floors set at an upstream stage into a product further down (metal, magnet) through ' +
    'its content, so that selling the product instead of the oxide does not escape the floor. Per ' +
    'content line: kg of oxide per unit of product (metal content ÷ metal per oxide ÷ yield), the ' +
    'gap per kg of oxide (floor − red price at the floor’s stage), and the duty. Floors whose stage ' +
    'cannot be converted into the content (a concentrate or alloy floor) and red prices at another ' +
    'stage than their floor are refused, never silently applied. Worked example: NdPr oxide floor ' +
    '110, red oxide 75, a magnet with 0.30 kg NdPr metal per kg at 0.85 kg metal per kg oxide → ' +
    '0.352941 kg oxide per kg of magnet, duty 12.3529 per kg. Not modelled: how the duty is ' +
    'collected on a product (a content declaration), or what the product’s own value adds.',
  request: ContentFloorRequestSchema,
  requestDescription: 'The product, its content, the floors by stage and the red prices.',
  response: ContentFloorResponseSchema,
  responseDescription:
    'The content duty per unit of product and the floor it implies at its stage.',
  resolve: resolveContentFloor,
  compute: (command: ContentFloorCommand) => contentFloor(command.input),
  present: presentContentFloor,
  row: contentFloorRow,
} satisfies Calculator<
  '/v1/content-floor',
  typeof ContentFloorRequestSchema,
  typeof ContentFloorResponseSchema,
  ContentFloorCommand,
  ReturnType<typeof contentFloor>
>;

export const contentFloorRouter = postCalculatorRouter(contentFloorCalculator);
