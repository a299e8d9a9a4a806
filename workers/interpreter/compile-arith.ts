// The hot shapes of + - * and of comparisons, on a local and a constant, two locals, or any
// expression and a constant: ints are added or compared right here, anything else goes through
// the full protocol (binaryOp, compare), with the same operands and in the same order.
import { compare, equals } from './compare';
import type { ExprFn } from './frame';
import type { PyValue } from './objects';
import { local, type Operand } from './operands';
import { binaryOp, type BinOp } from './operators';

type CmpOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

function slowCompare(op: CmpOp, a: PyValue, b: PyValue): PyValue {
  if (op === '==') return equals(a, b);
  if (op === '!=') return !equals(a, b);
  return compare(op, a, b);
}

function add(l: Operand, r: Operand): ExprFn | null {
  if (l.kind === 'local' && r.kind === 'const' && typeof r.value === 'number') {
    const { slot, name } = l;
    const b = r.value;
    return (f) => {
      const a = f.locals[slot];
      if (typeof a === 'number') {
        const r = a + b;
        if (Number.isSafeInteger(r)) return r;
      }
      return binaryOp('+', local(f, slot, name), b);
    };
  }
  if (l.kind === 'local' && r.kind === 'local') {
    const [s1, n1, s2, n2] = [l.slot, l.name, r.slot, r.name];
    return (f) => {
      const a = f.locals[s1];
      const b = f.locals[s2];
      if (typeof a === 'number' && typeof b === 'number') {
        const r = a + b;
        if (Number.isSafeInteger(r)) return r;
      }
      return binaryOp('+', local(f, s1, n1), local(f, s2, n2));
    };
  }
  if (l.kind === 'expr' && r.kind === 'const' && typeof r.value === 'number') {
    const left = l.fn;
    const b = r.value;
    return (f) => {
      const a = left(f);
      if (typeof a === 'number') {
        const r = a + b;
        if (Number.isSafeInteger(r)) return r;
      }
      return binaryOp('+', a, b);
    };
  }
  return null;
}

function subtract(l: Operand, r: Operand): ExprFn | null {
  if (l.kind === 'local' && r.kind === 'const' && typeof r.value === 'number') {
    const { slot, name } = l;
    const b = r.value;
    return (f) => {
      const a = f.locals[slot];
      if (typeof a === 'number') {
        const r = a - b;
        if (Number.isSafeInteger(r)) return r;
      }
      return binaryOp('-', local(f, slot, name), b);
    };
  }
  if (l.kind === 'local' && r.kind === 'local') {
    const [s1, n1, s2, n2] = [l.slot, l.name, r.slot, r.name];
    return (f) => {
      const a = f.locals[s1];
      const b = f.locals[s2];
      if (typeof a === 'number' && typeof b === 'number') {
        const r = a - b;
        if (Number.isSafeInteger(r)) return r;
      }
      return binaryOp('-', local(f, s1, n1), local(f, s2, n2));
    };
  }
  if (l.kind === 'expr' && r.kind === 'const' && typeof r.value === 'number') {
    const left = l.fn;
    const b = r.value;
    return (f) => {
      const a = left(f);
      if (typeof a === 'number') {
        const r = a - b;
        if (Number.isSafeInteger(r)) return r;
      }
      return binaryOp('-', a, b);
    };
  }
  return null;
}

function multiply(l: Operand, r: Operand): ExprFn | null {
  if (l.kind === 'local' && r.kind === 'const' && typeof r.value === 'number') {
    const { slot, name } = l;
    const b = r.value;
    return (f) => {
      const a = f.locals[slot];
      if (typeof a === 'number') {
        const r = a * b;
        if (Number.isSafeInteger(r)) return r || 0;
      }
      return binaryOp('*', local(f, slot, name), b);
    };
  }
  if (l.kind === 'local' && r.kind === 'local') {
    const [s1, n1, s2, n2] = [l.slot, l.name, r.slot, r.name];
    return (f) => {
      const a = f.locals[s1];
      const b = f.locals[s2];
      if (typeof a === 'number' && typeof b === 'number') {
        const r = a * b;
        if (Number.isSafeInteger(r)) return r || 0;
      }
      return binaryOp('*', local(f, s1, n1), local(f, s2, n2));
    };
  }
  if (l.kind === 'expr' && r.kind === 'const' && typeof r.value === 'number') {
    const left = l.fn;
    const b = r.value;
    return (f) => {
      const a = left(f);
      if (typeof a === 'number') {
        const r = a * b;
        if (Number.isSafeInteger(r)) return r || 0;
      }
      return binaryOp('*', a, b);
    };
  }
  return null;
}

/** A specialised closure for `l op r`, or null when the shape is not one of these. */
export function fastArithmetic(op: BinOp, l: Operand, r: Operand): ExprFn | null {
  if (op === '+') return add(l, r);
  if (op === '-') return subtract(l, r);
  if (op === '*') return multiply(l, r);
  return null;
}

function less(l: Operand, r: Operand): ExprFn | null {
  if (l.kind === 'local' && r.kind === 'const' && typeof r.value === 'number') {
    const { slot, name } = l;
    const b = r.value;
    return (f) => {
      const a = f.locals[slot];
      return typeof a === 'number' ? a < b : slowCompare('<', local(f, slot, name), b);
    };
  }
  if (l.kind === 'local' && r.kind === 'local') {
    const [s1, n1, s2, n2] = [l.slot, l.name, r.slot, r.name];
    return (f) => {
      const a = f.locals[s1];
      const b = f.locals[s2];
      return typeof a === 'number' && typeof b === 'number'
        ? a < b
        : slowCompare('<', local(f, s1, n1), local(f, s2, n2));
    };
  }
  if (l.kind === 'expr' && r.kind === 'const' && typeof r.value === 'number') {
    const left = l.fn;
    const b = r.value;
    return (f) => {
      const a = left(f);
      return typeof a === 'number' ? a < b : slowCompare('<', a, b);
    };
  }
  return null;
}

function lessEqual(l: Operand, r: Operand): ExprFn | null {
  if (l.kind === 'local' && r.kind === 'const' && typeof r.value === 'number') {
    const { slot, name } = l;
    const b = r.value;
    return (f) => {
      const a = f.locals[slot];
      return typeof a === 'number' ? a <= b : slowCompare('<=', local(f, slot, name), b);
    };
  }
  if (l.kind === 'local' && r.kind === 'local') {
    const [s1, n1, s2, n2] = [l.slot, l.name, r.slot, r.name];
    return (f) => {
      const a = f.locals[s1];
      const b = f.locals[s2];
      return typeof a === 'number' && typeof b === 'number'
        ? a <= b
        : slowCompare('<=', local(f, s1, n1), local(f, s2, n2));
    };
  }
  if (l.kind === 'expr' && r.kind === 'const' && typeof r.value === 'number') {
    const left = l.fn;
    const b = r.value;
    return (f) => {
      const a = left(f);
      return typeof a === 'number' ? a <= b : slowCompare('<=', a, b);
    };
  }
  return null;
}

function greater(l: Operand, r: Operand): ExprFn | null {
  if (l.kind === 'local' && r.kind === 'const' && typeof r.value === 'number') {
    const { slot, name } = l;
    const b = r.value;
    return (f) => {
      const a = f.locals[slot];
      return typeof a === 'number' ? a > b : slowCompare('>', local(f, slot, name), b);
    };
  }
  if (l.kind === 'local' && r.kind === 'local') {
    const [s1, n1, s2, n2] = [l.slot, l.name, r.slot, r.name];
    return (f) => {
      const a = f.locals[s1];
      const b = f.locals[s2];
      return typeof a === 'number' && typeof b === 'number'
        ? a > b
        : slowCompare('>', local(f, s1, n1), local(f, s2, n2));
    };
  }
  if (l.kind === 'expr' && r.kind === 'const' && typeof r.value === 'number') {
    const left = l.fn;
    const b = r.value;
    return (f) => {
      const a = left(f);
      return typeof a === 'number' ? a > b : slowCompare('>', a, b);
    };
  }
  return null;
}

function greaterEqual(l: Operand, r: Operand): ExprFn | null {
  if (l.kind === 'local' && r.kind === 'const' && typeof r.value === 'number') {
    const { slot, name } = l;
    const b = r.value;
    return (f) => {
      const a = f.locals[slot];
      return typeof a === 'number' ? a >= b : slowCompare('>=', local(f, slot, name), b);
    };
  }
  if (l.kind === 'local' && r.kind === 'local') {
    const [s1, n1, s2, n2] = [l.slot, l.name, r.slot, r.name];
    return (f) => {
      const a = f.locals[s1];
      const b = f.locals[s2];
      return typeof a === 'number' && typeof b === 'number'
        ? a >= b
        : slowCompare('>=', local(f, s1, n1), local(f, s2, n2));
    };
  }
  if (l.kind === 'expr' && r.kind === 'const' && typeof r.value === 'number') {
    const left = l.fn;
    const b = r.value;
    return (f) => {
      const a = left(f);
      return typeof a === 'number' ? a >= b : slowCompare('>=', a, b);
    };
  }
  return null;
}

function equal(l: Operand, r: Operand): ExprFn | null {
  if (l.kind === 'local' && r.kind === 'const' && typeof r.value === 'number') {
    const { slot, name } = l;
    const b = r.value;
    return (f) => {
      const a = f.locals[slot];
      return typeof a === 'number' ? a === b : slowCompare('==', local(f, slot, name), b);
    };
  }
  if (l.kind === 'local' && r.kind === 'local') {
    const [s1, n1, s2, n2] = [l.slot, l.name, r.slot, r.name];
    return (f) => {
      const a = f.locals[s1];
      const b = f.locals[s2];
      return typeof a === 'number' && typeof b === 'number'
        ? a === b
        : slowCompare('==', local(f, s1, n1), local(f, s2, n2));
    };
  }
  if (l.kind === 'expr' && r.kind === 'const' && typeof r.value === 'number') {
    const left = l.fn;
    const b = r.value;
    return (f) => {
      const a = left(f);
      return typeof a === 'number' ? a === b : slowCompare('==', a, b);
    };
  }
  return null;
}

function notEqual(l: Operand, r: Operand): ExprFn | null {
  if (l.kind === 'local' && r.kind === 'const' && typeof r.value === 'number') {
    const { slot, name } = l;
    const b = r.value;
    return (f) => {
      const a = f.locals[slot];
      return typeof a === 'number' ? a !== b : slowCompare('!=', local(f, slot, name), b);
    };
  }
  if (l.kind === 'local' && r.kind === 'local') {
    const [s1, n1, s2, n2] = [l.slot, l.name, r.slot, r.name];
    return (f) => {
      const a = f.locals[s1];
      const b = f.locals[s2];
      return typeof a === 'number' && typeof b === 'number'
        ? a !== b
        : slowCompare('!=', local(f, s1, n1), local(f, s2, n2));
    };
  }
  if (l.kind === 'expr' && r.kind === 'const' && typeof r.value === 'number') {
    const left = l.fn;
    const b = r.value;
    return (f) => {
      const a = left(f);
      return typeof a === 'number' ? a !== b : slowCompare('!=', a, b);
    };
  }
  return null;
}

/** A specialised closure for the comparison `l op r`, or null. */
export function fastComparison(op: string, l: Operand, r: Operand): ExprFn | null {
  switch (op) {
    case '<':
      return less(l, r);
    case '<=':
      return lessEqual(l, r);
    case '>':
      return greater(l, r);
    case '>=':
      return greaterEqual(l, r);
    case '==':
      return equal(l, r);
    case '!=':
      return notEqual(l, r);
    default:
      return null;
  }
}
