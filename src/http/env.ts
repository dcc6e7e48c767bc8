import type { PolicyData } from '../data/store';
import type { PostQuery } from './post-query';

/** The Workers Rate Limiting binding, as much of it as the API uses. */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** What the Worker is given by wrangler.toml, secrets and the runtime. */
export interface Bindings {
  /** Comma-separated API keys; when set, every operation but discovery needs one. A secret. */
  readonly API_KEYS?: string;
  /** Comma-separated allowed CORS origins; default any origin. */
  readonly CORS_ORIGINS?: string;
  /** The Workers Rate Limiting binding (wrangler.toml `[[ratelimits]]`); absent locally in tests. */
  readonly RATE_LIMITER?: RateLimiter;
  /** The deployed version (wrangler.toml `[version_metadata]`): part of every ETag. */
  readonly CF_VERSION_METADATA?: { readonly id: string };
  /**
   * The static assets (wrangler.toml `[assets]`), among them the OpenAPI document the build
   * generated; absent in tests and Node, which generate the document from the routes.
   */
  readonly ASSETS?: { fetch(request: Request | string): Promise<Response> };
  /** "1" turns on the benchmark's echo route (wrangler.toml `[env.bench]`). */
  readonly FLOORLINE_BENCH?: string;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    /** The policy data every calculator resolves against (createApp's `data`). */
    data: PolicyData;
    /** A POST calculator's query, once read (readPostQuery). */
    postQuery?: PostQuery;
  };
}
