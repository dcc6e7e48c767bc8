import type { BenchmarkStage } from '../domain/benchmark-check';
import type { BenchmarkRow, MINERAL_GROUPS, MineralRow } from './schema';
import type { PolicyData } from './store';
import { staleRowWarning, type Warning } from './warnings';

/** Whether a benchmark covers a mineral, by its id or its group. */
export function benchmarkAppliesTo(benchmark: BenchmarkRow, mineral: MineralRow): boolean {
  return benchmark.appliesTo === mineral.id || benchmark.appliesTo === mineral.group;
}

/** Whether a benchmark is in force on `asOf` (both ends inclusive; an undated one always is). */
export function benchmarkInForce(b: BenchmarkRow, asOf: string): boolean {
  return (b.effectiveFrom ?? asOf) <= asOf && asOf <= (b.effectiveTo ?? asOf);
}

/** The benchmarks that cover a mineral, in seed order. */
export function benchmarksFor(data: PolicyData, mineral: MineralRow): BenchmarkRow[] {
  return [...data.benchmarks.values()].filter((b) => benchmarkAppliesTo(b, mineral));
}

/**
 * Why a benchmark cannot be priced as a floor ("g7-hree-cap is a cap, not a floor"): a cap bounds
 * prices from above, so a gap below it is no floor gap. Undefined for a floor.
 */
export function notAFloor(benchmark: BenchmarkRow): string | undefined {
  return benchmark.kind === 'floor'
    ? undefined
    : `${benchmark.id} is a ${benchmark.kind}, not a floor`;
}

/**
 * The warning due when a benchmark is priced as a border floor but is a producer-side contract
 * floor (`mechanism: producer-contract`, e.g. the DoD–MP NdPr floor): the government tops the
 * producer up and buyers pay the market price. None for any other benchmark.
 */
export function notABorderFloorWarnings(benchmark: BenchmarkRow): Warning[] {
  if (benchmark.mechanism !== 'producer-contract') return [];
  return [
    {
      code: 'not-a-border-floor',
      detail: `${benchmark.id} is a producer-side contract floor priced here as a border duty: the contract's government top-up leaves buyers' prices unchanged (see POST /v1/floor-financing).`,
      rowIds: [benchmark.id],
    },
  ];
}

/**
 * One `reported-figure` warning where a reported measure and the reported benchmark it prices say
 * the same thing (the scenario's `g7-lree-floor-gap` rests on `g7-lree-floor`, one press report):
 * the measure's and the benchmark's warnings become one naming both rows (warnings are few and
 * specific warnings). Any other warning is kept as it is, in its place.
 */
export function oneReportedFigure(
  warnings: readonly Warning[],
  measures: ReadonlyMap<string, { readonly kind: string; readonly benchmark?: string | undefined }>,
  benchmarks: ReadonlyMap<string, BenchmarkRow>,
): Warning[] {
  const reportedOnly = (w: Warning, id: string) =>
    w.code === 'reported-figure' && w.rowIds?.length === 1 && w.rowIds[0] === id;
  const out = [...warnings];
  for (let i = 0; i < out.length; i++) {
    const w = out[i] as Warning;
    const id = w.rowIds?.length === 1 ? w.rowIds[0] : undefined;
    if (w.code !== 'reported-figure' || id === undefined) continue;
    const measure = measures.get(id);
    const benchmark =
      measure?.kind === 'floor-gap' && measure.benchmark !== undefined
        ? benchmarks.get(measure.benchmark)
        : undefined;
    if (benchmark === undefined) continue;
    const twin = out.findIndex((v) => reportedOnly(v, benchmark.id));
    if (twin === -1) continue;
    out[i] = {
      code: 'reported-figure',
      detail: `${id} prices ${benchmark.id} (${benchmark.price.amount} ${benchmark.price.currency}/${benchmark.price.per}), a ${benchmark.status} figure, not law: ${benchmark.source.instrument}.`,
      rowIds: [id, benchmark.id],
    };
    out.splice(twin, 1);
    if (twin < i) i--;
  }
  return out;
}

/** What a user must be told when an answer uses a benchmark on `asOf`. */
export function benchmarkWarnings(benchmark: BenchmarkRow, asOf: string): Warning[] {
  const warnings: Warning[] = [];
  if (benchmark.status === 'reported' || benchmark.status === 'proposed') {
    warnings.push({
      code: 'reported-figure',
      detail: `${benchmark.id} (${benchmark.price.amount} ${benchmark.price.currency}/${benchmark.price.per}) is a ${benchmark.status} figure, not law: ${benchmark.source.instrument}.`,
      rowIds: [benchmark.id],
    });
  }
  if (benchmark.effectiveFrom !== null && asOf < benchmark.effectiveFrom) {
    warnings.push({
      code: 'not-yet-in-force',
      detail: `${benchmark.id} takes effect on ${benchmark.effectiveFrom}, after ${asOf}.`,
      rowIds: [benchmark.id],
    });
  }
  if (benchmark.effectiveTo !== null && asOf > benchmark.effectiveTo) {
    // An ended row is history, not assumed to hold: never in a data-horizon warning.
    warnings.push({
      code: 'no-longer-in-force',
      detail: `${benchmark.id} ended on ${benchmark.effectiveTo}, before ${asOf}.`,
      rowIds: [benchmark.id],
    });
    return warnings;
  }
  return [...warnings, ...staleRowWarning(benchmark, asOf)];
}

/**
 * The stage a mineral of the data is traded at, from its group: the rare-earth minerals are
 * separated oxides (`*-oxide`), `ree-metal` is metal, `ndfeb-magnet` a magnet; graphite, gallium
 * and germanium are not staged here.
 */
const GROUP_STAGE: Readonly<Record<(typeof MINERAL_GROUPS)[number], BenchmarkStage>> = {
  'light-ree': 'oxide',
  'heavy-ree': 'oxide',
  'ree-metal': 'metal',
  magnet: 'magnet',
  battery: 'unknown',
  other: 'unknown',
};

/** The stage a mineral is traded at (`unknown` where the data does not say). */
export function mineralStage(mineral: MineralRow): BenchmarkStage {
  return GROUP_STAGE[mineral.group];
}

/** Whether a benchmark floor may be applied to a mineral's own price, and what to say if so. */
export type StageFit =
  | { readonly ok: true; readonly warnings: readonly Warning[] }
  | { readonly ok: false; readonly detail: string };

/**
 * A floor is set at one production stage. Applied to a product at another stage it is wrong in
 * both directions: too high for the raw material, escaped by the finished good ("sell bread, not
 * flour"). So a benchmark set at a known stage that differs from the mineral's is refused (carry it
 * through content with POST /v1/content-floor instead); one at no known stage is applied as if set
 * at the mineral's stage, with a `stage-unknown` warning; one that does not cover the mineral at
 * all is applied as asked, with a `benchmark-scope` warning.
 */
export function benchmarkStageFit(benchmark: BenchmarkRow, mineral: MineralRow): StageFit {
  const stage = mineralStage(mineral);
  if (benchmark.stage !== 'unknown' && stage !== 'unknown' && benchmark.stage !== stage) {
    return {
      ok: false,
      detail: `${benchmark.id} is set at the ${benchmark.stage} stage but ${mineral.id} is traded at the ${stage} stage: a floor is not applied across stages. Carry it into the product through its content with POST /v1/content-floor, or give a floor set at the ${stage} stage as "floor"`,
    };
  }
  const warnings: Warning[] = [];
  if (!benchmarkAppliesTo(benchmark, mineral)) {
    warnings.push({
      code: 'benchmark-scope',
      detail: `${benchmark.id} covers ${benchmark.appliesTo}, not ${mineral.id} (${mineral.group}); it is applied here as asked.`,
      rowIds: [benchmark.id],
    });
  }
  if (benchmark.stage === 'unknown' || stage === 'unknown') {
    warnings.push({
      code: 'stage-unknown',
      detail:
        benchmark.stage === 'unknown'
          ? `${benchmark.id} is quoted at no known production stage (${benchmark.basis}); it is applied to ${mineral.id} as if set at its ${stage === 'unknown' ? 'own' : stage} stage. A floor on one stage leaves the stages downstream (metal, magnets) outside it: see POST /v1/content-floor.`
          : `The data gives no production stage for ${mineral.id}; ${benchmark.id}, set at the ${benchmark.stage} stage, is applied to its price as given.`,
      rowIds: [benchmark.id],
    });
  }
  return { ok: true, warnings };
}
