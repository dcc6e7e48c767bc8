import { describe, expect, it } from 'vitest';
import { call, postJson, problemOf } from '../helpers';

const usd = (amount: string, per = 'kg') => ({ amount, currency: 'USD', per });

interface Flows {
  buyersExtraCost: string;
  producerGain: string;
  treasuryRevenue: string;
  governmentOutlay: string;
  netPublicCost: string;
}
interface Financing {
  meta: { warnings: { code: string; detail: string }[] };
  demand: { value: string; unit: string };
  domesticOutput: { value: string; unit: string };
  imports: { value: string; unit: string };
  border: Flows & Record<string, string>;
  producerSide: Flows & Record<string, string>;
  periods?: {
    period: number;
    marketPricePerUnit: string;
    discountFactor: string;
    border: Flows & Record<string, string>;
    producerSide: Flows & Record<string, string>;
  }[];
  presentValue?: { discountRate: string; border: Flows; producerSide: Flows };
}

async function financing(body: Record<string, unknown>): Promise<Financing> {
  const response = await postJson('/v1/floor-financing', { asOf: '2026-11-21', ...body });
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as Financing;
}

// The worked case: floor 110, market 62, demand 5,000 t, domestic output 1,000 t (prices per kg).
const worked = {
  floor: usd('110'),
  marketPrice: usd('62'),
  demand: { value: '5000', unit: 't' },
  domesticOutput: { value: '1000', unit: 't' },
};

describe('POST /v1/floor-financing: like with like (demand 5,000 t, output 1,000 t)', () => {
  it('border floor: buyers 48 × 5,000,000 kg = 240,000,000.00; producer 48 × 1,000,000 = 48,000,000.00; treasury 48 × 4,000,000 = 192,000,000.00', async () => {
    const r = await financing(worked);
    expect(r.border).toMatchObject({
      dutyPerUnit: '48.0000',
      buyerPricePerUnit: '110.0000',
      buyersExtraCost: '240000000.00',
      producerGain: '48000000.00',
      treasuryRevenue: '192000000.00',
      governmentOutlay: '0.00',
      // 0 − 192,000,000: the public purse gains
      netPublicCost: '-192000000.00',
      buyersPay: '240000000.00',
      treasuryCollects: '192000000.00',
    });
    expect(r.imports).toEqual({ value: '4000000', unit: 'kg' });
  });

  it('producer-side floor: the government pays 48 × 1,000,000 = 48,000,000.00 and buyers 0.00', async () => {
    const r = await financing(worked);
    expect(r.producerSide).toMatchObject({
      topUpPerUnit: '48.0000',
      governmentOutlay: '48000000.00',
      governmentPays: '48000000.00',
      buyersExtraCost: '0.00',
      buyersPay: '0.00',
      producerGain: '48000000.00',
      treasuryRevenue: '0.00',
      netPublicCost: '48000000.00',
      buyerPricePerUnit: '62.0000',
      producerReceivesPerUnit: '110.0000',
    });
  });

  it('reported parts add up: buyers are the sum of the reported producer gain and treasury revenue', async () => {
    // gap 110 − 109.99 = 0.01; producer 0.01 × 0.5 kg = 0.005 → 0.01; treasury 0.01 × 0.5 = 0.005
    // → 0.01 (half-up); buyers 0.01 + 0.01 = 0.02, the sum of the parts as reported
    const r = await financing({
      floor: usd('110'),
      marketPrice: usd('109.99'),
      demand: { value: '1', unit: 'kg' },
      domesticOutput: { value: '0.5', unit: 'kg' },
    });
    expect(r.border.producerGain).toBe('0.01');
    expect(r.border.treasuryRevenue).toBe('0.01');
    expect(r.border.buyersExtraCost).toBe('0.02');
  });

  it('output above demand: the border floor pays the producer on the 500 t buyers take, 48 × 500,000 = 24,000,000.00, and says why', async () => {
    const r = await financing({ ...worked, demand: { value: '500', unit: 't' } });
    // imports max(0, 500 − 1,000) = 0; buyers 48 × 500,000 kg = 24,000,000.00, all of it the
    // producer's (it sells 500 t in the zone); treasury 0.00.
    expect(r.border).toMatchObject({
      buyersExtraCost: '24000000.00',
      producerGain: '24000000.00',
      treasuryRevenue: '0.00',
    });
    expect(r.meta.warnings.map((w) => w.code)).toContain('output-above-demand');
    // Output equal to demand (the worked case's 1,000 t both): no warning.
    const even = await financing({ ...worked, demand: { value: '1000000', unit: 'kg' } });
    expect(even.meta.warnings.map((w) => w.code)).not.toContain('output-above-demand');
    // A market of 120 above the floor of 110: no gap, nothing to say (every border figure 0.00).
    const above = await financing({
      ...worked,
      marketPrice: usd('120'),
      demand: { value: '500', unit: 't' },
    });
    expect(above.border.producerGain).toBe('0.00');
    expect(above.meta.warnings.map((w) => w.code)).not.toContain('output-above-demand');
  });
});

describe('POST /v1/floor-financing: a price path, present values and the upside from a period', () => {
  it('path 62, 130, 130 at 25% with 30% of the upside from period 3: per period and discounted at 0.8, 0.64, 0.512', async () => {
    const r = await financing({
      floor: usd('110'),
      pricePath: ['62', '130', usd('130')],
      quantity: { value: '1', unit: 't' },
      upsideShare: '0.3',
      upsideFromPeriod: 3,
      discountRate: '0.25',
    });
    expect(r.periods?.map((p) => p.discountFactor)).toEqual(['0.8', '0.64', '0.512']);
    // period 1: 48 × 1,000 = 48,000 paid; period 2: above the floor, nothing shared yet;
    // period 3: 0.3 × 20 × 1,000 = 6,000 collected
    expect(r.periods?.map((p) => p.producerSide.governmentOutlay)).toEqual([
      '48000.00',
      '0.00',
      '0.00',
    ]);
    expect(r.periods?.map((p) => p.producerSide.treasuryRevenue)).toEqual([
      '0.00',
      '0.00',
      '6000.00',
    ]);
    // nominal totals: outlay 48,000, revenue 6,000, net 42,000
    expect(r.producerSide).toMatchObject({
      governmentOutlay: '48000.00',
      treasuryRevenue: '6000.00',
      netPublicCost: '42000.00',
    });
    // present value: 48,000 × 0.8 = 38,400; 6,000 × 0.512 = 3,072; net 35,328
    expect(r.presentValue).toMatchObject({
      discountRate: '0.25',
      producerSide: {
        governmentOutlay: '38400.00',
        treasuryRevenue: '3072.00',
        netPublicCost: '35328.00',
        buyersExtraCost: '0.00',
      },
    });
    // border, quantity = demand = output: buyers pay the producer 48,000 in period 1, PV 38,400
    expect(r.presentValue?.border).toMatchObject({
      buyersExtraCost: '38400.00',
      producerGain: '38400.00',
      treasuryRevenue: '0.00',
    });
  });
});

describe('POST /v1/floor-financing: volumes', () => {
  it('quantity together with demand is a 422 at /demand', async () => {
    const problem = await problemOf(
      await postJson('/v1/floor-financing', {
        ...worked,
        quantity: { value: '1', unit: 't' },
      }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/demand');
  });

  it('demand without domesticOutput is a 422 at /domesticOutput', async () => {
    const problem = await problemOf(
      await postJson('/v1/floor-financing', {
        floor: usd('110'),
        marketPrice: usd('62'),
        demand: { value: '5000', unit: 't' },
      }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/domesticOutput');
  });

  it('neither a market price nor a path is a 422 at /marketPrice', async () => {
    const problem = await problemOf(
      await postJson('/v1/floor-financing', {
        floor: usd('110'),
        quantity: { value: '1', unit: 't' },
      }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/marketPrice');
  });
});

describe('POST /v1/floor-financing: a floor per lb with the market price and volumes in kg, each money figure the exact value rounded once', () => {
  // Per lb: F = 0.90718474 (2 per kg), M = 1.5 × 0.45359237 = 0.680388555, so the gap is
  // 0.90718474 − 0.680388555 = 0.226796185 per lb. 0.25 kg = 0.25 / 0.45359237 lb, so the gap on
  // it is 0.226796185 × 0.25 / 0.45359237 = (2 − 1.5) × 0.25 = 0.125 exactly: a tie at the cent.
  const perLb = {
    floor: usd('0.90718474', 'lb'),
    marketPrice: usd('1.5'),
    demand: { value: '0.25', unit: 'kg' },
    domesticOutput: { value: '0.25', unit: 'kg' },
  };

  it('buyers pay 0.125 → 0.13 at the border, the government 0.125 → 0.13 producer-side (half-up), not a hair under the tie', async () => {
    const r = await financing(perLb);
    expect([r.border.buyersExtraCost, r.border.producerGain, r.border.treasuryRevenue]).toEqual([
      '0.13',
      '0.13',
      '0.00',
    ]);
    expect([r.producerSide.governmentOutlay, r.producerSide.producerGain]).toEqual([
      '0.13',
      '0.13',
    ]);
    // half-even keeps the even 2: the exact value is the tie itself
    const even = await financing({ ...perLb, rounding: 'half-even' });
    expect(even.border.buyersExtraCost).toBe('0.12');
  });

  it('the volumes in lb are written to 10 places, not 100 digits: 0.25 / 0.45359237 = 0.55115565546… → 0.5511556555', async () => {
    const r = await financing(perLb);
    expect(r.demand).toEqual({ value: '0.5511556555', unit: 'lb' });
    expect(r.domesticOutput).toEqual({ value: '0.5511556555', unit: 'lb' });
    expect(r.imports).toEqual({ value: '0', unit: 'lb' });
  });
});

describe('POST /v1/floor-financing: a benchmark contract shares its upside by its own terms', () => {
  type Answer = {
    producerSide: Record<string, string>;
    meta: { warnings: { code: string; detail: string }[] };
  };
  const finance = async (body: object) =>
    (await (
      await postJson('/v1/floor-financing', { asOf: '2026-11-21', ...body })
    ).json()) as Answer;

  it('dod-ndpr-floor: 30% of the price above 110 goes back to the government, by default', async () => {
    // period 1 at 62: top-up 110 − 62 = 48/kg × 1,000,000 kg = 48,000,000.00, no upside;
    // period 2 at 130: upside 0.30 × (130 − 110) = 6/kg × 1,000,000 kg = 6,000,000.00;
    // net 48,000,000 − 6,000,000 = 42,000,000.00 (no discounting)
    const answer = await finance({
      benchmark: 'dod-ndpr-floor',
      pricePath: ['62', '130'],
      quantity: { value: '1000', unit: 't' },
    });
    expect(answer.producerSide).toMatchObject({
      governmentPays: '48000000.00',
      governmentCollects: '6000000.00',
      netPublicCost: '42000000.00',
    });
    expect(answer.meta.warnings.map((w) => w.code)).toContain('contract-terms');
  });

  it('"upsideShare": "0" leaves the sharing out, with no contract-terms warning', async () => {
    const answer = await finance({
      benchmark: 'dod-ndpr-floor',
      marketPrice: usd('130'),
      quantity: { value: '1000', unit: 't' },
      upsideShare: '0',
    });
    expect(answer.producerSide.governmentCollects).toBe('0.00');
    expect(answer.meta.warnings.map((w) => w.code)).not.toContain('contract-terms');
  });

  it('lynas-jare-ndpr-floor shares above 150, not above its 110 floor; its yearly cap is said, not applied', async () => {
    // upside 0.30 × (160 − 150) = 3/kg × 1,000,000 kg = 3,000,000.00
    const answer = await finance({
      benchmark: 'lynas-jare-ndpr-floor',
      marketPrice: usd('160'),
      quantity: { value: '1000', unit: 't' },
    });
    expect(answer.producerSide.governmentCollects).toBe('3000000.00');
    const terms = answer.meta.warnings.find((w) => w.code === 'contract-terms');
    expect(terms?.detail).toContain('above 150 USD/kg');
    expect(terms?.detail).toContain('is not applied');
  });

  it('an explicit floor shares nothing unless asked; upsideAbove sets the threshold', async () => {
    const plain = await finance({
      floor: usd('110'),
      marketPrice: usd('160'),
      quantity: { value: '1000', unit: 't' },
    });
    expect(plain.producerSide.governmentCollects).toBe('0.00');
    // 0.5 × (160 − 140) = 10/kg × 1,000,000 kg = 10,000,000.00
    const shared = await finance({
      floor: usd('110'),
      marketPrice: usd('160'),
      quantity: { value: '1000', unit: 't' },
      upsideShare: '0.5',
      upsideAbove: usd('140'),
    });
    expect(shared.producerSide.governmentCollects).toBe('10000000.00');
  });
});

describe('GET /v1/floor-financing: the same from a query string', () => {
  it('the worked case as CSV: gap 110 − 62 = 48; buyers 48 × 5,000,000 kg, producer 48 × 1,000,000 kg, treasury 48 × 4,000,000 kg', async () => {
    const response = await call(
      '/v1/floor-financing?floor=110&marketPrice=62&per=kg&demand=5000&domesticOutput=1000&unit=t&asOf=2026-11-21&format=csv',
    );
    expect(await response.text()).toBe(
      'per,floorPerUnit,marketPricePerUnit,demand,domesticOutput,borderDutyPerUnit,buyersPay,treasuryCollects,borderProducerGain,governmentPays,governmentCollects,governmentNet,currency,asOf,warnings\r\n' +
        'kg,110.0000,62.0000,5000000,1000000,48.0000,240000000.00,192000000.00,48000000.00,48000000.00,0.00,48000000.00,USD,2026-11-21,\r\n',
    );
  });

  it('a price path with the DoD contract: 48,000,000 paid at 62, 0.30 × 20 × 1,000,000 = 6,000,000 back at 130; net 42,000,000.00', async () => {
    const response = await call(
      '/v1/floor-financing?benchmark=dod-ndpr-floor&pricePath=62,130&per=kg&quantity=1000&unit=t&asOf=2026-11-21&format=text&field=governmentNet',
    );
    expect(await response.text()).toBe('42000000.00');
  });

  // Path 62, 80, 120 per kg; floor 110; D = 5,000 t = 5,000,000 kg, Q = 1,000,000 kg, imports
  // 4,000,000 kg; 30% of the upside above 110; r = 0.05.
  // Period 1: gap 48 → buyers 48 × 5,000,000 = 240,000,000.00, treasury 48 × 4,000,000 =
  //   192,000,000.00, producer 48 × 1,000,000 = 48,000,000.00 = government pays; factor 1 / 1.05 =
  //   0.95238095… → 0.952381.
  // Period 2: gap 30 → 150,000,000.00, 120,000,000.00, 30,000,000.00; 1 / 1.1025 = 0.90702947… →
  //   0.907029.
  // Period 3: no gap; upside 0.3 × (120 − 110) = 3.0000 per kg → the government collects
  //   3 × 1,000,000 = 3,000,000.00, net −3,000,000.00; 1 / 1.157625 = 0.86383759… → 0.863838.
  // Total: buyers 390,000,000.00, treasury 312,000,000.00, producer 78,000,000.00, government
  //   pays 78,000,000.00, collects 3,000,000.00, net 78,000,000 − 3,000,000 = 75,000,000.00.
  // Present value: buyers 240,000,000 / 1.05 + 150,000,000 / 1.1025 = 228,571,428.571… +
  //   136,054,421.768… = 364,625,850.34; treasury 182,857,142.857… + 108,843,537.414… =
  //   291,700,680.27; producer 45,714,285.714… + 27,210,884.353… = 72,925,170.07 (= government
  //   pays); collects 3,000,000 / 1.157625 = 2,591,512.7955… = 2,591,512.80; net 72,925,170.07 −
  //   2,591,512.80 = 70,333,657.27.
  const path =
    '/v1/floor-financing?floor=110&per=kg&pricePath=62,80,120&demand=5000&domesticOutput=1000&unit=t&discountRate=0.05&upsideShare=0.3&asOf=2026-11-21';

  it('a price path as CSV: a row per period, then the totals and the present values at 5%', async () => {
    const response = await call(`${path}&format=csv`);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.text()).toBe(
      [
        'period,per,floorPerUnit,marketPricePerUnit,discountRate,discountFactor,demand,domesticOutput,borderDutyPerUnit,buyersPay,treasuryCollects,borderProducerGain,upsidePerUnit,governmentPays,governmentCollects,governmentNet,currency,asOf,warnings',
        '1,kg,110.0000,62.0000,0.05,0.952381,5000000,1000000,48.0000,240000000.00,192000000.00,48000000.00,0.0000,48000000.00,0.00,48000000.00,USD,2026-11-21,',
        '2,kg,110.0000,80.0000,0.05,0.907029,5000000,1000000,30.0000,150000000.00,120000000.00,30000000.00,0.0000,30000000.00,0.00,30000000.00,USD,2026-11-21,',
        '3,kg,110.0000,120.0000,0.05,0.863838,5000000,1000000,0.0000,0.00,0.00,0.00,3.0000,0.00,3000000.00,-3000000.00,USD,2026-11-21,',
        'total,kg,110.0000,,0.05,,5000000,1000000,,390000000.00,312000000.00,78000000.00,,78000000.00,3000000.00,75000000.00,USD,2026-11-21,',
        'presentValue,kg,110.0000,,0.05,,5000000,1000000,,364625850.34,291700680.27,72925170.07,,72925170.07,2591512.80,70333657.27,USD,2026-11-21,',
        '',
      ].join('\r\n'),
    );
  });

  it('a price path as text: the present values are fields of their own, the totals keep their names', async () => {
    const text = async (field: string) => {
      const response = await call(`${path}&format=text&field=${field}`);
      expect(response.status, await response.clone().text()).toBe(200);
      return response.text();
    };
    expect(await text('presentValueBuyersPay')).toBe('364625850.34');
    expect(await text('presentValueTreasuryCollects')).toBe('291700680.27');
    expect(await text('presentValueBorderProducerGain')).toBe('72925170.07');
    expect(await text('presentValueGovernmentPays')).toBe('72925170.07');
    expect(await text('presentValueGovernmentCollects')).toBe('2591512.80');
    expect(await text('presentValueGovernmentNet')).toBe('70333657.27');
    expect(await text('buyersPay')).toBe('390000000.00');
    expect(await text('discountRate')).toBe('0.05');
    // No single market price: "none", never a blank or a 0.
    expect(await text('marketPricePerUnit')).toBe('none');
  });

  it('one market price has no present-value fields: asking for one is a 422 naming field', async () => {
    const problem = await problemOf(
      await call(
        '/v1/floor-financing?floor=110&marketPrice=62&per=kg&quantity=1000&unit=t&format=text&field=presentValueBuyersPay',
      ),
      422,
    );
    expect(problem.errors?.map((e) => e.parameter)).toEqual(['field']);
  });

  it('volumes without a unit are a 422 naming unit', async () => {
    const problem = await problemOf(
      await call(
        '/v1/floor-financing?floor=110&marketPrice=62&per=kg&demand=5000&domesticOutput=1000',
      ),
      422,
    );
    // `unit` fills both volumes (demand and domesticOutput): one parameter left out, one problem.
    expect(problem.errors?.map((e) => e.parameter)).toEqual(['unit']);
  });
});

/**
 * `fx` and `vat` as in every calculator: a market price quoted in another currency is restated
 * with `fx`, and a VAT included in the market quote (a Chinese domestic price incl. 13% VAT) is
 * taken out first. The floor is a policy price, ex-VAT: `vat` never touches it (nor `upsideAbove`).
 */
describe('floor financing: fx and vat on the market price, not on the floor', () => {
  it('POST: 452 CNY incl. 13% VAT → 400 CNY × 0.155 = 62 USD; the 110 USD floor as given', async () => {
    // 452 / 1.13 = 400 CNY; 400 × 0.155 = 62.00 USD per kg; gap 110 − 62 = 48: the worked case
    const r = (await financing({
      ...worked,
      marketPrice: { amount: '452', currency: 'CNY', per: 'kg' },
      fx: { CNY: '0.155' },
      vat: '0.13',
    })) as Financing & { floorPerUnit: string; marketPricePerUnit: string };
    expect([r.floorPerUnit, r.marketPricePerUnit]).toEqual(['110.0000', '62.0000']);
    expect(r.border).toMatchObject({
      dutyPerUnit: '48.0000',
      buyersPay: '240000000.00',
      producerGain: '48000000.00',
      treasuryCollects: '192000000.00',
    });
    expect(r.producerSide.governmentPays).toBe('48000000.00');
  });

  it('POST: every price of a path is a quote: 113 and 169.5 incl. VAT are 100 and 150', async () => {
    // 113 / 1.13 = 100, 169.5 / 1.13 = 150; floor 110, output 1,000 t:
    // period 1 top-up (110 − 100) × 1,000,000 = 10,000,000.00; period 2 none
    const r = await financing({
      floor: usd('110'),
      pricePath: ['113', '169.5'],
      quantity: { value: '1000', unit: 't' },
      vat: '0.13',
    });
    expect(r.periods?.map((p) => p.marketPricePerUnit)).toEqual(['100.0000', '150.0000']);
    expect(r.producerSide.governmentPays).toBe('10000000.00');
  });

  it('GET: marketPrice 62 incl. 13% VAT is 54.867256…; the gap on 1,000 t is carried, not cut', async () => {
    // 62 / 1.13 = 54.8672566371…; gap 110 − 54.8672566371… = 55.1327433628…;
    // × 1,000,000 kg = 55,132,743.3628… → 55,132,743.36
    const response = await call(
      '/v1/floor-financing?floor=110&marketPrice=62&per=kg&quantity=1000&unit=t&asOf=2026-11-21&format=text&vat=0.13',
    );
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.text()).toBe('55132743.36');
  });

  it('GET: marketCurrency and floorCurrency with fx: 452 CNY incl. VAT and a 704 CNY floor (ex-VAT)', async () => {
    // market 452 / 1.13 = 400 CNY × 0.15625 = 62.5 USD; floor 704 CNY × 0.15625 = 110 USD (no VAT
    // taken out of it); gap 110 − 62.5 = 47.5: buyers 47.5 × 5,000,000 kg = 237,500,000.00,
    // producer 47.5 × 1,000,000 = 47,500,000.00, treasury 47.5 × 4,000,000 = 190,000,000.00
    const response = await call(
      '/v1/floor-financing?floor=704&floorCurrency=CNY&marketPrice=452&marketCurrency=CNY&fx=CNY:0.15625&vat=0.13&per=kg&demand=5000&domesticOutput=1000&unit=t&asOf=2026-11-21&format=csv',
    );
    expect(await response.text()).toBe(
      'per,floorPerUnit,marketPricePerUnit,demand,domesticOutput,borderDutyPerUnit,buyersPay,treasuryCollects,borderProducerGain,governmentPays,governmentCollects,governmentNet,currency,asOf,warnings\r\n' +
        'kg,110.0000,62.5000,5000000,1000000,47.5000,237500000.00,190000000.00,47500000.00,47500000.00,0.00,47500000.00,USD,2026-11-21,\r\n',
    );
  });

  it('GET: a price path in marketCurrency', async () => {
    // 113 CNY / 1.13 = 100 CNY × 0.5 = 50 USD; floor 110: top-up 60 × 1,000,000 kg = 60,000,000.00
    const response = await call(
      '/v1/floor-financing?floor=110&pricePath=113&marketCurrency=CNY&fx=CNY:0.5&vat=0.13&per=kg&quantity=1000&unit=t&asOf=2026-11-21&format=text&field=governmentPays',
    );
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.text()).toBe('60000000.00');
  });
});
