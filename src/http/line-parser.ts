import type { z } from 'zod';

/**
 * A parser for the many lines of one batch, which share most of their values (the same mineral,
 * lane, date and units on line after line). Each string or boolean a line gives a field is checked
 * by that field's own schema once per batch and its result reused; objects are read field by
 * field the same way. zod's answer is kept exactly: a field is checked by the schema zod would
 * check it with, and whenever this shortcut cannot vouch for the whole line (an issue, a key the
 * schema does not know, an absent field that is not optional, a whole-object refinement, a
 * number, an array) it answers `undefined` and the caller parses the line with zod itself, so a
 * bad line's problems read the same. Field schemas must be pure (the same value, the same
 * answer), as the request schemas are. This replaces `z.compile`, whose code generation cost a
 * fifth of the Worker's start-up.
 */
export type LineParser<T> = (raw: unknown) => T | undefined;

/** What a field's schema made of a value that is not valid: the line is left to zod. */
const FAILED: unique symbol = Symbol('not valid');
type Outcome = unknown;

interface Field {
  readonly key: string;
  /** The field's schema as the object declares it (optional or not). */
  readonly schema: z.ZodType;
  readonly optional: boolean;
  /** The object schema inside, for a field whose value is an object; else undefined. */
  readonly object: z.ZodObject | undefined;
  /** What the schema made of each string and boolean given this field (or FAILED). */
  readonly seen: Map<string | boolean, Outcome>;
}

interface ObjectShape {
  readonly fields: readonly Field[];
}

type Def = {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly checks?: readonly unknown[];
};
const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;

/** The object schema a field holds (through `.optional()`), when it is a plain object schema. */
function objectInside(schema: z.ZodType): z.ZodObject | undefined {
  const def = defOf(schema);
  if (def.type === 'optional' && def.innerType !== undefined) return objectInside(def.innerType);
  return def.type === 'object' ? (schema as z.ZodObject) : undefined;
}

function shapeOf(schema: z.ZodObject): ObjectShape | undefined {
  // A refinement of the whole object sees every field at once: zod alone can answer it.
  if ((defOf(schema).checks ?? []).length > 0) return undefined;
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(
    ([key, field]): Field => ({
      key,
      schema: field,
      optional: field._zod.optin === 'optional' && field._zod.optout === 'optional',
      object: objectInside(field),
      seen: new Map(),
    }),
  );
  return { fields };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One batch's parser of `schema`: create one per batch (it remembers the values it has seen). */
export function lineParser<S extends z.ZodObject>(schema: S): LineParser<z.infer<S>> {
  const shapes = new Map<z.ZodObject, ObjectShape | undefined>();
  const shapeFor = (object: z.ZodObject) => {
    if (!shapes.has(object)) shapes.set(object, shapeOf(object));
    return shapes.get(object);
  };

  const readField = (field: Field, value: unknown): Outcome => {
    if (typeof value === 'string' || typeof value === 'boolean') {
      let outcome = field.seen.get(value);
      if (outcome === undefined && !field.seen.has(value)) {
        const parsed = field.schema.safeParse(value);
        outcome = parsed.success ? parsed.data : FAILED;
        field.seen.set(value, outcome);
      }
      return outcome;
    }
    if (field.object !== undefined && isPlainObject(value)) {
      return readObject(field.object, value) ?? FAILED;
    }
    return FAILED;
  };

  const readObject = (
    schema: z.ZodObject,
    input: Record<string, unknown>,
  ): Record<string, unknown> | undefined => {
    const shape = shapeFor(schema);
    if (shape === undefined) return undefined;
    // zod writes the fields in the schema's order, leaving out the optional ones not given.
    const out: Record<string, unknown> = {};
    const { fields } = shape;
    let given = 0;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as Field;
      const value = input[field.key];
      if (value === undefined) {
        if (!field.optional || field.key in input) return undefined;
        continue;
      }
      given++;
      const outcome = readField(field, value);
      if (outcome === FAILED) return undefined;
      out[field.key] = outcome;
    }
    // Any other key (one the schema does not know) is for zod to refuse or strip. Counted without
    // listing the keys: this runs for every object of every line.
    let keys = 0;
    for (const key in input) if (Object.hasOwn(input, key)) keys++;
    return keys === given ? out : undefined;
  };

  return (raw) => (isPlainObject(raw) ? (readObject(schema, raw) as z.infer<S>) : undefined);
}
