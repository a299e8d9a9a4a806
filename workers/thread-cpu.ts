// The CPU time the operating system has given the calling thread. On Linux it is read from
// /proc/thread-self/schedstat (ns on CPU; about 1.4 µs a read with the file kept open); where
// that does not exist, the wall clock stands in and `measured` says so.
import { closeSync, openSync, readSync } from 'node:fs';
import { epochMs } from './clock';

export interface ThreadCpuClock {
  /** Milliseconds of CPU this thread has used (wall milliseconds where not measured). */
  nowMs(): number;
  readonly measured: boolean;
  close(): void;
}

export function threadCpuClock(): ThreadCpuClock {
  let fd = -1;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return { nowMs: epochMs, measured: false, close: () => undefined };
  }
  const buf = Buffer.alloc(64);
  return {
    measured: true,
    nowMs() {
      const n = readSync(fd, buf, 0, 64, 0);
      let ns = 0;
      for (let i = 0; i < n; i++) {
        const c = buf[i];
        if (c < 48 || c > 57) break;
        ns = ns * 10 + (c - 48);
      }
      return ns / 1e6;
    },
    close() {
      if (fd >= 0) closeSync(fd);
      fd = -1;
    },
  };
}
