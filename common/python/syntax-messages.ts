// py-ast's parse errors in CPython 3.11's words, where the two differ in a way a reader would
// notice: "invalid syntax", "expected ':'", "'(' was never closed", "expected an indented block
// after 'for' statement on line 3".

const blockStatements: [RegExp, string][] = [
  [/^(async\s+)?def\b/, 'function definition'],
  [/^class\b/, 'class definition'],
  [/^(async\s+)?for\b/, "'for' statement"],
  [/^while\b/, "'while' statement"],
  [/^if\b/, "'if' statement"],
  [/^elif\b/, "'elif' statement"],
  [/^else\b/, "'else' statement"],
  [/^try\b/, "'try' statement"],
  [/^except\b/, "'except' statement"],
  [/^finally\b/, "'finally' statement"],
  [/^(async\s+)?with\b/, "'with' statement"],
];

/** The statement whose block should have started at `line`: "'for' statement on line 3". */
function blockOpener(lines: string[], line: number): string | null {
  for (let i = line - 2; i >= 0; i--) {
    const text = lines[i].trim();
    if (text === '' || text.startsWith('#')) continue;
    for (const [pattern, what] of blockStatements) if (pattern.test(text)) return `${what} on line ${i + 1}`;
    return null;
  }
  return null;
}

/** An opening bracket left open at the end of the source (`closing` false), or a closing one without an opener. */
function unbalancedBracket(lines: string[], atEnd: boolean): string | null {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const line of lines) {
    let quote: string | null = null;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
        continue;
      }
      if (c === '#') break;
      if (c === '"' || c === "'") quote = c;
      else if (c === '(' || c === '[' || c === '{') stack.push(c);
      else if (c in pairs) {
        if (stack.pop() !== pairs[c]) return `unmatched '${c}'`;
      }
    }
  }
  return atEnd && stack.length > 0 ? `'${stack[stack.length - 1]}' was never closed` : null;
}

export function cpythonSyntaxMessage(message: string, lines: string[], line: number): string {
  const text = (lines[line - 1] ?? '').trim();
  if (/^print\s+[^(=\s]/.test(text)) return "Missing parentheses in call to 'print'. Did you mean print(...)?";
  if (/^exec\s+[^(=\s]/.test(text)) return "Missing parentheses in call to 'exec'. Did you mean exec(...)?";
  const m = message.replace(/ at line \d+(, column \d+)?$/, '');
  if (/^Expected indented block/i.test(m)) {
    const opener = blockOpener(lines, line);
    return opener ? `expected an indented block after ${opener}` : 'expected an indented block';
  }
  if (/^Unterminated triple-quoted string literal/i.test(m)) return `unterminated triple-quoted string literal (detected at line ${lines.length})`;
  if (/^Unterminated string literal/i.test(m)) return `unterminated string literal (detected at line ${line})`;
  if (/^Expected ':'/.test(m)) return "expected ':'";
  if (m === 'parameter without a default follows parameter with a default') return 'non-default argument follows default argument';
  if (/^Expected '[)\]}]'/.test(m)) return unbalancedBracket(lines, true) ?? 'invalid syntax';
  if (/^Unexpected token|^Expected (parameter |module )?name|^invalid syntax/i.test(m)) return unbalancedBracket(lines, false) ?? 'invalid syntax';
  if (/^cannot assign to (expression|literal)$/.test(m)) {
    if (/^del\b/.test(text)) return /\)\s*$/.test(text) ? 'cannot delete function call' : m.replace('assign to', 'delete');
    const keyword = /^(True|False|None)\s*=/.exec(text);
    if (keyword) return `cannot assign to ${keyword[1]}`;
    if (/^[^=]*[^=!<>]=[^=]/.test(text)) return `${m} here. Maybe you meant '==' instead of '='?`;
  }
  return m;
}
