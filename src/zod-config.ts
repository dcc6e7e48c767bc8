import { z } from 'zod';
import { issueMessage } from './http/issue-messages';

// Workers forbid code generation during requests, where zod would compile its parsers lazily, so
// zod interprets them (batch lines take a shortcut of their own: src/http/line-parser.ts).
// Said everywhere, so that Node (the benchmark, the OpenAPI export) runs the same code paths.
// Imported first by app.ts: zod reads it when schemas are built.
// Every issue a schema does not word itself is said in plain English (issue-messages.ts).
z.config({ jitless: true, customError: issueMessage });
