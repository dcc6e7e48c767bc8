import { z } from '@hono/zod-openapi';

/** What the document can say of a flat field (query parameter) from the JSON request it fills. */
export interface FlatFieldTyping {
  /** The values the field takes, when the request field it fills is an enum or literal. */
  readonly enum?: readonly string[];
  /** Whether the request cannot do without it: every object on the way to the field requires it. */
  readonly required: boolean;
}

interface Reach {
  readonly schema: z.ZodType;
  readonly required: boolean;
}

/**
 * The schema under optional, default, nullable, pipe and preprocess wrappers, and whether one made
 * it optional.
 */
function unwrap(schema: z.ZodType): Reach {
  let current = schema;
  let required = true;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault) required = false;
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      // A preprocess (a transform piped into the schema) is read as the schema it feeds.
      current = (current.in instanceof z.ZodTransform ? current.out : current.in) as z.ZodType;
    } else {
      return { schema: current, required };
    }
  }
}

/** The least number of elements an array schema takes (its \`.min()\`), 0 when it sets none. */
function minLength(schema: z.ZodArray): number {
  const checks = (schema.def.checks ?? []) as {
    _zod: { def: { check?: string; minimum?: number } };
  }[];
  let least = 0;
  for (const check of checks) {
    const def = check._zod.def;
    if (def.check === 'min_length' && def.minimum !== undefined)
      least = Math.max(least, def.minimum);
  }
  return least;
}

/** Every schema a JSON Pointer can reach in `schema` (one per union branch that has it). */
function reach(schema: z.ZodType, segments: readonly string[], required: boolean): Reach[] {
  const here = unwrap(schema);
  const reached = { schema: here.schema, required: required && here.required };
  if (reached.schema instanceof z.ZodUnion) {
    return (reached.schema.options as z.ZodType[]).flatMap((option) =>
      reach(option, segments, reached.required),
    );
  }
  const [head, ...rest] = segments;
  if (head === undefined) return [reached];
  if (reached.schema instanceof z.ZodArray && /^(0|[1-9][0-9]*)$/.test(head)) {
    // An element the list must have (index below its minimum length) is required with the list.
    const within = Number(head) < minLength(reached.schema);
    return reach(reached.schema.element as z.ZodType, rest, reached.required && within);
  }
  if (!(reached.schema instanceof z.ZodObject)) return [];
  const child = (reached.schema.shape as Record<string, z.ZodType>)[head];
  return child === undefined ? [] : reach(child, rest, reached.required);
}

/**
 * The string values of an enum, a literal, a boolean (`true`, `false`: a GET form's defaults read
 * them into the boolean), or a union of them; undefined for anything else.
 */
function valuesOf(schema: z.ZodType): string[] | undefined {
  if (schema instanceof z.ZodEnum) return (schema.options as unknown[]).map(String);
  if (schema instanceof z.ZodBoolean) return ['true', 'false'];
  if (schema instanceof z.ZodLiteral) return [...schema.values].map(String);
  if (schema instanceof z.ZodUnion) {
    const parts = (schema.options as z.ZodType[]).map((o) => valuesOf(unwrap(o).schema));
    return parts.every((p) => p !== undefined) ? parts.flat() : undefined;
  }
  return undefined;
}

/**
 * What a flat field that fills `pointers` in a request of `request` is: its enum and whether it is
 * required, read from the request schema itself, so the query's document cannot disagree with the
 * JSON body's. A field is required when some pointer it fills is required in every branch; its
 * values are those of every branch that has them (a discriminator's literals, e.g. `method`).
 */
export function flatFieldTyping(request: z.ZodType, pointers: readonly string[]): FlatFieldTyping {
  let required = false;
  let values: string[] | undefined;
  for (const pointer of pointers) {
    const reached = reach(request, pointer.split('/').slice(1), true);
    if (reached.length > 0 && reached.every((r) => r.required)) required = true;
    const found = reached.map((r) => valuesOf(r.schema));
    if (values === undefined && found.length > 0 && found.every((v) => v !== undefined)) {
      values = [...new Set(found.flat())];
    }
  }
  return values === undefined ? { required } : { enum: values, required };
}

/**
 * A flat form's query schema with each parameter typed in the document from the request field it
 * fills (`form`: parameter → JSON Pointers): its enum, and `required` when the request requires
 * it (unless the form's defaults fill it: `implied`). Documentation only: the values are still read as strings and checked once, by the request
 * schema, so a query and a body get the same problems.
 */
export function typedQuery<Shape extends Record<string, z.ZodOptional<z.ZodString>>>(
  query: z.ZodObject<Shape>,
  form: Readonly<Record<string, readonly string[]>>,
  request: z.ZodType,
  implied: readonly string[] = [],
): z.ZodObject<Shape> {
  const typed: Record<string, z.ZodOptional<z.ZodString>> = {};
  for (const [name, schema] of Object.entries(query.shape)) {
    const found = flatFieldTyping(request, form[name] ?? []);
    // A field the form's defaults fill is never required of the query.
    const typing = implied.includes(name) ? { ...found, required: false } : found;
    if (typing.enum === undefined && !typing.required) continue;
    typed[name] = schema.openapi({
      ...(typing.enum === undefined ? {} : { enum: [...typing.enum] }),
      ...(typing.required ? { param: { required: true } } : {}),
    });
  }
  return query.extend(typed) as z.ZodObject<Shape>;
}
