/**
 * What the Worker bundle gets for `@asteasolutions/zod-to-openapi` (scripts/build.ts). The Worker
 * serves the OpenAPI document the build generated from the same routes (a static asset), so it
 * needs neither the generator nor the metadata the generator reads: `.openapi()` hands back the
 * schema itself (it validates exactly as before; only its documentation is left out) and the
 * registries record nothing. Node (tests, the export, the build's own document) uses the real
 * package.
 */

/** Records nothing: the document is not generated in the Worker. */
export class OpenAPIRegistry {
  readonly definitions: readonly unknown[] = [];
  register<T>(_refId: string, schema: T): T {
    return schema;
  }
  registerParameter<T>(_refId: string, schema: T): T {
    return schema;
  }
  registerPath(_route: unknown): void {}
  registerWebhook(_webhook: unknown): void {}
  registerComponent(
    _type: string,
    _name: string,
    component: unknown,
  ): { name: string; ref: unknown } {
    return { name: _name, ref: component };
  }
}

class NotInTheWorker {
  constructor() {
    throw new Error(
      'The OpenAPI document is generated at build time (scripts/build.ts), not in the Worker.',
    );
  }
}

export const OpenApiGeneratorV3 = NotInTheWorker;
export const OpenApiGeneratorV31 = NotInTheWorker;

/** `.openapi(…)` on every schema: the schema itself, undocumented. */
export function extendZodWithOpenApi(zod: { ZodType: { prototype: object } }): void {
  (zod.ZodType.prototype as { openapi?: unknown }).openapi = function openapi(this: unknown) {
    return this;
  };
}

export function getOpenApiMetadata(_schema: unknown): { _internal?: { refId?: string } } {
  return {};
}
