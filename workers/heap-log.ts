// A process's shared-heap log: every batch of ops a thread publishes, appended to one growable
// SharedArrayBuffer that every thread of the process reads from its own cursor. Entries are
// [length, writer tid, v8-serialised ops] padded to 4 bytes; the length word is written last,
// so a reader never sees half an entry.
import { deserialize, serialize } from 'node:v8';
import type { Op } from './interpreter/heap-codec';

const HEADER = 8; // tail, reserved
const ENTRY_HEADER = 8; // length, writer
const MAX_BYTES = 1 << 30;

export function newHeapLogBuffer(): SharedArrayBuffer {
  const sab = new SharedArrayBuffer(1 << 16, { maxByteLength: MAX_BYTES });
  new Int32Array(sab)[0] = HEADER;
  return sab;
}

export class HeapLog {
  private readonly words: Int32Array;
  private readonly bytes: Uint8Array;
  private cursor = HEADER;

  constructor(
    readonly sab: SharedArrayBuffer,
    /** The writer whose entries this reader skips (its own); a warm thread has written none yet. */
    public self: number,
  ) {
    this.words = new Int32Array(sab);
    this.bytes = new Uint8Array(sab);
  }

  append(ops: Op[]): void {
    const payload = serialize(ops);
    const size = ENTRY_HEADER + ((payload.length + 3) & ~3);
    const at = Atomics.add(this.words, 0, size);
    const end = at + size;
    if (end > MAX_BYTES) throw new Error(`the shared heap log is full (${MAX_BYTES >> 20} MiB of changes to shared objects)`);
    this.ensure(end);
    this.bytes.set(payload, at + ENTRY_HEADER);
    Atomics.store(this.words, (at >> 2) + 1, this.self);
    Atomics.store(this.words, at >> 2, payload.length);
  }

  /** Every batch published since the last call by other threads, in order. */
  read(): Op[][] {
    const out: Op[][] = [];
    const tail = Atomics.load(this.words, 0);
    while (this.cursor < tail) {
      if (this.cursor + ENTRY_HEADER > this.sab.byteLength) break;
      const length = Atomics.load(this.words, this.cursor >> 2);
      if (length === 0) break; // still being written (free-threading): read it next time
      const writer = Atomics.load(this.words, (this.cursor >> 2) + 1);
      if (writer !== this.self) out.push(deserialize(this.bytes.subarray(this.cursor + ENTRY_HEADER, this.cursor + ENTRY_HEADER + length)) as Op[]);
      this.cursor += ENTRY_HEADER + ((length + 3) & ~3);
    }
    return out;
  }

  private ensure(end: number): void {
    if (end <= this.sab.byteLength) return;
    const target = Math.min(MAX_BYTES, Math.max(end, this.sab.byteLength * 2));
    try {
      this.sab.grow(target);
    } catch {
      // Another thread grew it first; what matters is that it is large enough now.
      if (this.sab.byteLength < end) this.sab.grow(end);
    }
  }
}
