// _gil_lab's shared memory for multiprocessing.sharedctypes (Value, Array): slots of the run's
// shared file (workers/shared-memory.ts), read and written without giving up the GIL, as
// CPython reads and writes ctypes memory.
import { pyError } from '../interpreter/errors';
import { charge, defineFunction, float } from '../interpreter/native';
import { PyFloat, PyList, normInt, typeOf, type PyDict, type PyValue } from '../interpreter/objects';
import { toArray } from '../interpreter/iteration';
import { SharedMemory, SLOTS_PER_PROCESS, toSlot, typecodes } from '../shared-memory';
import { NEXT_SLOT } from '../words';
import type { ThreadsHost } from './threads';

function typecodeOf(v: PyValue): string {
  if (typeof v !== 'string') throw pyError('TypeError', `GIL Lab has no ctypes: give a typecode such as 'i' or 'd', not ${typeOf(v).name}`);
  if (!typecodes[v]) throw pyError('TypeError', 'this type has no size');
  return v;
}

/** A Python value as the slot of `typecode` holds it, with ctypes' TypeErrors. */
function slotValue(typecode: string, v: PyValue): number | bigint {
  const t = typecodes[typecode];
  if (typeof v === 'boolean') v = Number(v);
  if (t.kind === 'float') {
    if (typeof v === 'number' || typeof v === 'bigint') return toSlot(typecode, Number(v));
    if (v instanceof PyFloat) return toSlot(typecode, v.v);
    throw pyError('TypeError', `must be real number, not ${typeOf(v).name}`);
  }
  if (typeof v === 'number' || typeof v === 'bigint') return toSlot(typecode, v);
  throw pyError('TypeError', `'${typeOf(v).name}' object cannot be interpreted as an integer`);
}

function pyValue(v: number | bigint, typecode: string): PyValue {
  return typecodes[typecode].kind === 'float' ? float(Number(v)) : normInt(BigInt(v));
}

export function defineSharedMemory(d: PyDict, host: () => ThreadsHost): void {
  let memory: SharedMemory | null = null;
  const mem = () => (memory ??= new SharedMemory(host().rt.settings.sharedMemory ?? ''));
  defineFunction(d, 'shared_typecode', (args) => typecodeOf(args[0]), '_gil_lab');
  defineFunction(d, 'shared_ctype', (args) => typecodes[typecodeOf(args[0])].ctype, '_gil_lab');
  // shared_alloc(count) -> the first of `count` slots of this process's region: never used before, so zero (a sparse file's hole).
  defineFunction(d, 'shared_alloc', (args) => {
    const h = host();
    const count = Math.max(1, args[0] as number);
    const n = Atomics.add(h.words, NEXT_SLOT, count);
    if (n + count > SLOTS_PER_PROCESS) throw pyError('MemoryError', `a process may allocate at most ${SLOTS_PER_PROCESS} shared values`);
    return (h.pid - 1) * SLOTS_PER_PROCESS + n;
  }, '_gil_lab');
  defineFunction(d, 'shared_get', (args) => {
    charge();
    const typecode = args[1] as string;
    return pyValue(mem().read(args[0] as number, 1, typecode)[0], typecode);
  }, '_gil_lab');
  defineFunction(d, 'shared_set', (args) => {
    charge();
    mem().write(args[0] as number, [slotValue(args[1] as string, args[2])]);
    return null;
  }, '_gil_lab');
  // shared_read(slot, count, typecode) -> a list; shared_write(slot, typecode, iterable).
  defineFunction(d, 'shared_read', (args) => {
    const count = args[1] as number;
    charge(count);
    const typecode = args[2] as string;
    return new PyList(mem().read(args[0] as number, count, typecode).map((v) => pyValue(v, typecode)));
  }, '_gil_lab');
  defineFunction(d, 'shared_write', (args) => {
    const typecode = args[1] as string;
    const values = toArray(args[2]).map((v) => slotValue(typecode, v));
    charge(values.length);
    if (values.length > 0) mem().write(args[0] as number, values);
    return null;
  }, '_gil_lab');
}
