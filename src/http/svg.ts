/** Text and attribute values escaped for SVG/XML. */
export function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

/** Colours shared by every picture: red (China track), blue (allied track). */
export const RED = '#c0392b';
export const BLUE = '#2f6fb0';
