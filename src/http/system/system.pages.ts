import type { Context } from 'hono';
import { preferredMediaType } from '../media-type';

/**
 * The two HTML pages the Worker serves itself: the landing page at `/` (for browsers; API clients
 * get the JSON index) and the playground shell at `/docs`. Scalar's bundle and the playground's
 * settings are static assets (public/docs/, wrangler.toml `[assets]`), so neither page loads
 * anything from another host, and both run under a Content-Security-Policy without inline script.
 */

/** The landing page needs no script at all; its one style sheet is inline. */
export const LANDING_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The playground: scripts from this origin only (no inline script, no eval); Scalar injects its
 * style sheets and style attributes at run time, hence 'unsafe-inline' for styles alone;
 * requests ("Test Request") go to this origin only.
 */
export const PLAYGROUND_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** True when the client prefers HTML to JSON (a browser's Accept), false for API clients. */
export function prefersHtml(c: Context): boolean {
  // The API's own content negotiation (media-type.ts), JSON the default.
  return (
    preferredMediaType(c.req.header('accept'), ['application/json', 'text/html']) === 'text/html'
  );
}

const EXAMPLES = [
  {
    path: '/v1/floor-gap?price=10&floor=16&per=kg&format=text',
    what: 'The floor-gap duty on an import at $10/kg under a $16/kg floor, as one bare value for a spreadsheet cell (6.00).',
  },
  {
    path: '/v1/floor-gap?price=10&floor=16&per=kg&otherDutyRate=0.25&asOf=2026-11-21&format=csv',
    what: 'The same with a 25% duty already charged, on the duty-paid basis, as CSV.',
  },
  {
    path: '/v1/landed-cost?mineral=ndfeb-magnet&origin=CN&destination=US&asOf=2026-03-01&quantity=10000&unit=kg&price=75&per=kg',
    what: 'Every duty and fee on ten tonnes of Chinese NdFeB magnets entering the US, line by line.',
  },
] as const;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

/** The landing page: what Floorline is, where to go, three calls to try. */
export const LANDING_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Floorline API</title>
<link rel="icon" href="data:,">
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }
code { font: 0.9em ui-monospace, monospace; background: #f1f3f5; padding: 0.1em 0.3em; border-radius: 3px; word-break: break-all; }
li { margin-bottom: 0.6rem; }
</style>
</head>
<body>
<h1>Floorline API</h1>
<p>Floorline prices critical-mineral trade (rare earths first) under price floors and tariffs:
the <strong>floor-gap duty</strong> that lifts a cheap import to a price floor, the
<strong>landed cost</strong> of a shipment with every duty and fee line by line, and the
<strong>red / blue price tiers</strong> of a market split by a floor. Every number is an exact
decimal string; every answer says which data and date it rests on, and warns when that data is
uncertain.</p>
<ul>
<li><a href="/docs">Playground and reference</a>: every operation, with examples you can send.</li>
<li><a href="/openapi.json">OpenAPI 3.1 document</a>, for code generators and clients.</li>
<li><a href="/v1/minerals">Minerals</a>, <a href="/v1/benchmarks">benchmarks</a> and
<a href="/v1/measures">measures</a> the calculators use, each with its public source.</li>
<li><a href="/health">Health</a> and the data version served.</li>
</ul>
<h2>Three calls to try</h2>
<ol>
${EXAMPLES.map((e) => `<li>${escapeHtml(e.what)}<br><a href="${escapeHtml(e.path)}"><code>GET ${escapeHtml(e.path)}</code></a></li>`).join('\n')}
</ol>
<p>Send <code>Accept: application/json</code> to this address for the same links as JSON.</p>
</body>
</html>
`;

/** The playground shell: Scalar's bundle and its settings, both from this origin. */
export const PLAYGROUND_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Floorline API — playground</title>
<link rel="icon" href="data:,">
</head>
<body>
<div id="playground"></div>
<script src="/docs/scalar.js"></script>
<script src="/docs/playground.js"></script>
</body>
</html>
`;
