import { z } from '@hono/zod-openapi';
import { CONTENT_FORMS, STAGES } from '../../domain/content-floor';
import {
  CurrencyCode,
  DecimalOutput,
  FxSchema,
  IdSchema,
  IsoDate,
  MetaSchema,
  NonNegativeDecimal,
  PriceSchema,
  RoundingSchema,
  UnitSchema,
  vatSchema,
} from '../schemas';
import { StrictSchema } from '../strict';

const StageSchema = z.enum(STAGES).openapi('Stage', {
  description: 'A production stage, upstream to downstream.',
  example: 'oxide',
});

const ContentSchema = z
  .object({
    mineral: IdSchema.openapi({ description: 'Mineral id of the content.', example: 'ndpr-oxide' }),
    kgPerUnit: NonNegativeDecimal.openapi({
      description: 'kg of the content, in `form`, per unit of product (`product.price.per`).',
      example: '0.30',
    }),
    form: z.enum(CONTENT_FORMS).openapi({
      description: 'Whether `kgPerUnit` counts the content as oxide or as metal.',
      example: 'metal',
    }),
    metalPerOxide: NonNegativeDecimal.optional().openapi({
      description:
        'kg of metal won from 1 kg of oxide (above 0, at most 1). Required for metal content or a ' +
        'metal-stage floor: the API does not assume a conversion.',
      example: '0.85',
    }),
    yield: NonNegativeDecimal.optional().openapi({
      description:
        'kg of content that ends up in the product per kg bought (above 0, at most 1); default 1.',
      example: '1',
    }),
  })
  .strict();

const FloorSchema = z
  .object({
    mineral: IdSchema.openapi({ example: 'ndpr-oxide' }),
    stage: StageSchema,
    price: PriceSchema.openapi({ example: { amount: '110', currency: 'USD', per: 'kg' } }),
  })
  .strict()
  .openapi('StageFloor', {
    description:
      'A floor and the stage it is set at. An oxide or metal floor is carried into the product ' +
      'through its content; a floor at the product’s own stage is compared with the implied one. ' +
      'A floor at any other stage cannot be converted and is refused.',
  });

const RedPriceSchema = z
  .object({
    mineral: IdSchema.openapi({ example: 'ndpr-oxide' }),
    stage: StageSchema.optional().openapi({
      description: 'The stage the price is quoted at; default the stage of the mineral’s floor.',
    }),
    price: PriceSchema.openapi({ example: { amount: '75', currency: 'USD', per: 'kg' } }),
  })
  .strict();

export const ContentFloorRequestSchema = z
  .object({
    product: z
      .object({
        stage: StageSchema.openapi({ example: 'magnet' }),
        price: PriceSchema.openapi({
          description: 'The product’s (red) price per unit; its `per` is the product’s unit.',
          example: { amount: '60', currency: 'USD', per: 'kg' },
        }),
        content: z.array(ContentSchema).min(1).max(20),
      })
      .strict(),
    floors: z.array(FloorSchema).min(1).max(20),
    redPrices: z.array(RedPriceSchema).max(20).openapi({
      description: 'The red (unfloored) price of each floored content, at the floor’s stage.',
    }),
    asOf: IsoDate.optional(),
    currency: CurrencyCode.optional(),
    fx: FxSchema.optional(),
    vat: vatSchema({ quoted: '`product.price` and `redPrices` (not in the floors)' }),
    rounding: RoundingSchema.optional(),
    strict: StrictSchema,
  })
  .strict()
  .openapi('ContentFloorRequest', {
    example: {
      product: {
        stage: 'magnet',
        price: { amount: '60', currency: 'USD', per: 'kg' },
        content: [
          { mineral: 'ndpr-oxide', kgPerUnit: '0.30', form: 'metal', metalPerOxide: '0.85' },
        ],
      },
      floors: [
        {
          mineral: 'ndpr-oxide',
          stage: 'oxide',
          price: { amount: '110', currency: 'USD', per: 'kg' },
        },
      ],
      redPrices: [{ mineral: 'ndpr-oxide', price: { amount: '75', currency: 'USD', per: 'kg' } }],
    },
  });

export type ContentFloorRequest = z.infer<typeof ContentFloorRequestSchema>;

export const ContentFloorResponseSchema = z
  .object({
    per: UnitSchema.openapi({ description: 'The product’s unit: every per-unit value is per it.' }),
    stage: StageSchema,
    productPricePerUnit: DecimalOutput.openapi({ example: '60.0000' }),
    lines: z.array(
      z.object({
        mineral: z.string().openapi({ example: 'ndpr-oxide' }),
        form: z.enum(CONTENT_FORMS),
        floorStage: StageSchema.nullable().openapi({
          description: 'The stage of the floor carried in; null when no floor covers the mineral.',
        }),
        oxideKgPerUnit: DecimalOutput.openapi({
          description:
            'kg of oxide per unit of product: kgPerUnit / (metalPerOxide × yield), 6 places.',
          example: '0.352941',
        }),
        gapPerKgOxide: DecimalOutput.openapi({
          description:
            'max(0, floor − red price) per kg of oxide (× metalPerOxide for a metal floor).',
          example: '35.0000',
        }),
        dutyPerUnit: DecimalOutput.openapi({
          description: 'oxideKgPerUnit × gapPerKgOxide per unit of product.',
          example: '12.3529',
        }),
      }),
    ),
    dutyPerUnit: DecimalOutput.openapi({
      description: 'The content duty per unit of product: Σ the lines’ reported duties.',
      example: '12.3529',
    }),
    adValoremEquivalent: DecimalOutput.nullable().openapi({
      description: 'dutyPerUnit / product price; null when the price is 0.',
      example: '0.205882',
    }),
    impliedFloorPerUnit: DecimalOutput.openapi({
      description:
        'The floor implied at the product’s stage: its price with its content lifted to the floor ' +
        '(product price + dutyPerUnit).',
      example: '72.3529',
    }),
    stageLeak: z
      .object({
        stage: StageSchema,
        floorPerUnit: DecimalOutput.openapi({ example: '70.0000' }),
        leakPerUnit: DecimalOutput.openapi({
          description: 'impliedFloorPerUnit − floorPerUnit as printed: always positive.',
          example: '2.3529',
        }),
      })
      .nullable()
      .openapi({
        description:
          'Where a floor set at the product’s own stage is lower than the implied one: the product ' +
          'route carries its content past the upstream floor by this much per unit. Decided on the ' +
          'printed figures: null when the printed implied floor is not above the printed stage ' +
          'floor (a difference below the last place shown is not reported). A stage floor above ' +
          'the implied one is not charged here (the duty is the content’s only): a ' +
          '`product-stage-floor` warning names both, and POST /v1/floor-gap prices a duty on the ' +
          'product’s own price.',
      }),
    meta: MetaSchema,
  })
  .openapi('ContentFloorResponse');

export type ContentFloorResponse = z.infer<typeof ContentFloorResponseSchema>;
