import { describe, expect, it } from 'vitest';
import { call, postJson, problemOf } from '../helpers';

const usd = (amount: string, per = 'kg') => ({ amount, currency: 'USD', per });

interface ContentFloor {
  lines: { mineral: string; oxideKgPerUnit: string; gapPerKgOxide: string; dutyPerUnit: string }[];
  dutyPerUnit: string;
  adValoremEquivalent: string | null;
  impliedFloorPerUnit: string;
  stageLeak: { stage: string; floorPerUnit: string; leakPerUnit: string } | null;
  meta: { warnings: { code: string; detail: string }[] };
}

const magnet = {
  stage: 'magnet',
  price: usd('60'),
  content: [{ mineral: 'ndpr-oxide', kgPerUnit: '0.30', form: 'metal', metalPerOxide: '0.85' }],
};
const oxideFloor = { mineral: 'ndpr-oxide', stage: 'oxide', price: usd('110') };
const redOxide = { mineral: 'ndpr-oxide', price: usd('75') };

async function contentFloor(body: Record<string, unknown>): Promise<ContentFloor> {
  const response = await postJson('/v1/content-floor', { asOf: '2026-11-21', ...body });
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as ContentFloor;
}

describe('POST /v1/content-floor: an NdPr oxide floor carried into a magnet', () => {
  it('the worked case: 0.30 / 0.85 = 0.352941 kg oxide per kg of magnet, duty 0.352941… × (110 − 75) = 12.3529', async () => {
    const r = await contentFloor({ product: magnet, floors: [oxideFloor], redPrices: [redOxide] });
    expect(r.lines).toEqual([
      expect.objectContaining({
        mineral: 'ndpr-oxide',
        oxideKgPerUnit: '0.352941',
        gapPerKgOxide: '35.0000',
        // 0.30 × 35 / 0.85 = 10.5 / 0.85 = 12.35294…
        dutyPerUnit: '12.3529',
      }),
    ]);
    expect(r.dutyPerUnit).toBe('12.3529');
    // 12.35294… / 60 = 0.205882…
    expect(r.adValoremEquivalent).toBe('0.205882');
    // 60 + 12.3529
    expect(r.impliedFloorPerUnit).toBe('72.3529');
    expect(r.stageLeak).toBeNull();
    expect(r.meta.warnings).toEqual([]);
  });

  it('a magnet-stage floor above the implied floor is not charged, and a warning says so: 80 > 60 + 12.3529 = 72.3529', async () => {
    const r = await contentFloor({
      product: magnet,
      floors: [oxideFloor, { mineral: 'ndfeb-magnet', stage: 'magnet', price: usd('80') }],
      redPrices: [redOxide],
    });
    // the content duty alone, as in the worked case; no leak (80 is not lower than 72.3529)
    expect(r.dutyPerUnit).toBe('12.3529');
    expect(r.impliedFloorPerUnit).toBe('72.3529');
    expect(r.stageLeak).toBeNull();
    expect(r.meta.warnings).toEqual([
      {
        code: 'product-stage-floor',
        detail:
          "The magnet floor 80.0000 is above the implied floor 72.3529 and not charged here; POST /v1/floor-gap prices a duty on the product's own price.",
      },
    ]);
  });

  it('a metal product under a metal floor: 140 is above the implied 90 + 0 (no upstream floor, duty 0.0000), said in a warning', async () => {
    const r = await contentFloor({
      product: {
        stage: 'metal',
        price: usd('90'),
        content: [{ mineral: 'ndpr-oxide', kgPerUnit: '1', form: 'metal', metalPerOxide: '0.85' }],
      },
      floors: [{ mineral: 'ndpr-oxide', stage: 'metal', price: usd('140') }],
      redPrices: [{ mineral: 'ndpr-oxide', price: usd('90') }],
    });
    expect(r.dutyPerUnit).toBe('0.0000');
    expect(r.impliedFloorPerUnit).toBe('90.0000');
    expect(r.meta.warnings.map((w) => w.code)).toEqual(['product-stage-floor']);
    expect(r.meta.warnings[0]?.detail).toContain(
      'metal floor 140.0000 is above the implied floor 90.0000',
    );
  });

  it('a stage floor equal to the implied floor neither leaks nor warns: 72.3529 = 60 + 12.3529', async () => {
    const r = await contentFloor({
      product: magnet,
      floors: [oxideFloor, { mineral: 'ndfeb-magnet', stage: 'magnet', price: usd('72.3529') }],
      redPrices: [redOxide],
    });
    expect(r.stageLeak).toBeNull();
    expect(r.meta.warnings).toEqual([]);
  });

  it('floors and red prices of minerals not in the content are named in one warning, and change nothing', async () => {
    const r = await contentFloor({
      product: magnet,
      floors: [oxideFloor, { mineral: 'dy-oxide', stage: 'oxide', price: usd('300') }],
      redPrices: [
        redOxide,
        { mineral: 'dy-oxide', price: usd('200') },
        { mineral: 'tb-oxide', price: usd('900') },
      ],
    });
    // the worked case's duty: 0.30 × (110 − 75) / 0.85 = 12.3529
    expect(r.dutyPerUnit).toBe('12.3529');
    expect(r.meta.warnings).toEqual([
      {
        code: 'not-in-content',
        detail:
          'Floors and red prices of minerals not in the content are not applied: dy-oxide, tb-oxide.',
      },
    ]);
  });

  it('a lower floor at the magnet stage leaks: 72.3529 − 70 = 2.3529 per kg', async () => {
    const r = await contentFloor({
      product: magnet,
      floors: [oxideFloor, { mineral: 'ndfeb-magnet', stage: 'magnet', price: usd('70') }],
      redPrices: [redOxide],
    });
    expect(r.stageLeak).toEqual({
      stage: 'magnet',
      floorPerUnit: '70.0000',
      leakPerUnit: '2.3529',
    });
  });

  it('a leak hidden by rounding is not reported as negative: price 100.00004, duty 0.00001 kg × (79 − 75) = 0.00004, magnet floor 100.00005 → implied 100.0000 + 0.0000 = 100.0000 is not above 100.0001: stageLeak null', async () => {
    const r = await contentFloor({
      product: {
        stage: 'magnet',
        price: usd('100.00004'),
        content: [{ mineral: 'ndpr-oxide', kgPerUnit: '0.00001', form: 'oxide' }],
      },
      floors: [
        { ...oxideFloor, price: usd('79') },
        { mineral: 'ndfeb-magnet', stage: 'magnet', price: usd('100.00005') },
      ],
      redPrices: [redOxide],
    });
    expect(r.dutyPerUnit).toBe('0.0000');
    expect(r.impliedFloorPerUnit).toBe('100.0000');
    // before: stageLeak { floorPerUnit: "100.0001", leakPerUnit: "-0.0001" }
    expect(r.stageLeak).toBeNull();
  });

  it('per t of oxide: a 110,000 USD/t floor is 110/kg, the same duty', async () => {
    const r = await contentFloor({
      product: magnet,
      floors: [{ ...oxideFloor, price: usd('110000', 't') }],
      redPrices: [{ ...redOxide, price: usd('75000', 't') }],
    });
    expect(r.dutyPerUnit).toBe('12.3529');
  });
});

describe('POST /v1/content-floor: stages are converted or refused, never silently applied', () => {
  it('a floor set at the concentrate stage cannot be carried into a magnet: 422 at its stage', async () => {
    const problem = await problemOf(
      await postJson('/v1/content-floor', {
        product: magnet,
        floors: [{ ...oxideFloor, stage: 'concentrate' }],
        redPrices: [redOxide],
      }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/floors/0/stage');
  });

  it('a red price at the metal stage against an oxide floor is a 422, not a gap between stages', async () => {
    const problem = await problemOf(
      await postJson('/v1/content-floor', {
        product: magnet,
        floors: [oxideFloor],
        redPrices: [{ ...redOxide, stage: 'metal' }],
      }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/redPrices/0/stage');
  });

  it('metal content without metalPerOxide is a 422: no conversion is assumed', async () => {
    const problem = await problemOf(
      await postJson('/v1/content-floor', {
        product: {
          ...magnet,
          content: [{ mineral: 'ndpr-oxide', kgPerUnit: '0.30', form: 'metal' }],
        },
        floors: [oxideFloor],
        redPrices: [redOxide],
      }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/product/content/0/metalPerOxide');
  });
});

describe('GET /v1/content-floor: one content line from a query string', () => {
  const magnetQuery =
    '/v1/content-floor?stage=magnet&price=60&per=kg&mineral=ndpr-oxide&kgPerUnit=0.30&form=metal&metalPerOxide=0.85&floor=110&floorStage=oxide&redPrice=75&asOf=2026-11-21';

  it('the worked case as CSV: oxide 0.30 / 0.85 = 0.352941… kg; duty × (110 − 75) = 12.3529; AVE 12.352941… / 60 = 0.205882; implied 60 + 12.3529 = 72.3529', async () => {
    const response = await call(`${magnetQuery}&format=csv`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      'per,stage,productPricePerUnit,dutyPerUnit,adValoremEquivalent,impliedFloorPerUnit,stageLeakPerUnit,currency\r\n' +
        'kg,magnet,60.0000,12.3529,0.205882,72.3529,,USD\r\n',
    );
  });

  it('text gives the content duty per unit of product; a magnet-stage floor of 70 leaks 72.3529 − 70 = 2.3529', async () => {
    expect(await (await call(`${magnetQuery}&format=text`)).text()).toBe('12.3529');
    const leak = await call(`${magnetQuery}&productFloor=70&format=text&field=stageLeakPerUnit`);
    expect(await leak.text()).toBe('2.3529');
  });

  it('a floor per t restated per kg of oxide: 110,000 USD/t = 110/kg, the same duty 12.3529', async () => {
    const response = await call(
      `${magnetQuery.replace('floor=110', 'floor=110000&floorPer=t')}&format=text`,
    );
    expect(await response.text()).toBe('12.3529');
  });

  it('the floor’s stage is never assumed: without floorStage a 422 names it', async () => {
    const problem = await problemOf(await call(magnetQuery.replace('&floorStage=oxide', '')), 422);
    expect(problem.errors).toContainEqual({
      pointer: '/floors/0/stage',
      parameter: 'floorStage',
      detail: 'is required',
    });
  });

  it('a concentrate floor is refused at floorStage, not converted', async () => {
    const problem = await problemOf(
      await call(magnetQuery.replace('floorStage=oxide', 'floorStage=concentrate')),
      422,
    );
    expect(problem.errors?.[0]?.parameter).toBe('floorStage');
  });
});
