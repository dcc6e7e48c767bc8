/**
 * JSON answers encoded once. V8 keeps a string one byte per character while it is ASCII; one `×`,
 * `→` or `–` anywhere makes the whole JSON text two bytes per character, and workerd then converts
 * it to UTF-8 about as slowly as it was stringified. So an answer is either kept ASCII (the few
 * non-ASCII characters escaped as `\uXXXX`, which JSON reads back as the same text) or encoded to
 * UTF-8 once with TextEncoder.
 */

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;
const encoder = new TextEncoder();

const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON text of `value` in ASCII: non-ASCII characters escaped (for small parts of an answer).
 * `ascii` says the caller knows every string in `value` to be ASCII: its text is then not read.
 */
export function asciiJson(value: unknown, ascii = false): string {
  const text = JSON.stringify(value);
  return !ascii && NON_ASCII.test(text) ? text.replace(NON_ASCII_ALL, unicodeEscape) : text;
}

/** Whether `text` is ASCII (escaped by asciiJson as it is). */
export const isAscii = (text: string): boolean => !NON_ASCII.test(text);

/** A JSON body: the text itself when it is ASCII, else its UTF-8 bytes, encoded once. */
export function jsonBody(value: unknown): string | Uint8Array<ArrayBuffer> {
  const text = JSON.stringify(value);
  return NON_ASCII.test(text) ? (encoder.encode(text) as Uint8Array<ArrayBuffer>) : text;
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
