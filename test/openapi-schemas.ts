import { Validator } from '@cfworker/json-schema';
import { app } from '../src/app';

/** The parts of the served OpenAPI document the tests read. */
export interface Media {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
export interface Operation {
  operationId?: string;
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    example?: unknown;
    schema?: { example?: unknown };
  }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<
    string,
    { content?: Record<string, Media>; headers?: Record<string, unknown>; $ref?: string }
  >;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { example?: unknown }>;
    headers?: Record<string, unknown>;
    responses?: Record<string, { headers?: Record<string, unknown> }>;
  };
}

/** The document the app serves at /openapi.json. */
export async function servedDocument(): Promise<OpenApiDocument> {
  return (await (await app.request('/openapi.json')).json()) as OpenApiDocument;
}

/** A JSON Schema 2020-12 validator for `schema`, its `#/components/schemas` refs made `$defs`. */
export function schemaValidator(doc: OpenApiDocument, schema: unknown): Validator {
  const rewrite = (x: unknown) =>
    JSON.parse(JSON.stringify(x).replaceAll('#/components/schemas/', '#/$defs/'));
  return new Validator(
    { ...rewrite(schema), $defs: rewrite(doc.components.schemas) },
    '2020-12',
    false,
  );
}

/** A validator for an operation's 200 JSON body. */
export function responseValidator(doc: OpenApiDocument, path: string, method: string): Validator {
  const schema = doc.paths[path]?.[method]?.responses['200']?.content?.['application/json']?.schema;
  if (schema === undefined) throw new Error(`no 200 JSON schema for ${method} ${path}`);
  return schemaValidator(doc, schema);
}
