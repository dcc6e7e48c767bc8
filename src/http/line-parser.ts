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

/**
 * Checks that answer, without zod, that a schema reads a string as the string itself (a decimal
 * string such as "1000.5"), registered by the schema's module. A check may only say yes where the
 * schema would succeed with the same string; where it says no, zod decides.
 */
const STRING_CHECKS = new WeakMap<z.ZodType, (value: string) => boolean>();

/** Registers `check` for `schema` (see STRING_CHECKS); returns the schema. */
export function readsStringAsItself<S extends z.ZodType>(
  schema: S,
  check: (value: string) => boolean,
): S {
  STRING_CHECKS.set(schema, check);
  return schema;
}

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
  /** The registered check of the field's schema (through `.optional()`), if any. */
  readonly itself: ((value: string) => boolean) | undefined;
}

interface ObjectShape {
  readonly fields: readonly Field[];
  /** Each field's index in `fields`, by key. */
  readonly index: ReadonlyMap<string, number>;
  /** The fields a value must give (not optional), as a bit per index. */
  readonly required: number;
  /** Where one object's outcomes are kept while it is read (objects nest, never in themselves). */
  readonly outcomes: Outcome[];
}

/** Fields one object may have for its given fields to be tracked as the bits of a number. */
const MAX_FIELDS = 30;

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

/** The check registered for the schema a field holds (through `.optional()`). */
function checkInside(schema: z.ZodType): ((value: string) => boolean) | undefined {
  const own = STRING_CHECKS.get(schema);
  if (own !== undefined) return own;
  const def = defOf(schema);
  return def.type === 'optional' && def.innerType !== undefined
    ? checkInside(def.innerType)
    : undefined;
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
      itself: checkInside(field),
    }),
  );
  if (fields.length > MAX_FIELDS) return undefined;
  let required = 0;
  for (let i = 0; i < fields.length; i++) if (!(fields[i] as Field).optional) required |= 1 << i;
  return {
    fields,
    index: new Map(fields.map((f, i) => [f.key, i])),
    required,
    outcomes: new Array(fields.length),
  };
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
        // A value the schema reads as itself (most decimals of a batch differ line to line).
        if (typeof value === 'string' && field.itself?.(value) === true) return value;
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
    const { fields, index, outcomes } = shape;
    // The keys given, each read as its field's schema reads it. A key the schema does not know is
    // for zod to refuse or strip; a key given as undefined, for zod to read. Read in the order
    // given (one look-up per key given, none per field left out), written below in the schema's.
    let given = 0;
    let last = -1;
    // Whether zod's answer would be `input` over again: its keys in the schema's order, every
    // value as given (no default, no rewrite such as "cn" → "CN").
    let same = true;
    for (const key in input) {
      if (!Object.hasOwn(input, key)) continue;
      const i = index.get(key);
      const value = input[key];
      if (i === undefined || value === undefined) return undefined;
      const outcome = readField(fields[i] as Field, value);
      if (outcome === FAILED) return undefined;
      outcomes[i] = outcome;
      given |= 1 << i;
      if (outcome !== value || i < last) same = false;
      last = i;
    }
    if ((given & shape.required) !== shape.required) return undefined;
    // Then the line is its own reading (a batch's lines are read, never written).
    if (same) return input;
    // zod writes the fields in the schema's order, leaving out the optional ones not given.
    const out: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++)
      if ((given & (1 << i)) !== 0) out[(fields[i] as Field).key] = outcomes[i];
    return out;
  };

  return (raw) => (isPlainObject(raw) ? (readObject(schema, raw) as z.infer<S>) : undefined);
}
