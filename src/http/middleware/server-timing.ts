import { createMiddleware } from 'hono/factory';

/**
 * `Server-Timing: app;desc="wall time";dur=…`: the wall-clock time the Worker spent on the request,
 * in milliseconds. Locally (wrangler dev, tests) that includes CPU time; in production Workers the
 * clock advances only across I/O (Spectre mitigation), so it measures I/O wait and never CPU.
 * `npm run bench` measures CPU from the workerd process instead.
 */
export const serverTiming = createMiddleware(async (c, next) => {
  const start = performance.now();
  await next();
  const dur = (performance.now() - start).toFixed(1);
  c.res.headers.append('server-timing', `app;desc="wall time";dur=${dur}`);
});
