import { describe, expect, it } from 'vitest';
import { call, problemOf } from '../helpers';

async function json<T>(path: string): Promise<T> {
  const response = await call(path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('reference data (minerals, blocs, benchmarks, measures, timeline)', () => {
  it('lists at least the contract’s minerals with their groups', async () => {
    const { minerals } = await json<{ minerals: { id: string; group: string }[] }>('/v1/minerals');
    const groups = Object.fromEntries(minerals.map((m) => [m.id, m.group]));
    expect(groups).toMatchObject({
      'ndpr-oxide': 'light-ree',
      'nd-oxide': 'light-ree',
      'pr-oxide': 'light-ree',
      'la-oxide': 'light-ree',
      'ce-oxide': 'light-ree',
      'dy-oxide': 'heavy-ree',
      'tb-oxide': 'heavy-ree',
      'y-oxide': 'heavy-ree',
      'sm-oxide': 'heavy-ree',
      'ree-metal': 'ree-metal',
      'ndfeb-magnet': 'magnet',
      'natural-graphite': 'battery',
      gallium: 'other',
      germanium: 'other',
    });
  });

  it('NdPr oxide may fall under 2846.90.20 (Free) or 2846.90.80 (3.7%)', async () => {
    const mineral = await json<{ hts: string[] }>('/v1/minerals/ndpr-oxide');
    expect(mineral.hts).toEqual(['2846.90.20', '2846.90.80']);
    await problemOf(await call('/v1/minerals/unobtainium'), 404);
  });

  it('benchmarks of the contract: G7 floor and cap (reported), DoD floor (contract)', async () => {
    const { benchmarks } = await json<{
      benchmarks: { id: string; kind: string; appliesTo: string; price: unknown; status: string }[];
    }>('/v1/benchmarks');
    const byId = Object.fromEntries(benchmarks.map((b) => [b.id, b]));
    expect(byId['g7-lree-floor']).toMatchObject({
      kind: 'floor',
      appliesTo: 'light-ree',
      price: { amount: '20000', currency: 'USD', per: 't' },
      status: 'reported',
    });
    expect(byId['g7-hree-cap']).toMatchObject({
      kind: 'cap',
      appliesTo: 'heavy-ree',
      price: { amount: '1500', currency: 'USD', per: 'kg' },
      status: 'reported',
    });
    expect(byId['dod-ndpr-floor']).toMatchObject({
      kind: 'floor',
      appliesTo: 'ndpr-oxide',
      price: { amount: '110', currency: 'USD', per: 'kg' },
      status: 'contract',
      effectiveFrom: '2025-10-01',
    });
  });

  it('every benchmark says how it acts and at what stage: contracts are not border floors, G7 figures have no stage', async () => {
    const { benchmarks } = await json<{
      benchmarks: { id: string; mechanism: string; stage: string; basis: string; status: string }[];
    }>('/v1/benchmarks');
    const byId = Object.fromEntries(benchmarks.map((b) => [b.id, b]));
    for (const b of benchmarks) expect(b.basis.length, b.id).toBeGreaterThan(0);
    expect(byId['dod-ndpr-floor']).toMatchObject({
      mechanism: 'producer-contract',
      stage: 'oxide',
    });
    expect(byId['g7-lree-floor']).toMatchObject({
      mechanism: 'reported-reference',
      stage: 'unknown',
    });
    expect(byId['g7-hree-cap']).toMatchObject({
      mechanism: 'reported-reference',
      stage: 'unknown',
    });
    // Lynas–JARE, announced 2026-03-10 (The West Australian, 2026-03-11): $110/kg NdPr to 2038,
    // 30% of the upside above $150/kg to JARE, capped at $10M a calendar year.
    expect(byId['lynas-jare-ndpr-floor']).toMatchObject({
      mechanism: 'producer-contract',
      stage: 'oxide',
      status: 'reported',
      price: { amount: '110', currency: 'USD', per: 'kg' },
      effectiveFrom: '2026-03-10',
      upsideShare: {
        share: '0.30',
        above: { amount: '150', currency: 'USD', per: 'kg' },
        capPerYear: { amount: '10000000', currency: 'USD' },
      },
    });
  });

  it('blocs are dated: Korea is grey before 2026-01-12 and blue from then; China is red', async () => {
    type Blocs = { blocs: { id: string; members: string[] }[] };
    const members = async (asOf: string) =>
      Object.fromEntries(
        (await json<Blocs>(`/v1/blocs?asOf=${asOf}`)).blocs.map((b) => [b.id, b.members]),
      );
    const before = await members('2026-01-11');
    const after = await members('2026-01-12');
    expect(before.grey).toContain('KR');
    expect(after.blue).toContain('KR');
    expect(after.red).toContain('CN');
    expect(after.grey).toEqual(expect.arrayContaining(['IN', 'VN', 'MY']));
  });

  it('blocs past the data horizon carry one data-horizon warning naming the memberships, as a country does', async () => {
    type Warning = { code: string; rowIds?: string[]; knownUntil?: string };
    type Blocs = { blocs: { id: string; members: string[] }[]; warnings: Warning[] };
    const country = await json<{ warnings: Warning[] }>('/v1/countries/CN?asOf=2027-06-01');
    expect(country.warnings).toEqual([
      expect.objectContaining({
        code: 'data-horizon',
        rowIds: ['membership:CN'],
        knownUntil: '2026-12-01',
      }),
    ]);
    const past = await json<Blocs>('/v1/blocs?asOf=2027-06-01');
    // every red and blue member holds by a dated membership; grey members by none
    const dated = past.blocs
      .filter((b) => b.id !== 'grey')
      .flatMap((b) => b.members.map((code) => `membership:${code}`))
      .sort();
    expect(dated).toContain('membership:CN');
    expect(past.warnings).toEqual([
      expect.objectContaining({ code: 'data-horizon', rowIds: dated, knownUntil: '2026-12-01' }),
    ]);
    // on the horizon itself the memberships are confirmed: no warning
    expect((await json<Blocs>('/v1/blocs?asOf=2026-12-01')).warnings).toEqual([]);
  });

  it('a country’s bloc and valuation basis: US is FOB and blue; India is grey', async () => {
    expect(await json('/v1/countries/US?asOf=2026-11-21')).toMatchObject({
      code: 'US',
      bloc: 'blue',
      valuationBasis: 'FOB',
    });
    expect(await json('/v1/countries/IN?asOf=2026-11-21')).toMatchObject({
      code: 'IN',
      bloc: 'grey',
      valuationBasis: 'CIF',
      membership: null,
    });
    await problemOf(await call('/v1/countries/XX'), 404);
  });

  it('the United Kingdom is GB, as ISO 3166-1 writes it: UK is no second country in another bloc', async () => {
    expect(await json('/v1/countries/GB?asOf=2026-08-01')).toMatchObject({
      code: 'GB',
      bloc: 'blue',
    });
    const notFound = await problemOf(await call('/v1/countries/UK'), 404);
    expect(notFound.detail).toBe('There is no country "UK": ISO 3166-1 writes GB.');
    // A calculator names the field and the ISO spelling (UK was priced as a grey origin, without
    // the 10% Section 301 forced-labor duty GB lines carry).
    const lane = await problemOf(
      await call(
        '/v1/landed-cost?mineral=nd-oxide&origin=UK&quantity=10&unit=kg&price=5&per=kg&asOf=2026-08-01',
      ),
      422,
    );
    expect(lane.errors).toEqual([
      {
        pointer: '/origin',
        parameter: 'origin',
        detail: 'UK is not a known country code (ISO 3166-1 writes GB)',
      },
    ]);
    const tiers = await problemOf(
      await call('/v1/bloc-tiers', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          mineral: 'ndpr-oxide',
          redPrice: { amount: '10', currency: 'USD', per: 'kg' },
          floor: { amount: '16', currency: 'USD', per: 'kg' },
          destinations: ['GB', 'UK'],
        }),
      }),
      422,
    );
    expect(tiers.errors?.map((e) => [e.pointer, e.detail])).toEqual([
      ['/destinations/1', 'UK is not a known country code (ISO 3166-1 writes GB)'],
    ]);
  });

  it('measures filter by lane, product and date: Chinese NdFeB magnets (8505.11.0070, exempt from Section 122) into the US on 2026-03-01', async () => {
    const { measures } = await json<{ measures: { id: string; stateOn: { state: string } }[] }>(
      '/v1/measures?destination=US&origin=CN&mineral=ndfeb-magnet&asOf=2026-03-01&inForce=true',
    );
    expect(measures.map((m) => m.id).sort()).toEqual(
      [
        'cn-export-control-no18',
        'us-301-magnets-2026',
        'us-hmf',
        'us-mfn-8505-11',
        'us-mpf-fy2026',
      ].sort(),
    );
  });

  it('the reported G7 what-if floor is never "in-force": scenario-only, before and after its modelled start', async () => {
    type Listed = { measures: { id: string; stateOn: { state: string; reason: string } }[] };
    const g7 = async (asOf: string) =>
      (await json<Listed>(`/v1/measures?asOf=${asOf}&inForce=false`)).measures.find(
        (m) => m.id === 'g7-lree-floor-gap',
      )?.stateOn;
    expect(await g7('2026-11-20')).toEqual({
      state: 'scenario-only',
      reason: 'a reported figure used in scenarios only, not in force',
    });
    expect(await g7('2025-06-01')).toEqual({
      state: 'scenario-only',
      reason: 'a reported figure used in scenarios only from 2025-12-01, not in force',
    });
    const inForce = await json<Listed>('/v1/measures?asOf=2026-11-20&inForce=true');
    expect(inForce.measures.map((m) => m.id)).not.toContain('g7-lree-floor-gap');
  });

  it('China’s controls after their suspensions ended (No. 70 to 2026-11-10, No. 72 to 2026-11-27), with no source for what followed: assumed, not in force', async () => {
    type Listed = {
      measures: { id: string; label: string; stateOn: { state: string; reason: string } }[];
    };
    const states = async (asOf: string) =>
      Object.fromEntries(
        (await json<Listed>(`/v1/measures?asOf=${asOf}&inForce=false`)).measures
          .filter((m) => m.id.startsWith('cn-'))
          .map((m) => [m.id, m.stateOn]),
      );
    const no70 =
      'suspension ended 2026-11-10; what followed is not known; the legal default is assumed';
    expect(await states('2026-11-20')).toMatchObject({
      'cn-export-control-no18': { state: 'in-force', reason: 'in force' },
      'cn-export-control-no57': { state: 'assumed', reason: no70 },
      'cn-export-control-no61': { state: 'assumed', reason: no70 },
      'cn-export-ban-no46-us': { state: 'suspended' },
    });
    expect((await states('2026-11-30'))['cn-export-ban-no46-us']).toEqual({
      state: 'assumed',
      reason:
        'suspension ended 2026-11-27; what followed is not known; the legal default is assumed',
    });
    // inForce=true keeps the rows assumed in force
    const inForce = await json<Listed>('/v1/measures?asOf=2026-11-20&inForce=true');
    expect(inForce.measures.map((m) => m.id)).toContain('cn-export-control-no61');
    // origin=CN lists the measures on goods of China: No. 57, not No. 61, China's rule on
    // products made elsewhere with Chinese content
    const fromChina = await json<Listed>('/v1/measures?asOf=2026-11-20&origin=CN&inForce=true');
    expect(fromChina.measures.map((m) => m.id)).toContain('cn-export-control-no57');
    expect(fromChina.measures.map((m) => m.id)).not.toContain('cn-export-control-no61');
  });

  it('asOf filters the list to the measures in force on it; inForce=false lists every row with its state', async () => {
    type Listed = { measures: { id: string; stateOn: { state: string } }[] };
    const q = 'destination=US&origin=CN&mineral=ndfeb-magnet';
    const on = await json<Listed>(`/v1/measures?${q}&asOf=2026-03-01`);
    // In force on 2026-03-01 for sintered NdFeB magnets from China: MFN 2.1%, the 2026 magnet 301,
    // FY2026's MPF, the HMF and China's No. 18 licence (No. 61 suspended); not the IEEPA duties
    // (collection ended 2026-02-23), FY2025's or FY2027's MPF, nor Section 122 (Annex II).
    expect(on.measures.map((m) => m.id)).toEqual([
      'us-mfn-8505-11',
      'us-301-magnets-2026',
      'us-mpf-fy2026',
      'us-hmf',
      'cn-export-control-no18',
    ]);
    const all = await json<Listed>(`/v1/measures?${q}&asOf=2026-03-01&inForce=false`);
    expect(all.measures.find((m) => m.id === 'us-mpf-fy2027')?.stateOn.state).toBe(
      'not-yet-in-force',
    );
    expect(all.measures.find((m) => m.id === 'us-ieepa-fentanyl-cn-3')?.stateOn.state).toBe(
      'ended',
    );
    // Without asOf the date is today's, filtered the same way: every row listed is in force.
    const today = await json<Listed>(`/v1/measures?${q}`);
    expect(today.measures.every((m) => ['in-force', 'assumed'].includes(m.stateOn.state))).toBe(
      true,
    );
  });

  it('a bad filter is a 422 naming the parameter', async () => {
    const problem = await problemOf(await call('/v1/measures?mineral=unobtainium'), 422);
    expect(problem.errors?.[0]?.parameter).toBe('mineral');
  });

  it('scenarios include baseline and g7-coordinated-floor; the timeline is oldest first', async () => {
    const { scenarios } = await json<{ scenarios: { id: string }[] }>('/v1/scenarios');
    expect(scenarios.map((s) => s.id)).toEqual(
      expect.arrayContaining(['baseline', 'g7-coordinated-floor']),
    );
    const { events } = await json<{ events: { date: string }[] }>('/v1/timeline');
    expect(events.map((e) => e.date)).toEqual(events.map((e) => e.date).sort());
  });
});

describe('system', () => {
  it('/health and / point a person to the docs', async () => {
    expect(await json('/health')).toEqual({ status: 'ok', dataVersion: '2026-12-03.3' });
    expect(await json('/')).toMatchObject({ docs: '/docs', openapi: '/openapi.json' });
  });

  it('/ gives API clients the JSON index and browsers the landing page, varying on Accept', async () => {
    const json = await call('/', { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.headers.get('vary')).toContain('Accept');
    const page = await call('/', {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('<h1>Floorline API</h1>');
    expect(html.match(/<a href="\/v1\/[^"]+"><code>GET /g)?.length).toBe(3);
  });

  it('/docs loads Scalar and its settings from this origin only, under a CSP with no inline script', async () => {
    const response = await call('/docs');
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.map((s) => s[1])).toEqual([
      ' src="/docs/scalar.js"',
      ' src="/docs/playground.js"',
    ]);
    expect(scripts.every((s) => s[2] === '')).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
  });
});

describe('reference queries: unknown parameters are a 400, as on the calculators', () => {
  it('a misspelt or miscased parameter on /v1/blocs, /v1/measures or /v1/countries is a 400 naming it, never a silent default', async () => {
    for (const [url, name] of [
      ['/v1/blocs?destinaton=US', 'destinaton'],
      ['/v1/blocs?ASOF=2026-01-01', 'ASOF'],
      ['/v1/measures?destinaton=US', 'destinaton'],
      ['/v1/measures?ASOF=2026-01-01', 'ASOF'],
      ['/v1/countries/CN?asof=2026-01-01', 'asof'],
      ['/v1/minerals?group=magnet', 'group'],
      ['/v1/minerals/nd-oxide?asOf=2026-01-01', 'asOf'],
      ['/v1/benchmarks?constructor=1', 'constructor'],
    ] as const) {
      const problem = await problemOf(await call(url), 400);
      expect(
        problem.errors?.map((e) => e.parameter),
        url,
      ).toEqual([name]);
    }
  });

  it('a blank asOf (or other parameter) is a 422 naming it, never today (as on the calculators)', async () => {
    const blank =
      'must not be blank: give a value, or leave the parameter out where it has a default';
    for (const [url, parameter] of [
      ['/v1/blocs?asOf=', 'asOf'],
      ['/v1/countries/CN?asOf=%20', 'asOf'],
      ['/v1/measures?asOf=&destination=US', 'asOf'],
      ['/v1/measures?asOf=2026-03-01&mineral=', 'mineral'],
      ['/v1/changes?since=', 'since'],
    ] as const) {
      const problem = await problemOf(await call(url), 422);
      expect(problem.errors, url).toEqual([{ pointer: `/${parameter}`, parameter, detail: blank }]);
    }
  });

  it('the known parameters and an API key in ?key= are still taken', async () => {
    for (const url of [
      '/v1/blocs?asOf=2026-01-01&key=k',
      '/v1/blocs?asOf=2026-01-01&key=',
      '/v1/measures?destination=US&origin=CN&mineral=nd-oxide&inForce=true&asOf=2026-03-01',
      '/v1/countries/CN?asOf=2026-01-01',
      '/v1/minerals?key=k',
    ]) {
      expect((await call(url)).status, url).toBe(200);
    }
  });
});
