import type { FieldProblem } from './problem';

/** What a calculator's parser gives: the resolved command, or every problem found in the request. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };
