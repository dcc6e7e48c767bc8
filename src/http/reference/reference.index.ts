import { blocMembers, blocOf, isoSpelling, unknownCountry } from '../../data/blocs';
import { changesBetween } from '../../data/changes';
import { measuresConcerning, reportedStateOn } from '../../data/measures';
import { lanesWarnings } from '../../data/warnings';
import { dataOf } from '../calculator';
import { todayUtc } from '../money-input';
import { Problem, validationProblem } from '../problem';
import { createRouter } from '../router';
import {
  getBenchmark,
  getCountry,
  getMineral,
  getTimeline,
  listBenchmarks,
  listBlocs,
  listChanges,
  listMeasures,
  listMinerals,
  listScenarios,
} from './reference.routes';

function notFound(what: string, id: string): Problem {
  return new Problem(404, `There is no ${what} "${id}".`);
}

export const referenceRouter = createRouter()
  .openapi(listMinerals, (c) => c.json({ minerals: [...dataOf(c).minerals.values()] }, 200))
  .openapi(getMineral, (c) => {
    const data = dataOf(c);
    const { id } = c.req.valid('param');
    const mineral = data.minerals.get(id);
    if (mineral === undefined) throw notFound('mineral', id);
    return c.json(mineral, 200);
  })
  .openapi(listBlocs, (c) => {
    const data = dataOf(c);
    const asOf = c.req.valid('query').asOf ?? todayUtc();
    const members = blocMembers(data, asOf);
    // A bloc's `home` is the bloc-tiers model's red supply origin, not part of this answer.
    const blocs = data.blocs.map((b) => ({
      id: b.id,
      name: b.name,
      description: b.description,
      shownByDefault: b.shownByDefault,
      members: members[b.id],
    }));
    // The memberships used past their horizon in one data-horizon warning, as a country's.
    const warnings = lanesWarnings([
      { warnings: [...data.countries.keys()].flatMap((code) => blocOf(data, code, asOf).warnings) },
    ]);
    return c.json({ asOf, blocs, warnings }, 200);
  })
  .openapi(getCountry, (c) => {
    const data = dataOf(c);
    // Country codes in any case, as everywhere ('cn' is CN).
    const code = c.req.valid('param').code.toUpperCase();
    const asOf = c.req.valid('query').asOf ?? todayUtc();
    const country = data.countries.get(code);
    if (country === undefined) {
      const iso = isoSpelling(code);
      throw iso === undefined
        ? notFound('country', code)
        : new Problem(404, `There is no country "${code}": ISO 3166-1 writes ${iso}.`);
    }
    const { bloc, membership, warnings } = blocOf(data, code, asOf);
    return c.json(
      { ...country, bloc, membership: membership ?? null, asOf, warnings: [...warnings] },
      200,
    );
  })
  .openapi(listBenchmarks, (c) => c.json({ benchmarks: [...dataOf(c).benchmarks.values()] }, 200))
  .openapi(getBenchmark, (c) => {
    const data = dataOf(c);
    const { id } = c.req.valid('param');
    const benchmark = data.benchmarks.get(id);
    if (benchmark === undefined) throw notFound('benchmark', id);
    return c.json(benchmark, 200);
  })
  .openapi(listMeasures, (c) => {
    const data = dataOf(c);
    const query = c.req.valid('query');
    const asOf = query.asOf ?? todayUtc();
    // The measures in force on `asOf` (today when left out, as everywhere); every row, with its
    // state on that date, on `inForce=false`.
    const onlyInForce = query.inForce !== 'false';
    const mineral = query.mineral === undefined ? undefined : data.minerals.get(query.mineral);
    if (query.mineral !== undefined && mineral === undefined) {
      throw validationProblem([
        { pointer: '/mineral', parameter: 'mineral', detail: `is not a known mineral id` },
      ]);
    }
    for (const name of ['destination', 'origin'] as const) {
      const code = query[name];
      if (code !== undefined && !data.countries.has(code)) {
        throw validationProblem([
          { pointer: `/${name}`, parameter: name, detail: unknownCountry(code) },
        ]);
      }
    }
    const measures = measuresConcerning(data, {
      asOf,
      ...(query.destination === undefined ? {} : { destination: query.destination }),
      ...(query.origin === undefined ? {} : { origin: query.origin }),
      ...(mineral === undefined ? {} : { mineral }),
    })
      .map((m) => {
        return { ...m, stateOn: reportedStateOn(m, asOf) };
      })
      .filter(
        (m) => !onlyInForce || m.stateOn.state === 'in-force' || m.stateOn.state === 'assumed',
      );
    return c.json({ asOf, measures }, 200);
  })
  .openapi(listScenarios, (c) => c.json({ scenarios: [...dataOf(c).scenarios.values()] }, 200))
  .openapi(getTimeline, (c) => c.json({ events: [...dataOf(c).timeline] }, 200))
  .openapi(listChanges, (c) => {
    const { since, from, to } = c.req.valid('query');
    if (since !== undefined && (from !== undefined || to !== undefined)) {
      throw validationProblem([
        { pointer: '/since', parameter: 'since', detail: 'give either since, or from and to' },
      ]);
    }
    const start = since ?? from;
    if (start === undefined) {
      throw validationProblem([
        { pointer: '/since', parameter: 'since', detail: 'is required (or from, with to)' },
      ]);
    }
    if (to !== undefined && to < start) {
      throw validationProblem([
        { pointer: '/to', parameter: 'to', detail: `must not be before ${start}` },
      ]);
    }
    // ISO dates compare as text; "9999-12-31" stands for a window with no end.
    const changes = changesBetween(dataOf(c), start, to ?? '9999-12-31');
    return c.json({ from: start, to: to ?? null, changes }, 200);
  });
