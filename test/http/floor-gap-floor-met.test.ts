import { describe, expect, it } from 'vitest';
import { call, postJson, problemOf } from '../helpers';

const usd = (amount: string, per = 'kg') => ({ amount, currency: 'USD', per });

interface FloorGap {
  basis: string;
  referencePerUnit: string;
  gapPerUnit: string;
  dutyPerUnit: string;
  duty: string;
  landedPerUnit: string;
  adValoremEquivalent: string | null;
  binding: boolean;
  floorMet: boolean;
  triggerPerUnit?: string;
  triggerGapPerUnit?: string;
  formula: string;
  meta: { warnings: { code: string; detail: string }[] };
}

/** The first row of a CSV answer, by column name. */
function csvCells(csv: string): Record<string, string | undefined> {
  const [header, row] = csv.split('\r\n');
  return Object.fromEntries(
    (header ?? '').split(',').map((name, i) => [name, (row ?? '').split(',')[i]]),
  );
}

async function floorGap(body: Record<string, unknown>): Promise<FloorGap> {
  const response = await postJson('/v1/floor-gap', { asOf: '2026-11-21', ...body });
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as FloorGap;
}

describe('POST /v1/floor-gap: floorMet (a duty can bind and still fail the floor)', () => {
  it('WTO tranche, red 10, floor 16: measured on the customs value by default, d = 0.30 × (6 − 1.6) = 1.32, landed 11.32 < 16', async () => {
    const r = await floorGap({
      price: usd('10'),
      floor: usd('16'),
      otherDutyRate: '0.25',
      method: { type: 'tranche' },
    });
    // art. 5.5 compares the c.i.f. price with the trigger: R = P = 10 despite the 25% duty
    expect(r.basis).toBe('customs-value');
    expect(r.referencePerUnit).toBe('10.0000');
    expect(r.gapPerUnit).toBe('6.0000');
    expect(r.dutyPerUnit).toBe('1.3200');
    expect(r.landedPerUnit).toBe('11.3200');
    expect(r.binding).toBe(true);
    expect(r.floorMet).toBe(false);
    expect(r.triggerPerUnit).toBe('16.0000');
    expect(r.formula).toContain('floor not met');
  });

  it('WTO tranche, red 15, floor 16: binding (R = 15 < T = 16) with a duty of 0, and the formula says why: g = 1 ≤ 0.10 × 16 = 1.6, the first band, share 0', async () => {
    const r = await floorGap({ price: usd('15'), floor: usd('16'), method: { type: 'tranche' } });
    // R = P = 15 (customs value); g = 16 − 15 = 1 ≤ 0.10 T = 1.6: first band, share 0 → d = 0;
    // landed 15 + 0 = 15 < 16
    expect([r.gapPerUnit, r.dutyPerUnit, r.landedPerUnit]).toEqual(['1.0000', '0.0000', '15.0000']);
    expect(r.binding).toBe(true);
    expect(r.floorMet).toBe(false);
    expect(r.formula).toContain(
      'T = 16.0000: g = 1.0000 ≤ 0.1 T = 1.6000, the first band, whose share is 0, so d = 0.0000;',
    );
    // a gap past the first band is taxed, and the formula writes the rule alone as before:
    // red 10, g = 6 → 0.30 × (6 − 1.6) = 1.32
    const taxed = await floorGap({
      price: usd('10'),
      floor: usd('16'),
      method: { type: 'tranche' },
    });
    expect(taxed.formula).toContain('T = 16.0000: d = 1.3200;');
    // not binding (R = 17 ≥ T = 16, g = 0): nothing to explain
    const clear = await floorGap({
      price: usd('17'),
      floor: usd('16'),
      method: { type: 'tranche' },
    });
    expect(clear.binding).toBe(false);
    expect(clear.formula).toContain('T = 16.0000: d = 0.0000;');
  });

  it('custom bands with two untaxed bands: g = 16 − 10 = 6 ≤ 0.5 × 16 = 8 (past 0.25 × 16 = 4) is taxed nothing, and the formula says so', async () => {
    const r = await floorGap({
      price: usd('10'),
      floor: usd('16'),
      method: {
        type: 'tranche',
        bands: [
          { upTo: '0.25', share: '0' },
          { upTo: '0.5', share: '0' },
          { upTo: null, share: '1' },
        ],
      },
    });
    expect([r.dutyPerUnit, String(r.binding)]).toEqual(['0.0000', 'true']);
    expect(r.formula).toContain(
      'g = 6.0000 ≤ 0.5 T = 8.0000, bands whose shares are 0, so d = 0.0000;',
    );
  });

  it('a trigger of 20 apart from the 16 floor: g = 20 − 10 = 10 → 0.50 × (10 − 8) + 0.09 × 20 = 2.8', async () => {
    const r = await floorGap({
      price: usd('10'),
      floor: usd('16'),
      trigger: usd('20'),
      method: { type: 'tranche' },
    });
    expect(r.triggerGapPerUnit).toBe('10.0000');
    // a tranche's gap is measured against the trigger: g = max(0, T − R) = 20 − 10 = 10, not F − R = 6
    expect(r.gapPerUnit).toBe('10.0000');
    expect(r.dutyPerUnit).toBe('2.8000');
    expect(r.floorMet).toBe(false);
  });

  it('a trigger of 20 above an import of 16.5 that clears the 16 floor: the gap is T − R = 3.5, binding, d = 0.45, the floor met', async () => {
    const r = await floorGap({
      price: usd('16.5'),
      floor: usd('16'),
      method: { type: 'tranche', trigger: usd('20') },
    });
    // customs-value basis (the tranche's default): R = P = 16.5; g = max(0, T − R) = 20 − 16.5 =
    // 3.5 = 0.175 T, in (0.10 T, 0.40 T] = (2, 8]: d = 0.30 × (3.5 − 2) = 0.45; landed 16.5 +
    // 0.45 = 16.95 ≥ F = 16. F − R = −0.5 would say 0 and not binding while the duty is charged.
    expect(r.basis).toBe('customs-value');
    expect(r.gapPerUnit).toBe('3.5000');
    expect(r.triggerGapPerUnit).toBe('3.5000');
    expect(r.dutyPerUnit).toBe('0.4500');
    expect(r.binding).toBe(true);
    expect(r.landedPerUnit).toBe('16.9500');
    expect(r.floorMet).toBe(true);
    expect(r.formula).toContain(
      'R = P = 16.5000; g = max(0, T − R) = max(0, 20.0000 − 16.5000) = 3.5000;',
    );
    // the GET's text and CSV forms say the same
    const query =
      '/v1/floor-gap?price=16.5&floor=16&per=kg&method=tranche&trigger=20&asOf=2026-11-21';
    expect(await (await call(`${query}&format=text&field=gapPerUnit`)).text()).toBe('3.5000');
    expect(await (await call(`${query}&format=text&field=binding`)).text()).toBe('true');
    expect(csvCells(await (await call(`${query}&format=csv`)).text())).toMatchObject({
      gapPerUnit: '3.5000',
      dutyPerUnit: '0.4500',
      binding: 'true',
      floorMet: 'true',
    });
  });

  it('a trigger of 12 under the 16 floor and an import of 13: no gap to the trigger, not binding, no duty, the floor not met', async () => {
    const r = await floorGap({
      price: usd('13'),
      floor: usd('16'),
      method: { type: 'tranche', trigger: usd('12') },
    });
    // R = P = 13; g = max(0, T − R) = max(0, 12 − 13) = 0: d = 0; landed 13 < F = 16
    expect([r.gapPerUnit, r.binding, r.dutyPerUnit]).toEqual(['0.0000', false, '0.0000']);
    expect([r.landedPerUnit, r.floorMet]).toEqual(['13.0000', false]);
  });

  it('the trigger may sit inside the method: the same 2.8', async () => {
    const r = await floorGap({
      price: usd('10'),
      floor: usd('16'),
      method: { type: 'tranche', trigger: usd('20') },
    });
    expect(r.dutyPerUnit).toBe('2.8000');
  });

  it('a trigger with a full-gap method is a 422 at /trigger', async () => {
    const problem = await problemOf(
      await postJson('/v1/floor-gap', { price: usd('10'), floor: usd('16'), trigger: usd('20') }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/trigger');
  });

  it('GET: a trigger without method=tranche names the parameter and the method it needs', async () => {
    const query = '/v1/floor-gap?price=10&floor=16&per=kg&asOf=2026-11-21&trigger=20';
    const capped = await problemOf(await call(`${query}&method=capped&maxRate=0.25`), 422);
    expect(capped.errors).toEqual([
      {
        pointer: '/trigger/amount',
        parameter: 'trigger',
        detail: 'applies only with method=tranche (method is "capped")',
      },
    ]);
    const none = await problemOf(await call(query), 422);
    expect(none.detail).toBe('trigger applies only with method=tranche (method is not given).');
  });

  it('GET: maxRate without method=capped, or penaltyRate without method=all-or-nothing, names the parameter and the method it needs', async () => {
    const query = '/v1/floor-gap?price=10&floor=16&per=kg&asOf=2026-11-21';
    // no method: not "method is required" of a method the query never gave
    const bare = await problemOf(await call(`${query}&maxRate=0.25`), 422);
    expect(bare.detail).toBe('maxRate applies only with method=capped (method is not given).');
    expect(bare.errors).toEqual([
      {
        pointer: '/method/maxRate',
        parameter: 'maxRate',
        detail: 'applies only with method=capped (method is not given)',
      },
    ]);
    const penalty = await problemOf(await call(`${query}&penaltyRate=0.5&method=capped`), 422);
    expect(penalty.errors).toEqual([
      {
        pointer: '/method/penaltyRate',
        parameter: 'penaltyRate',
        detail: 'applies only with method=all-or-nothing (method is "capped")',
      },
      // the capped method still wants its own rate, told beside it
      expect.objectContaining({ parameter: 'maxRate' }),
    ]);
    // with its method each is read: d = penaltyRate × P = 0.5 × 10 = 5.0000 (R = 10 < 16)
    const answered = await call(
      `${query}&method=all-or-nothing&penaltyRate=0.5&format=text&field=dutyPerUnit`,
    );
    expect(await answered.text()).toBe('5.0000');
  });

  it('a full gap meets the floor (16 ≥ 16); a capped one does not: min(6, 0.25 × 10) = 2.5, landed 12.5', async () => {
    expect((await floorGap({ price: usd('10'), floor: usd('16') })).floorMet).toBe(true);
    const capped = await floorGap({
      price: usd('10'),
      floor: usd('16'),
      method: { type: 'capped', maxRate: '0.25' },
    });
    expect(capped.landedPerUnit).toBe('12.5000');
    expect(capped.floorMet).toBe(false);
  });

  it('the ad valorem equivalent at price 0 is null (duty 16 on nothing)', async () => {
    const r = await floorGap({ price: usd('0'), floor: usd('16') });
    expect(r.dutyPerUnit).toBe('16.0000');
    expect(r.adValoremEquivalent).toBeNull();
  });

  it('GET: trigger from the query and floorMet in the CSV', async () => {
    const text = await (
      await call(
        '/v1/floor-gap?price=10&floor=16&per=kg&method=tranche&trigger=20&asOf=2026-11-21&format=text&field=dutyPerUnit',
      )
    ).text();
    expect(text).toBe('2.8000');
    const csv = await (
      await call('/v1/floor-gap?price=10&floor=16&per=kg&method=tranche&asOf=2026-11-21&format=csv')
    ).text();
    expect(csvCells(csv)).toMatchObject({
      dutyPerUnit: '1.3200',
      binding: 'true',
      floorMet: 'false',
    });
  });
});

describe('POST /v1/floor-gap: a producer-side contract used as a border floor', () => {
  it('the DoD–MP floor on 1 t at 75 answers 35,000.00 but warns not-a-border-floor', async () => {
    const r = await floorGap({
      price: usd('75'),
      benchmark: 'dod-ndpr-floor',
      quantity: { value: '1', unit: 't' },
    });
    // (110 − 75) × 1,000 kg
    expect(r.duty).toBe('35000.00');
    const warning = r.meta.warnings.find((w) => w.code === 'not-a-border-floor');
    expect(warning?.detail).toContain('top-up leaves buyers');
    expect((warning as { rowIds?: string[] } | undefined)?.rowIds).toEqual(['dod-ndpr-floor']);
  });
});
