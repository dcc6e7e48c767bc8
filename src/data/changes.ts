import type { MeasureRow } from './schema';
import type { PolicyData } from './store';

/** One dated change in the data: a row that started, ended, was suspended or was replaced. */
export interface DataChange {
  readonly date: string;
  readonly change: 'started' | 'ended' | 'replaced' | 'suspended' | 'suspension-ended';
  readonly rowId: string;
  readonly row: 'measure' | 'benchmark' | 'membership';
  readonly detail: string;
  readonly source: string;
}

/** The day after an ISO date. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A measure's value in a few words: its rate, amount, clamp or elements. */
function measureValue(m: MeasureRow): string {
  switch (m.kind) {
    case 'ad-valorem':
      return m.lessMfn === true ? `${m.rate} less MFN` : m.rate;
    case 'specific':
      return `${m.amount.amount} ${m.amount.currency}/${m.amount.per}`;
    case 'fee':
      return `${m.rate}${m.min === undefined ? '' : ` min ${m.min}`}${m.max === undefined ? '' : ` max ${m.max}`} ${m.currency}`;
    case 'floor-gap':
      return m.benchmark ?? `${m.floor?.amount} ${m.floor?.currency}/${m.floor?.per}`;
    case 'export-licence':
      return m.elements.join(' ');
  }
}

/** Two rows of one programme, lane and product scope: the later replaces the earlier. */
export function sameScope(a: MeasureRow, b: MeasureRow): boolean {
  return (
    a.programme === b.programme &&
    JSON.stringify([a.destination, a.origin, a.products]) ===
      JSON.stringify([b.destination, b.origin, b.products])
  );
}

/**
 * What moved in the data between `from` and `to` (both inclusive), from the rows' own dates: rows
 * that started or ended, a row replaced by the next of the same scope (old value → new value),
 * suspensions that began or ended, benchmarks and bloc memberships that started or ended.
 */
export function changesBetween(data: PolicyData, from: string, to: string): DataChange[] {
  const within = (date: string | null): date is string =>
    date !== null && from <= date && date <= to;
  const changes: DataChange[] = [];
  const measures = [...data.measures.values()].filter((m) => !m.scenarioOnly);
  for (const m of measures) {
    const source = m.legal.instrument;
    const successor =
      m.effectiveTo === null
        ? undefined
        : measures.find(
            (n) =>
              n !== m && sameScope(m, n) && n.effectiveFrom === nextDay(m.effectiveTo as string),
          );
    const predecessor = measures.find(
      (p) =>
        p !== m &&
        sameScope(p, m) &&
        p.effectiveTo !== null &&
        nextDay(p.effectiveTo) === m.effectiveFrom,
    );
    if (within(m.effectiveFrom)) {
      changes.push(
        predecessor === undefined
          ? {
              date: m.effectiveFrom,
              change: 'started',
              rowId: m.id,
              row: 'measure',
              detail: `${m.label}: ${measureValue(m)}`,
              source,
            }
          : {
              date: m.effectiveFrom,
              change: 'replaced',
              rowId: m.id,
              row: 'measure',
              detail: `${m.label}: ${predecessor.id} ${measureValue(predecessor)} → ${m.id} ${measureValue(m)}`,
              source,
            },
      );
    }
    if (within(m.effectiveTo) && successor === undefined) {
      changes.push({
        date: m.effectiveTo,
        change: 'ended',
        rowId: m.id,
        row: 'measure',
        detail:
          m.continuesByLaw === undefined
            ? `${m.label}: last day in force`
            : `${m.label}: last day of these amounts; it continues by law (${m.continuesByLaw.instrument}), later amounts not yet in the data`,
        source,
      });
    }
    for (const s of m.suspensions ?? []) {
      if (within(s.from))
        changes.push({
          date: s.from,
          change: 'suspended',
          rowId: m.id,
          row: 'measure',
          detail: `${m.label}: suspended to ${s.to}`,
          source: s.source.instrument,
        });
      if (within(s.to))
        changes.push({
          date: s.to,
          change: 'suspension-ended',
          rowId: m.id,
          row: 'measure',
          detail: `${m.label}: last day of the suspension; what followed is known only until ${s.knownUntil}`,
          source: s.source.instrument,
        });
    }
  }
  for (const b of data.benchmarks.values()) {
    const what = `${b.name}: ${b.price.amount} ${b.price.currency}/${b.price.per}`;
    if (within(b.effectiveFrom))
      changes.push({
        date: b.effectiveFrom,
        change: 'started',
        rowId: b.id,
        row: 'benchmark',
        detail: what,
        source: b.source.instrument,
      });
    if (within(b.effectiveTo))
      changes.push({
        date: b.effectiveTo,
        change: 'ended',
        rowId: b.id,
        row: 'benchmark',
        detail: what,
        source: b.source.instrument,
      });
  }
  for (const m of data.memberships) {
    const id = `membership:${m.country}`;
    if (within(m.from))
      changes.push({
        date: m.from,
        change: 'started',
        rowId: id,
        row: 'membership',
        detail: `${m.country} joins the ${m.bloc} bloc`,
        source: m.source.instrument,
      });
    if (within(m.to))
      changes.push({
        date: m.to,
        change: 'ended',
        rowId: id,
        row: 'membership',
        detail: `${m.country} leaves the ${m.bloc} bloc`,
        source: m.source.instrument,
      });
  }
  return changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
