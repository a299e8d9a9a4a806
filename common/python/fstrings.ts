// f-strings as CPython 3.11 reads them (before PEP 701): the literal ends at the first quote
// like any string, the expression parts may not hold a backslash or that quote, and a lone '}'
// is an error. py-ast parses f-strings by the newer rules, so the checker scans the source
// itself and reports what 3.11's fstring_find_expr reports, with its messages.

export interface FStringProblem {
  line: number;
  col: number;
  message: string;
}

interface Token {
  line: number;
  col: number;
  prefix: string;
  body: string;
}

/** The string literals of the source, by 3.11's tokenizer: each body ends at its first unescaped closing quote. */
function stringTokens(lines: string[]): Token[] {
  const source = lines.join('\n');
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number) => {
    let line = lineStarts.length - 1;
    while (lineStarts[line] > offset) line--;
    return { line: line + 1, col: offset - lineStarts[line] };
  };
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (c !== '"' && c !== "'") {
      i++;
      continue;
    }
    let p = i;
    while (p > 0 && /[a-zA-Z]/.test(source[p - 1])) p--;
    const prefix = /^[rRbBuUfF]{0,2}$/.test(source.slice(p, i)) && !/[a-zA-Z0-9_]/.test(source[p - 1] ?? '') ? source.slice(p, i) : '';
    const quote = source.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
    let j = i + quote.length;
    while (j < source.length && !source.startsWith(quote, j)) {
      // A backslash keeps the next character in the string, in raw strings too.
      if (source[j] === '\\') j++;
      if (quote.length === 1 && source[j] === '\n') break;
      j++;
    }
    tokens.push({ ...position(p), prefix, body: source.slice(i + quote.length, j) });
    i = j + quote.length;
  }
  return tokens;
}

const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** fstring_find_expr: the replacement field starting after its '{', at body[start]; returns where it ends. */
function field(body: string, start: number, level: number): number {
  if (level >= 2) throw new Error('f-string: expressions nested too deeply');
  let i = start;
  const stack: string[] = [];
  let quote: string | null = null;
  for (; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') throw new Error('f-string expression part cannot include a backslash');
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '{' || c === '(') stack.push(c);
    else if (c === '#') throw new Error("f-string expression part cannot include '#'");
    else if (stack.length === 0 && '!:}=<>'.includes(c)) {
      const next = body[i + 1];
      if ((c === '!' || c === '=' || c === '<' || c === '>') && next === '=') {
        i++;
        continue;
      }
      if (c === '<' || c === '>') continue;
      break;
    } else if (c === ']' || c === '}' || c === ')') {
      const opening = stack.pop();
      if (opening === undefined) throw new Error(`f-string: unmatched '${c}'`);
      if (opening !== pairs[c]) throw new Error(`f-string: closing parenthesis '${c}' does not match opening parenthesis '${opening}'`);
    }
  }
  if (quote) throw new Error('f-string: unterminated string');
  if (stack.length > 0) throw new Error(`f-string: unmatched '${stack[stack.length - 1]}'`);
  if (i >= body.length) throw new Error("f-string: expecting '}'");
  if (body.slice(start, i).trim() === '') throw new Error('f-string: empty expression not allowed');
  if (body[i] === '=') {
    i++;
    while (/\s/.test(body[i] ?? '')) i++;
  }
  if (body[i] === '!') {
    const conversion = body[i + 1];
    if (conversion === undefined) throw new Error("f-string: expecting '}'");
    if (!'sra'.includes(conversion)) throw new Error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    i += 2;
  }
  if (body[i] === ':') i = literal(body, i + 1, level + 1);
  if (body[i] !== '}') throw new Error("f-string: expecting '}'");
  return i + 1;
}

/** fstring_find_literal and the fields after it, from body[start] to a closing '}' (nested) or the end. */
function literal(body: string, start: number, level: number): number {
  let i = start;
  while (i < body.length) {
    const c = body[i];
    if (c === '{' || c === '}') {
      if (level === 0 && body[i + 1] === c) {
        i += 2;
        continue;
      }
      if (c === '}') {
        if (level === 0) throw new Error("f-string: single '}' is not allowed");
        return i;
      }
      i = field(body, i + 1, level);
      continue;
    }
    i++;
  }
  return i;
}

export function fstringProblems(lines: string[]): FStringProblem[] {
  const problems: FStringProblem[] = [];
  for (const t of stringTokens(lines)) {
    if (!/[fF]/.test(t.prefix)) continue;
    try {
      literal(t.body, 0, 0);
    } catch (e) {
      problems.push({ line: t.line, col: t.col, message: (e as Error).message });
    }
  }
  return problems;
}
