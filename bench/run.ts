/**
 * Floorline benchmarks (`npm run bench`): numbers, never pass/fail. Prints a table and one JSON
 * summary, and writes the JSON to bench/results/latest.json.
 *
 * - in-worker time (the Server-Timing header) of landed-cost batches of 1, 100, 1,000 and 10,000
 *   lines in workerd (`wrangler dev --env bench`), JSON with lines, JSON totals-only and CSV, and of
 *   the echo route given the same bytes: the calculator's cost as a ratio to parsing and
 *   serialising the same payload;
 * - the same in-process on Node (performance.now(), sub-millisecond);
 * - requests/s and p50/p99 latency (autocannon) of /health, a floor-gap GET and a landed-cost GET;
 * - a soak: thousands of mixed good and bad requests, counting statuses, with the Worker isolate's
 *   heap after GC (inspector) and workerd's memory before, during and after;
 * - cold start: start-up CPU time in workerd (`wrangler check startup`) and evaluating the bundled
 *   module in a fresh Node process; the gzip size of the `wrangler deploy --dry-run --minify`
 *   bundle.
 *
 * Environment: BENCH_QUICK=1 runs fewer repetitions (for a smoke run).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { bundleApp } from '../scripts/load-app.ts';

const root = new URL('..', import.meta.url).pathname;
const quick = process.env.BENCH_QUICK === '1';
const REPEAT = quick ? 3 : 15;
const SIZES = [1, 100, 1000, 10000];
const PORT = 8799;
const INSPECTOR_PORT = 9239;
const BASE = `http://127.0.0.1:${PORT}`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.floor((s.length - 1) / 2)] ?? Number.NaN);
};
const round = (x: number, places = 3) => Math.round(x * 10 ** places) / 10 ** places;

/** A realistic batch: magnets and oxides from China, 50 customs entries, mixed units. */
function batchLines(n: number) {
  const minerals = ['ndfeb-magnet', 'nd-oxide', 'ndpr-oxide', 'dy-oxide', 'la-oxide'];
  return Array.from({ length: n }, (_, i) => ({
    mineral: minerals[i % minerals.length],
    origin: i % 7 === 0 ? 'VN' : 'CN',
    destination: 'US',
    asOf: '2026-03-01',
    quantity: { value: String(100 + (i % 900)), unit: i % 3 === 0 ? 't' : 'kg' },
    price: { amount: String(20 + (i % 80)), currency: 'USD', per: 'kg' },
    freight: '1200',
    insurance: '150',
    transport: i % 4 === 0 ? 'air' : 'ocean',
    entryId: `E${i % 50}`,
  }));
}

function batchCsv(n: number): string {
  const header =
    'mineral,origin,destination,asOf,quantity,unit,price,currency,per,freight,insurance,transport,entryId';
  const rows = batchLines(n).map((l) =>
    [
      l.mineral,
      l.origin,
      l.destination,
      l.asOf,
      l.quantity.value,
      l.quantity.unit,
      l.price.amount,
      'USD',
      'kg',
      l.freight,
      l.insurance,
      l.transport,
      l.entryId,
    ].join(','),
  );
  return `${[header, ...rows].join('\r\n')}\r\n`;
}

interface Variant {
  readonly name: string;
  readonly path: string;
  readonly contentType: string;
  readonly accept?: string;
  readonly body: (n: number) => string;
}

const VARIANTS: Variant[] = [
  {
    name: 'batch json (lines)',
    path: '/v1/landed-cost/batch',
    contentType: 'application/json',
    body: (n) => JSON.stringify({ lines: batchLines(n) }),
  },
  {
    name: 'batch json (totals)',
    path: '/v1/landed-cost/batch',
    contentType: 'application/json',
    body: (n) => JSON.stringify({ lines: batchLines(n), detail: 'totals' }),
  },
  {
    name: 'batch csv → csv',
    path: '/v1/landed-cost/batch',
    contentType: 'text/csv',
    accept: 'text/csv',
    body: batchCsv,
  },
  {
    name: 'echo (same json bytes)',
    path: '/__bench/batch',
    contentType: 'application/json',
    body: (n) => JSON.stringify({ lines: batchLines(n) }),
  },
];

type Fetcher = (path: string, init: RequestInit) => Promise<Response>;

/** Median time of each variant and size: `timer` reads it from a response or from the clock. */
async function measureBatches(
  fetcher: Fetcher,
  timer: (response: Response, elapsed: number) => number,
) {
  const rows: {
    variant: string;
    lines: number;
    ms: number;
    perLineUs: number;
    bytesIn: number;
    bytesOut: number;
  }[] = [];
  for (const variant of VARIANTS) {
    for (const n of SIZES) {
      const body = variant.body(n);
      const times: number[] = [];
      let bytesOut = 0;
      const repeat = n >= 10000 ? Math.max(3, Math.floor(REPEAT / 3)) : REPEAT;
      for (let i = 0; i < repeat + 1; i++) {
        const headers: Record<string, string> = { 'content-type': variant.contentType };
        if (variant.accept !== undefined) headers.accept = variant.accept;
        const start = performance.now();
        const response = await fetcher(variant.path, { method: 'POST', headers, body });
        const text = await response.text();
        const elapsed = performance.now() - start;
        if (response.status !== 200)
          throw new Error(`${variant.name} ${n}: ${response.status} ${text.slice(0, 200)}`);
        bytesOut = text.length;
        if (i > 0) times.push(timer(response, elapsed)); // the first run warms up
      }
      const ms = median(times);
      rows.push({
        variant: variant.name,
        lines: n,
        ms: round(ms),
        perLineUs: round((ms * 1000) / n, 1),
        bytesIn: body.length,
        bytesOut,
      });
    }
  }
  return rows;
}

const serverTiming = (response: Response) => {
  const dur = /total;dur=([0-9.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1];
  if (dur === undefined) throw new Error('no Server-Timing header');
  return Number.parseFloat(dur);
};

/** Evaluating the deploy bundle in a fresh Node process, median of runs (includes seed validation). */
function coldStartMs(bundle: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(`file://${bundle}`)});console.log(performance.now()-t)`;
  const runs = Array.from({ length: quick ? 3 : 7 }, () =>
    Number.parseFloat(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    ),
  );
  return round(median(runs), 1);
}

/**
 * Start-up CPU time in workerd: `wrangler check startup` profiles the Worker's start-up phase; the
 * non-idle samples (1 ms apart) add up to the time spent evaluating the module. Median of runs.
 */
async function workerdStartupMs(dir: string): Promise<number> {
  const outfile = join(dir, 'startup.cpuprofile');
  const runs: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    execFileSync(
      join(root, 'node_modules/.bin/wrangler'),
      ['check', 'startup', '--outfile', outfile],
      {
        cwd: root,
        stdio: 'ignore',
      },
    );
    const profile = JSON.parse(await readFile(outfile, 'utf8')) as {
      nodes: { id: number; callFrame: { functionName: string } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const idle = new Set(
      profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
    );
    let busyUs = 0;
    profile.samples.forEach((sample, i) => {
      if (!idle.has(sample)) busyUs += profile.timeDeltas[i + 1] ?? 0;
    });
    runs.push(busyUs / 1000);
  }
  return round(median(runs), 1);
}

/** The `wrangler deploy --dry-run --minify` bundle: its path and sizes. */
function deployBundle(dir: string): { path: string; bytes: number; gzipBytes: number } {
  const outdir = join(dir, 'dist');
  execFileSync(
    join(root, 'node_modules/.bin/wrangler'),
    ['deploy', '--dry-run', '--minify', '--outdir', outdir],
    { cwd: root, stdio: 'ignore' },
  );
  const path = join(outdir, 'worker.js');
  const code = execFileSync('cat', [path]);
  return { path, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

async function startWorker(): Promise<ChildProcess> {
  const child = spawn(
    join(root, 'node_modules/.bin/wrangler'),
    [
      'dev',
      '--env',
      'bench',
      '--port',
      String(PORT),
      '--ip',
      '127.0.0.1',
      '--inspector-port',
      String(INSPECTOR_PORT),
      '--log-level',
      'error',
    ],
    { cwd: root, stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('wrangler dev did not start');
}

function stopWorker(child: ChildProcess) {
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
}

/** Every process below `pid` (wrangler → workerd), from `ps`. */
function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [child, ppid] of table) {
      if (ppid === parent && child !== undefined) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/**
 * The Worker isolate's V8 heap, through the inspector `wrangler dev --inspector-port` opens: used
 * size after a full garbage collection (a heap snapshot, whose chunks are ignored), in MiB. (workerd's resident memory also holds the runtime,
 * the dev proxy and freed pages V8 keeps, so it says little about the app.)
 */
async function isolateHeap(): Promise<() => Promise<number>> {
  const targets = (await (await fetch(`http://127.0.0.1:${INSPECTOR_PORT}/json`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (url === undefined) throw new Error('no inspector target');
  // The dev inspector proxy accepts the devtools origin only.
  const socket = new (WebSocket as unknown as new (url: string, init: object) => WebSocket)(url, {
    headers: { Origin: 'https://devtools.devprod.cloudflare.dev' },
  });
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', reject);
  });
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event) => {
    const text = String(event.data);
    if (text.includes('"HeapProfiler.addHeapSnapshotChunk"')) return;
    const message = JSON.parse(text) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const send = (method: string) =>
    new Promise<unknown>((resolve) => {
      id += 1;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method }));
    });
  return async () => {
    // workerd answers no HeapProfiler.collectGarbage; a heap snapshot collects garbage first.
    await send('HeapProfiler.takeHeapSnapshot');
    const { usedSize } = (await send('Runtime.getHeapUsage')) as { usedSize: number };
    return round(usedSize / 1024 / 1024, 1);
  };
}

/** Resident memory of the workerd processes under the wrangler we started, in MiB. */
function workerdRssMiB(wrangler: ChildProcess): number {
  let kib = 0;
  for (const pid of descendants(wrangler.pid ?? -1)) {
    try {
      const status = execFileSync('cat', [`/proc/${pid}/status`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      if (/^Name:\s+workerd/m.test(status))
        kib += Number.parseInt(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? '0', 10);
    } catch {
      // the process is gone
    }
  }
  return round(kib / 1024, 1);
}

async function load(path: string) {
  const result = await autocannon({
    url: `${BASE}${path}`,
    connections: 10,
    duration: quick ? 2 : 8,
  });
  return {
    path,
    requestsPerSec: round(result.requests.average, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * Thousands of mixed requests: good ones and the bad ones clients send, 8 at a time; counts every
 * status and takes each memory sample (MiB) at the start, after each fifth and at the end.
 */
async function soak(
  total: number,
  send: Fetcher,
  samplers: Record<string, () => number | Promise<number>>,
) {
  const memoryMiB: Record<string, number[]> = {};
  const sample = async () => {
    for (const [name, read] of Object.entries(samplers)) {
      const value = await read();
      memoryMiB[name] = [...(memoryMiB[name] ?? []), value];
    }
  };
  const good: [string, RequestInit][] = [
    ['/v1/floor-gap?price=10&floor=16&per=kg&format=text', {}],
    [
      '/v1/landed-cost?mineral=ndfeb-magnet&origin=CN&quantity=1000&unit=kg&price=75&per=kg&asOf=2026-03-01',
      {},
    ],
    ['/v1/bloc-tiers?mineral=ndpr-oxide&redPrice=10&bluePrice=15&floor=16&per=kg&format=csv', {}],
    [
      '/v1/landed-cost/batch',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lines: batchLines(20) }),
      },
    ],
  ];
  const bad: [string, RequestInit, number][] = [
    ['/v1/floor-gap?price=1e5&floor=16&per=kg', {}, 422],
    [
      '/v1/floor-gap',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"price":' },
      400,
    ],
    [
      '/v1/floor-gap',
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' },
      415,
    ],
    [
      '/v1/landed-cost',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"origin":"CN"}' },
      422,
    ],
    ['/v1/nowhere', {}, 404],
    ['/v1/minerals', { method: 'DELETE' }, 405],
  ];
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  await sample();
  const start = performance.now();
  const concurrency = 8;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const pick: [string, RequestInit, number] | undefined =
          i % 3 === 2
            ? bad[Math.floor(i / 3) % bad.length]
            : ([...(good[i % good.length] ?? good[0] ?? ['/health', {}]), 200] as [
                string,
                RequestInit,
                number,
              ]);
        if (pick === undefined) continue;
        const [path, init, expected] = pick;
        const response = await send(path, init);
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status !== expected) unexpected++;
        if (i > 0 && i % Math.floor(total / 5) === 0) await sample();
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await sample();
  return { requests: total, seconds: round(seconds, 1), statuses, unexpected, memoryMiB };
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'floorline-bench-'));
  try {
    const bundle = await bundleApp(join(dir, 'app.mjs'));
    const { app } = (await import(`file://${bundle}`)) as typeof import('../src/app');
    const inProcess: Fetcher = async (path, init) =>
      app.request(path, init, { FLOORLINE_BENCH: '1' });
    const node = await measureBatches(inProcess, (_, elapsed) => elapsed);
    const heapMiB = () => {
      (globalThis as { gc?: () => void }).gc?.();
      return round(process.memoryUsage().heapUsed / 1024 / 1024, 1);
    };
    const soakedInProcess = await soak(quick ? 600 : 5000, inProcess, { heapAfterGc: heapMiB });
    const { path: deployed, ...size } = deployBundle(dir);
    // As .mjs, so that Node does not spend the time of sniffing the module format.
    const asModule = join(dir, 'worker.mjs');
    await copyFile(deployed, asModule);
    const cold = {
      workerdStartupMs: await workerdStartupMs(dir),
      nodeModuleInitMs: coldStartMs(asModule),
    };

    const worker = await startWorker();
    let workerd: Awaited<ReturnType<typeof measureBatches>>;
    let loads: Awaited<ReturnType<typeof load>>[];
    let soaked: Awaited<ReturnType<typeof soak>>;
    try {
      workerd = await measureBatches(
        (path, init) => fetch(`${BASE}${path}`, init),
        (response) => serverTiming(response),
      );
      loads = [];
      for (const path of [
        '/health',
        '/v1/floor-gap?price=10&floor=16&per=kg&format=text',
        '/v1/landed-cost?mineral=ndfeb-magnet&origin=CN&quantity=1000&unit=kg&price=75&per=kg&asOf=2026-03-01&format=text',
      ]) {
        loads.push(await load(path));
      }
      soaked = await soak(quick ? 600 : 5000, (path, init) => fetch(`${BASE}${path}`, init), {
        isolateHeapAfterGc: await isolateHeap(),
        workerdRss: () => workerdRssMiB(worker),
      });
    } finally {
      stopWorker(worker);
    }

    const ratio = (rows: typeof node, variant: string, n: number) => {
      const calc = rows.find((r) => r.variant === variant && r.lines === n)?.ms ?? Number.NaN;
      const echo =
        rows.find((r) => r.variant === 'echo (same json bytes)' && r.lines === n)?.ms ?? Number.NaN;
      return round(calc / echo, 1);
    };
    const summary = {
      date: new Date().toISOString(),
      node: process.version,
      workerd: {
        batches: workerd,
        ratioToEcho1000: {
          lines: ratio(workerd, 'batch json (lines)', 1000),
          totals: ratio(workerd, 'batch json (totals)', 1000),
        },
      },
      inProcessNode: {
        batches: node,
        ratioToEcho1000: {
          lines: ratio(node, 'batch json (lines)', 1000),
          totals: ratio(node, 'batch json (totals)', 1000),
          csv: ratio(node, 'batch csv → csv', 1000),
        },
      },
      load: loads,
      soak: { workerd: soaked, inProcess: soakedInProcess },
      coldStart: cold,
      bundle: { ...size, gzipKiB: round(size.gzipBytes / 1024, 1) },
      targets: {
        batch1000WorkerdMs: '< 10 (aim 5)',
        perLineVsEcho: '≤ 3×',
        bundleGzipKiB: '≤ 150',
        moduleInitMs: '≤ 50',
      },
    };

    console.log(
      '\nLanded-cost batches (median; workerd = Server-Timing, 1 ms resolution; node = in-process clock)',
    );
    console.log(
      'variant                   lines   workerd ms  µs/line   node ms   µs/line   bytes in → out',
    );
    for (const w of workerd) {
      const n = node.find((r) => r.variant === w.variant && r.lines === w.lines);
      console.log(
        `${w.variant.padEnd(24)} ${String(w.lines).padStart(6)} ${String(w.ms).padStart(11)} ${String(w.perLineUs).padStart(9)} ${String(n?.ms ?? '').padStart(9)} ${String(n?.perLineUs ?? '').padStart(9)}   ${w.bytesIn} → ${w.bytesOut}`,
      );
    }
    console.log('\nLoad (autocannon, 10 connections, wrangler dev)');
    for (const l of loads)
      console.log(
        `${l.path.slice(0, 60).padEnd(60)} ${String(l.requestsPerSec).padStart(7)} req/s  p50 ${l.p50Ms} ms  p99 ${l.p99Ms} ms  non-2xx ${l.non2xx}`,
      );
    console.log(
      `\nSoak: ${soaked.requests} requests in ${soaked.seconds} s; statuses ${JSON.stringify(soaked.statuses)}; unexpected ${soaked.unexpected}; Worker isolate heap after GC ${soaked.memoryMiB.isolateHeapAfterGc?.join(' → ')} MiB (workerd RSS ${soaked.memoryMiB.workerdRss?.join(' → ')} MiB); in-process heap after GC over the same soak ${soakedInProcess.memoryMiB.heapAfterGc?.join(' → ')} MiB`,
    );
    console.log(
      `Cold start: workerd start-up CPU ${cold.workerdStartupMs} ms (wrangler check startup), module evaluation in Node ${cold.nodeModuleInitMs} ms; bundle ${round(size.bytes / 1024, 1)} KiB, gzip ${summary.bundle.gzipKiB} KiB`,
    );
    console.log('\nJSON summary:');
    console.log(JSON.stringify(summary));
    await mkdir(join(root, 'bench/results'), { recursive: true });
    await writeFile(
      join(root, 'bench/results/latest.json'),
      `${JSON.stringify(summary, null, 2)}\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
