import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type BrowserContext, chromium } from 'playwright-core';
import { type DevServer, startWranglerDev } from './wrangler-dev.ts';

/**
 * The playground in a real browser (Debian's chromium, driven by playwright-core) against the
 * Worker as `wrangler dev` serves it, static assets included. Chromium's own background traffic
 * is switched off, so every request the page makes is the page's: they must all stay on the
 * Worker's origin and none may fail.
 */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let server: DevServer;
let browser: BrowserContext;
let profile: string;

before(async () => {
  server = await startWranglerDev();
  profile = await mkdtemp(join(tmpdir(), 'floorline-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (profile !== undefined) await rm(profile, { recursive: true, force: true });
});

test("/docs sends the floor-gap example with Scalar's Test Request and gets 200, all from its own origin", async () => {
  const page = await browser.newPage();
  const failed: string[] = [];
  const foreign: string[] = [];
  const cspViolations: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()}: HTTP ${r.status()}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${server.origin}/`) && !/^(data|blob):/.test(url)) foreign.push(url);
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });

  const docs = await page.goto(`${server.origin}/docs`, { waitUntil: 'networkidle' });
  assert.equal(docs?.status(), 200);
  assert.match(docs?.headers()['content-security-policy'] ?? '', /script-src 'self'/);

  await page.getByRole('button', { name: /Test Request.*post \/v1\/floor-gap/i }).click();
  const answer = page.waitForResponse(
    (r) => r.url() === `${server.origin}/v1/floor-gap` && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: /^Send/ }).first().click();
  const response = await answer;
  assert.equal(response.status(), 200);
  // The schema's example: price 10, floor 16, other duty 0.25, duty-paid basis, 1,000 kg:
  // R = 10 × 1.25 = 12.5; gap = 16 − 12.5 = 3.5 per kg; duty = 3.5 × 1000 = 3500.00.
  const body = (await response.json()) as { gapPerUnit: string; duty: string };
  assert.equal(body.gapPerUnit, '3.5000');
  assert.equal(body.duty, '3500.00');
  await page.getByText('200 OK').first().waitFor();
  if (process.env.PLAYGROUND_SCREENSHOT) {
    await page.screenshot({ path: process.env.PLAYGROUND_SCREENSHOT });
  }

  assert.deepEqual(failed, [], 'failed requests');
  assert.deepEqual(foreign, [], 'requests to other hosts');
  assert.deepEqual(cspViolations, [], 'Content-Security-Policy violations');
});

test('/ answers a browser with the landing page, under a CSP, and its links work', async () => {
  const page = await browser.newPage();
  const landing = await page.goto(`${server.origin}/`);
  assert.equal(landing?.status(), 200);
  assert.match(landing?.headers()['content-type'] ?? '', /text\/html/);
  assert.match(landing?.headers()['content-security-policy'] ?? '', /default-src 'none'/);
  assert.equal(await page.locator('h1').textContent(), 'Floorline API');
  await page.getByRole('link', { name: /floor-gap\?price=10&floor=16&per=kg&format=text/ }).click();
  // $10/kg under a $16/kg floor, full gap: 16 − 10 = 6.00.
  assert.equal(await page.locator('body').textContent(), '6.00');
});
