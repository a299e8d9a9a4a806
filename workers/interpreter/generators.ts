// Generator and coroutine objects: a frame and a JavaScript generator that runs its body.
// Resuming pushes the frame on the thread (for lines and tracebacks); `await` and `yield from`
// drive an inner generator step by step so that its frame is pushed too.
import { call, findAttr } from './attributes';
import { pyError, PyExc } from './errors';
import { addTraceback, type Frame, type GenStmtFn, type Signal, type ThreadState } from './frame';
import { iterate, PyIterator } from './iteration';
import { PyType, typeOf, types, type PyValue } from './objects';

export class PyGenerator extends PyIterator {
  private readonly gen: Generator<PyValue, Signal, PyValue>;
  private running = false;
  finished = false;

  constructor(
    readonly kind: 'generator' | 'coroutine',
    readonly frame: Frame,
    body: GenStmtFn,
    readonly name: string,
    readonly qualname: string,
    private readonly ts: ThreadState,
  ) {
    super();
    this.gen = body(frame);
  }

  override get cls(): PyType {
    return this.kind === 'coroutine' ? types.coroutine : types.generator;
  }

  /** Runs to the next yield: {done: false, value} — or to the end: {done: true, value: the return value}. */
  resume(mode: 'send' | 'throw', value: PyValue | PyExc): IteratorResult<PyValue, PyValue> {
    if (this.finished) {
      if (this.kind === 'coroutine') throw pyError('RuntimeError', 'cannot reuse already awaited coroutine');
      if (mode === 'throw') throw value;
      return { done: true, value: null };
    }
    if (this.running) throw pyError('ValueError', `${this.kind} already executing`);
    const ts = this.ts;
    const f = this.frame;
    this.running = true;
    f.back = ts.frame;
    ts.frame = f;
    ts.depth++;
    try {
      const r = mode === 'send' ? this.gen.next(value as PyValue) : this.gen.throw(value);
      if (r.done) {
        this.finished = true;
        return { done: true, value: f.ret };
      }
      return { done: false, value: r.value };
    } catch (e) {
      this.finished = true;
      throw addTraceback(e, f.code, f);
    } finally {
      this.running = false;
      ts.frame = f.back;
      ts.depth--;
    }
  }

  next(): PyValue | undefined {
    const r = this.resume('send', null);
    return r.done ? undefined : r.value;
  }

  /** gen.send(v) as Python sees it: the yielded value, or StopIteration(return value). */
  send(v: PyValue): PyValue {
    const r = this.resume('send', v);
    if (r.done) throw stopIteration(r.value);
    return r.value;
  }

  throw(e: PyExc): PyValue {
    const r = this.resume('throw', e);
    if (r.done) throw stopIteration(r.value);
    return r.value;
  }

  close(): void {
    if (this.finished) return;
    try {
      this.resume('throw', pyError('GeneratorExit'));
    } catch (e) {
      if (!(e instanceof PyExc) || !e.value.type.mro.includes(types.object)) throw e;
      const name = e.value.type.name;
      if (name !== 'GeneratorExit' && name !== 'StopIteration') throw e;
    }
    this.finished = true;
  }
}

export function stopIteration(value: PyValue): PyExc {
  return value === null ? pyError('StopIteration') : pyError('StopIteration', undefined, value);
}

/** Runs an inner generator to its end, passing sends and throws through; returns its return value. */
export function* drive(g: PyGenerator): Generator<PyValue, PyValue, PyValue> {
  let r = g.resume('send', null);
  while (!r.done) {
    let sent: PyValue;
    try {
      sent = yield r.value;
    } catch (e) {
      if (!(e instanceof PyExc)) throw e;
      r = g.resume('throw', e);
      continue;
    }
    r = g.resume('send', sent);
  }
  return r.value;
}

/** `yield from x`. */
export function* yieldFrom(v: PyValue): Generator<PyValue, PyValue, PyValue> {
  if (v instanceof PyGenerator) return yield* drive(v);
  const it = iterate(v);
  for (let x = it.next(); x !== undefined; x = it.next()) yield x;
  return null;
}

/** `await x`: a coroutine is driven; anything else must have __await__ (asyncio's Future does). */
export function* awaitValue(v: PyValue): Generator<PyValue, PyValue, PyValue> {
  if (v instanceof PyGenerator && v.kind === 'coroutine') return yield* drive(v);
  const m = findAttr(v, '__await__');
  if (m === undefined) throw pyError('TypeError', `object ${typeOf(v).name} can't be used in 'await' expression`);
  return yield* yieldFrom(call(m, [], null));
}
