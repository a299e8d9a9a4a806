// Python indexes strings by code point; JavaScript by UTF-16 unit. They differ only for
// characters beyond U+FFFF (emoji …), which take two units: these helpers convert, and cost a
// scan only when a string has such a character.
const surrogate = /[\uD800-\uDFFF]/;

export function hasAstral(s: string): boolean {
  return surrogate.test(s);
}

/** len(s). */
export function cpLength(s: string): number {
  if (!surrogate.test(s)) return s.length;
  let n = 0;
  for (let u = 0; u < s.length; u += s.codePointAt(u)! > 0xffff ? 2 : 1) n++;
  return n;
}

/** The UTF-16 offset of code point `i` (clamped to the end). */
export function unitOffset(s: string, i: number): number {
  if (!surrogate.test(s)) return i;
  let u = 0;
  for (let k = 0; k < i && u < s.length; k++) u += s.codePointAt(u)! > 0xffff ? 2 : 1;
  return u;
}

/** The code point index of UTF-16 offset `u`. */
export function cpIndex(s: string, u: number): number {
  return surrogate.test(s) ? cpLength(s.slice(0, u)) : u;
}

/** s[:n] by code points. */
export function cpPrefix(s: string, n: number): string {
  return s.slice(0, unitOffset(s, n));
}
