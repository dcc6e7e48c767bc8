import type { Consideration } from '../../data/measures';
import type { PolicyData } from '../../data/store';
import { type Comparison, compareReported, type ReportedTotals } from '../../domain/comparison';
import { landedCost } from '../../domain/landed-cost';
import { parseReported } from '../../numeric';
import { type LandedCostCommand, resolveLandedCost } from '../landed-cost/landed-cost.command';
import { presentLandedCost } from '../landed-cost/landed-cost.present';
import type { LandedCostRequest, LandedCostResponse } from '../landed-cost/landed-cost.schemas';
import type { Parsed } from '../parsed';
import type { FieldProblem } from '../problem';
import type { CompareRequest, Variant } from './compare.schemas';

export interface ComparedVariant {
  readonly label: string;
  readonly variant: Variant;
  readonly request: LandedCostRequest;
  readonly result: LandedCostResponse;
  /** Every measure the variant's lane considered, with the exemption list that spared it. */
  readonly considered: readonly Consideration[];
  /** The variant's reported figures against the first's (the first's against itself: nothing). */
  readonly comparison: Comparison;
}

const OVERRIDES = [
  'asOf',
  'scenario',
  'measures',
  'excludeMeasures',
  'destination',
  'origin',
] as const;

/** The shipment as a variant changes it. */
function variantRequest(shipment: LandedCostRequest, variant: Variant): LandedCostRequest {
  const request: Record<string, unknown> = { ...shipment };
  for (const key of OVERRIDES) if (variant[key] !== undefined) request[key] = variant[key];
  return request as LandedCostRequest;
}

/** The variants resolved against the data, and the data their reasons are read from. */
export interface CompareCommand {
  readonly variants: readonly {
    readonly label: string;
    readonly variant: Variant;
    readonly request: LandedCostRequest;
    readonly command: LandedCostCommand;
  }[];
  readonly data: PolicyData;
  /**
   * `assume: no-duty`: a duty the data has no tariff for counts as zero, explicitly, so that the
   * deltas and changes against a variant without tariff data are figures on that assumption.
   */
  readonly assumeNoDuty: boolean;
}

/**
 * Each variant resolved by the landed-cost calculator's own resolver; a problem is reported at the
 * variant's field when the variant set it, else at the shipment's.
 */
export function resolveCompare(request: CompareRequest, data: PolicyData): Parsed<CompareCommand> {
  const problems: FieldProblem[] = [];
  const variants: CompareCommand['variants'][number][] = [];
  for (const [i, variant] of request.variants.entries()) {
    const merged = variantRequest(request.shipment, variant);
    const resolved = resolveLandedCost(merged, data);
    if (!resolved.ok) {
      for (const p of resolved.problems) {
        const field = p.pointer.split('/')[1] as (typeof OVERRIDES)[number];
        const own = OVERRIDES.includes(field) && variant[field] !== undefined;
        problems.push({
          ...p,
          pointer: own ? `/variants/${i}${p.pointer}` : `/shipment${p.pointer}`,
        });
      }
      continue;
    }
    variants.push({ label: variant.label, variant, request: merged, command: resolved.value });
  }
  return problems.length > 0
    ? { ok: false, problems }
    : {
        ok: true,
        value: { variants, data, assumeNoDuty: request.assume === 'no-duty' },
      };
}

/** The figures of an answer a comparison reads, as the answer reported them. */
function reportedTotals(result: LandedCostResponse): ReportedTotals {
  return {
    lines: result.lines.map((l) => ({ measureId: l.measureId, amount: parseReported(l.amount) })),
    duties: parseReported(result.duties),
    fees: parseReported(result.fees),
    landedCost: parseReported(result.landedCost),
  };
}

/**
 * Each variant priced by the landed-cost calculator itself (its full single-call answer), and
 * compared with the first from the figures both answers report.
 */
export function priceVariants(command: CompareCommand): ComparedVariant[] {
  const priced = command.variants.map((v) => {
    const result = presentLandedCost(v.command, landedCost(v.command));
    return { v, result, reported: reportedTotals(result) };
  });
  const first = priced[0]?.reported;
  if (first === undefined) throw new RangeError('a comparison needs variants');
  return priced.map(({ v, result, reported }) => ({
    label: v.label,
    variant: v.variant,
    request: v.request,
    result,
    considered: v.command.lane.selection.considered,
    comparison: compareReported(first, reported),
  }));
}
