import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, test } from 'node:test';
import { createContext, runInContext } from 'node:vm';
import { loadApp } from '../../scripts/load-app.ts';

/**
 * The spreadsheet scripts in examples/ against the API itself (the app, bundled for Node): the
 * Google Sheets Apps Script runs in a sandbox whose UrlFetchApp answers from the app, and the Excel
 * Power Query's address, headers and columns are checked against what the batch route takes and
 * gives.
 */
let app: Awaited<ReturnType<typeof loadApp>>['app'];

before(async () => {
  ({ app } = await loadApp());
});

const read = (path: string) => readFile(new URL(`../../examples/${path}`, import.meta.url), 'utf8');

type Fetch = (url: string) => { getResponseCode(): number; getContentText(): string };

/** Loads Floorline.gs as Apps Script would, with UrlFetchApp and Utilities stubbed. */
async function appsScript(fetch: Fetch) {
  const sandbox: Record<string, unknown> = {
    UrlFetchApp: { fetch },
    Utilities: { formatDate: (date: Date) => date.toISOString().slice(0, 10) },
  };
  createContext(sandbox);
  runInContext(await read('google-sheets/Floorline.gs'), sandbox);
  return sandbox as Record<string, (...args: unknown[]) => unknown>;
}

/**
 * Calls a custom function as Sheets would: the first run records the address it fetches, the app
 * answers that address, and the second run gets the app's answer for it.
 */
async function customFunction(name: string, ...args: unknown[]) {
  const urls: string[] = [];
  const recording = await appsScript((url) => {
    urls.push(url);
    return { getResponseCode: () => 200, getContentText: () => '0' };
  });
  recording[name]?.(...args);
  assert.equal(urls.length, 1);
  const url = urls[0] as string;
  const answer = await app.request(url);
  const status = answer.status;
  const text = await answer.text();
  const answering = await appsScript((fetched) => {
    assert.equal(fetched, url);
    return { getResponseCode: () => status, getContentText: () => text };
  });
  let value: unknown;
  let error: unknown;
  try {
    value = answering[name]?.(...args);
  } catch (e) {
    error = e;
  }
  return { url, value, error };
}

test('=FLOORGAP(10, 16, "kg") fetches the duty per kg as text and returns the number 6', async () => {
  const { url, value } = await customFunction('FLOORGAP', 10, 16, 'kg');
  assert.equal(
    url,
    'http://localhost:8787/v1/floor-gap?price=10&floor=16&per=kg&field=dutyPerUnit&format=text',
  );
  // Full gap: 16 − 10 = 6 per kg.
  assert.equal(value, 6);
});

test('=FLOORGAP with a field, a method and other duties passes each as its parameter', async () => {
  const { url, value } = await customFunction(
    'FLOORGAP',
    10,
    16,
    'kg',
    'adValoremEquivalent',
    'full-gap',
    0.25,
  );
  assert.match(url, /[?&]method=full-gap&otherDutyRate=0\.25&field=adValoremEquivalent&/);
  // R = 10 × 1.25 = 12.5; gap 3.5; AVE = 3.5 / 10 = 0.35.
  assert.equal(value, 0.35);
});

test('=LANDEDCOST(...) with a date cell returns the landed cost field asked for', async () => {
  const { url, value } = await customFunction(
    'LANDEDCOST',
    'ndfeb-magnet',
    'CN',
    10000,
    'kg',
    75,
    'kg',
    'US',
    new Date(Date.UTC(2026, 2, 1)),
    'effectiveDutyRate',
  );
  assert.equal(
    url,
    'http://localhost:8787/v1/landed-cost?mineral=ndfeb-magnet&origin=CN&destination=US&asOf=2026-03-01&quantity=10000&unit=kg&price=75&per=kg&field=effectiveDutyRate&format=text',
  );
  // MFN 2.1% + Section 301 25% on 2026-03-01: 0.271 of customs value.
  assert.equal(value, 0.271);
});

test("an API error shows in the cell as the API's message, naming the field", async () => {
  const { error } = await customFunction('FLOORGAP', -1, 16, 'kg');
  // The sandbox's Error, not this realm's: read its message.
  assert.match(
    String((error as { message?: unknown } | undefined)?.message),
    /^Floorline: .*price/,
  );
});

test('the Power Query posts CSV to the batch route with the columns it takes, and types columns it answers', async () => {
  const m = await read('excel/landed-cost-batch.pq');
  assert.match(m, /RelativePath = "\/v1\/landed-cost\/batch"/);
  assert.match(m, /#"Content-Type" = "text\/csv"/);
  assert.match(m, /Accept = "text\/csv"/);
  const inputs = JSON.parse(`[${/InputColumns = \{([^}]*)\}/.exec(m)?.[1] ?? ''}]`) as string[];
  const typed = [...m.matchAll(/\{"([A-Za-z]+)", (?:type number|Int64\.Type)\}/g)].map(
    (match) => match[1],
  );
  assert.ok(inputs.length >= 10 && typed.length >= 10);

  // A shipment as the query would send it: every input column, blanks where a row has none.
  const row: Record<string, string> = {
    mineral: 'ndfeb-magnet',
    origin: 'CN',
    destination: 'US',
    asOf: '2026-03-01',
    quantity: '10000',
    unit: 'kg',
    price: '75',
    per: 'kg',
  };
  const body = `${inputs.join(',')}\r\n${inputs.map((name) => row[name] ?? '').join(',')}\r\n`;
  const response = await app.request('http://localhost:8787/v1/landed-cost/batch', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', accept: 'text/csv' },
    body,
  });
  assert.equal(response.status, 200);
  const [header = '', values = ''] = (await response.text()).trimEnd().split('\r\n');
  const answer = Object.fromEntries(
    header.split(',').map((name, i) => [name, values.split(',')[i] ?? '']),
  );
  assert.deepEqual(
    typed.filter((name) => !(name in answer)),
    [],
    'typed columns the answer lacks',
  );
  assert.equal(answer.error, '');
  // 10,000 kg × $75 = 750,000.00; duties 750,000 × 0.271 = 203,250.00.
  assert.equal(answer.customsValue, '750000.00');
  assert.equal(answer.duties, '203250.00');
});
