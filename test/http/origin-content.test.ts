import { describe, expect, it } from 'vitest';
import { call, postJson, problemOf } from '../helpers';

interface Content {
  redShare: string;
  shares: { red: string; blue: string; grey: string };
  chinaContentValue: string;
  chinaContentShare: string;
  chinaLicenceRequired: boolean;
  chinaLicenceBasis: string;
  qualifiesAsBlue: boolean;
  minBlueShare: string;
}

async function content(body: Record<string, unknown>): Promise<Content> {
  const response = await postJson('/v1/origin-content', body);
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as Content;
}

const product = { amount: '100000', currency: 'USD' };

describe('POST /v1/origin-content: shares never round across a threshold', () => {
  it('99.99 of Chinese Dy in a 100,000 product is 0.0009999 of its value, below 0.1%: no licence', async () => {
    const r = await content({
      productValue: product,
      components: [{ mineral: 'dy-oxide', origin: 'CN', value: '99.99' }],
      maxRedShare: '0.05',
      asOf: '2026-11-21',
    });
    // 99.99 / 100,000 = 0.0009999 (6 places would print 0.001, the threshold itself)
    expect(r.chinaContentShare).toBe('0.0009999');
    expect(r.chinaLicenceRequired).toBe(false);
  });

  it('the red share of the same 99.99 reads as China’s content share does, not 0.001', async () => {
    // with the default maxRedShare 0 the red share is tested against nothing near 0.001, but it is
    // the same figure as the China content share beside the 0.001 licence threshold:
    // 99.99 / 100,000 = 0.0009999 in redShare, shares.red and chinaContentShare alike
    const r = await content({
      productValue: product,
      components: [{ mineral: 'dy-oxide', origin: 'CN', value: '99.99' }],
      asOf: '2026-03-01',
    });
    expect([r.redShare, r.shares.red, r.chinaContentShare]).toEqual([
      '0.0009999',
      '0.0009999',
      '0.0009999',
    ]);
  });

  it('a share on the far side of the 0.5 allied minimum is not rounded onto it: 49,999.99 / 100,000 = 0.4999999', async () => {
    const r = await content({
      productValue: product,
      components: [{ mineral: 'nd-oxide', origin: 'AU', value: '49999.99' }],
      asOf: '2026-11-21',
    });
    expect(r.shares.blue).toBe('0.4999999');
    expect(r.qualifiesAsBlue).toBe(false);
  });
});

describe('POST /v1/origin-content: allied content, not just no red content', () => {
  it('Vietnamese (grey) content is not allied: 60,000 of VN content qualifies nothing as blue', async () => {
    const r = await content({
      productValue: product,
      components: [{ mineral: 'nd-oxide', origin: 'VN', value: '60000' }],
      asOf: '2026-11-21',
    });
    expect(r.shares).toEqual({ red: '0', blue: '0', grey: '0.6' });
    expect(r.minBlueShare).toBe('0.5');
    expect(r.qualifiesAsBlue).toBe(false);
  });

  it('50,000 of Australian content is the 0.5 default minimum: blue', async () => {
    const r = await content({
      productValue: product,
      components: [{ mineral: 'nd-oxide', origin: 'AU', value: '50000' }],
      asOf: '2026-11-21',
    });
    expect(r.shares.blue).toBe('0.5');
    expect(r.qualifiesAsBlue).toBe(true);
  });

  it('minBlueShare lowers the bar: 3,000 / 100,000 = 0.03 ≥ 0.03', async () => {
    const r = await content({
      productValue: product,
      components: [{ mineral: 'nd-oxide', origin: 'AU', value: '3000' }],
      minBlueShare: '0.03',
      asOf: '2026-11-21',
    });
    expect(r.qualifiesAsBlue).toBe(true);
  });
});

describe('POST /v1/origin-content: what the licence answer rests on', () => {
  const chinese = (asOf: string) =>
    content({
      productValue: product,
      components: [{ mineral: 'dy-oxide', origin: 'CN', value: '500' }],
      asOf,
    });

  it('2026-03-01: inside MOFCOM No. 70’s suspension, no licence (basis suspended)', async () => {
    const r = await chinese('2026-03-01');
    expect(r.chinaLicenceRequired).toBe(false);
    expect(r.chinaLicenceBasis).toBe('suspended');
  });

  it('2026-11-21, past the date the suspension is known to: the legal default (licence) is assumed', async () => {
    const r = await chinese('2026-11-21');
    // 500 / 100,000 = 0.005 ≥ 0.001
    expect(r.chinaLicenceRequired).toBe(true);
    expect(r.chinaLicenceBasis).toBe('assumed');
    expect(
      (r as Content & { chinaRule: { state: string; reason: string } }).chinaRule,
    ).toMatchObject({
      state: 'assumed',
      reason:
        'suspension ended 2026-11-10; what followed is not known; the legal default is assumed',
    });
  });

  it('2025-11-01, before the value rule takes effect (2025-12-01) and before No. 70’s suspension: no licence, basis not-in-force', async () => {
    // 500 / 100,000 = 0.005 ≥ 0.001, yet no rule requires a licence on that date
    const r = (await chinese('2025-11-01')) as Content & {
      chinaRule: { state: string; reason: string };
    };
    expect(r.chinaLicenceRequired).toBe(false);
    expect(r.chinaLicenceBasis).toBe('not-in-force'); // was 'in-force' while the rule was not
    expect(r.chinaRule).toMatchObject({
      state: 'not-yet-in-force',
      reason: 'takes effect on 2025-12-01',
    });
  });

  it('2025-11-20, inside No. 70’s suspension (2025-11-07 to 2026-11-10) before the rule’s start: basis suspended', async () => {
    // 500 / 100,000 = 0.005 ≥ 0.001, yet the rule is suspended (and not yet in force)
    const r = (await chinese('2025-11-20')) as Content & {
      chinaRule: { state: string; reason: string };
    };
    expect(r.chinaLicenceRequired).toBe(false);
    expect(r.chinaLicenceBasis).toBe('suspended'); // was 'in-force'
    expect(r.chinaRule).toMatchObject({
      state: 'not-yet-in-force',
      reason:
        'takes effect on 2025-12-01, inside its suspension 2025-11-07 to 2026-11-10 (MOFCOM Announcement No. 70 [2025])',
    });
  });

  it('2025-06-01, long before the rule: basis not-in-force (was in-force)', async () => {
    const r = await chinese('2025-06-01');
    expect([r.chinaLicenceRequired, r.chinaLicenceBasis]).toEqual([false, 'not-in-force']);
  });

  it('GET 2025-11-01: the CSV and text forms say not-in-force too', async () => {
    // 500 / 100,000 = 0.005
    const query =
      '/v1/origin-content?productValue=100000&components=dy-oxide:CN:500&asOf=2025-11-01';
    expect(await (await call(`${query}&format=csv`)).text()).toBe(
      'redValue,redShare,blueShare,greyShare,chinaContentShare,chinaLicenceRequired,chinaLicenceBasis,qualifiesAsBlue,asOf,warnings,currency\r\n' +
        '500.00,0.005,0,0,0.005,false,not-in-force,false,2025-11-01,,USD\r\n',
    );
    expect(await (await call(`${query}&format=text&field=chinaLicenceBasis`)).text()).toBe(
      'not-in-force',
    );
    // inside the suspension the bare forms say suspended, never "true"
    const suspended = query.replace('2025-11-01', '2025-11-20');
    expect(await (await call(`${suspended}&format=text`)).text()).toBe('false');
    expect(await (await call(`${suspended}&format=text&field=chinaLicenceBasis`)).text()).toBe(
      'suspended',
    );
  });
});

describe('POST /v1/origin-content: a magnet’s controlled content by element grade', () => {
  const magnet = (grade?: Record<string, string>) =>
    content({
      productValue: { amount: '1000000', currency: 'USD' },
      components: [
        {
          mineral: 'ndfeb-magnet',
          origin: 'CN',
          value: '10000',
          ...(grade === undefined ? {} : { grade }),
        },
      ],
      maxRedShare: '0.05',
      asOf: '2026-11-21',
    });

  it('more grades than there are elements is one problem at the map, not one per entry: 5,000 > 118', async () => {
    const grade = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`q${i}`, '-1']));
    const response = await postJson('/v1/origin-content', {
      productValue: { amount: '1000000', currency: 'USD' },
      components: [{ mineral: 'ndfeb-magnet', origin: 'CN', value: '10000', grade }],
    });
    const problem = await problemOf(response, 422);
    expect(problem.errors).toEqual([
      { pointer: '/components/0/grade', detail: 'must have at most 118 elements (got 5000)' },
    ]);
  });

  it('with grades, only Dy counts: 10,000 × 0.08 = 800; 800 / 1,000,000 = 0.0008 < 0.1%, no licence', async () => {
    const r = await magnet({ Dy: '0.08', Nd: '0.5' });
    expect(r.chinaContentValue).toBe('800.00');
    expect(r.chinaContentShare).toBe('0.0008');
    expect(r.chinaLicenceRequired).toBe(false);
  });

  it('without grades the whole magnet counts: 10,000 / 1,000,000 = 0.01, a licence (assumed)', async () => {
    const r = await magnet();
    expect(r.chinaContentShare).toBe('0.01');
    expect(r.chinaLicenceRequired).toBe(true);
  });

  it('a grade of an element the mineral does not contain is a 422 at its pointer', async () => {
    const problem = await problemOf(
      await postJson('/v1/origin-content', {
        productValue: product,
        components: [{ mineral: 'ndfeb-magnet', origin: 'CN', value: '10', grade: { Ga: '0.1' } }],
        asOf: '2026-11-21',
      }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/components/0/grade/Ga');
  });

  it('grades adding up to more than 1 are a 422', async () => {
    const problem = await problemOf(
      await postJson('/v1/origin-content', {
        productValue: product,
        components: [
          { mineral: 'ndfeb-magnet', origin: 'CN', value: '10', grade: { Nd: '0.7', Dy: '0.4' } },
        ],
        asOf: '2026-11-21',
      }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/components/0/grade');
  });
});

describe('origin content: thresholds are shares, echoed exactly', () => {
  const request = {
    productValue: product,
    components: [{ mineral: 'dy-oxide', origin: 'CN', value: '99.99' }],
    asOf: '2026-11-21',
  };

  it('maxRedShare 0.00099995 is echoed as sent, not rounded onto 0.001', async () => {
    const response = await postJson('/v1/origin-content', {
      ...request,
      maxRedShare: '0.00099995',
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as { maxRedShare: string }).maxRedShare).toBe('0.00099995');
  });

  it('a share above 1 is a 422 naming it', async () => {
    for (const field of ['maxRedShare', 'minBlueShare']) {
      const problem = await problemOf(
        await postJson('/v1/origin-content', { ...request, [field]: '2' }),
        422,
      );
      expect(problem.errors).toEqual([
        { pointer: `/${field}`, detail: 'must be a share from 0 to 1 (got "2")' },
      ]);
    }
  });
});

describe('GET /v1/origin-content: components as mineral:origin:value triples', () => {
  it('CSV past 2026-11-10 shows the licence as "true (assumed)": 100 / 100,000 = 0.001, the threshold itself', async () => {
    const response = await call(
      '/v1/origin-content?productValue=100000&components=dy-oxide:CN:100&asOf=2026-11-21&format=csv',
    );
    expect(await response.text()).toBe(
      'redValue,redShare,blueShare,greyShare,chinaContentShare,chinaLicenceRequired,chinaLicenceBasis,qualifiesAsBlue,asOf,warnings,currency\r\n' +
        '100.00,0.001,0,0,0.001,true (assumed),assumed,false,2026-11-21,suspension-ended data-horizon,USD\r\n',
    );
  });

  it('text: 99.99 / 100,000 = 0.0009999 is below 0.1%, and on 2026-03-01 the rule is suspended anyway', async () => {
    const share = await call(
      '/v1/origin-content?productValue=100000&components=dy-oxide:CN:99.99,nd-oxide:AU:3000&asOf=2026-03-01&format=text&field=chinaContentShare',
    );
    expect(await share.text()).toBe('0.0009999');
    const licence = await call(
      '/v1/origin-content?productValue=100000&components=dy-oxide:CN:99.99&asOf=2026-03-01&format=text',
    );
    expect(await licence.text()).toBe('false');
  });

  it('a triple without its value is a 422 naming components', async () => {
    const problem = await problemOf(
      await call('/v1/origin-content?productValue=100000&components=dy-oxide:CN'),
      422,
    );
    expect(problem.errors?.[0]).toMatchObject({
      pointer: '/components/0/value',
      parameter: 'components',
    });
  });
});

/**
 * `fx` and `vat` as in every calculator: a component valued in another currency is restated with
 * `fx` (units of the reporting currency per 1 unit of it), and a VAT included in the values is
 * taken out. One rate divides the product value and every component alike, so the shares (and the
 * licence and blue tests) are those of the values as quoted; what it changes are the money figures.
 */
describe('origin content: fx restates components valued in another currency; vat comes out of the values', () => {
  it('POST: 791 CNY and 56,500 AUD of content in a 113,000 USD product, all incl. 13% VAT', async () => {
    const response = await postJson('/v1/origin-content', {
      productValue: { amount: '113000', currency: 'USD' },
      components: [
        { mineral: 'dy-oxide', origin: 'CN', value: '791', currency: 'CNY' },
        { mineral: 'nd-oxide', origin: 'AU', value: '56500', currency: 'AUD' },
      ],
      fx: { CNY: '0.1390', AUD: '0.65' },
      vat: '0.13',
      asOf: '2026-11-21',
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const r = (await response.json()) as Content & {
      redValue: string;
      meta: { currency: string };
    };
    // ex-VAT: product 113,000 / 1.13 = 100,000 USD; Dy 791 / 1.13 = 700 CNY × 0.1390 = 97.30 USD;
    // Nd 56,500 / 1.13 = 50,000 AUD × 0.65 = 32,500 USD.
    // red 97.30 / 100,000 = 0.000973 < 0.001: no licence (read as 791 USD it would be 0.007);
    // blue 32,500 / 100,000 = 0.325 < 0.5: not blue
    expect(r).toMatchObject({
      redValue: '97.30',
      redShare: '0.000973',
      shares: { red: '0.000973', blue: '0.325', grey: '0' },
      chinaContentValue: '97.30',
      chinaContentShare: '0.000973',
      chinaLicenceRequired: false,
      qualifiesAsBlue: false,
    });
    expect(r.meta.currency).toBe('USD');
  });

  it('POST: vat leaves the shares as they are and takes VAT out of the money figures', async () => {
    const request = {
      productValue: { amount: '113000' },
      components: [{ mineral: 'dy-oxide', origin: 'CN', value: '113' }],
      asOf: '2026-11-21',
    };
    const quoted = await content(request);
    const exVat = (await content({ ...request, vat: '0.13' })) as Content & { redValue: string };
    // 113 / 113,000 = 0.001 either way (113 / 1.13 = 100 over 113,000 / 1.13 = 100,000): a licence;
    // the red value is 113 / 1.13 = 100.00 ex-VAT
    expect([quoted.chinaContentShare, exVat.chinaContentShare]).toEqual(['0.001', '0.001']);
    expect([quoted.chinaLicenceRequired, exVat.chinaLicenceRequired]).toEqual([true, true]);
    expect([exVat.redValue, exVat.chinaContentValue]).toEqual(['100.00', '100.00']);
  });

  it('POST: a top-level currency reports a product valued in another currency', async () => {
    // product 100,000 EUR × 1.08 = 108,000 USD; Dy 540 EUR (its product's currency) × 1.08 =
    // 583.20 USD; 583.20 / 108,000 = 0.0054
    const r = (await content({
      productValue: { amount: '100000', currency: 'EUR' },
      components: [{ mineral: 'dy-oxide', origin: 'CN', value: '540' }],
      currency: 'USD',
      fx: { EUR: '1.08' },
      asOf: '2026-11-21',
    })) as Content & { redValue: string; meta: { currency: string } };
    expect([r.redValue, r.chinaContentShare, r.meta.currency]).toEqual(['583.20', '0.0054', 'USD']);
  });

  it('a component in a currency fx has no rate for is a 422 at its currency', async () => {
    const problem = await problemOf(
      await postJson('/v1/origin-content', {
        productValue: product,
        components: [{ mineral: 'dy-oxide', origin: 'CN', value: '700', currency: 'CNY' }],
      }),
      422,
    );
    expect(problem.errors?.[0]?.pointer).toBe('/components/0/currency');
  });

  it('POST: the answer is in USD by default; a EUR product value needs fx.EUR or currency EUR', async () => {
    const request = {
      productValue: { amount: '1000', currency: 'EUR' },
      components: [{ mineral: 'dy-oxide', origin: 'CN', value: '1' }],
      asOf: '2026-03-01',
    };
    // no currency, no fx: one 422, at the product value's currency, naming EUR and both ways out
    // (was 200 in EUR)
    const problem = await problemOf(await postJson('/v1/origin-content', request), 422);
    expect(problem.errors).toEqual([
      {
        pointer: '/productValue/currency',
        detail:
          'is EUR but the answer is in USD (the default currency) and fx has no rate for EUR: ' +
          'add "fx": { "EUR": "<USD per 1 EUR>" }, or "currency": "EUR" to answer in EUR',
      },
    ]);
    // currency EUR: answered in EUR; 1 / 1,000 = 0.001, the threshold itself, suspended on 2026-03-01
    const inEur = (await content({ ...request, currency: 'EUR' })) as Content & {
      redValue: string;
      meta: { currency: string };
    };
    expect([inEur.redValue, inEur.chinaContentShare, inEur.meta.currency]).toEqual([
      '1.00',
      '0.001',
      'EUR',
    ]);
    // fx.EUR 1.08: answered in USD; 1,000 × 1.08 = 1,080 and 1 × 1.08 = 1.08 USD, 1.08 / 1,080 = 0.001
    const inUsd = (await content({ ...request, fx: { EUR: '1.08' } })) as Content & {
      redValue: string;
      meta: { currency: string };
    };
    expect([inUsd.redValue, inUsd.chinaContentShare, inUsd.meta.currency]).toEqual([
      '1.08',
      '0.001',
      'USD',
    ]);
  });

  it('POST: a EUR product reported in USD with no fx is one problem, at a field the request has', async () => {
    // the component gives no currency: its value is in the product value's, whose missing rate is
    // said once, at /productValue/currency (it was said again at /components/0/currency)
    const problem = await problemOf(
      await postJson('/v1/origin-content', {
        productValue: { amount: '1000', currency: 'EUR' },
        components: [{ mineral: 'dy-oxide', origin: 'CN', value: '1' }],
        currency: 'USD',
      }),
      422,
    );
    expect(problem.errors).toEqual([
      {
        pointer: '/productValue/currency',
        detail: 'is EUR but fx has no rate for EUR: add "fx": { "EUR": "<USD per 1 EUR>" }',
      },
    ]);
  });

  it('GET: currency is the product value’s, and the answer follows it unless fx rates it', async () => {
    const query =
      '/v1/origin-content?productValue=1000&currency=EUR&components=dy-oxide:CN:1&asOf=2026-03-01&format=text';
    // without fx: in EUR, 1 EUR of Dy
    expect(await (await call(`${query}&field=redValue`)).text()).toBe('1.00');
    expect(await (await call(`${query}&field=currency`)).text()).toBe('EUR');
    // fx EUR:1.08: in USD, as the POST's default: 1 × 1.08 = 1.08
    expect(await (await call(`${query}&fx=EUR:1.08&field=redValue`)).text()).toBe('1.08');
    expect(await (await call(`${query}&fx=EUR:1.08&field=currency`)).text()).toBe('USD');
    // reportingCurrency=USD with no rate: a 422 at the parameter that gave EUR
    const problem = await problemOf(await call(`${query}&reportingCurrency=USD`), 422);
    expect(problem.errors?.map((e) => [e.pointer, e.parameter])).toEqual([
      ['/productValue/currency', 'currency'],
    ]);
  });

  it('GET: mineral:origin:value:currency, fx as CODE:rate pairs, vat as a rate', async () => {
    // as in the POST case: 791 CNY / 1.13 = 700 CNY × 0.1390 = 97.30 USD of 113,000 / 1.13 =
    // 100,000 USD; 97.30 / 100,000 = 0.000973 < 0.001: no licence, on an assumed rule
    const response = await call(
      '/v1/origin-content?productValue=113000&components=dy-oxide:CN:791:CNY&fx=CNY:0.1390&vat=0.13&asOf=2026-11-21&format=csv',
    );
    expect(await response.text()).toBe(
      'redValue,redShare,blueShare,greyShare,chinaContentShare,chinaLicenceRequired,chinaLicenceBasis,qualifiesAsBlue,asOf,warnings,currency\r\n' +
        '97.30,0.000973,0,0,0.000973,false (assumed),assumed,false,2026-11-21,suspension-ended data-horizon,USD\r\n',
    );
  });

  it('GET: fx with no value in that currency, and vat, answer as before (100 / 100,000 = 0.001)', async () => {
    const response = await call(
      '/v1/origin-content?productValue=100000&components=dy-oxide:CN:100&asOf=2026-03-01&format=text&field=chinaContentShare&fx=CNY:0.139&vat=0.13',
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('0.001');
  });
});

describe('POST /v1/origin-content: one errors entry per problem', () => {
  it('a component naming an unknown mineral and an unknown country gets both, each at its pointer', async () => {
    const response = await postJson('/v1/origin-content', {
      productValue: product,
      components: [{ mineral: 'bogus', origin: 'XX', value: '100' }],
      asOf: '2026-03-01',
    });
    const problem = await problemOf(response, 422);
    expect(problem.errors?.map((e) => e.pointer)).toEqual([
      '/components/0/mineral',
      '/components/0/origin',
    ]);
  });
});
