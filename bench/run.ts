/**
 * Floorline benchmarks (`npm run bench`): numbers, never pass/fail. Prints a table and one JSON
 * summary, and writes the JSON to bench/results/latest.json.
 *
 * - CPU per request of the workerd process (`wrangler dev --env bench`), read from /proc: the
 *   utime + stime of every workerd process under our wrangler, before and after M requests sent
 *   one at a time, divided by M; the median over R rounds. Measured for the 1,000-line landed-cost
 *   batch as JSON with `detail` lines (the default), full and totals, as CSV in and out, and for
 *   the echo route given the same request bytes (JSON parsed and serialised, CSV read and
 *   returned) in the same run: the calculator's cost as a ratio to moving the same payload. (Not
 *   Server-Timing: that is wall time, and in production Workers only I/O wait.) The requests say
 *   `Accept-Encoding: identity`. Cloudflare compresses answers of the content types it lists
 *   (application/json among them; text/csv not) when returning them to the client, after the
 *   Worker has run; Miniflare's entry worker emulates that by gzipping inside the same workerd
 *   process, which would count the compression (a third of a 1,000-line JSON batch's CPU here)
 *   as the Worker's. That production does not bill it as Worker CPU is our reading of where
 *   Cloudflare compresses, not a documented figure. `wrangler dev` runs two workerd processes,
 *   the Worker's and a proxy in front of it; the CPU is of both, and the proxy's share (which
 *   production does not have) is printed apart.
 * - the same, with the Worker alone: the `wrangler deploy --dry-run --minify` bundle served by the
 *   workerd binary wrangler runs (`workerd serve`, one process, no dev proxy and no Miniflare entry
 *   worker in front; the bench env's variable; no assets, which these routes do not read, and no
 *   rate limiter, as under `wrangler dev --env bench`, though production runs one on every
 *   route), its rounds alternating with those under `wrangler dev`. This is the closest local reading
 *   of what production bills as the Worker's CPU, and it is the one the 10 ms budget is read
 *   against; it still counts workerd's own HTTP parsing and I/O, which production does not bill
 *   to the Worker, so it errs high. Its ratios to its own echo are printed too: they are larger,
 *   because the bare echo costs less;
 * - start-up CPU in workerd (`wrangler check startup`: the non-idle samples of its CPU profile);
 * - the gzip size of the `wrangler deploy --dry-run --minify` bundle;
 * - with BENCH_FULL=1 also requests/s and p50/p99 latency (autocannon) of single calls, and a
 *   soak of thousands of mixed good and bad requests with the Worker isolate's heap after GC.
 *
 * Environment: BENCH_QUICK=1 runs fewer rounds (a smoke run); BENCH_PORT (default 8850; the
 * inspector takes the next port). BENCH_BASELINE=<another checkout with node_modules> (an older
 * commit, say, in a git worktree) runs its Worker too, on the next two ports, and measures both
 * in alternating rounds: a before/after in the same minutes, which separate runs on a shared
 * machine (whose speed drifts by a fifth from one run to the next) cannot give.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';

const root = new URL('..', import.meta.url).pathname;
const quick = process.env.BENCH_QUICK === '1';
const full = process.env.BENCH_FULL === '1';
const ROUNDS = quick ? 3 : 9;
const PORT = Number.parseInt(process.env.BENCH_PORT ?? '8850', 10);
const INSPECTOR_PORT = PORT + 1;
const LINES = 1000;
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
  /** The request body; none for a GET. */
  readonly body?: string;
  /** The variant whose request bytes the echo route is given for this one's ratio. */
  readonly echo?: string;
}

const jsonBatch = (detail?: string) =>
  JSON.stringify({ lines: batchLines(LINES), ...(detail === undefined ? {} : { detail }) });

/** The 1,000-line batch in each form, and the echo route given the same bytes. */
const VARIANTS: Variant[] = [
  {
    name: 'batch json (lines, default)',
    path: '/v1/landed-cost/batch',
    contentType: 'application/json',
    body: jsonBatch(),
    echo: 'echo json',
  },
  {
    name: 'batch json (totals)',
    path: '/v1/landed-cost/batch',
    contentType: 'application/json',
    body: jsonBatch('totals'),
    echo: 'echo json (totals bytes)',
  },
  {
    name: 'batch json (full)',
    path: '/v1/landed-cost/batch',
    contentType: 'application/json',
    body: jsonBatch('full'),
    echo: 'echo json (full bytes)',
  },
  {
    name: 'batch csv → csv',
    path: '/v1/landed-cost/batch',
    contentType: 'text/csv',
    accept: 'text/csv',
    body: batchCsv(LINES),
    echo: 'echo csv',
  },
  { name: 'echo json', path: '/__bench/batch', contentType: 'application/json', body: jsonBatch() },
  {
    name: 'echo json (totals bytes)',
    path: '/__bench/batch',
    contentType: 'application/json',
    body: jsonBatch('totals'),
  },
  {
    name: 'echo json (full bytes)',
    path: '/__bench/batch',
    contentType: 'application/json',
    body: jsonBatch('full'),
  },
  { name: 'echo csv', path: '/__bench/batch', contentType: 'text/csv', body: batchCsv(LINES) },
  // What any request costs before a calculator runs: the runtime, the dev proxy, the middleware.
  { name: 'bare GET /health', path: '/health', contentType: 'application/json' },
];

type Fetcher = (path: string, init: RequestInit) => Promise<Response>;

/** CPU seconds (user + system) of the processes, from /proc/<pid>/stat (clock ticks of 10 ms). */
async function cpuSeconds(pids: readonly number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

interface CpuRow {
  variant: string;
  /** Median CPU per request over the rounds, ms; and the lowest and highest round. */
  cpuMs: number;
  minMs: number;
  maxMs: number;
  /** Of cpuMs, the median share of wrangler's proxy process (not in production); null if unseen. */
  proxyMs: number | null;
  requestsPerRound: number;
  bytesIn: number;
  bytesOut: number;
  ratioToEcho?: number;
}

/** A function sending one request of the variant (and checking it is a 200), and its answer's size. */
function senderOf(
  variant: Variant,
  base: string,
): { send: () => Promise<void>; bytesOut: () => number } {
  // Identity: the front line's compression is not the Worker's CPU (see the top of this file).
  const headers: Record<string, string> = {
    'content-type': variant.contentType,
    'accept-encoding': 'identity',
  };
  if (variant.accept !== undefined) headers.accept = variant.accept;
  let bytesOut = 0;
  const send = async () => {
    const response = await fetch(
      `${base}${variant.path}`,
      variant.body === undefined ? { headers } : { method: 'POST', headers, body: variant.body },
    );
    const bytes = await response.arrayBuffer();
    if (response.status !== 200)
      throw new Error(
        `${variant.name}: ${response.status} ${new TextDecoder().decode(bytes).slice(0, 200)}`,
      );
    bytesOut = bytes.byteLength;
  };
  return { send, bytesOut: () => bytesOut };
}

/** A running Worker the bench measures: its address and its workerd processes. */
interface Target {
  readonly base: string;
  readonly pids: readonly number[];
  readonly proxy: number | undefined;
}

/**
 * Each variant in turn, on each target: a warm-up, then ROUNDS rounds of M requests one at a time,
 * M chosen from the target's warm-up so that a round costs about 0.6 s of CPU (60 ticks: ±2%
 * resolution). With several targets their rounds alternate. One list of rows per target.
 */
async function measureCpu(targets: readonly Target[]): Promise<CpuRow[][]> {
  const rows: CpuRow[][] = targets.map(() => []);
  // Every form warmed up before any is measured: the first one measured would otherwise pay for
  // compiling the code all of them share, and for the isolate's heap growing to its working size.
  for (let round = 0; round < 10; round++) {
    for (const variant of VARIANTS) {
      for (const target of targets) {
        try {
          await senderOf(variant, target.base).send();
        } catch {
          // reported below, when the variant is measured
        }
      }
    }
  }
  for (const variant of VARIANTS) {
    const senders = targets.map((t) => senderOf(variant, t.base));
    const warm = 5;
    const counts: number[] = [];
    try {
      for (const [k, target] of targets.entries()) {
        const before = await cpuSeconds(target.pids);
        for (let i = 0; i < warm; i++) await (senders[k] as { send: () => Promise<void> }).send();
        const perRequest = Math.max(0.0005, ((await cpuSeconds(target.pids)) - before) / warm);
        counts.push(Math.max(5, Math.min(200, Math.round(0.6 / perRequest))));
      }
    } catch (error) {
      // A form this version of the API does not have (e.g. `detail: full` before it existed).
      console.log(`skipped: ${(error as Error).message.slice(0, 160)}`);
      continue;
    }
    const samples: number[][] = targets.map(() => []);
    const proxySamples: number[][] = targets.map(() => []);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [k, target] of targets.entries()) {
        const proxyPids = target.proxy === undefined ? [] : [target.proxy];
        const start = await cpuSeconds(target.pids);
        const proxyStart = await cpuSeconds(proxyPids);
        const m = counts[k] as number;
        for (let i = 0; i < m; i++) await (senders[k] as { send: () => Promise<void> }).send();
        samples[k]?.push((((await cpuSeconds(target.pids)) - start) * 1000) / m);
        proxySamples[k]?.push((((await cpuSeconds(proxyPids)) - proxyStart) * 1000) / m);
      }
    }
    for (const [k, target] of targets.entries()) {
      const own = samples[k] as number[];
      rows[k]?.push({
        variant: variant.name,
        cpuMs: round(median(own), 2),
        minMs: round(Math.min(...own), 2),
        maxMs: round(Math.max(...own), 2),
        proxyMs: target.proxy === undefined ? null : round(median(proxySamples[k] as number[]), 2),
        requestsPerRound: counts[k] as number,
        bytesIn: Buffer.byteLength(variant.body ?? ''),
        bytesOut: (senders[k] as { bytesOut: () => number }).bytesOut(),
      });
    }
  }
  for (const list of rows) {
    for (const row of list) {
      const echo = VARIANTS.find((v) => v.name === row.variant)?.echo;
      const base = list.find((r) => r.variant === echo);
      if (base !== undefined) row.ratioToEcho = round(row.cpuMs / base.cpuMs, 2);
    }
  }
  return rows;
}

/**
 * Of the workerd processes, wrangler's proxy: the one listening on the port we asked for (the
 * Worker's own process listens on a port of its own choosing).
 */
function proxyPid(pids: readonly number[], port: number): number | undefined {
  return pids.find((pid) => {
    try {
      return execFileSync('cat', [`/proc/${pid}/cmdline`], { encoding: 'utf8' }).includes(
        `=127.0.0.1:${port}`,
      );
    } catch {
      return false;
    }
  });
}

/** The workerd processes under the wrangler we started. */
function workerdPids(wrangler: ChildProcess): number[] {
  return descendants(wrangler.pid ?? -1).filter((pid) => {
    try {
      return /^Name:\s+workerd/m.test(
        execFileSync('cat', [`/proc/${pid}/status`], { encoding: 'utf8' }),
      );
    } catch {
      return false;
    }
  });
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

/** `wrangler dev --env bench` of the checkout at `dir`, on `port` (its inspector on the next). */
async function startWorker(dir: string, port: number): Promise<ChildProcess> {
  await assertPortFree(port);
  const child = spawn(
    join(dir, 'node_modules/.bin/wrangler'),
    [
      'dev',
      '--env',
      'bench',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--inspector-port',
      String(port + 1),
      '--log-level',
      'error',
    ],
    {
      cwd: dir,
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, PATH: `${join(dir, 'node_modules/.bin')}:${process.env.PATH ?? ''}` },
    },
  );
  started.push(child);
  await untilHealthy(child, port, 60_000, `wrangler dev in ${dir}`);
  return child;
}

/** Waits for `GET /health` on `port` to answer 200, for at most `ms`, while `child` runs. */
async function untilHealthy(
  child: ChildProcess,
  port: number,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not start`);
}

/**
 * The deploy bundle (`wrangler deploy --dry-run --minify`) served by workerd alone, on `port`: the
 * workerd binary wrangler itself runs, the compatibility date of wrangler.toml, the bench env's
 * variable. No assets or version metadata, which the measured routes do not read, and no rate
 * limiter: the bench env has none either (production runs one on every route).
 */
async function startBareWorker(dir: string, bundle: string, port: number): Promise<ChildProcess> {
  const toml = await readFile(join(root, 'wrangler.toml'), 'utf8');
  const date = /^compatibility_date\s*=\s*"([0-9-]+)"/m.exec(toml)?.[1];
  if (date === undefined) throw new Error('wrangler.toml has no compatibility_date');
  const flags = /^compatibility_flags\s*=\s*(\[[^\]]*\])/m.exec(toml)?.[1] ?? '[]';
  // capnp embeds a file by a path relative to the config (an absolute one it cannot read).
  const config = join(dir, 'bare.capnp');
  await writeFile(
    config,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed ${JSON.stringify(relative(dir, bundle))}) ],
  compatibilityDate = "${date}",
  compatibilityFlags = ${flags},
  bindings = [ (name = "FLOORLINE_BENCH", text = "1") ],
);
`,
  );
  // wrangler's own workerd (the package exports the binary's path).
  const binary = (
    createRequire(join(root, 'node_modules/wrangler/package.json'))('workerd') as {
      default: string;
    }
  ).default;
  await assertPortFree(port);
  const child = spawn(binary, ['serve', config], { stdio: 'ignore', detached: true });
  started.push(child);
  await untilHealthy(child, port, 15_000, 'workerd serve');
  return child;
}

/**
 * Every Worker the bench started (each the leader of its own process group), stopped when the
 * bench ends: normally, on an error (a failed start too), or on Ctrl-C or a kill.
 */
const started: ChildProcess[] = [];
process.on('exit', () => {
  for (const child of started) stopWorker(child);
});
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.on(signal, () => process.exit(code));
}

/** Stops the child's whole process group: workerd outlives a wrangler that has already exited. */
function stopWorker(child: ChildProcess) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // the group is gone
  }
}

/** Refuses a port something already answers on: the bench would measure that, not its Worker. */
async function assertPortFree(port: number): Promise<void> {
  try {
    await fetch(`http://127.0.0.1:${port}/health`);
  } catch {
    return;
  }
  throw new Error(`port ${port} is taken (a Worker left running?): stop it or set BENCH_PORT`);
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

function gitCommit(dir: string = root): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'floorline-bench-'));
  try {
    const { path: deployed, ...size } = deployBundle(dir);
    const startupMs = await workerdStartupMs(dir);

    const baselineDir = process.env.BENCH_BASELINE;
    const worker = await startWorker(root, PORT);
    const baseline =
      baselineDir === undefined ? undefined : await startWorker(baselineDir, PORT + 2);
    const bare = await startBareWorker(dir, deployed, PORT + 4);
    let cpu: CpuRow[];
    let baselineCpu: CpuRow[] | undefined;
    let bareCpu: CpuRow[];
    const loads: Awaited<ReturnType<typeof load>>[] = [];
    let soaked: Awaited<ReturnType<typeof soak>> | undefined;
    try {
      const targetOf = (child: ChildProcess, port: number): Target => {
        const pids = workerdPids(child);
        if (pids.length === 0) throw new Error('no workerd process under wrangler');
        return { base: `http://127.0.0.1:${port}`, pids, proxy: proxyPid(pids, port) };
      };
      const bareTarget: Target = {
        base: `http://127.0.0.1:${PORT + 4}`,
        pids: [bare.pid ?? -1],
        proxy: undefined,
      };
      const targets = [targetOf(worker, PORT), bareTarget];
      if (baseline !== undefined) targets.push(targetOf(baseline, PORT + 2));
      const measured = await measureCpu(targets);
      cpu = measured[0] ?? [];
      bareCpu = measured[1] ?? [];
      baselineCpu = measured[2];
      if (baseline !== undefined) stopWorker(baseline);
      stopWorker(bare);
      if (full) {
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
      }
    } finally {
      stopWorker(worker);
      stopWorker(bare);
      if (baseline !== undefined) stopWorker(baseline);
    }

    const of = (variant: string) => cpu.find((r) => r.variant === variant);
    const bareOf = (variant: string) => bareCpu.find((r) => r.variant === variant);
    const summary = {
      date: new Date().toISOString(),
      commit: process.env.BENCH_COMMIT ?? gitCommit(),
      lines: LINES,
      workerdCpuPerRequest: cpu,
      bareWorkerdCpuPerRequest: bareCpu,
      ...(baselineCpu === undefined
        ? {}
        : {
            baseline: {
              dir: baselineDir,
              commit: process.env.BENCH_BASELINE_COMMIT ?? gitCommit(baselineDir),
              workerdCpuPerRequest: baselineCpu,
            },
          }),
      ratioToEcho: {
        lines: of('batch json (lines, default)')?.ratioToEcho,
        totals: of('batch json (totals)')?.ratioToEcho,
        full: of('batch json (full)')?.ratioToEcho,
        csv: of('batch csv → csv')?.ratioToEcho,
      },
      bareCpuMs: {
        lines: bareOf('batch json (lines, default)')?.cpuMs,
        totals: bareOf('batch json (totals)')?.cpuMs,
        full: bareOf('batch json (full)')?.cpuMs,
        csv: bareOf('batch csv → csv')?.cpuMs,
      },
      startupCpuMs: startupMs,
      bundle: { ...size, gzipKiB: round(size.gzipBytes / 1024, 1) },
      ...(full ? { load: loads, soak: soaked } : {}),
      targets: {
        linesRatio: '≤ 3',
        totalsAndCsvRatio: '≤ 2',
        linesCpuMs: '≤ 10 (median, the Worker alone in workerd)',
        startupCpuMs: '≤ 50',
        bundleGzipKiB: '≤ 150',
      },
    };

    console.log(
      `\n${LINES}-line landed-cost batch: CPU per request of the workerd process (/proc utime + stime; median of ${ROUNDS} rounds, lowest–highest round)`,
    );
    console.log(
      'variant                        CPU ms   (range)          × echo   proxy ms   bytes in → out   requests/round',
    );
    const table = (rows: readonly CpuRow[]) => {
      for (const r of rows) {
        console.log(
          `${r.variant.padEnd(30)} ${String(r.cpuMs).padStart(6)}   (${r.minMs}–${r.maxMs})`.padEnd(
            56,
          ) +
            `${r.ratioToEcho === undefined ? '' : String(r.ratioToEcho)}`.padStart(6) +
            `${String(r.proxyMs ?? 'n/a').padStart(11)}   ${r.bytesIn} → ${r.bytesOut}   ${r.requestsPerRound}`,
        );
      }
    };
    table(cpu);
    if (baselineCpu !== undefined) {
      console.log(
        `\nBaseline ${summary.baseline?.commit} (${baselineDir}), measured in the rounds between:`,
      );
      table(baselineCpu);
    }
    console.log(
      '(CPU ms: both workerd processes of wrangler dev; proxy ms: the share of its proxy in front of the Worker, which production does not have)',
    );
    console.log(
      '\nThe Worker alone: the deploy bundle in `workerd serve` (one process, no dev proxy or Miniflare entry worker), rounds alternating with the above:',
    );
    table(bareCpu);
    console.log(
      `\nStart-up: ${startupMs} ms CPU in workerd (wrangler check startup); bundle ${round(size.bytes / 1024, 1)} KiB, gzip ${summary.bundle.gzipKiB} KiB`,
    );
    if (full) {
      console.log('\nLoad (autocannon, 10 connections, wrangler dev)');
      for (const l of loads)
        console.log(
          `${l.path.slice(0, 60).padEnd(60)} ${String(l.requestsPerSec).padStart(7)} req/s  p50 ${l.p50Ms} ms  p99 ${l.p99Ms} ms  non-2xx ${l.non2xx}`,
        );
      if (soaked !== undefined)
        console.log(
          `\nSoak: ${soaked.requests} requests in ${soaked.seconds} s; statuses ${JSON.stringify(soaked.statuses)}; unexpected ${soaked.unexpected}; Worker isolate heap after GC ${soaked.memoryMiB.isolateHeapAfterGc?.join(' → ')} MiB (workerd RSS ${soaked.memoryMiB.workerdRss?.join(' → ')} MiB)`,
        );
    }
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
