import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCalculator } from '../../src/http/compare/compare.index';
import { compareRows } from '../../src/http/compare/compare.present';
import type { CompareResponse } from '../../src/http/compare/compare.schemas';
import { uncertainProblem } from '../../src/http/strict';
import { call, postJson, problemOf } from '../helpers';

interface Change {
  measureId: string;
  change: string;
  amountDelta: string;
  reason: string;
}
interface Compared {
  variants: {
    label: string;
    result: { duties: string; fees: string; landedCost: string };
    changes: Change[];
    exemptions: { measureId: string; reason: string }[];
    deltas: { duties: string; fees: string; landedCost: string };
  }[];
}

const shipment = {
  mineral: 'ndfeb-magnet',
  origin: 'CN',
  quantity: { value: '1000', unit: 'kg' },
  price: { amount: '50', per: 'kg' },
};

/** The second variant's one change, which moves its duties and landed cost by its amount. */
function onlyChange(r: Compared, change: Change): void {
  expect(r.variants[1]?.changes).toEqual([change]);
  expect(r.variants[1]?.deltas).toEqual({
    duties: change.amountDelta,
    fees: '0.00',
    landedCost: change.amountDelta,
  });
}

async function compare(variants: unknown[]): Promise<Compared> {
  const response = await postJson('/v1/landed-cost/compare', { shipment, variants });
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as Compared;
}

/** Cents as a BigInt: "-5000.00" → -500000n. */
const cents = (s: string) => BigInt(s.replace('.', ''));

describe('POST /v1/landed-cost/compare', () => {
  it('NdFeB magnets from China, 2025-11-15 → 2026-03-01: the 301 duty started, the IEEPA tariff ended by the court', async () => {
    const r = await compare([
      { label: 'November 2025', asOf: '2025-11-15' },
      { label: 'March 2026', asOf: '2026-03-01' },
    ]);
    const [, march] = r.variants;
    // 50 × 1000 = 50,000.00 customs value: 301 at 25% = 12,500.00 (from 2026-01-01);
    // IEEPA fentanyl 10% = 5,000.00 charged in November, void from 2026-02-24
    expect(march?.changes).toContainEqual({
      measureId: 'us-301-magnets-2026',
      change: 'added',
      amountDelta: '12500.00',
      reason: 'started 2026-01-01',
    });
    expect(march?.changes).toContainEqual({
      measureId: 'us-ieepa-fentanyl-cn-3',
      change: 'removed',
      amountDelta: '-5000.00',
      reason: 'ended 2026-02-23 (court ruling)',
    });
    expect(r.variants[0]?.changes).toEqual([]);
  });

  // Only the end the court caused says so: the 20% fentanyl row ended on 2025-11-09 because the
  // 10% row replaced it on 2025-11-10 (EO of 2025-11-04), though both were later held void.
  it('2025-11-01 → 2025-11-15: the 20% IEEPA fentanyl row ended because the 10% row replaced it, not by the court', async () => {
    const r = await compare([
      { label: 'early November 2025', asOf: '2025-11-01' },
      { label: 'mid November 2025', asOf: '2025-11-15' },
    ]);
    // 50,000.00 customs value: 20% = 10,000.00 before, 10% = 5,000.00 after;
    // −10,000.00 + 5,000.00 = −5,000.00, the duties delta.
    expect(r.variants[1]?.changes).toEqual([
      {
        measureId: 'us-ieepa-fentanyl-cn-3',
        change: 'added',
        amountDelta: '5000.00',
        reason: 'started 2025-11-10',
      },
      {
        measureId: 'us-ieepa-fentanyl-cn-2',
        change: 'removed',
        amountDelta: '-10000.00',
        reason: 'ended 2025-11-09 (replaced by us-ieepa-fentanyl-cn-3)',
      },
    ]);
    expect(r.variants[1]?.deltas.duties).toBe('-5000.00');
  });

  // The next row must cover the lane: for Japanese magnets the 10% baseline (base-1, to 2025-08-06)
  // was replaced by Japan's 15% all-in rate (EO 14326), not by base-1b (other origins) or China's
  // rows. 15% less MFN 2.1% = 12.9% × 50,000.00 = 6,450.00; 10% × 50,000.00 = 5,000.00.
  it('2025-07-20 → 2025-08-20, magnets from Japan: the baseline replaced by Japan’s own rate', async () => {
    const response = await postJson('/v1/landed-cost/compare', {
      shipment: { ...shipment, origin: 'JP' },
      variants: [
        { label: 'July 2025', asOf: '2025-07-20' },
        { label: 'August 2025', asOf: '2025-08-20' },
      ],
    });
    const r = (await response.json()) as CompareResponse;
    expect(r.variants[1]?.changes).toEqual([
      {
        measureId: 'us-ieepa-reciprocal-p2-eu-jp-1',
        change: 'added',
        amountDelta: '6450.00',
        reason: 'started 2025-08-07',
      },
      {
        measureId: 'us-ieepa-reciprocal-base-1',
        change: 'removed',
        amountDelta: '-5000.00',
        reason: 'ended 2025-08-06 (replaced by us-ieepa-reciprocal-p2-eu-jp-1)',
      },
    ]);
  });

  // A replacement that has itself ended by the later date says how: the 20% fentanyl row gave way
  // to the 10% row on 2025-11-10, which the court's ruling ended on 2026-02-23. On 2026-03-01:
  // −10,000.00 of fentanyl duty, +12,500.00 of Section 301 (from 2026-01-01).
  it('2025-11-05 → 2026-03-01: the 20% row, replaced by the 10% row, which the court ended', async () => {
    const r = await compare([
      { label: 'early November 2025', asOf: '2025-11-05' },
      { label: 'March 2026', asOf: '2026-03-01' },
    ]);
    expect(r.variants[1]?.changes).toContainEqual({
      measureId: 'us-ieepa-fentanyl-cn-2',
      change: 'removed',
      amountDelta: '-10000.00',
      reason:
        'ended 2025-11-09 (replaced by us-ieepa-fentanyl-cn-3, which ended 2026-02-23 (court ruling))',
    });
  });

  // MPF rates are per fiscal year (CBP Dec. 25-10 for FY2026; FY2027 from 2026-10-01): the same
  // 0.3464% × 50,000.00 = 173.20 under each, so the fee line is removed and added, not changed.
  it('2026-09-15 → 2026-10-15: the FY2026 MPF row ended, replaced by FY2027’s', async () => {
    const r = await compare([
      { label: 'FY2026', asOf: '2026-09-15' },
      { label: 'FY2027', asOf: '2026-10-15' },
    ]);
    expect(r.variants[1]?.changes).toContainEqual({
      measureId: 'us-mpf-fy2026',
      change: 'removed',
      amountDelta: '-173.20',
      reason: 'ended 2026-09-30 (replaced by us-mpf-fy2027)',
    });
  });

  // Section 122 surcharge (Proclamation 11012, FR Doc 2026-03824): 10% from 2026-02-24 to
  // 2026-07-23, with sintered NdFeB (8505.11.0070) on its Annex II (U.S. note 2(aa)); the Section
  // 301 forced-labor action (USTR, effective 2026-07-24; proposed in FR Doc 2026-11296) lists the
  // same line in its Annex II Part A. The list names come from the rows' exemption lists.
  it('2026-01-15 → 2026-03-01: Section 122 is in force but the magnets are exempt (Annex II): not a change, listed in exemptions', async () => {
    const r = await compare([
      { label: 'January 2026', asOf: '2026-01-15' },
      { label: 'March 2026', asOf: '2026-03-01' },
    ]);
    const march = r.variants[1];
    // 50,000.00 customs value: IEEPA fentanyl 10% = 5,000.00 charged in January, void from
    // 2026-02-24; nothing else moves (MFN 2.1% 1,050.00 and Section 301 25% 12,500.00 both dates).
    // Section 122 is charged on neither date: no charge changed, so it is not in `changes`.
    expect(march?.changes).toEqual([
      {
        measureId: 'us-ieepa-fentanyl-cn-3',
        change: 'removed',
        amountDelta: '-5000.00',
        reason: 'ended 2026-02-23 (court ruling)',
      },
    ]);
    expect(march?.exemptions).toEqual([
      { measureId: 'us-s122-surcharge', reason: 'exempt: Annex II' },
    ]);
    expect(march?.deltas.duties).toBe('-5000.00');
    expect(r.variants[0]?.exemptions).toEqual([]);
  });

  it('2026-03-01 → 2026-08-01: Section 122 ended (exempt both times, not listed); the forced-labor action "exempt: Annex II Part A"', async () => {
    const r = await compare([
      { label: 'March 2026', asOf: '2026-03-01' },
      { label: 'August 2026', asOf: '2026-08-01' },
    ]);
    expect(r.variants[1]?.changes).toEqual([]);
    expect(r.variants[1]?.exemptions).toEqual([
      { measureId: 'us-301fl-cn-hk', reason: 'exempt: Annex II Part A' },
    ]);
    expect(r.variants[1]?.deltas.duties).toBe('0.00');
  });

  it('every change is "added", "removed" or "changed" (GET, 2025-11-15 and 2026-03-01)', async () => {
    const response = await call(
      '/v1/landed-cost/compare?mineral=ndfeb-magnet&origin=CN&quantity=1000&unit=kg&price=50&per=kg&asOf=2025-11-15,2026-03-01&format=json',
    );
    const r = (await response.json()) as Compared;
    const changes = r.variants.flatMap((v) => v.changes);
    // 301 25% × 50,000.00 = 12,500.00 added; IEEPA fentanyl 10% × 50,000.00 = 5,000.00 removed;
    // Section 122 in force in March only, and the magnets exempt (Annex II): not a charge change.
    expect(changes.map((c) => [c.measureId, c.change])).toEqual([
      ['us-301-magnets-2026', 'added'],
      ['us-ieepa-fentanyl-cn-3', 'removed'],
    ]);
    expect(r.variants[1]?.exemptions.map((e) => e.measureId)).toEqual(['us-s122-surcharge']);
  });

  it('a measure the variant excludes is removed "excluded by the request"', async () => {
    const r = await compare([
      { label: 'March 2026', asOf: '2026-03-01' },
      {
        label: 'without the 301 duty',
        asOf: '2026-03-01',
        excludeMeasures: ['us-301-magnets-2026'],
      },
    ]);
    // 12,500.00 less in duties, and in landed cost
    onlyChange(r, {
      measureId: 'us-301-magnets-2026',
      change: 'removed',
      amountDelta: '-12500.00',
      reason: 'excluded by the request',
    });
  });

  it('a variant excluding a row that ended before its date warns nothing of it; one in force warns', async () => {
    // us-ieepa-fentanyl-cn-3 ran 2025-11-10 to 2026-02-23 (seeds/measures.json): in force on
    // 2025-11-15, ended by 2026-03-01.
    const response = await postJson('/v1/landed-cost/compare', {
      shipment,
      variants: [
        { label: 'November 2025', asOf: '2025-11-15', excludeMeasures: ['us-ieepa-fentanyl-cn-3'] },
        { label: 'March 2026', asOf: '2026-03-01', excludeMeasures: ['us-ieepa-fentanyl-cn-3'] },
      ],
    });
    expect(response.status).toBe(200);
    const r = (await response.json()) as CompareResponse;
    expect(r.meta.warnings.filter((w) => w.code === 'overridden')).toEqual([
      {
        code: 'overridden',
        detail: 'November 2025: us-ieepa-fentanyl-cn-3 was excluded by the request.',
        rowIds: ['us-ieepa-fentanyl-cn-3'],
      },
    ]);
  });

  it('a warning every variant gives is said once, naming them all: NdPr oxide’s classification on three dates', async () => {
    const response = await postJson('/v1/landed-cost/compare', {
      shipment: { ...shipment, mineral: 'ndpr-oxide' },
      variants: [
        { label: 'March', asOf: '2026-03-01' },
        { label: 'April', asOf: '2026-04-01' },
        { label: 'May', asOf: '2026-05-01' },
      ],
    });
    const r = (await response.json()) as CompareResponse;
    expect(r.meta.warnings.map((w) => w.code)).toEqual(['classification']);
    expect(r.meta.warnings[0]?.detail).toMatch(
      /^March, April, May: ndpr-oxide may be classified under 2846\.90\.20 or 2846\.90\.80;/,
    );
  });

  it('a what-if measure only one variant\'s request carries is "added by the request", either way', async () => {
    const whatIf = { id: 'my-ad', kind: 'ad-valorem', rate: '0.05' };
    // 1,000 kg × 50 = 50,000.00 customs value; × 0.05 = 2,500.00 of duty, nothing else changes
    const added = await compare([
      { label: 'March 2026', asOf: '2026-03-01' },
      { label: 'with my-ad', asOf: '2026-03-01', measures: [whatIf] },
    ]);
    onlyChange(added, {
      measureId: 'my-ad',
      change: 'added',
      amountDelta: '2500.00',
      reason: 'added by the request',
    });
    const removed = await compare([
      { label: 'with my-ad', asOf: '2026-03-01', measures: [whatIf] },
      { label: 'March 2026', asOf: '2026-03-01' },
    ]);
    onlyChange(removed, {
      measureId: 'my-ad',
      change: 'removed',
      amountDelta: '-2500.00',
      reason: 'added by the request in the first variant',
    });
  });

  it('a measure only one variant\'s scenario adds is "added by scenario …", either way', async () => {
    const lanthanum = {
      mineral: 'la-oxide',
      origin: 'CN',
      destination: 'US',
      quantity: { value: '10', unit: 't' },
      price: { amount: '12000', currency: 'USD', per: 't' },
    };
    const run = async (variants: unknown[]) =>
      (await (
        await postJson('/v1/landed-cost/compare', { shipment: lanthanum, variants })
      ).json()) as Compared;
    const baseline = { label: 'baseline', asOf: '2026-06-01' };
    const g7 = { label: 'G7 floor', asOf: '2026-06-01', scenario: 'g7-coordinated-floor' };
    // The reported $20,000/t floor, full gap on the duty-paid basis: R = 12,000 × 1.037 = 12,444/t,
    // g = 20,000 − 12,444 = 7,556/t × 10 t = 75,560.00 (the MFN 3.7% and the fees are in both).
    onlyChange(await run([baseline, g7]), {
      measureId: 'g7-lree-floor-gap',
      change: 'added',
      amountDelta: '75560.00',
      reason: 'added by scenario g7-coordinated-floor',
    });
    onlyChange(await run([g7, baseline]), {
      measureId: 'g7-lree-floor-gap',
      change: 'removed',
      amountDelta: '-75560.00',
      reason: 'added by scenario g7-coordinated-floor in the first variant',
    });
  });

  it('the changes add up to the deltas, and the deltas to the difference of totals', async () => {
    const dates = [
      '2025-03-01',
      '2025-06-01',
      '2025-11-15',
      '2026-01-15',
      '2026-03-01',
      '2026-08-01',
      '2026-12-01',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...dates),
        fc.constantFrom(...dates),
        fc.constantFrom('CN', 'JP', 'MY'),
        fc.constantFrom('ndfeb-magnet', 'natural-graphite', 'ndpr-oxide'),
        async (a, b, origin, mineral) => {
          const response = await postJson('/v1/landed-cost/compare', {
            shipment: { ...shipment, mineral },
            variants: [
              { label: 'a', asOf: a },
              { label: 'b', asOf: b, origin },
            ],
          });
          const r = (await response.json()) as Compared;
          const [first, second] = r.variants;
          if (first === undefined || second === undefined) throw new Error('two variants expected');
          const sumOfChanges = second.changes.reduce((t, c) => t + cents(c.amountDelta), 0n);
          expect(sumOfChanges).toBe(cents(second.deltas.duties) + cents(second.deltas.fees));
          expect(cents(second.deltas.landedCost)).toBe(
            cents(second.result.landedCost) - cents(first.result.landedCost),
          );
          expect(cents(second.deltas.landedCost)).toBe(
            cents(second.deltas.duties) + cents(second.deltas.fees),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('one variant is a 422; a bad variant date is named at its pointer', async () => {
    expect(
      (await postJson('/v1/landed-cost/compare', { shipment, variants: [{ label: 'x' }] })).status,
    ).toBe(422);
    const problem = await problemOf(
      await postJson('/v1/landed-cost/compare', {
        shipment,
        variants: [{ label: 'a' }, { label: 'b', origin: 'QQ' }],
      }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/variants/1/origin');
  });
});

describe('GET /v1/landed-cost/compare: a spreadsheet row per date', () => {
  it('asOf=2025-11-15,2026-03-01&format=csv', async () => {
    const response = await call(
      '/v1/landed-cost/compare?mineral=ndfeb-magnet&origin=CN&quantity=1000&unit=kg&price=50&per=kg&asOf=2025-11-15,2026-03-01&format=csv',
    );
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, nov, mar] = (await response.text()).trim().split('\r\n');
    expect(header).toBe(
      'label,asOf,origin,destination,scenario,duties,fees,landedCost,effectiveDutyRate,dutiesDelta,feesDelta,landedCostDelta,changes,exemptions,currency',
    );
    expect(nov?.startsWith('2025-11-15,2025-11-15,CN,US,baseline,')).toBe(true);
    expect(nov?.endsWith(',0.00,0.00,0.00,,,USD')).toBe(true);
    expect(mar).toContain('us-301-magnets-2026 added 12500.00 (started 2026-01-01)');
    expect(mar?.endsWith(',us-s122-surcharge (exempt: Annex II),USD')).toBe(true);
  });
});

describe('GET /v1/landed-cost/compare: every problem names the query parameter to change', () => {
  const base =
    '/v1/landed-cost/compare?mineral=ndfeb-magnet&origin=CN&quantity=1000&unit=kg&price=50&per=kg';
  const DATES =
    'must list 2 to 12 dates YYYY-MM-DD separated by commas, such as 2025-11-15,2026-03-01';

  it('one date in asOf is too few variants: asOf is named, and told to list 2 to 12 dates', async () => {
    const problem = await problemOf(await call(`${base}&asOf=2026-03-01`), 422);
    expect(problem.detail).toBe(`asOf ${DATES} (got 1 date).`);
    expect(problem.errors).toEqual([
      { pointer: '/variants', parameter: 'asOf', detail: `${DATES} (got 1 date)` },
    ]);
  });

  it('no asOf is asOf required', async () => {
    const problem = await problemOf(await call(base), 422);
    expect(problem.detail).toBe('asOf is required.');
    expect(problem.errors).toEqual([
      { pointer: '/variants', parameter: 'asOf', detail: 'is required' },
    ]);
  });

  it('a blank asOf says it is blank, not that it is missing (before: asOf is required)', async () => {
    for (const asOf of ['&asOf=', '&asOf=%20']) {
      const problem = await problemOf(await call(`${base}${asOf}`), 422);
      expect(problem.errors, asOf).toEqual([
        {
          pointer: '/asOf',
          parameter: 'asOf',
          detail:
            'must not be blank: give a value, or leave the parameter out where it has a default',
        },
      ]);
    }
  });

  it('13 dates are too many', async () => {
    const dates = Array.from({ length: 13 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`);
    const problem = await problemOf(await call(`${base}&asOf=${dates.join(',')}`), 422);
    expect(problem.errors).toEqual([
      { pointer: '/variants', parameter: 'asOf', detail: `${DATES} (got 13 dates)` },
    ]);
  });

  it('a bad date of the list, and a field of the shipment, name asOf and their own parameter', async () => {
    const problem = await problemOf(
      await call(`${base.replace('price=50', 'price=abc')}&asOf=2025-11-15,2026-13-01`),
      422,
    );
    expect(problem.errors).toEqual([
      {
        pointer: '/shipment/price/amount',
        parameter: 'price',
        detail: 'must be a decimal string such as "10.50" (no exponent, no blanks) (got "abc")',
      },
      {
        pointer: '/variants/1/asOf',
        parameter: 'asOf',
        detail: 'must be a date YYYY-MM-DD (got "2026-13-01")',
      },
    ]);
  });

  it('a problem the data finds in the shipment names its parameter too', async () => {
    const problem = await problemOf(
      await call(`${base.replace('ndfeb-magnet', 'unobtainium')}&asOf=2025-11-15,2026-03-01`),
      422,
    );
    expect(problem.errors).toEqual([
      {
        pointer: '/shipment/mineral',
        parameter: 'mineral',
        detail: 'is not a known mineral; see GET /v1/minerals',
      },
    ]);
  });
});

describe('compare CSV with decimal=comma: every decimal the API writes takes the comma', () => {
  it('the changes cell: 10,000 kg × 75 = 750,000.00; the 10% IEEPA duty ended, -75,000.00 → -75000,00', async () => {
    const response = await call(
      '/v1/landed-cost/compare?mineral=ndfeb-magnet&origin=CN&quantity=10000&unit=kg&price=75&per=kg&asOf=2026-01-15,2026-03-01&format=csv&decimal=comma',
    );
    const [, , mar] = (await response.text()).trim().split('\r\n');
    expect(mar).toContain(';-75000,00;0,00;-75000,00;');
    // the amount is ours (comma); the reason, with its date, is the data's text
    expect(mar).toContain(
      ';us-ieepa-fentanyl-cn-3 removed -75000,00 (ended 2026-02-23 (court ruling));',
    );
    expect(mar).not.toContain('-75000.00');
  });

  it('a changed line: its amount and the rates of its reason, composed by the API, take the comma', async () => {
    // 1,000 kg × 50 = 50,000.00 customs value; what-if rate 0.05 → 0.075: 2,500.00 → 3,750.00,
    // so +1,250.00
    const response = await postJson('/v1/landed-cost/compare', {
      shipment: { ...shipment, asOf: '2026-03-01' },
      variants: [
        { label: 'a', measures: [{ id: 'x', kind: 'ad-valorem', rate: '0.05' }] },
        { label: 'b', measures: [{ id: 'x', kind: 'ad-valorem', rate: '0.075' }] },
      ],
    });
    const r = (await response.json()) as CompareResponse;
    expect(r.variants[1]?.changes).toEqual([
      { measureId: 'x', change: 'changed', amountDelta: '1250.00', reason: 'rate 0.05 → 0.075' },
    ]);
    expect(compareRows(r, 'comma')[1]?.[12]).toBe('x changed 1250,00 (rate 0,05 → 0,075)');
    expect(compareRows(r, 'point')[1]?.[12]).toBe('x changed 1250.00 (rate 0.05 → 0.075)');
  });
});

describe('compare: the longest inputs answer, never a 500', () => {
  it('a 40-digit quantity: deltas longer than any input are summed, not refused as input', async () => {
    // 10^39 kg at 1 USD/kg: duties 12.1% on 2025-11-15 (MFN 2.1% + IEEPA 10%) and 27.1% on
    // 2026-03-01 (MFN 2.1% + Section 301 25%): Δduties = 0.15 × 10^39 = 15 × 10^37; the fees
    // (FY2026 MPF at its maximum, HMF 0.125% of the same value) do not change.
    const response = await postJson('/v1/landed-cost/compare', {
      shipment: {
        ...shipment,
        quantity: { value: '1000000000000000000000000000000000000000', unit: 'kg' },
        price: { amount: '1', per: 'kg' },
      },
      variants: [
        { label: 'a', asOf: '2025-11-15' },
        { label: 'b', asOf: '2026-03-01' },
      ],
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const r = (await response.json()) as Compared;
    expect(r.variants[1]?.deltas).toEqual({
      duties: '150000000000000000000000000000000000000.00',
      fees: '0.00',
      landedCost: '150000000000000000000000000000000000000.00',
    });
  });
});

describe('compare: what-if floor-gap measures in a variant', () => {
  const ndpr = {
    mineral: 'ndpr-oxide',
    origin: 'CN',
    asOf: '2026-06-01',
    quantity: { value: '10000', unit: 'kg' },
    price: { amount: '62', per: 'kg' },
  };

  it('a producer-contract benchmark warns not-a-border-floor in the variant that prices it', async () => {
    // R = 62, g = 110 − 62 = 48/kg on 10,000 kg: the variant adds 480,000.00 of duty.
    const response = await postJson('/v1/landed-cost/compare', {
      shipment: ndpr,
      variants: [
        { label: 'as is' },
        {
          label: 'DoD floor',
          measures: [{ id: 'wi', kind: 'floor-gap', benchmark: 'dod-ndpr-floor' }],
        },
      ],
    });
    const body = (await response.json()) as {
      variants: {
        result: { duties: string; meta: { warnings: { code: string }[] } };
        deltas: { duties: string };
      }[];
    };
    const codes = body.variants.map((v) => v.result.meta.warnings.map((w) => w.code));
    expect(codes[0]).not.toContain('not-a-border-floor');
    expect(codes[1]).toContain('not-a-border-floor');
    expect(body.variants[1]?.deltas.duties).toBe('480000.00');
  });

  it('a cap given as a variant’s floor is a 422 at that variant’s benchmark', async () => {
    const problem = await problemOf(
      await postJson('/v1/landed-cost/compare', {
        shipment: { ...ndpr, mineral: 'dy-oxide', price: { amount: '1000', per: 'kg' } },
        variants: [
          { label: 'as is' },
          { label: 'cap', measures: [{ id: 'wi', kind: 'floor-gap', benchmark: 'g7-hree-cap' }] },
        ],
      }),
      422,
    );
    expect(problem.errors).toEqual([
      { pointer: '/variants/1/measures/0/benchmark', detail: 'g7-hree-cap is a cap, not a floor' },
    ]);
  });
});

describe('compare: coverage over variants', () => {
  it('a US and a JP variant (NdPr oxide: complete, none) are partial; the bare forms still refuse them (no-tariff-data)', async () => {
    const response = await postJson('/v1/landed-cost/compare', {
      shipment: { ...shipment, mineral: 'ndpr-oxide', asOf: '2026-11-21' },
      variants: [
        { label: 'US', destination: 'US' },
        { label: 'JP', destination: 'JP' },
      ],
    });
    expect(response.status).toBe(200);
    const r = (await response.json()) as CompareResponse;
    expect(r.variants.map((v) => v.result.coverage.tariffs)).toEqual(['complete', 'none']);
    expect(r.coverage).toEqual({ tariffs: 'partial' });
    // The GET form's text and CSV refuse on the least complete variant, as before.
    expect(compareCalculator.refusalCoverage(r)).toBe('none');
    const refused = uncertainProblem([], compareCalculator.refusalCoverage(r), {
      strict: false,
      assumeNoDuty: false,
      bare: true,
    });
    expect(refused?.status).toBe(422);
    expect(refused?.extensions).toMatchObject({ code: 'no-tariff-data' });
    const assumed = uncertainProblem([], 'none', {
      strict: false,
      assumeNoDuty: true,
      bare: true,
    });
    expect(assumed).toBeUndefined();
  });

  // Magnets CN, 1,000 kg at 50/kg on 2026-03-01: customs value 50,000.00; US fees MPF 0.3464% ×
  // 50,000 = 173.20 and HMF 0.125% × 50,000 = 62.50, 235.70 in all. The EU has no tariff data.
  const usAndEu = async (first: string) => {
    const us = { label: 'US' };
    const eu = { label: 'EU', destination: 'EU' };
    const response = await postJson('/v1/landed-cost/compare', {
      shipment: { ...shipment, asOf: '2026-03-01' },
      variants: first === 'US' ? [us, eu] : [eu, us],
    });
    expect(response.status).toBe(200);
    return (await response.json()) as CompareResponse;
  };

  it('unknown is not zero: no duty or landed-cost delta against a variant without tariff data, and its absent duty lines are no change', async () => {
    const r = await usAndEu('US');
    expect(r.variants.map((v) => v.result.coverage.tariffs)).toEqual(['complete', 'none']);
    expect(r.variants.map((v) => v.deltas)).toEqual([
      { duties: '0.00', fees: '0.00', landedCost: '0.00' },
      // fees 0.00 − 235.70; the US duties (MFN 1,050.00, Section 301 12,500.00) are not "removed"
      { duties: null, fees: '-235.70', landedCost: null },
    ]);
    const reason = 'not considered for CN → EU under scenario baseline';
    expect(r.variants[1]?.changes).toEqual([
      { measureId: 'us-mpf-fy2026', change: 'removed', amountDelta: '-173.20', reason },
      { measureId: 'us-hmf', change: 'removed', amountDelta: '-62.50', reason },
    ]);
  });

  it('the same with the EU first: the US duty lines are not "added", its fees are (0 + 173.20, 0 + 62.50)', async () => {
    const r = await usAndEu('EU');
    expect(r.variants.map((v) => v.deltas)).toEqual([
      { duties: null, fees: '0.00', landedCost: null },
      { duties: null, fees: '235.70', landedCost: null },
    ]);
    expect(r.variants[1]?.changes.map((c) => [c.measureId, c.change, c.amountDelta])).toEqual([
      ['us-mpf-fy2026', 'added', '173.20'],
      ['us-hmf', 'added', '62.50'],
    ]);
  });

  it('a date before the data (1990) has no tariff data: the duties charged on 2026-03-01 are not "added", though its account says each "takes effect" later', async () => {
    const response = await call(
      '/v1/landed-cost/compare?mineral=ndfeb-magnet&origin=CN&quantity=1000&unit=kg&price=50&per=kg&asOf=1990-01-01,2026-03-01',
    );
    expect(response.status).toBe(200);
    const r = (await response.json()) as CompareResponse;
    expect(r.variants.map((v) => v.result.coverage.tariffs)).toEqual(['none', 'complete']);
    expect(r.variants[1]?.deltas.duties).toBeNull();
    // MFN 2.1% × 50,000 = 1,050.00 and Section 301 25% × 50,000 = 12,500.00 are charged on
    // 2026-03-01 but are no change from an unknown 1990 duty.
    const changed = r.variants[1]?.changes.map((c) => c.measureId) ?? [];
    expect(changed).not.toContain('us-mfn-8505-11');
    expect(changed).not.toContain('us-301-magnets-2026');
  });

  it('the GET CSV with assume=no-duty gives the deltas on that assumption', async () => {
    const response = await call(
      '/v1/landed-cost/compare?mineral=nd-oxide&origin=CN&destination=EU&quantity=1000&unit=kg&price=150&per=kg&asOf=2026-01-15,2026-03-01&format=csv&assume=no-duty',
    );
    const [header, ...rows] = (await response.text()).trim().split('\r\n');
    const at = (row: string | undefined, name: string) =>
      row?.split(',')[header?.split(',').indexOf(name) ?? -1];
    // 1,000 kg × 150 = 150,000.00 customs value, no EU fee or duty data: duties assumed 0.00 on
    // both dates, as the request says, so every delta is 0.00 − 0.00 = 0.00
    expect(
      rows.map((row) => ['dutiesDelta', 'feesDelta', 'landedCostDelta'].map((n) => at(row, n))),
    ).toEqual([
      ['0.00', '0.00', '0.00'],
      ['0.00', '0.00', '0.00'],
    ]);
  });

  it('assume: no-duty counts a side without tariff data as zero, in the deltas and the changes', async () => {
    const shipment = {
      mineral: 'nd-oxide',
      origin: 'CN',
      destination: 'US',
      quantity: { value: '1000', unit: 'kg' },
      price: { amount: '60', currency: 'USD', per: 'kg' },
    };
    const variants = [
      { label: '1990', asOf: '1990-01-01' },
      { label: 'March 2026', asOf: '2026-03-01' },
    ];
    // 2026-03-01, 1,000 kg × 60 = 60,000.00: MFN 3.7% (2846.90.80) = 2,220.00; MPF 0.3464% ×
    // 60,000 = 207.84; HMF 0.125% × 60,000 = 75.00 (ocean); Section 122 exempt (Annex II).
    // 1990: no tariff data, so its duties count as 0.00 by assumption: Δduties 2,220.00,
    // Δfees 207.84 + 75.00 = 282.84, ΔlandedCost 2,220.00 + 282.84 = 2,502.84.
    const assumed = (await (
      await postJson('/v1/landed-cost/compare', { shipment, variants, assume: 'no-duty' })
    ).json()) as CompareResponse;
    expect(assumed.variants[1]?.deltas).toEqual({
      duties: '2220.00',
      fees: '282.84',
      landedCost: '2502.84',
    });
    expect(assumed.variants[1]?.changes[0]).toEqual({
      measureId: 'us-mfn-2846-90-80',
      change: 'added',
      amountDelta: '2220.00',
      reason: 'no tariff data, assumed zero',
    });
    // The query's assume=no-duty says the same; the text form answers the landed-cost delta.
    const text = await call(
      '/v1/landed-cost/compare?mineral=nd-oxide&origin=CN&quantity=1000&unit=kg&price=60&per=kg&asOf=1990-01-01,2026-03-01&format=text&assume=no-duty',
    );
    expect(await text.text()).toBe('2502.84');
    // Without it the difference is unknown, not zero.
    const unsure = (await (
      await postJson('/v1/landed-cost/compare', { shipment, variants })
    ).json()) as CompareResponse;
    expect(unsure.variants[1]?.deltas.landedCost).toBeNull();
  });
});
