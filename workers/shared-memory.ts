// multiprocessing's shared memory (sharedctypes: Value, Array): a file every process of a run
// maps by reads and writes at an offset, as CPython's multiprocessing.heap maps a file in /dev/shm.
// Each slot is 8 bytes; a process allocates slots from a region of its own, so no two processes
// ever hand out the same one. A read or a write is one pread/pwrite: atomic on its own, so
// `v.value += 1` (a read, then a write) races between processes exactly as CPython's does.
import { closeSync, existsSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SLOT_BYTES = 8;
/** Slots one process may allocate (128 MiB of a sparse file: only what is written takes memory). */
export const SLOTS_PER_PROCESS = 1 << 24;

/** CPython's typecodes (array module, sharedctypes.typecode_to_type): the ctypes name and how a slot holds it. */
export const typecodes: Record<string, { ctype: string; kind: 'int' | 'float'; bits: number; signed: boolean }> = {
  b: { ctype: 'c_byte', kind: 'int', bits: 8, signed: true },
  B: { ctype: 'c_ubyte', kind: 'int', bits: 8, signed: false },
  h: { ctype: 'c_short', kind: 'int', bits: 16, signed: true },
  H: { ctype: 'c_ushort', kind: 'int', bits: 16, signed: false },
  i: { ctype: 'c_int', kind: 'int', bits: 32, signed: true },
  I: { ctype: 'c_uint', kind: 'int', bits: 32, signed: false },
  l: { ctype: 'c_long', kind: 'int', bits: 64, signed: true },
  L: { ctype: 'c_ulong', kind: 'int', bits: 64, signed: false },
  q: { ctype: 'c_longlong', kind: 'int', bits: 64, signed: true },
  Q: { ctype: 'c_ulonglong', kind: 'int', bits: 64, signed: false },
  f: { ctype: 'c_float', kind: 'float', bits: 32, signed: true },
  d: { ctype: 'c_double', kind: 'float', bits: 64, signed: true },
};

/** A slot's value as its C type holds it: ints wrap to their width (as ctypes does), a float rounds to single precision. */
export function toSlot(typecode: string, v: bigint | number): bigint | number {
  const t = typecodes[typecode];
  if (t.kind === 'float') return t.bits === 32 ? Math.fround(Number(v)) : Number(v);
  const b = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  return t.signed ? BigInt.asIntN(t.bits, b) : BigInt.asUintN(t.bits, b);
}

const live = new Set<string>();
let hooked = false;

/** A run's shared-memory file: made by the supervisor, removed when the run is over (or the engine exits). */
export function createSharedFile(runId: string): string {
  const dir = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const path = join(dir, `gil-lab-${process.pid}-${runId.replace(/[^\w-]/g, '_')}-${Date.now().toString(36)}`);
  closeSync(openSync(path, 'w', 0o600));
  live.add(path);
  if (!hooked) {
    hooked = true;
    process.on('exit', () => [...live].forEach(removeSharedFile));
  }
  return path;
}

export function removeSharedFile(path: string): void {
  live.delete(path);
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** One thread's view of the file (its own descriptor, opened on first use). */
export class SharedMemory {
  private fd: number | null = null;
  constructor(private readonly path: string) {}

  /** `count` slots from `slot` on, as numbers (floats) or bigints (ints). */
  read(slot: number, count: number, typecode: string): (number | bigint)[] {
    const buf = Buffer.alloc(count * SLOT_BYTES);
    readSync(this.file(), buf, 0, buf.length, slot * SLOT_BYTES);
    const float = typecodes[typecode].kind === 'float';
    const out: (number | bigint)[] = [];
    for (let i = 0; i < count; i++) out.push(float ? buf.readDoubleLE(i * SLOT_BYTES) : toSlot(typecode, buf.readBigInt64LE(i * SLOT_BYTES)));
    return out;
  }

  /** Writes already converted values (toSlot) from `slot` on. */
  write(slot: number, values: (number | bigint)[]): void {
    const buf = Buffer.alloc(values.length * SLOT_BYTES);
    values.forEach((v, i) => (typeof v === 'bigint' ? buf.writeBigInt64LE(BigInt.asIntN(64, v), i * SLOT_BYTES) : buf.writeDoubleLE(v, i * SLOT_BYTES)));
    writeSync(this.file(), buf, 0, buf.length, slot * SLOT_BYTES);
  }

  private file(): number {
    if (this.fd === null) {
      if (!this.path) throw new Error('this run has no shared memory');
      this.fd = openSync(this.path, 'r+');
    }
    return this.fd;
  }
}
