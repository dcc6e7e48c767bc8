import { describe, expect, it } from 'vitest';
import { call, postJson, problemOf } from '../helpers';

interface Tier {
  country: string;
  bloc: string;
  floorApplies: boolean;
  redLanded: string;
  blueLanded: string;
  cheapest: string;
  tier: string;
  floorGapPerUnit: string;
}
interface Tiers {
  per: string;
  floorPerUnit: string;
  destinations: Tier[];
  tracks: { red: string; blue: string; spread: string; bluePremium: string | null };
  leakage: { destinations: string[]; redHome: string[]; downstreamCostGapPerUnit: string };
  meta: { warnings: { code: string; detail: string }[] };
}

async function tiers(body: Record<string, unknown>): Promise<Tiers> {
  const response = await postJson('/v1/bloc-tiers', body);
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as Tiers;
}

const usd = (amount: string, per = 'kg') => ({ amount, currency: 'USD', per });
const row = (t: Tiers, country: string) => t.destinations.find((d) => d.country === country);

// The worked case: Chinese supply at 10, allied producer needs 15, floor 16.
const brief = {
  mineral: 'ndpr-oxide',
  redPrice: usd('10'),
  bluePrice: usd('15'),
  floor: usd('16'),
  destinations: ['US', 'JP', 'EU', 'IN', 'CN'],
  asOf: '2026-11-21',
};

// A blue member inside the coordinated floor of the sources' case: red 10 + gap 16 − 10 = 6 lands
// at 16.0000 > blue 15.0000, so blue is cheapest and governs.
const blueInside = {
  bloc: 'blue',
  floorApplies: true,
  floorGapPerUnit: '6.0000',
  redLanded: '16.0000',
  blueLanded: '15.0000',
  cheapest: 'blue',
  tier: 'blue',
};

describe('POST /v1/bloc-tiers: the sources’ case (red 10, blue 15, floor 16)', () => {
  it('coordinated floor: red lands at 16 in every blue member, blue is cheapest there at 15', async () => {
    const t = await tiers(brief);
    for (const country of ['US', 'JP', 'EU']) expect(row(t, country)).toMatchObject(blueInside);
  });

  it('outside the floor red stays at 10 and leaks; the downstream cost gap is 15 − 10 = 5', async () => {
    const t = await tiers(brief);
    expect(row(t, 'IN')).toMatchObject({
      bloc: 'grey',
      floorApplies: false,
      redLanded: '10.0000',
      cheapest: 'red',
      tier: 'red',
    });
    // China is red supply's home market, not a leak; the whole 5 is the floor's doing (without it
    // red would land at 10 in the US too).
    expect(t.leakage).toEqual({
      destinations: ['IN'],
      redHome: ['CN'],
      insideCost: '15.0000',
      leakCost: '10.0000',
      downstreamCostGapPerUnit: '5.0000',
      floorPart: '5.0000',
      otherDutiesPart: '0.0000',
    });
    expect(t.tracks).toEqual({
      red: '10.0000',
      blue: '15.0000',
      spread: '5.0000',
      bluePremium: '0.5',
    });
  });

  it('red at 0: the blue premium is null, not 0 (before: "0"); the text form says none', async () => {
    // spread = 15 − 0 = 15.0000; bluePremium = 15 / 0 is undefined: null. Red 0.00004 prints
    // 0.0000 and the premium, the printed spread / the printed red, is null too.
    const t = await tiers({ ...brief, redPrice: usd('0'), destinations: ['US'] });
    expect(t.tracks).toEqual({
      red: '0.0000',
      blue: '15.0000',
      spread: '15.0000',
      bluePremium: null,
    });
    const tiny = await tiers({ ...brief, redPrice: usd('0.00004'), destinations: ['US'] });
    expect(tiny.tracks).toMatchObject({ red: '0.0000', spread: '15.0000', bluePremium: null });
    const text = await call(
      '/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=0&bluePrice=15&floor=16&per=kg&destinations=US&asOf=2026-11-21&format=text&field=bluePremium',
    );
    expect([text.status, await text.text()]).toEqual([200, 'none']);
  });

  it('a floor applied by the US alone: Japan and the EU become leaks', async () => {
    const t = await tiers({ ...brief, floorMembers: ['US'] });
    expect(row(t, 'US')?.redLanded).toBe('16.0000');
    expect(row(t, 'JP')).toMatchObject({
      bloc: 'blue',
      floorApplies: false,
      redLanded: '10.0000',
      tier: 'red',
    });
    expect(t.leakage.destinations).toEqual(['JP', 'EU', 'IN']);
    expect(t.leakage.redHome).toEqual(['CN']);
  });

  it('the DoD NdPr floor (110 USD/kg) used as a border floor on purpose against red NdPr at 62: gap 48; blue at the floor ties and governs', async () => {
    const t = await tiers({
      mineral: 'ndpr-oxide',
      redPrice: usd('62'),
      benchmark: 'dod-ndpr-floor',
      asBorderFloor: true,
      destinations: ['US', 'IN'],
      asOf: '2026-11-21',
    });
    expect(row(t, 'US')).toMatchObject({
      floorGapPerUnit: '48.0000',
      redLanded: '110.0000',
      blueLanded: '110.0000',
      cheapest: 'tie',
      tier: 'blue',
    });
    expect(t.leakage.downstreamCostGapPerUnit).toBe('48.0000');
  });

  it('other duties at the destination come from the scenario: La oxide into the US pays MFN 3.7% first', async () => {
    // per t: R = 5,000 × 1.037 = 5,185; g = 20,000 − 5,185 = 14,815; red landed 20,000
    const t = await tiers({
      mineral: 'la-oxide',
      redPrice: usd('5'),
      benchmark: 'g7-lree-floor',
      destinations: ['US'],
      asOf: '2026-11-21',
    });
    expect(t.per).toBe('t');
    expect(row(t, 'US')).toMatchObject({ floorGapPerUnit: '14815.0000', redLanded: '20000.0000' });
    expect(t.meta.warnings.map((w) => w.code)).toContain('reported-figure');
  });

  it('an unknown destination is a 422 naming its index', async () => {
    const problem = await problemOf(
      await postJson('/v1/bloc-tiers', { ...brief, destinations: ['US', 'XX'] }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/destinations/1');
  });
});

describe('bloc tiers: the default destinations are every member of every bloc', () => {
  type Blocs = { blocs: { id: string; members: string[] }[] };
  const listed = async (asOf: string) =>
    ((await (await call(`/v1/blocs?asOf=${asOf}`)).json()) as Blocs).blocs.flatMap(
      (b) => b.members,
    );
  const body = {
    mineral: 'ndpr-oxide',
    redPrice: usd('10'),
    bluePrice: usd('15'),
    floor: usd('16'),
  };
  const countries = (t: Tiers) => t.destinations.map((d) => d.country);

  it('on 2026-11-21: 3 red + 34 blue + 213 grey = 250 rows, in GET /v1/blocs order (before: a curated 15)', async () => {
    const t = await tiers({ ...body, asOf: '2026-11-21' });
    expect(countries(t)).toEqual(await listed('2026-11-21'));
    expect(countries(t)).toHaveLength(250);
    // red CN, HK, MO; then blue by code (AT … US, EU among them); then grey by code (AD … ZW)
    expect(countries(t).slice(0, 5)).toEqual(['CN', 'HK', 'MO', 'AT', 'AU']);
    expect(countries(t).slice(36, 38)).toEqual(['US', 'AD']);
    expect(countries(t).at(-1)).toBe('ZW');
    expect(new Set(countries(t)).size).toBe(250);
    expect(t.destinations.filter((d) => d.bloc === 'blue').map((d) => d.country)).toContain('EU');
    // A new grey row priced as any other: red 10 + 0 (no floor, duty counted as 0) = 10.0000,
    // blue 15 + 0 = 15.0000, red cheaper.
    expect(row(t, 'ZW')).toMatchObject({
      bloc: 'grey',
      floorApplies: false,
      redLanded: '10.0000',
      blueLanded: '15.0000',
      cheapest: 'red',
    });
  });

  it('the sources’ case over the default rows: every blue member lands red at 16 and buys blue at 15, every grey one buys red at 10; gap 15 − 10 = 5 as with five destinations', async () => {
    const t = await tiers({ ...body, asOf: '2026-11-21' });
    const of = (bloc: string) => t.destinations.filter((d) => d.bloc === bloc);
    // Coordinated floor (no floorMembers: every blue member, EU for its states): blueInside.
    expect(of('blue')).toHaveLength(34);
    for (const d of of('blue')) expect(d).toMatchObject(blueInside);
    // Outside the floor red stays at 10.0000 < 15.0000: every grey member (213) is a leak; the
    // red members (CN, HK, MO) are red supply's home market, never leaks.
    expect(of('grey')).toHaveLength(213);
    for (const d of of('grey'))
      expect(d).toMatchObject({ floorApplies: false, redLanded: '10.0000', tier: 'red' });
    expect(t.leakage).toEqual({
      destinations: of('grey').map((d) => d.country),
      redHome: ['CN', 'HK', 'MO'],
      insideCost: '15.0000',
      leakCost: '10.0000',
      downstreamCostGapPerUnit: '5.0000',
      floorPart: '5.0000',
      otherDutiesPart: '0.0000',
    });
  });

  it('Korea joins the blue bloc on 2026-01-12 (seeds/memberships.json): grey on 2026-01-11, blue and inside the floor from that day', async () => {
    const before = await tiers({ ...body, asOf: '2026-01-11' });
    const on = await tiers({ ...body, asOf: '2026-01-12' });
    expect(row(before, 'KR')).toMatchObject({
      bloc: 'grey',
      floorApplies: false,
      redLanded: '10.0000',
    });
    expect(row(on, 'KR')).toMatchObject({
      bloc: 'blue',
      floorApplies: true,
      redLanded: '16.0000',
    });
    // The rows are the same 250 countries either day; only Korea's place moves: grey, by code,
    // between KP and KW (row 136); blue, by code, between JP and LT (row 25).
    expect(before.destinations).toHaveLength(250);
    expect(countries(before)).toEqual(await listed('2026-01-11'));
    expect(countries(on)).toEqual(await listed('2026-01-12'));
    expect([countries(before).indexOf('KR'), countries(on).indexOf('KR')]).toEqual([135, 24]);
  });

  it('membership is dated: on 2025-12-01 Korea (blue from 2026-01-12) is listed with the grey members', async () => {
    const t = await tiers({ ...body, asOf: '2025-12-01' });
    expect(countries(t)).toEqual(await listed('2025-12-01'));
    expect(row(t, 'KR')).toMatchObject({ bloc: 'grey', floorApplies: false });
    // 3 red, 34 − 1 = 33 blue, 213 + 1 = 214 grey
    expect(t.destinations.filter((d) => d.bloc === 'blue')).toHaveLength(33);
    expect(t.destinations.filter((d) => d.bloc === 'grey')).toHaveLength(214);
  });

  it('each date of a list of dates takes its own members', async () => {
    const r = (await (
      await postJson('/v1/bloc-tiers', { ...body, asOf: ['2025-12-01', '2026-11-21'] })
    ).json()) as Tiers & { dates: Tiers[] };
    expect(r.dates.map((d) => row(d, 'KR')?.bloc)).toEqual(['grey', 'blue']);
  });

  it('the GET form and its CSV have the same default rows', async () => {
    const query = 'mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&asOf=2026-11-21';
    const get = (await (await call(`/v1/bloc-tiers?${query}`)).json()) as Tiers;
    expect(countries(get)).toEqual(await listed('2026-11-21'));
    const csv = await (await call(`/v1/bloc-tiers?${query}&format=csv&assume=no-duty`)).text();
    const lines = csv.split('\r\n').slice(1, -1);
    expect(lines.map((l) => l.split(',')[0])).toEqual(await listed('2026-11-21'));
  });

  it('any list of the members can be sent: all 250 (before: at most 60); 251 is a 422', async () => {
    const all = await listed('2026-11-21');
    const t = await tiers({ ...body, asOf: '2026-11-21', destinations: all, floorMembers: all });
    expect(t.destinations).toHaveLength(250);
    for (const field of ['destinations', 'floorMembers']) {
      const problem = await problemOf(
        await postJson('/v1/bloc-tiers', { ...body, [field]: [...all, 'US'] }),
        422,
      );
      expect(problem.errors).toEqual([
        { pointer: `/${field}`, detail: 'must have at most 250 items (got 251 items)' },
      ]);
    }
  });
});

describe('bloc tiers: a tranche schedule measured from its own trigger, as /v1/floor-gap measures it', () => {
  // red 10 into the US (2846.90.20 is free there: other duties 0), floor 16, trigger 20. The
  // tranche's default basis is the customs value: R = 10; g = T − R = 20 − 10 = 10 = 0.5 T, in
  // (0.40 T, 0.60 T] = (8, 12]: d = 0.30 × (8 − 2) + 0.50 × (10 − 8) = 1.8 + 1 = 2.8; red landed
  // 10 + 0 + 2.8 = 12.8 < blue 15: red is cheaper and governs. With T = F = 16 it would be
  // 0.30 × (6 − 1.6) = 1.32, landed 11.32.
  const trancheAt20 = (trigger: Record<string, string>, extra: Record<string, unknown> = {}) => ({
    ...brief,
    destinations: ['US'],
    method: { type: 'tranche', trigger },
    ...extra,
  });

  it('trigger 20 over a floor of 16: duty 2.8000, red landed 12.8000 (not 1.3200 and 11.3200)', async () => {
    const t = await tiers(trancheAt20(usd('20')));
    expect(row(t, 'US')).toMatchObject({
      floorGapPerUnit: '2.8000',
      redLanded: '12.8000',
      blueLanded: '15.0000',
      cheapest: 'red',
      tier: 'red',
    });
    // the same duty /v1/floor-gap charges on the same customs value
    const single = await postJson('/v1/floor-gap', {
      price: usd('10'),
      floor: usd('16'),
      method: { type: 'tranche', trigger: usd('20') },
    });
    expect(((await single.json()) as { dutyPerUnit: string }).dutyPerUnit).toBe('2.8000');
  });

  it('the trigger in its own unit and currency: 9.0718474 USD/lb (÷ 0.45359237 = 20 per kg) and 12.5 EUR/kg at 1.6 are both T = 20', async () => {
    for (const trigger of [
      usd('9.0718474', 'lb'),
      { amount: '12.5', currency: 'EUR', per: 'kg' },
    ]) {
      const t = await tiers(trancheAt20(trigger, { fx: { EUR: '1.6' } }));
      expect(row(t, 'US')).toMatchObject({ floorGapPerUnit: '2.8000', redLanded: '12.8000' });
    }
  });

  it('the zone market clears on the same landed price: 1,000 t all red at 12.8, treasury 2.8 × 1,000,000 kg', async () => {
    const t = (await (
      await postJson(
        '/v1/bloc-tiers',
        trancheAt20(usd('9.0718474', 'lb'), {
          market: {
            demand: { value: '1000', unit: 't' },
            blueCapacity: { value: '400', unit: 't' },
          },
        }),
      )
    ).json()) as { market: Record<string, unknown> };
    // red 12.8 < blue 15: blue sells nothing; treasury 2.8 × 1,000,000 kg = 2,800,000.00; buyers
    // pay (12.8 − 10) × 1,000,000 kg = 2,800,000.00 more; no allied rent
    expect(t.market).toMatchObject({
      price: '12.8000',
      marginal: 'red',
      redVolume: { value: '1000', unit: 't' },
      treasuryRevenue: '2800000.00',
      blueRent: '0.00',
      buyersExtraCost: '2800000.00',
    });
  });

  it('GET: trigger (and triggerPer) as /v1/floor-gap takes them; with another method a 422', async () => {
    const query =
      '/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&destinations=US&asOf=2026-11-21';
    const insideCost = async (q: string) =>
      (await call(`${query}&method=tranche&${q}&format=text&field=insideCost`)).text();
    // inside cost = red landed 12.8 (red governs in the US), from T = 20 or 20,000 per t
    expect(await insideCost('trigger=20')).toBe('12.8000');
    expect(await insideCost('trigger=20000&triggerPer=t')).toBe('12.8000');
    const problem = await problemOf(await call(`${query}&method=full-gap&trigger=20`), 422);
    expect(problem.errors).toEqual([
      {
        pointer: '/method/trigger/amount',
        parameter: 'trigger',
        detail: 'applies only with method=tranche (method is "full-gap")',
      },
    ]);
  });

  it('GET: maxRate or penaltyRate without its method is a 422 naming the parameter and the method it needs', async () => {
    const query =
      '/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&destinations=US&asOf=2026-11-21';
    const bare = await problemOf(await call(`${query}&maxRate=0.25`), 422);
    expect(bare.errors).toEqual([
      {
        pointer: '/method/maxRate',
        parameter: 'maxRate',
        detail: 'applies only with method=capped (method is not given)',
      },
    ]);
    const penalty = await problemOf(await call(`${query}&method=tranche&penaltyRate=0.5`), 422);
    expect(penalty.errors).toEqual([
      {
        pointer: '/method/penaltyRate',
        parameter: 'penaltyRate',
        detail: 'applies only with method=all-or-nothing (method is "tranche")',
      },
    ]);
  });

  it('GET: trigger or triggerPer without method=tranche is a 422 naming the parameter and what it needs, as /v1/floor-gap says it', async () => {
    const query =
      '/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&destinations=US&asOf=2026-11-21';
    // no method at all: not "method is required" (of a method the query never gave)
    const bare = await problemOf(await call(`${query}&trigger=20`), 422);
    expect(bare.detail).toBe('trigger applies only with method=tranche (method is not given).');
    expect(bare.errors).toEqual([
      {
        pointer: '/method/trigger/amount',
        parameter: 'trigger',
        detail: 'applies only with method=tranche (method is not given)',
      },
    ]);
    const per = await problemOf(await call(`${query}&triggerPer=t`), 422);
    expect(per.errors).toEqual([
      {
        pointer: '/method/trigger/per',
        parameter: 'triggerPer',
        detail: 'applies only with method=tranche (method is not given)',
      },
    ]);
    // floor gap's GET form says the same of the same parameter (its trigger sits at /trigger)
    const single = await problemOf(
      await call('/v1/floor-gap?price=10&floor=16&per=kg&asOf=2026-11-21&trigger=20'),
      422,
    );
    expect(single.detail).toBe(bare.detail);
    expect(single.errors?.[0]).toMatchObject({ parameter: 'trigger', pointer: '/trigger/amount' });
    // the rest of the query is still read: a bad redPrice is told beside it
    const both = await problemOf(
      await call(`${query.replace('redPrice=10', 'redPrice=x')}&trigger=20`),
      422,
    );
    expect(both.errors?.map((e) => e.parameter)).toEqual(['trigger', 'redPrice']);
  });
});

describe('bloc tiers: a floor the EU applies applies at its member states’ borders', () => {
  // The data marks DE and FR as members of the EU customs union (seeds/countries.json customsUnion).
  const union = { ...brief, destinations: ['DE', 'FR', 'EU'] };
  // Floor applied: full gap, duty-paid, no other duty known (counted 0): duty 16 − 10 = 6, red
  // lands at 10 + 6 = 16 > blue 15, so blue is cheapest and governs at 15.
  const inside = blueInside;
  // Not applied: red lands at its price, 10 < 15, and stays the cheaper: a leak.
  const outside = {
    bloc: 'blue',
    floorApplies: false,
    floorGapPerUnit: '0.0000',
    redLanded: '10.0000',
    blueLanded: '15.0000',
    cheapest: 'red',
    tier: 'red',
  };

  it('floorMembers ["EU"]: DE, FR and the EU all apply it, blue governs at 15, nothing leaks', async () => {
    const t = await tiers({ ...union, floorMembers: ['EU'] });
    for (const country of ['DE', 'FR', 'EU']) expect(row(t, country)).toMatchObject(inside);
    expect(t.leakage.destinations).toEqual([]);
    // no leak destination: no cost gap
    expect(t.leakage.downstreamCostGapPerUnit).toBe('0.0000');
  });

  it('floorMembers ["DE"]: one member state’s floor is not the union’s; FR and the EU leak by 15 − 10 = 5', async () => {
    const t = await tiers({ ...union, floorMembers: ['DE'] });
    expect(row(t, 'DE')).toMatchObject(inside);
    expect(row(t, 'FR')).toMatchObject(outside);
    expect(row(t, 'EU')).toMatchObject(outside);
    expect(t.leakage.destinations).toEqual(['FR', 'EU']);
    // inside governs at 15 (DE), the leaks at 10: gap 15 − 10 = 5
    expect(t.leakage.downstreamCostGapPerUnit).toBe('5.0000');
    // the answer says the member state's own floor is a hypothetical
    expect(t.meta.warnings.filter((w) => w.code === 'customs-union')).toEqual([
      {
        code: 'customs-union',
        detail:
          'DE is in the EU customs union, whose external tariff its members share: a floor applied by DE alone is a hypothetical the union’s common tariff does not allow. Name EU to apply it at every member state’s border.',
      },
    ]);
  });

  it('naming the union (alone or with its members) raises no customs-union warning', async () => {
    for (const floorMembers of [['EU'], ['EU', 'DE']]) {
      const t = await tiers({ ...union, floorMembers });
      expect(t.meta.warnings.map((w) => w.code)).not.toContain('customs-union');
    }
  });

  it('the floor zone’s market may stand at a member state of a union that applies the floor', async () => {
    const response = await postJson('/v1/bloc-tiers', {
      ...union,
      floorMembers: ['EU'],
      market: {
        destination: 'DE',
        demand: { value: '100', unit: 'kg' },
        blueCapacity: { value: '40', unit: 'kg' },
      },
    });
    expect(response.status).toBe(200);
    const market = ((await response.json()) as { market: Record<string, unknown> }).market;
    // blue (15) is below red's 16 in DE: blue sells its 40, red the other 100 − 40 = 60 at 16,
    // which sets the price
    expect(market).toMatchObject({
      destination: 'DE',
      price: '16.0000',
      blueVolume: { value: '40', unit: 'kg' },
      redVolume: { value: '60', unit: 'kg' },
    });
  });
});

describe('unknown is not zero: coverage.tariffs per destination and overall', () => {
  // NdPr oxide (2846.90.20): the US MFN rate is Free (HTSUS column 1); the data holds no Japanese
  // or Indian rate for the line.
  const query =
    'mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&destinations=US,JP,IN&asOf=2026-11-21';

  it('JSON: the US is complete at a red duty rate of 0; Japan and India are none, their rate null, not 0', async () => {
    const r = (await (await call(`/v1/bloc-tiers?${query}`)).json()) as {
      destinations: {
        country: string;
        coverage: { tariffs: string };
        redOtherDutyRate: string | null;
      }[];
      coverage: { tariffs: string };
    };
    expect(r.destinations.map((d) => [d.country, d.coverage.tariffs, d.redOtherDutyRate])).toEqual([
      ['US', 'complete', '0'],
      ['JP', 'none', null],
      ['IN', 'none', null],
    ]);
    // some lanes known (US), some not (JP, IN)
    expect(r.coverage.tariffs).toBe('partial');
  });

  it('US and VN: JSON partial (US complete, VN none); CSV and text without assume still 422 no-tariff-data', async () => {
    const usVn = query.replace('US,JP,IN', 'US,VN');
    const r = (await (await call(`/v1/bloc-tiers?${usVn}`)).json()) as {
      destinations: { country: string; coverage: { tariffs: string } }[];
      coverage: { tariffs: string };
    };
    expect(r.destinations.map((d) => [d.country, d.coverage.tariffs])).toEqual([
      ['US', 'complete'],
      ['VN', 'none'],
    ]);
    expect(r.coverage.tariffs).toBe('partial');
    for (const format of ['csv', 'text']) {
      const response = await call(`/v1/bloc-tiers?${usVn}&format=${format}`);
      expect(response.status).toBe(422);
      expect(((await response.json()) as { code: string }).code).toBe('no-tariff-data');
      // and over two dates, each of them partial
      const dates = await call(
        `/v1/bloc-tiers?${usVn}&format=${format}`.replace(
          'asOf=2026-11-21',
          'asOf=2026-11-21,2026-11-22',
        ),
      );
      expect(dates.status).toBe(422);
      expect(((await dates.json()) as { code: string }).code).toBe('no-tariff-data');
      expect((await call(`/v1/bloc-tiers?${usVn}&format=${format}&assume=no-duty`)).status).toBe(
        200,
      );
    }
    const two = (await (
      await call(`/v1/bloc-tiers?${usVn.replace('asOf=2026-11-21', 'asOf=2026-11-21,2026-11-22')}`)
    ).json()) as { coverage: { tariffs: string }; dates: { coverage: { tariffs: string } }[] };
    expect(two.dates.map((d) => d.coverage.tariffs)).toEqual(['partial', 'partial']);
    expect(two.coverage.tariffs).toBe('partial');
  });

  it('CSV and text refuse (422 no-tariff-data) to print figures resting on unknown duties, unless assume=no-duty', async () => {
    for (const format of ['csv', 'text']) {
      const response = await call(`/v1/bloc-tiers?${query}&format=${format}`);
      expect(response.status).toBe(422);
      expect(((await response.json()) as { code: string }).code).toBe('no-tariff-data');
      expect((await call(`/v1/bloc-tiers?${query}&format=${format}&assume=no-duty`)).status).toBe(
        200,
      );
    }
    // Only destinations with known tariffs: the CSV stands without an assumption.
    const us = await call(`/v1/bloc-tiers?${query.replace('US,JP,IN', 'US')}&format=csv`);
    expect(us.status).toBe(200);
  });
});

describe('GET forms and the picture', () => {
  // Japan's and India's duties are unknown: the bare forms count them as 0 only when told to.
  const query =
    'mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&destinations=US,JP,IN&asOf=2026-11-21&assume=no-duty';

  it('format=text gives one figure: the downstream cost gap', async () => {
    const response = await call(
      `/v1/bloc-tiers?${query}&format=text&field=downstreamCostGapPerUnit`,
    );
    expect(await response.text()).toBe('5.0000');
  });

  it('format=text gives the gap’s parts too: inside 15 (blue governs) − leak 10 (IN, red) = 5, all of it the floor’s', async () => {
    // red lands in IN at 10 with and without a floor (no other duties counted), so the other
    // duties explain none of the gap: otherDutiesPart = min(5, max(0, 10 − 10)) = 0, floorPart 5
    const text = async (field: string) =>
      (await call(`/v1/bloc-tiers?${query}&format=text&field=${field}`)).text();
    expect(
      await Promise.all(
        ['insideCost', 'leakCost', 'floorPart', 'otherDutiesPart', 'leakDestinations'].map(text),
      ),
    ).toEqual(['15.0000', '10.0000', '5.0000', '0.0000', 'IN']);
  });

  it('format=csv gives one row per destination', async () => {
    const text = await (await call(`/v1/bloc-tiers?${query}&format=csv`)).text();
    expect(text.split('\r\n')).toEqual([
      'country,bloc,floorApplies,redLanded,blueLanded,floorGapPerUnit,cheapest,tier,governingPrice,leak,per,currency,asOf',
      'US,blue,true,16.0000,15.0000,6.0000,blue,blue,15.0000,false,kg,USD,2026-11-21',
      'JP,blue,true,16.0000,15.0000,6.0000,blue,blue,15.0000,false,kg,USD,2026-11-21',
      'IN,grey,false,10.0000,15.0000,0.0000,red,red,10.0000,true,kg,USD,2026-11-21',
      '',
    ]);
  });

  it('a blank parameter of the GET form or the .svg GET is a 422 naming it (before: destinations= was every bloc member, bluePrice= the floor)', async () => {
    const blank =
      'must not be blank: give a value, or leave the parameter out where it has a default';
    for (const path of ['/v1/bloc-tiers', '/v1/bloc-tiers.svg']) {
      for (const [from, to, pointer, parameter] of [
        ['destinations=US,JP,IN', 'destinations=', '/destinations', 'destinations'],
        ['bluePrice=15', 'bluePrice=', '/bluePrice/amount', 'bluePrice'],
      ] as const) {
        const url = `${path}?${query.replace(from, to)}`;
        const problem = await problemOf(await call(url), 422);
        expect(problem.errors, url).toEqual([{ pointer, parameter, detail: blank }]);
      }
    }
  });

  it('a parameter given twice is a 400 naming it on the GET form and the picture (lists are comma-separated)', async () => {
    // Each of these is in `query` already: a second value, not a list.
    for (const path of ['/v1/bloc-tiers', '/v1/bloc-tiers.svg']) {
      for (const again of ['redPrice=11', 'destinations=GB', 'assume=no-duty']) {
        const [parameter] = again.split('=');
        const problem = await problemOf(await call(`${path}?${query}&${again}`), 400);
        expect(problem.errors).toEqual([
          { pointer: `/${parameter}`, parameter, detail: 'is given more than once' },
        ]);
      }
    }
  });

  it('the .svg GET and Accept: image/svg+xml draw the tiers, the floor and the leaks', async () => {
    const svg = await call(`/v1/bloc-tiers.svg?${query}`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const text = await svg.text();
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('floor 16.0000');
    expect(text).toContain('no floor · leak');
    const post = await call('/v1/bloc-tiers', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'image/svg+xml' },
      body: JSON.stringify(brief),
    });
    expect(await post.text()).toContain('<title>Red and blue landed prices of ndpr-oxide');
  });

  // JP on 2026-06-01: the data holds no Japanese tariff for 2846.90.20, so the answer warns
  // no-tariff-data (coverage none). The .svg GET is the GET form with format=svg: it refuses alike.
  const unknownDuty =
    'mineral=ndpr-oxide&redPrice=10&floor=16&per=kg&destinations=JP&asOf=2026-06-01';

  it('the .svg GET is strict as format=svg is: strict=true is a 422 listing no-tariff-data (before: 200)', async () => {
    const drawn = await problemOf(await call(`/v1/bloc-tiers.svg?${unknownDuty}&strict=true`), 422);
    const formatted = await problemOf(
      await call(`/v1/bloc-tiers?${unknownDuty}&format=svg&strict=true`),
      422,
    );
    expect(drawn).toMatchObject({
      code: 'strict',
      warnings: [{ code: 'no-tariff-data' }],
      detail: 'The answer rests on uncertain data and the request is strict: no-tariff-data.',
    });
    expect({ ...drawn, requestId: undefined }).toEqual({ ...formatted, requestId: undefined });
    // strict=false is the default: the picture is drawn
    const drawnAnyway = await call(`/v1/bloc-tiers.svg?${unknownDuty}&strict=false`);
    expect(drawnAnyway.status).toBe(200);
    expect(drawnAnyway.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
  });

  it('the .svg GET reads strict and assume as the GET form does, and takes no format, field or decimal', async () => {
    const maybe = await problemOf(
      await call(`/v1/bloc-tiers.svg?${unknownDuty}&strict=maybe`),
      422,
    );
    expect(maybe.errors).toEqual([
      {
        pointer: '/strict',
        parameter: 'strict',
        detail: 'must be one of true, false (got "maybe")',
      },
    ]);
    const blank = await problemOf(await call(`/v1/bloc-tiers.svg?${unknownDuty}&assume=`), 422);
    expect(blank.errors).toEqual([
      {
        pointer: '/assume',
        parameter: 'assume',
        detail:
          'must not be blank: give a value, or leave the parameter out where it has a default',
      },
    ]);
    for (const [parameter, value] of [
      ['format', 'csv'],
      ['field', 'spread'],
      ['decimal', 'comma'],
    ]) {
      const refused = await problemOf(
        await call(`/v1/bloc-tiers.svg?${unknownDuty}&${parameter}=${value}`),
        400,
      );
      expect(refused.errors?.map((e) => [e.parameter, e.detail])).toEqual([
        [parameter, 'is not a parameter of this operation'],
      ]);
    }
  });
});

describe('POST /v1/benchmarks/check', () => {
  async function check(mineral: string, amount: string, per = 'kg') {
    const response = await postJson('/v1/benchmarks/check', {
      mineral,
      price: usd(amount, per),
      asOf: '2026-11-21',
    });
    expect(response.status).toBe(200);
    return (await response.json()) as {
      results: {
        id: string;
        status: string;
        gapPerUnit: string;
        licenceRequired: boolean;
        thresholdPerUnit: string;
      }[];
    };
  }

  it('NdPr at 62 USD/kg: below the DoD and Lynas–JARE floors by 48; above the G7 light-REE floor (62,000/t ≥ 20,000/t)', async () => {
    const { results } = await check('ndpr-oxide', '62');
    expect(results).toEqual([
      expect.objectContaining({
        id: 'g7-lree-floor',
        status: 'meets-floor',
        gapPerUnit: '0.0000',
        licenceRequired: false,
      }),
      expect.objectContaining({
        id: 'dod-ndpr-floor',
        mechanism: 'producer-contract',
        stage: 'oxide',
        status: 'below-floor',
        gapPerUnit: '48.0000',
        licenceRequired: false,
      }),
      // Lynas–JARE: the same $110/kg NdPr floor, reported 2026-03-10: 110 − 62 = 48.
      expect.objectContaining({
        id: 'lynas-jare-ndpr-floor',
        mechanism: 'producer-contract',
        status: 'below-floor',
        gapPerUnit: '48.0000',
      }),
    ]);
  });

  it('La oxide at 5 USD/kg against the G7 floor per t: 5,000/t is 15,000 below 20,000, licence needed', async () => {
    const { results } = await check('la-oxide', '5');
    expect(results).toEqual([
      expect.objectContaining({
        id: 'g7-lree-floor',
        thresholdPerUnit: '20000.0000',
        status: 'below-floor',
        gapPerUnit: '15000.0000',
        licenceRequired: true,
      }),
    ]);
  });

  it('Dy oxide against the G7 heavy-REE cap of 1,500/kg: 1,600 above by 100; 1,500 and 900 within', async () => {
    expect((await check('dy-oxide', '1600')).results[0]).toMatchObject({
      status: 'above-cap',
      gapPerUnit: '100.0000',
      licenceRequired: true,
    });
    expect((await check('dy-oxide', '1500')).results[0]).toMatchObject({
      status: 'within-cap',
      gapPerUnit: '0.0000',
      licenceRequired: false,
    });
    expect((await check('dy-oxide', '900')).results[0]).toMatchObject({ status: 'within-cap' });
  });

  it('a price a hair past the cap never prints on it: 1,500.00001 is above by 0.00001, 1,499.99999 within', async () => {
    // at 4 places both would read 1500.0000, the cap itself, beside above-cap / within-cap
    expect((await check('dy-oxide', '1500.00001')).results[0]).toMatchObject({
      thresholdPerUnit: '1500.0000',
      pricePerUnit: '1500.00001',
      status: 'above-cap',
      gapPerUnit: '0.00001',
    });
    expect((await check('dy-oxide', '1499.99999')).results[0]).toMatchObject({
      pricePerUnit: '1499.99999',
      status: 'within-cap',
      gapPerUnit: '0.0000',
    });
  });

  it('only benchmarks in force on asOf are results, and none warns for having ended', async () => {
    async function ids(asOf: string) {
      const response = await postJson('/v1/benchmarks/check', {
        mineral: 'ndpr-oxide',
        price: usd('62'),
        asOf,
      });
      const body = (await response.json()) as {
        results: { id: string; gapPerUnit: string }[];
        meta: { warnings: { code: string }[] };
      };
      const codes = body.meta.warnings.map((w) => w.code);
      expect(codes).not.toContain('no-longer-in-force');
      expect(codes).not.toContain('not-yet-in-force');
      return body.results.map((r) => `${r.id} ${r.gapPerUnit}`);
    }
    // dod-ndpr-floor 2025-10-01..2035-09-30, lynas-jare-ndpr-floor 2026-03-10..2038-12-31, both
    // ends inclusive; the G7 light-REE figure is undated. Gaps: 110 − 62 = 48; 62,000/t ≥ 20,000/t.
    expect(await ids('2025-01-01')).toEqual(['g7-lree-floor 0.0000']);
    expect(await ids('2025-10-01')).toEqual(['g7-lree-floor 0.0000', 'dod-ndpr-floor 48.0000']);
    expect(await ids('2035-09-30')).toEqual([
      'g7-lree-floor 0.0000',
      'dod-ndpr-floor 48.0000',
      'lynas-jare-ndpr-floor 48.0000',
    ]);
    expect(await ids('2036-01-01')).toEqual([
      'g7-lree-floor 0.0000',
      'lynas-jare-ndpr-floor 48.0000',
    ]);
    expect(await ids('2039-06-01')).toEqual(['g7-lree-floor 0.0000']);
    const csv = await call(
      '/v1/benchmarks/check?mineral=ndpr-oxide&price=62&per=kg&asOf=2036-01-01&format=csv',
    );
    expect((await csv.text()).split('\r\n').map((line) => line.split(',')[0])).toEqual([
      'id',
      'g7-lree-floor',
      'lynas-jare-ndpr-floor',
      '',
    ]);
  });

  it('a benchmark named in the request is checked even when not in force, and says so', async () => {
    const response = await postJson('/v1/benchmarks/check', {
      mineral: 'ndpr-oxide',
      price: usd('62'),
      benchmark: 'dod-ndpr-floor',
      asOf: '2036-01-01',
    });
    const body = (await response.json()) as {
      results: { id: string; gapPerUnit: string }[];
      meta: { warnings: { code: string; rowIds?: string[] }[] };
    };
    // 110 − 62 = 48, as asked; the contract ended 2035-09-30
    expect(body.results.map((r) => [r.id, r.gapPerUnit])).toEqual([['dod-ndpr-floor', '48.0000']]);
    expect(body.meta.warnings).toEqual([
      expect.objectContaining({ code: 'no-longer-in-force', rowIds: ['dod-ndpr-floor'] }),
    ]);
  });

  it('GET with format=text answers one status for a spreadsheet cell', async () => {
    const response = await call(
      '/v1/benchmarks/check?mineral=dy-oxide&price=1600&per=kg&benchmark=g7-hree-cap&format=text',
    );
    expect(await response.text()).toBe('above-cap');
  });

  it('the CSV and text forms carry the date and the warnings the JSON gives: a contract floor before it took effect', async () => {
    // dod-ndpr-floor runs from 2025-10-01 (seeds/benchmarks.json): on 2025-01-01 it is not yet in
    // force. 110 − 100 = 10 below the floor, as asked.
    const query =
      '/v1/benchmarks/check?mineral=ndpr-oxide&benchmark=dod-ndpr-floor&price=100&per=kg&asOf=2025-01-01';
    const csv = await (await call(`${query}&format=csv`)).text();
    expect(csv).toBe(
      'id,kind,benchmarkStatus,per,thresholdPerUnit,pricePerUnit,status,gapPerUnit,licenceRequired,currency,asOf,warnings\r\n' +
        'dod-ndpr-floor,floor,contract,kg,110.0000,100.0000,below-floor,10.0000,false,USD,2025-01-01,not-yet-in-force\r\n',
    );
    const text = await call(`${query}&format=text&field=warnings`);
    expect(await text.text()).toBe('not-yet-in-force');
  });

  it('/v1/benchmarks/{id} still answers benchmarks by id', async () => {
    expect((await call('/v1/benchmarks/g7-hree-cap')).status).toBe(200);
  });
});

describe('POST /v1/origin-content: China’s 0.1% rule by its dated status', () => {
  async function content(chinaValue: string, asOf: string) {
    const response = await postJson('/v1/origin-content', {
      productValue: { amount: '100000', currency: 'USD' },
      components: [
        { mineral: 'dy-oxide', origin: 'CN', value: chinaValue },
        { mineral: 'nd-oxide', origin: 'AU', value: '3000' },
      ],
      maxRedShare: '0.05',
      asOf,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as {
      chinaContentShare: string;
      chinaLicenceRequired: boolean;
      shares: Record<string, string>;
      qualifiesAsBlue: boolean;
      chinaRule: { state: string };
      meta: { warnings: { code: string }[] };
    };
  }

  it('2026-11-21, suspension ended (status unknown after 2026-11-10, legal default applies): 99.90 below, 100 at, 100.10 above', async () => {
    const below = await content('99.90', '2026-11-21');
    const at = await content('100', '2026-11-21');
    const above = await content('100.10', '2026-11-21');
    expect([below.chinaContentShare, at.chinaContentShare, above.chinaContentShare]).toEqual([
      '0.000999',
      '0.001',
      '0.001001',
    ]);
    expect([
      below.chinaLicenceRequired,
      at.chinaLicenceRequired,
      above.chinaLicenceRequired,
    ]).toEqual([false, true, true]);
    expect(at.chinaRule.state).toBe('assumed'); // was 'in-force', with no sign it was assumed
    expect(at.meta.warnings.map((w) => w.code)).toContain('suspension-ended');
  });

  it('2026-03-01, suspended by MOFCOM No. 70: no licence at any share', async () => {
    const above = await content('100.10', '2026-03-01');
    expect(above.chinaRule.state).toBe('suspended');
    expect(above.chinaLicenceRequired).toBe(false);
  });

  it('shares by bloc of origin: red 0.001, blue 0.03; within a 5% red allowance but short of the 0.5 allied minimum, not blue', async () => {
    const r = await content('100', '2026-11-21');
    expect(r.shares).toEqual({ red: '0.001', blue: '0.03', grey: '0' });
    expect(r.qualifiesAsBlue).toBe(false);
  });
});

describe('POST /v1/floor-financing: border duty vs DoD–MP style top-up, 1 t at the 110 USD/kg floor', () => {
  async function financing(market: string) {
    const response = await postJson('/v1/floor-financing', {
      benchmark: 'dod-ndpr-floor',
      marketPrice: usd(market),
      quantity: { value: '1', unit: 't' },
      upsideShare: '0.3',
      asOf: '2026-11-21',
    });
    expect(response.status).toBe(200);
    return (await response.json()) as {
      border: Record<string, string>;
      producerSide: Record<string, string>;
    };
  }

  it('market 62, quantity meaning demand = output: buyers pay 48 × 1,000 = 48,000.00 at the border, all of it to the producer (nothing is imported); or the government pays it', async () => {
    const r = await financing('62');
    expect(r.border).toEqual({
      dutyPerUnit: '48.0000',
      buyerPricePerUnit: '110.0000',
      buyersPay: '48000.00',
      treasuryCollects: '0.00',
      buyersExtraCost: '48000.00',
      producerGain: '48000.00',
      treasuryRevenue: '0.00',
      governmentOutlay: '0.00',
      netPublicCost: '0.00',
    });
    expect(r.producerSide).toMatchObject({
      governmentPays: '48000.00',
      governmentCollects: '0.00',
      buyerPricePerUnit: '62.0000',
      producerReceivesPerUnit: '110.0000',
    });
  });

  it('market at the floor: nobody pays anything', async () => {
    const r = await financing('110');
    expect([
      r.border.buyersPay,
      r.producerSide.governmentPays,
      r.producerSide.governmentCollects,
    ]).toEqual(['0.00', '0.00', '0.00']);
  });

  it('market 130: 30% of the 20 upside = 6/kg back to the government, 6,000.00; producer keeps 124', async () => {
    const r = await financing('130');
    expect(r.producerSide).toMatchObject({
      upsidePerUnit: '6.0000',
      governmentCollects: '6000.00',
      governmentNet: '-6000.00',
      producerReceivesPerUnit: '124.0000',
    });
    expect(r.border.buyersPay).toBe('0.00');
  });
});

describe('bloc tiers over dates: asOf as a list', () => {
  it('one tier set per date, each priced from the data in force on it: Chinese magnets into the US before and after the 301 duty', async () => {
    const response = await call(
      '/v1/bloc-tiers?mineral=ndfeb-magnet&redPrice=50&bluePrice=60&floor=55&per=kg&destinations=US&floorMembers=GB&asOf=2025-11-15,2026-03-01',
    );
    expect(response.status).toBe(200);
    const r = (await response.json()) as {
      meta: { asOf: string };
      dates: {
        meta: { asOf: string };
        destinations: { country: string; redOtherDutyRate: string; redLanded: string }[];
      }[];
    };
    expect(r.meta.asOf).toBe('2025-11-15');
    expect(r.dates.map((d) => d.meta.asOf)).toEqual(['2025-11-15', '2026-03-01']);
    // 2025-11-15: MFN 2.1% + IEEPA fentanyl 10% = 12.1% → 50 × 1.121 = 56.05;
    // 2026-03-01: MFN 2.1% + Section 301 25% = 27.1% → 50 × 1.271 = 63.55 (IEEPA void)
    expect(
      r.dates.map((d) => [d.destinations[0]?.redOtherDutyRate, d.destinations[0]?.redLanded]),
    ).toEqual([
      ['0.121', '56.0500'],
      ['0.271', '63.5500'],
    ]);
  });

  it('a single date answers as before, without dates', async () => {
    const r = (await (
      await call(
        '/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&destinations=US&asOf=2026-11-21',
      )
    ).json()) as { dates?: unknown };
    expect(r.dates).toBeUndefined();
  });
});

describe('bloc tiers: a benchmark floor is applied only at its own stage', () => {
  const tiers = (mineral: string, benchmark: string, extra: object = {}) =>
    postJson('/v1/bloc-tiers', {
      mineral,
      redPrice: { amount: '625', currency: 'USD', per: 't' },
      benchmark,
      destinations: ['US'],
      asOf: '2026-11-21',
      ...extra,
    });
  const codes = async (response: Response) =>
    ((await response.json()) as { meta: { warnings: { code: string }[] } }).meta.warnings.map(
      (w) => w.code,
    );

  it('the G7 light-rare-earth floor (stage unknown) on lanthanum oxide warns that its stage is assumed', async () => {
    const response = await tiers('la-oxide', 'g7-lree-floor');
    expect(response.status).toBe(200);
    expect(await codes(response)).toEqual(['reported-figure', 'stage-unknown']);
  });

  it('on rare-earth metal it also says the benchmark covers light-ree oxides, not metal', async () => {
    expect(await codes(await tiers('ree-metal', 'g7-lree-floor'))).toEqual([
      'reported-figure',
      'benchmark-scope',
      'stage-unknown',
    ]);
  });

  it('an oxide-stage floor on magnets is refused at /benchmark, pointing to the content floor', async () => {
    const problem = await problemOf(
      await tiers('ndfeb-magnet', 'dod-ndpr-floor', { asBorderFloor: true }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/benchmark');
    expect(problem.errors?.[0]?.detail).toContain(
      'dod-ndpr-floor is set at the oxide stage but ndfeb-magnet is traded at the magnet stage',
    );
    expect(problem.errors?.[0]?.detail).toContain('POST /v1/content-floor');
  });

  it('an oxide-stage floor on an oxide of its scope carries no stage warning', async () => {
    const response = await tiers('ndpr-oxide', 'dod-ndpr-floor', { asBorderFloor: true });
    expect(await codes(response)).not.toContain('stage-unknown');
  });
});

describe('bloc tiers over a list of dates: every date in the CSV and the picture', () => {
  const overDates =
    '/v1/bloc-tiers?mineral=ndfeb-magnet&redPrice=75&bluePrice=80&floor=75&per=kg&destinations=US,JP&floorMembers=US&asOf=2025-11-15,2026-03-01';

  it('CSV: a row per date and destination, each priced from the data in force on its date', async () => {
    // US 2025-11-15: 75 × (1 + 0.021 MFN + 0.10 IEEPA) = 75 × 1.121 = 84.0750;
    // US 2026-03-01: 75 × (1 + 0.021 + 0.25 Section 301) = 75 × 1.271 = 95.3250; the floor (75)
    // sits below red's duty-paid price, so no floor duty; blue at 80 wins; Japan (no floor) buys red at 75
    // (the data has no Japanese tariff for the line: its duty is counted as 0 only by assume=no-duty)
    const text = await (await call(`${overDates}&format=csv&assume=no-duty`)).text();
    expect(text.split('\r\n')).toEqual([
      'country,bloc,floorApplies,redLanded,blueLanded,floorGapPerUnit,cheapest,tier,governingPrice,leak,per,currency,asOf',
      'US,blue,true,84.0750,80.0000,0.0000,blue,blue,80.0000,false,kg,USD,2025-11-15',
      'JP,blue,false,75.0000,80.0000,0.0000,red,red,75.0000,true,kg,USD,2025-11-15',
      'US,blue,true,95.3250,80.0000,0.0000,blue,blue,80.0000,false,kg,USD,2026-03-01',
      'JP,blue,false,75.0000,80.0000,0.0000,red,red,75.0000,true,kg,USD,2026-03-01',
      '',
    ]);
  });

  it('SVG: one picture per date, stacked, each titled with its date', async () => {
    const text = await (await call(`${overDates}&format=svg`)).text();
    expect(text).toContain('by destination on 2 dates');
    expect(text).toContain('(as of 2025-11-15)');
    expect(text).toContain('(as of 2026-03-01)');
    expect(text).toContain('y="360"');
    expect(text).toContain('>84.0750<');
    expect(text).toContain('>95.3250<');
  });
});

describe('bloc tiers: a duty the data lacks is unknown, not zero (red and blue lanes)', () => {
  // NdFeB magnets (HTS 8505.11.0070): the data holds the US tariff (MFN 2.1% on any origin, plus
  // Section 301 on Chinese goods: 27.1% in all on red) and no other country's. Red 60, blue 70
  // from Australia, floor 80, full gap on the duty-paid value.
  const magnets = {
    mineral: 'ndfeb-magnet',
    redPrice: usd('60'),
    bluePrice: usd('70'),
    floor: usd('80'),
    blueOrigin: 'AU',
    asOf: '2026-11-21',
  };
  const detail = (lanes: string, one: boolean) =>
    `The data has no tariff rate for HTS 8505.11.0070 into ${lanes}: ${one ? 'its' : 'their'} duties are unknown, not zero. The landed prices there count them as 0: lower bounds, not duty-free prices.`;

  it('blue supply from AU into CN: warned, so strict refuses it (before: 200 with no warning)', async () => {
    const body = { ...magnets, destinations: ['US', 'CN'] };
    const response = await postJson('/v1/bloc-tiers', body);
    expect(response.status).toBe(200);
    const t = (await response.json()) as Omit<Tiers, 'destinations'> & {
      destinations: (Tier & { coverage: { tariffs: string }; blueOtherDutyRate: string | null })[];
    };
    // CN: red supply is at home (no duty, known); blue AU → CN unknown, printed as 70 + 0 = 70.0000
    // US: blue 70 × 1.021 = 71.4700
    expect(
      t.destinations.map((d) => [d.country, d.coverage.tariffs, d.blueOtherDutyRate, d.blueLanded]),
    ).toEqual([
      ['US', 'complete', '0.021', '71.4700'],
      ['CN', 'none', null, '70.0000'],
    ]);
    const warning = { code: 'no-tariff-data', detail: detail('CN (blue supply from AU)', true) };
    expect(t.meta.warnings).toEqual([warning]);
    const strict = await problemOf(
      await postJson('/v1/bloc-tiers', { ...body, strict: true }),
      422,
    );
    expect(strict).toMatchObject({ code: 'strict', warnings: [warning] });
  });

  it('JP: the warning names both lanes, red from CN and blue from AU (before: red only)', async () => {
    const t = await tiers({ ...magnets, destinations: ['JP', 'US'] });
    expect(t.meta.warnings).toEqual([
      {
        code: 'no-tariff-data',
        detail: detail('JP (red supply from CN) and JP (blue supply from AU)', false),
      },
    ]);
  });

  it('the text form refuses a bare blueLanded for AU → CN and says why (before: a detail beginning with a blank)', async () => {
    const query =
      'mineral=ndfeb-magnet&redPrice=60&floor=80&per=kg&destinations=CN&asOf=2026-11-21&blueOrigin=AU&bluePrice=70&format=text&field=blueLanded';
    const problem = await problemOf(await call(`/v1/bloc-tiers?${query}`), 422);
    const warning = { code: 'no-tariff-data', detail: detail('CN (blue supply from AU)', true) };
    expect(problem).toMatchObject({
      code: 'no-tariff-data',
      detail: `${warning.detail} A bare figure would read as duty-free: add assume=no-duty to count the duty as zero, or ask for JSON.`,
      warnings: [warning],
    });
    // assume=no-duty: blue counted duty-free, 70 + 0 = 70.0000 (red at home in CN: 60, no floor)
    const csv = query.replace('format=text&field=blueLanded', 'format=csv&assume=no-duty');
    expect((await (await call(`/v1/bloc-tiers?${csv}`)).text()).split('\r\n')[1]).toBe(
      'CN,red,false,60.0000,70.0000,0.0000,red,red,60.0000,false,kg,USD,2026-11-21',
    );
  });

  it('the gap’s split resting on an unknown inside lane is null (before: floor 20.0000, duties 0.0000)', async () => {
    // Default destinations (every member of every bloc: 250 rows), blue at the floor (80, no
    // origin: no duty). Inside the floor (the 34 blue members) red lands at 80 everywhere, blue 80:
    // insideCost 80; leaks (the 213 grey members: AD, …, IN, …, ZW) at 60: gap 80 − 60 = 20.
    // Without the floor the cheapest inside would be JP, EU, … at 60 — but only with their duties,
    // which the data lacks, counted as 0; the one known, US, is at 60 × 1.271 = 76.26. So how much
    // of the 20 the other duties explain is anywhere from 0 to 16.26: not known.
    const body = { mineral: 'ndfeb-magnet', redPrice: usd('60'), floor: usd('80') };
    const t = await tiers({ ...body, asOf: '2026-11-21' });
    expect(t.destinations).toHaveLength(250);
    expect(t.leakage.destinations).toHaveLength(213);
    expect(t.leakage).toMatchObject({
      insideCost: '80.0000',
      leakCost: '60.0000',
      downstreamCostGapPerUnit: '20.0000',
      floorPart: null,
      otherDutiesPart: null,
    });
    const text = async (field: string, assume: string) =>
      (
        await call(
          `/v1/bloc-tiers?mineral=ndfeb-magnet&redPrice=60&floor=80&per=kg&asOf=2026-11-21${assume}&format=text&field=${field}`,
        )
      ).text();
    // Without an assumption the bare form refuses (422 no-tariff-data) rather than print a part.
    expect(await text('floorPart', '')).toContain('"code":"no-tariff-data"');
    // assume=no-duty counts the lacking duties as 0, as stated: inside without the floor is then
    // JP, EU, … at 60 + 0 = 60 against leaks at 60, so otherDutiesPart = min(20, max(0, 60 − 60))
    // = 0.0000 and floorPart = 20 − 0 = 20.0000.
    const parts = ['floorPart', 'otherDutiesPart'].map((f) => text(f, '&assume=no-duty'));
    expect(await Promise.all(parts)).toEqual(['20.0000', '0.0000']);
  });

  it('assume=no-duty splits the gap with the lacking duties counted as 0 (before: none), and says so', async () => {
    // US applies the floor (its 3.7% duty on Nd oxide is known); JP and IN lack a tariff.
    // US: red 10 + 10 × 0.037 = 10.37 without the floor; floor gap 16 − 10.37 = 5.63; red lands
    // at 16, blue at 15: insideCost 15, inside without the floor min(10.37, 15) = 10.37.
    // JP, IN: red at 10 + 0 (their duty counted as 0 by assumption): leakCost 10.
    // gap = 15 − 10 = 5; otherDutiesPart = min(5, max(0, 10.37 − 10)) = 0.37;
    // floorPart = 5 − 0.37 = 4.63.
    const query =
      'mineral=nd-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&asOf=2026-11-21&destinations=US,JP,IN&floorMembers=US';
    const text = async (field: string) =>
      (await call(`/v1/bloc-tiers?${query}&format=text&field=${field}&assume=no-duty`)).text();
    expect(await Promise.all(['floorPart', 'otherDutiesPart'].map(text))).toEqual([
      '4.6300',
      '0.3700',
    ]);
    const split = {
      insideCost: '15.0000',
      leakCost: '10.0000',
      downstreamCostGapPerUnit: '5.0000',
      floorPart: '4.6300',
      otherDutiesPart: '0.3700',
    };
    const warning = {
      code: 'no-tariff-data',
      detail:
        'The data has no tariff rate for HTS 2846.90.80 into JP, IN (red supply from CN): their duties are unknown, not zero. The landed prices there count them as 0: lower bounds, not duty-free prices; and, as the request says assume=no-duty, so do floorPart and otherDutiesPart.',
    };
    // The JSON forms: the query's assume=no-duty and the body's "assume": "no-duty" alike; the
    // answer still says the data lacks the duties (coverage partial, the warning).
    const get = (await (await call(`/v1/bloc-tiers?${query}&assume=no-duty`)).json()) as Tiers;
    const body = {
      ...brief,
      mineral: 'nd-oxide',
      destinations: ['US', 'JP', 'IN'],
      floorMembers: ['US'],
    };
    const post = await tiers({ ...body, assume: 'no-duty' });
    // The POST's query says it as its body does (before: ignored, the split null).
    const postQuery = await postJson('/v1/bloc-tiers?assume=no-duty', body);
    expect(postQuery.status).toBe(200);
    for (const answer of [get, post, (await postQuery.json()) as Tiers]) {
      expect(answer.leakage).toMatchObject(split);
      // US known, JP and IN not: partial
      expect(answer).toMatchObject({ coverage: { tariffs: 'partial' } });
      expect(answer.meta.warnings).toEqual([warning]);
    }
    // Without the assumption JSON keeps the split null: it rests on JP's and IN's unknown duties.
    const unassumed = [
      (await (await call(`/v1/bloc-tiers?${query}`)).json()) as Tiers,
      await tiers(body),
    ];
    for (const answer of unassumed)
      expect(answer.leakage).toMatchObject({ ...split, floorPart: null, otherDutiesPart: null });
  });

  it('a known inside reference against an unknown leak below it is null too (before: 3.7400 / 16.2600)', async () => {
    // US without the floor 76.26 (known) against India's 60, its duty counted as 0: 16.26 would
    // be the US duty less India's unknown one (at 10% India's red lands at 66: 10.26).
    const t = await tiers({
      mineral: 'ndfeb-magnet',
      redPrice: usd('60'),
      floor: usd('80'),
      destinations: ['US', 'IN'],
      asOf: '2026-11-21',
    });
    expect(t.leakage).toMatchObject({
      downstreamCostGapPerUnit: '20.0000',
      floorPart: null,
      otherDutiesPart: null,
    });
  });
  it('issue 12’s leakage case: a gap with no floor duty in it is all otherDutiesPart, India’s unknown duty notwithstanding (before: both null)', async () => {
    // NdFeB magnets on 2026-01-15, red 75, blue 120, floor 16 (USD/kg), US the floor member.
    // US: 75 × (1 + 0.371) = 102.825 without the floor; floor duty max(0, 16 − 102.825) = 0, so
    // red lands at 102.825 < blue 120: insideCost = 102.825 = the inside cost without the floor.
    // IN (no tariff data): red at 75 + 0, a lower bound: leakCost 75. CN: red at home, redHome.
    // gap = 102.825 − 75 = 27.825; otherDutiesPart = min(27.825, max(0, 102.825 − 75)) = 27.825,
    // floorPart = 27.825 − 27.825 = 0. India's real duty can only raise its 75 and shrink the gap;
    // the floor adds nothing inside whatever it is, so floorPart stays 0 and the gap is all duties.
    const body = {
      mineral: 'ndfeb-magnet',
      asOf: '2026-01-15',
      redPrice: usd('75'),
      bluePrice: usd('120'),
      floor: usd('16'),
      destinations: ['US', 'IN', 'CN'],
    };
    const split = {
      destinations: ['IN'],
      redHome: ['CN'],
      insideCost: '102.8250',
      leakCost: '75.0000',
      downstreamCostGapPerUnit: '27.8250',
      floorPart: '0.0000',
      otherDutiesPart: '27.8250',
    };
    const post = await tiers(body);
    expect(row(post, 'US')).toMatchObject({ floorGapPerUnit: '0.0000', redLanded: '102.8250' });
    expect(post.leakage).toEqual(split);
    const query =
      'mineral=ndfeb-magnet&asOf=2026-01-15&redPrice=75&bluePrice=120&floor=16&per=kg&destinations=US,IN,CN';
    const get = (await (await call(`/v1/bloc-tiers?${query}`)).json()) as Tiers;
    expect(get.leakage).toEqual(split);
    // assume=no-duty counts India's duty as 0, as the figures already do: the same split.
    expect((await tiers({ ...body, assume: 'no-duty' })).leakage).toEqual(split);
  });
});

describe('bloc tiers: a blueOrigin in the red bloc is warned of, not silently priced as allied', () => {
  const body = {
    mineral: 'ndfeb-magnet',
    asOf: '2026-01-15',
    redPrice: usd('75'),
    bluePrice: usd('80'),
    floor: usd('110'),
    destinations: ['US'],
  };
  const warning = {
    code: 'blue-origin-red',
    detail:
      'blueOrigin CN is in the red bloc on 2026-01-15: the answer treats red-bloc goods as the allied (blue) track, which never pays the floor-gap duty, so they escape the floor. Name an allied origin for the blue offer, or leave blueOrigin out (blue supply duty-free).',
    rowIds: ['membership:CN'],
  };

  it('blue from CN into the US: 200, with blue-origin-red (before: no warning at all)', async () => {
    // Red 75 × 1.371 = 102.825, floor duty 110 − 102.825 = 7.175, red lands at 110. "Blue" from CN
    // pays the same 37.1%: 80 × 1.371 = 109.68 < 110, so Chinese goods govern below the floor.
    const t = await tiers({ ...body, blueOrigin: 'CN' });
    expect(row(t, 'US')).toMatchObject({
      floorGapPerUnit: '7.1750',
      redLanded: '110.0000',
      blueLanded: '109.6800',
      cheapest: 'blue',
      tier: 'blue',
    });
    expect(t.meta.warnings).toEqual([warning]);
    const get = await call(
      '/v1/bloc-tiers?mineral=ndfeb-magnet&asOf=2026-01-15&redPrice=75&bluePrice=80&floor=110&per=kg&destinations=US&blueOrigin=CN',
    );
    expect(((await get.json()) as Tiers).meta.warnings).toEqual([warning]);
  });

  it('Hong Kong, in the red bloc with China, warns too; an allied origin (AU) does not', async () => {
    const hk = await tiers({ ...body, blueOrigin: 'HK' });
    expect(hk.meta.warnings.map((w) => w.code)).toContain('blue-origin-red');
    const au = await tiers({ ...body, blueOrigin: 'AU' });
    expect(au.meta.warnings.map((w) => w.code)).not.toContain('blue-origin-red');
  });
});
