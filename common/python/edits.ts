// Text edits on a program's source, and the map from each line of the result back to the line of
// the program it came from (0 for a line an edit added), so that a variant's lines light the
// program's own lines in the editor.

export interface Edit {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  text: string;
  /** The edit inserts whole lines (its text ends with a newline, at column 0): they map to no program line. */
  insertLines?: number;
  /** Edits at the same place apply in this order, lowest first (indentation before a keyword it precedes). */
  priority?: number;
}

interface Piece {
  text: string;
  /** The program line the piece starts on, or 0 for inserted lines. */
  line: number;
  inserted: boolean;
}

export function applyEdits(source: string, edits: Edit[]): { source: string; lineMap: number[] } {
  const lines = source.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  const at = (line: number, col: number) => (line - 1 < starts.length ? starts[line - 1] + col : source.length);
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const sorted = edits
    .map((e) => ({ ...e, from: at(e.line, e.col), to: at(e.endLine, e.endCol) }))
    .sort((a, b) => a.from - b.from || (a.priority ?? 0) - (b.priority ?? 0) || a.to - b.to);
  const pieces: Piece[] = [];
  let cursor = 0;
  for (const e of sorted) {
    if (e.from < cursor) continue; // overlapping replacements: the first one wins
    if (e.from > cursor) pieces.push({ text: source.slice(cursor, e.from), line: lineOf(cursor), inserted: false });
    pieces.push({ text: e.text, line: e.line, inserted: Boolean(e.insertLines) });
    cursor = e.to;
  }
  if (cursor < source.length) pieces.push({ text: source.slice(cursor), line: lineOf(cursor), inserted: false });
  let out = '';
  const lineMap: number[] = [];
  let lineStarted = false;
  for (const p of pieces) {
    let line = p.line;
    for (let i = 0; i < p.text.length; i++) {
      if (!lineStarted) {
        lineMap.push(p.inserted ? 0 : line);
        lineStarted = true;
      }
      const c = p.text[i];
      out += c;
      if (c === '\n') {
        lineStarted = false;
        if (!p.inserted) line++;
      }
    }
  }
  if (!lineStarted) lineMap.push(pieces.length ? (pieces[pieces.length - 1].inserted ? 0 : lines.length) : 1);
  return { source: out, lineMap };
}
