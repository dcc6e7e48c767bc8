import { z } from 'zod';

// Workers forbid eval, so zod validates without compiling parsers there. Say so everywhere, so
// that Node (the benchmark, the OpenAPI export) runs the same code paths and does not spend
// start-up time compiling parsers. Imported first by app.ts: zod reads it when schemas are built.
z.config({ jitless: true });
