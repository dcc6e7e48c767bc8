import { z } from '@hono/zod-openapi';
import {
  InlineMeasureSchema,
  LandedCostRequestSchema,
  LandedCostResponseSchema,
} from '../landed-cost/landed-cost.schemas';
import {
  CountryCode,
  CoverageSchema,
  DecimalOutput,
  IdSchema,
  IsoDate,
  MetaSchema,
} from '../schemas';
import { StrictSchema } from '../strict';

export const VariantSchema = z
  .object({
    label: z.string().min(1).max(80).openapi({ example: 'March 2026' }),
    asOf: IsoDate.optional(),
    scenario: IdSchema.optional(),
    measures: z.array(InlineMeasureSchema).max(20).optional(),
    excludeMeasures: z.array(IdSchema).max(50).optional(),
    destination: CountryCode.optional(),
    origin: CountryCode.optional(),
  })
  .strict()
  .openapi('CompareVariant', {
    description: 'What this variant changes in the shipment; anything not given is the shipment’s.',
  });

export type Variant = z.infer<typeof VariantSchema>;

export const CompareRequestSchema = z
  .object({
    shipment: LandedCostRequestSchema,
    variants: z.array(VariantSchema).min(2).max(12),
    strict: StrictSchema.openapi({
      description:
        'With `true` (here or in the shipment), a comparison any of whose variants would carry a ' +
        '`data-horizon`, `reported-figure`, `no-tariff-data` or `suspension-ended` warning is a ' +
        '422 listing them.',
    }),
    assume: z
      .enum(['no-duty'])
      .optional()
      .openapi({
        description:
          '`no-duty` (the query’s `assume=no-duty`): count a duty the data has no tariff for as ' +
          'zero, explicitly, so that the deltas and changes against a variant without tariff data ' +
          'are figures on that assumption instead of null and left out. The `no-tariff-data` ' +
          'warning and `coverage.tariffs` still say the data lacks it.',
      }),
  })
  .strict()
  .openapi('CompareRequest', {
    description:
      'A shipment and its variants. The example’s Nd oxide price, 150 USD/kg, is the middle of SMM’s FOB China ' +
      'quotation of 140–160 USD/kg on 2026-01-30 (news.metal.com).',
    example: {
      shipment: {
        mineral: 'nd-oxide',
        origin: 'CN',
        quantity: { value: '1000', unit: 'kg' },
        price: { amount: '150', currency: 'USD', per: 'kg' },
      },
      variants: [
        { label: 'January 2026', asOf: '2026-01-15' },
        { label: 'March 2026', asOf: '2026-03-01' },
      ],
    },
  });

export type CompareRequest = z.infer<typeof CompareRequestSchema>;

export const ChangeSchema = z
  .object({
    measureId: z.string().openapi({ example: 'us-301-magnets-2026' }),
    change: z.enum(['added', 'removed', 'changed']).openapi({
      description:
        'Against the first variant: a charge `added` (or charged anew after an exemption ended: ' +
        'reason "no longer exempt (…)"), `removed` (ended, excluded, or spared by an exemption: ' +
        'reason "exempt: Annex II") or `changed` in amount.',
    }),
    amountDelta: DecimalOutput.openapi({ example: '12500.00' }),
    reason: z.string().openapi({ example: 'started 2026-01-01' }),
  })
  .openapi('Change');

export const DeltasSchema = z
  .object({
    duties: DecimalOutput.nullable().openapi({
      description:
        '`null` where this variant’s or the first’s `coverage.tariffs` is not `complete`: an ' +
        'unknown duty is not zero, and neither is its difference (empty in CSV); unless the ' +
        'request says `assume: no-duty`, which counts it as zero.',
      example: '2500.00',
    }),
    fees: DecimalOutput.openapi({ example: '0.00' }),
    landedCost: DecimalOutput.nullable().openapi({
      description: '`null` where `duties` is.',
      example: '2500.00',
    }),
  })
  .openapi('CompareDeltas', {
    description:
      'This variant less the first, of the reported totals; the changes’ amountDelta add up to ' +
      'duties + fees, and landedCost moves by the same, where the duties are known on both sides.',
  });

export const CompareResponseSchema = z
  .object({
    variants: z.array(
      z.object({
        label: z.string(),
        result: LandedCostResponseSchema,
        changes: z.array(ChangeSchema).openapi({
          description:
            'Against the first variant (empty for it). A duty line one answer charges and the ' +
            'other’s data cannot say (its `coverage.tariffs` not `complete`, e.g. another ' +
            'destination the data has no tariffs for) is left out: no tariff data there is not ' +
            'the measure removed or added (with `assume: no-duty` it is listed, its reason ' +
            '"no tariff data, assumed zero"). Fee lines are listed as usual.',
        }),
        exemptions: z
          .array(
            z.object({
              measureId: z.string().openapi({ example: 'us-s122-surcharge' }),
              reason: z.string().openapi({ example: 'exempt: Annex II' }),
            }),
          )
          .openapi({
            description:
              'Measures in force for this variant, and not for the first, that the line is ' +
              'exempt from by a named list: charged in neither answer, so not a change, but the ' +
              'reason nothing is charged (empty for the first variant).',
          }),
        deltas: DeltasSchema,
      }),
    ),
    coverage: CoverageSchema.openapi({
      description:
        'The variants’ `coverage.tariffs` combined: `complete` when every variant’s is, `none` ' +
        'when every variant’s is, `partial` otherwise. Where a variant’s is `none`, its duties ' +
        'are unknown (not zero), and the CSV and text forms refuse to print them unless ' +
        '`assume=no-duty`.',
    }),
    meta: MetaSchema,
  })
  .openapi('CompareResponse');

export type CompareResponse = z.infer<typeof CompareResponseSchema>;
