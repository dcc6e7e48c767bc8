import { z } from 'zod';
import benchmarksJson from '../../seeds/benchmarks.json';
import blocsJson from '../../seeds/blocs.json';
import countriesJson from '../../seeds/countries.json';
import measuresJson from '../../seeds/measures.json';
import membershipsJson from '../../seeds/memberships.json';
import metaJson from '../../seeds/meta.json';
import mineralsJson from '../../seeds/minerals.json';
import scenariosJson from '../../seeds/scenarios.json';
import timelineJson from '../../seeds/timeline.json';
import tradeFlowsJson from '../../seeds/trade-flows.json';
import { compare, parseDecimal, sum, toPlain } from '../numeric';
import { notAFloor } from './benchmarks';
import { sameScope } from './changes';
import { floorGapMethodOf } from './floor-gap-method';
import { type MeasureSeed, measureRows, overlaps } from './measure-groups';
import {
  type BenchmarkRow,
  type BlocRow,
  benchmarkSchema,
  blocSchema,
  type CountryRow,
  countrySchema,
  type MeasureGroupRow,
  type MeasureRow,
  type MembershipRow,
  type MineralRow,
  measureGroupSchema,
  measureSchema,
  membershipSchema,
  mineralSchema,
  type ScenarioRow,
  scenarioSchema,
  seedMetaSchema,
  type TimelineEventRow,
  type TradeFlowDatasetRow,
  timelineEventSchema,
  tradeFlowDatasetSchema,
} from './schema';

/** All policy data: validated when the Worker is built and in the tests, indexed when it loads. */
export interface PolicyData {
  readonly dataVersion: string;
  readonly compiled: string;
  readonly minerals: ReadonlyMap<string, MineralRow>;
  readonly blocs: readonly BlocRow[];
  readonly countries: ReadonlyMap<string, CountryRow>;
  readonly memberships: readonly MembershipRow[];
  readonly benchmarks: ReadonlyMap<string, BenchmarkRow>;
  readonly measures: ReadonlyMap<string, MeasureRow>;
  readonly scenarios: ReadonlyMap<string, ScenarioRow>;
  readonly timeline: readonly TimelineEventRow[];
  /** Named datasets of imports by origin (trade effects). */
  readonly tradeFlows: ReadonlyMap<string, TradeFlowDatasetRow>;
}

/** Thrown when a seed file breaks its schema or refers to something that does not exist. */
export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

/** A seed file's first schema problem, at its path (under `at`, an entry's index, if given). */
function seedError(file: string, error: z.ZodError, at: (string | number)[] = []): SeedError {
  const first = error.issues[0];
  return new SeedError(
    `seeds/${file}: ${[...at, ...(first?.path ?? [])].join('/')}: ${first?.message}`,
  );
}

function parseList<T>(file: string, schema: z.ZodType<T>, json: unknown): T[] {
  const result = z.array(schema).safeParse(json);
  if (!result.success) throw seedError(file, result.error);
  return result.data;
}

/**
 * seeds/measures.json: rows, and groups of rows (an entry with `groups`), each validated by its own
 * schema so that a message names the field that is wrong, then the groups expanded into rows.
 */
function parseMeasures(json: unknown): MeasureRow[] {
  const file = 'measures.json';
  const entries = parseList(file, z.unknown(), json);
  const seeds = entries.map((entry, i): MeasureSeed => {
    const grouped = typeof entry === 'object' && entry !== null && 'groups' in entry;
    const result = (grouped ? measureGroupSchema : measureSchema).safeParse(entry);
    if (!result.success) throw seedError(file, result.error, [i]);
    if ('groups' in result.data) checkGroup(result.data);
    return result.data;
  });
  return measureRows(seeds);
}

/** A group's periods follow each other, and each of its groups has a row in one of them. */
function checkGroup(g: MeasureGroupRow): void {
  g.periods.forEach((p, i) => {
    const before = g.periods[i - 1];
    check(
      (p.effectiveTo === null || p.effectiveFrom <= p.effectiveTo) &&
        (before === undefined ||
          (before.effectiveTo !== null && before.effectiveTo < p.effectiveFrom)),
      `seeds/measures.json: ${g.id} period ${p.id} ends before it starts or overlaps the one before`,
    );
  });
  for (const { id, from, to } of g.groups) {
    check(
      (from === undefined || to === undefined || from <= to) &&
        g.periods.some((p) => overlaps(p, from, to)),
      `seeds/measures.json: ${g.id} group ${id} falls in none of its periods`,
    );
  }
}

function byId<T extends { id: string }>(file: string, rows: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) {
    if (map.has(row.id)) throw new SeedError(`seeds/${file}: duplicate id ${row.id}`);
    map.set(row.id, row);
  }
  return map;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new SeedError(message);
}

/** Validates the raw seed files and the references between them. */
export function loadPolicyData(
  raw: Readonly<Record<keyof typeof SEED_FILES, unknown>>,
): PolicyData {
  const meta = seedMetaSchema.parse(raw.meta);
  const minerals = byId('minerals.json', parseList('minerals.json', mineralSchema, raw.minerals));
  const blocs = parseList('blocs.json', blocSchema, raw.blocs);
  const countryRows = parseList('countries.json', countrySchema, raw.countries);
  const countries = new Map(countryRows.map((c) => [c.code, c]));
  const memberships = parseList('memberships.json', membershipSchema, raw.memberships);
  const benchmarks = byId(
    'benchmarks.json',
    parseList('benchmarks.json', benchmarkSchema, raw.benchmarks),
  );
  const measures = byId('measures.json', parseMeasures(raw.measures));
  const scenarios = byId(
    'scenarios.json',
    parseList('scenarios.json', scenarioSchema, raw.scenarios),
  );
  const timeline = parseList('timeline.json', timelineEventSchema, raw.timeline);
  const tradeFlows = byId(
    'trade-flows.json',
    parseList('trade-flows.json', tradeFlowDatasetSchema, raw.tradeFlows),
  );

  for (const b of blocs) {
    for (const code of b.shownByDefault) {
      check(countries.has(code), `seeds/blocs.json: ${b.id} shows unknown country ${code}`);
    }
    if (b.home !== undefined)
      check(countries.has(b.home), `seeds/blocs.json: ${b.id} has unknown home ${b.home}`);
  }
  check(
    blocs.some((b) => b.id === 'red' && b.home !== undefined),
    'seeds/blocs.json: the red bloc needs a home (where red supply is priced from)',
  );
  // A seed's tranche schedule must rise: a client could not fix the problem it would cause.
  for (const m of measures.values()) {
    if (m.kind !== 'floor-gap') continue;
    const issues = floorGapMethodOf(m.method).bandIssues;
    check(
      issues.length === 0,
      `seeds/measures.json: ${m.id} has tranche bands that do not rise (band ${issues[0]?.band})`,
    );
  }
  for (const m of memberships) {
    check(countries.has(m.country), `seeds/memberships.json: unknown country ${m.country}`);
    check(
      m.to === null || m.from <= m.to,
      `seeds/memberships.json: ${m.country} ends before it starts`,
    );
  }
  for (const mineral of minerals.values()) {
    check(
      mineral.hts.includes(mineral.defaultHts),
      `seeds/minerals.json: ${mineral.id} defaultHts is not one of its hts lines`,
    );
  }
  for (const b of benchmarks.values()) {
    check(
      minerals.has(b.appliesTo) || [...minerals.values()].some((m) => m.group === b.appliesTo),
      `seeds/benchmarks.json: ${b.id} applies to unknown ${b.appliesTo}`,
    );
  }
  for (const m of measures.values()) {
    check(
      m.effectiveTo === null || m.effectiveFrom <= m.effectiveTo,
      `seeds/measures.json: ${m.id} ends before it starts`,
    );
    if (m.continuesByLaw !== undefined) {
      // A row assumed past its end must be the last of its kind, or two would charge at once.
      const later = [...measures.values()].find(
        (n) => sameScope(n, m) && n.effectiveFrom > m.effectiveFrom,
      );
      check(
        m.effectiveTo !== null && later === undefined,
        `seeds/measures.json: ${m.id} continuesByLaw but ${later === undefined ? 'has no end' : `${later.id} follows it`}`,
      );
    }
    for (const code of [
      ...(m.destination.countries ?? []),
      ...(m.origin.countries ?? []),
      ...(m.destination.exceptCountries ?? []),
      ...(m.origin.exceptCountries ?? []),
    ]) {
      check(countries.has(code), `seeds/measures.json: ${m.id} names unknown country ${code}`);
    }
    for (const id of m.products.minerals ?? []) {
      check(minerals.has(id), `seeds/measures.json: ${m.id} names unknown mineral ${id}`);
    }
    if (m.kind === 'floor-gap') {
      check(
        (m.benchmark === undefined) !== (m.floor === undefined),
        `seeds/measures.json: ${m.id} needs exactly one of benchmark and floor`,
      );
      check(
        m.benchmark === undefined || benchmarks.has(m.benchmark),
        `seeds/measures.json: ${m.id} names unknown benchmark ${m.benchmark}`,
      );
      // A cap priced as a floor would charge the gap below it: refused for requests, so for seeds.
      const benchmark = m.benchmark === undefined ? undefined : benchmarks.get(m.benchmark);
      const notFloor = benchmark === undefined ? undefined : notAFloor(benchmark);
      check(notFloor === undefined, `seeds/measures.json: ${m.id}: ${notFloor}`);
    }
  }
  for (const s of scenarios.values()) {
    for (const id of [...s.addMeasures, ...s.dropMeasures]) {
      check(measures.has(id), `seeds/scenarios.json: ${s.id} names unknown measure ${id}`);
    }
  }
  check(scenarios.has('baseline'), 'seeds/scenarios.json: the baseline scenario is missing');
  for (const e of timeline) {
    for (const id of e.measures ?? []) {
      check(measures.has(id), `seeds/timeline.json: ${e.date} names unknown measure ${id}`);
    }
  }
  for (let i = 1; i < timeline.length; i++) {
    check(
      (timeline[i - 1]?.date ?? '') <= (timeline[i]?.date ?? ''),
      'seeds/timeline.json: events must be oldest first',
    );
  }

  for (const t of tradeFlows.values()) {
    check(countries.has(t.destination), `seeds/trade-flows.json: ${t.id} unknown destination`);
    for (const f of t.flows) {
      check(
        f.origin === null || countries.has(f.origin),
        `seeds/trade-flows.json: ${t.id} names unknown origin ${f.origin}`,
      );
    }
    const total = sum(t.flows.map((f) => parseDecimal(f.value)));
    check(
      compare(total, parseDecimal(t.total)) === 0,
      `seeds/trade-flows.json: ${t.id} flows add up to ${toPlain(total)}, not ${t.total}`,
    );
    for (const id of t.products.minerals) {
      check(minerals.has(id), `seeds/trade-flows.json: ${t.id} names unknown mineral ${id}`);
    }
  }

  return indexed(meta, {
    minerals,
    blocs,
    countries,
    memberships,
    benchmarks,
    measures,
    scenarios,
    timeline,
    tradeFlows,
  });
}

function indexed(
  meta: { dataVersion: string; compiled: string },
  rows: Omit<PolicyData, 'dataVersion' | 'compiled'>,
): PolicyData {
  return { dataVersion: meta.dataVersion, compiled: meta.compiled, ...rows };
}

/** The seed files as shipped, before validation. */
export const SEED_FILES = {
  meta: metaJson,
  minerals: mineralsJson,
  blocs: blocsJson,
  countries: countriesJson,
  memberships: membershipsJson,
  benchmarks: benchmarksJson,
  measures: measuresJson,
  scenarios: scenariosJson,
  timeline: timelineJson,
  tradeFlows: tradeFlowsJson,
};

/**
 * The shipped seeds indexed without validating them again: `loadPolicyData` validates these very
 * files when the Worker is built (scripts/build.ts fails the build on a bad row) and in the tests,
 * which also check that this gives the same data. Validating at every isolate start cost about
 * 8 ms of the start-up budget.
 */
function indexShippedSeeds(files: typeof SEED_FILES): PolicyData {
  const byKey = <T, K>(rows: readonly T[], key: (row: T) => K) =>
    new Map(rows.map((row) => [key(row), row]));
  // Validated at build time (see above): the casts restate what loadPolicyData has checked.
  const rows = files as unknown as {
    meta: { dataVersion: string; compiled: string };
    minerals: MineralRow[];
    blocs: BlocRow[];
    countries: CountryRow[];
    memberships: MembershipRow[];
    benchmarks: BenchmarkRow[];
    measures: MeasureSeed[];
    scenarios: ScenarioRow[];
    timeline: TimelineEventRow[];
    tradeFlows: TradeFlowDatasetRow[];
  };
  return indexed(rows.meta, {
    minerals: byKey(rows.minerals, (m) => m.id),
    blocs: rows.blocs,
    countries: byKey(rows.countries, (c) => c.code),
    memberships: rows.memberships,
    benchmarks: byKey(rows.benchmarks, (b) => b.id),
    measures: byKey(measureRows(rows.measures), (m) => m.id),
    scenarios: byKey(rows.scenarios, (s) => s.id),
    timeline: rows.timeline,
    tradeFlows: byKey(rows.tradeFlows, (t) => t.id),
  });
}

/** The policy data shipped in seeds/, indexed once per isolate. */
export const policyData: PolicyData = indexShippedSeeds(SEED_FILES);
