import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// Every test runs inside workerd, the runtime the API is deployed on.
export default defineConfig({
  root,
  // Tests import src/ directly; `main` points the runner at the source, not the built dist/worker.js.
  plugins: [
    cloudflareTest({
      main: `${root}src/index.ts`,
      wrangler: { configPath: `${root}wrangler.toml` },
    }),
  ],
  test: {
    include: ['test/**/*.test.ts'],
  },
});
