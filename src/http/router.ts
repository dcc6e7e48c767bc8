import { OpenAPIHono } from '@hono/zod-openapi';
import { validationHook } from './validation';

/** A router whose validation failures all answer problem+json (see validation.ts). */
export function createRouter() {
  return new OpenAPIHono({ defaultHook: validationHook });
}
