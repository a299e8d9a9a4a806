// What CPython's tokenizer says about a program the parser refused, where it says it better:
// brackets never closed or never opened, and a dedent to no outer level. Checked only once parsing
// failed, so a valid program never pays for it; null when the tokenizer would find nothing.
export interface SyntaxHint {
  line: number;
  col: number;
  message: string;
}

const closerOf: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const openerOf: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Brackets, skipping strings (any prefix, triple-quoted too) and comments. */
export function bracketHint(source: string): SyntaxHint | null {
  const open: { ch: string; line: number; col: number }[] = [];
  let line = 1;
  let col = 0;
  for (let i = 0; i < source.length; i++, col++) {
    const ch = source[i];
    if (ch === '\n') {
      line += 1;
      col = -1;
    } else if (ch === '#') {
      while (i + 1 < source.length && source[i + 1] !== '\n') i++;
    } else if (ch === '"' || ch === "'") {
      const quote = source.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      let j = i + quote.length;
      while (j < source.length && !source.startsWith(quote, j)) {
        if (source[j] === '\\') j++;
        else if (source[j] === '\n') {
          if (quote.length === 1) return null; // an unterminated string: the parser's message says so
          line += 1;
          col = -1 - (j - i);
        }
        j++;
      }
      col += j + quote.length - 1 - i;
      i = j + quote.length - 1;
    } else if (closerOf[ch]) {
      open.push({ ch, line, col });
    } else if (openerOf[ch]) {
      const top = open.pop();
      if (!top) return { line, col, message: `unmatched '${ch}'` };
      if (top.ch !== openerOf[ch]) {
        const where = top.line === line ? '' : ` on line ${top.line}`;
        return { line, col, message: `closing parenthesis '${ch}' does not match opening parenthesis '${top.ch}'${where}` };
      }
    }
  }
  const first = open[0];
  return first ? { line: first.line, col: first.col, message: `'${first.ch}' was never closed` } : null;
}

/** A line indented less than the block it ends, but to no level an enclosing block has. */
function dedentHint(source: string): SyntaxHint | null {
  const levels = [0];
  const lines = source.split('\n');
  for (const [index, text] of lines.entries()) {
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const indent = text.length - text.trimStart().length;
    if (indent > levels[levels.length - 1]) levels.push(indent);
    else {
      while (indent < levels[levels.length - 1]) levels.pop();
      if (indent !== levels[levels.length - 1])
        return { line: index + 1, col: indent, message: 'unindent does not match any outer indentation level' };
    }
  }
  return null;
}

export function syntaxHint(source: string): SyntaxHint | null {
  return bracketHint(source) ?? dedentHint(source);
}
