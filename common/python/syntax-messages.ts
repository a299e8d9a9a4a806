// py-ast's parse errors in CPython 3.11's words, where the two differ in a way a reader would
// notice: "invalid syntax", "expected ':'", "'(' was never closed", "expected an indented block
// after 'for' statement on line 3".
import { bracketHint } from './syntax-hints';

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
  if (/^Unexpected indent/i.test(m)) return 'unexpected indent';
  if (/^Unterminated string literal/i.test(m)) return `unterminated string literal (detected at line ${line})`;
  if (/^Expected ':'/.test(m)) return "expected ':'";
  if (m === 'parameter without a default follows parameter with a default') return 'non-default argument follows default argument';
  if (/^Expected '[)\]}]'/.test(m)) return bracketHint(lines.join('\n'))?.message ?? 'invalid syntax';
  if (/^Unexpected token|^Expected (parameter |module )?name|^invalid syntax/i.test(m)) return bracketHint(lines.join('\n'))?.message ?? 'invalid syntax';
  if (/^cannot assign to (expression|literal)$/.test(m)) {
    if (/^del\b/.test(text)) return /\)\s*$/.test(text) ? 'cannot delete function call' : m.replace('assign to', 'delete');
    const keyword = /^(True|False|None)\s*=/.exec(text);
    if (keyword) return `cannot assign to ${keyword[1]}`;
    if (/^[^=]*[^=!<>]=[^=]/.test(text)) return `${m} here. Maybe you meant '==' instead of '='?`;
  }
  return m;
}
