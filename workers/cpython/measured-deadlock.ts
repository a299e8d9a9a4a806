// A deadlock in a measured run, told from the tracer's events as the engine tells its own
// (workers/deadlock.ts): every thread the tracer saw start and not end is inside a wait with no
// timeout, and no event at all came for QUIET_MS. CPython would wait for good.
import { deadlockReason, QUIET_MS, type StuckThread } from '../deadlock';
import type { TracerEvent } from './tracer-events';

interface LiveThread {
  pid: number;
  /** Its process: MainProcess, or the name multiprocessing gave it. */
  process: string;
  name: string;
  /** The line of the wait with no timeout it is in, or null. */
  waitingAt: number | null;
}

export class MeasuredDeadlockWatch {
  private readonly threads = new Map<string, LiveThread>();
  private readonly processNames = new Map<number, string>();
  private lastEventNs = 0;

  add(event: TracerEvent): void {
    this.lastEventNs = Math.max(this.lastEventNs, event.tNs);
    const key = `${event.pid}:${event.tid}`;
    const name = event.threadName ?? `thread ${event.tid}`;
    switch (event.kind) {
      case 'run':
      case 'pbegin':
        this.processNames.set(event.pid, event.kind === 'pbegin' ? event.processName : 'MainProcess');
        this.threads.set(key, { pid: event.pid, process: this.processNames.get(event.pid)!, name, waitingAt: null });
        return;
      case 'tstart':
        this.threads.set(key, {
          pid: event.pid,
          process: this.processNames.get(event.pid) ?? 'a process',
          name,
          waitingAt: null,
        });
        return;
      case 'tend':
        this.threads.delete(key);
        return;
      case 'exit':
      case 'pend':
        for (const [k, t] of this.threads) if (t.pid === event.pid) this.threads.delete(k);
        return;
      case 'b': {
        const t = this.threads.get(key);
        if (t) t.waitingAt = event.forever ? event.line : null;
        return;
      }
      case 'e': {
        const t = this.threads.get(key);
        if (t) t.waitingAt = null;
        return;
      }
      default:
        return;
    }
  }

  /** The reason to stop the run, when it is deadlocked at `nowNs`; else null. */
  deadlock(nowNs: number, lineMap: number[]): string | null {
    if (this.threads.size === 0 || nowNs - this.lastEventNs < QUIET_MS * 1e6) return null;
    const stuck: StuckThread[] = [];
    const lanes = new Map<number, LiveThread>();
    // By process (a child's pid is above its parent's), then in the order each process's threads
    // started: events of several processes arrive in any order.
    const byProcess = [...this.threads.values()].sort((a, b) => a.pid - b.pid);
    for (const t of byProcess) {
      if (t.waitingAt === null) return null;
      lanes.set(stuck.length, t);
      stuck.push({ tid: stuck.length, line: t.waitingAt });
    }
    const laneOf = (i: number) => ({
      thread: lanes.get(i)!.name,
      process: `${lanes.get(i)!.process} (pid ${lanes.get(i)!.pid})`,
    });
    return deadlockReason(stuck, laneOf, lineMap);
  }
}
