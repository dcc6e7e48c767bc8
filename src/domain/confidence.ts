/**
 * How firmly the public sources establish a fact the calculators rest on (a rate, a floor, a
 * membership): every policy row carries one and every charge reports its row's.
 */
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
