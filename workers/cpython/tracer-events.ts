// The events tracer.py writes, one JSON array per line: [kind, tNs, pid, tid, threadName, line, ...].
// tNs is time.perf_counter_ns(): on Linux CLOCK_MONOTONIC, the clock of process.hrtime.bigint().

interface Common {
  tNs: number;
  pid: number;
  /** threading.get_native_id(): the OS thread id (/proc/PID/task/TID). */
  tid: number;
  threadName: string | null;
  line: number;
}

export type TracerEvent = Common &
  (
    | {
        kind: 'sync';
        monotonicNs: number;
        epochNs: number;
        python: string;
        executable: string;
        gilEnabled: boolean;
        perfCounterClock: string;
      }
    | { kind: 'run'; program: string }
    | { kind: 'exit'; exitCode: number }
    /** forever: a wait with no timeout (a deadlock is every thread in one). */
    | { kind: 'b'; state: 'io' | 'blocked'; call: string; forever: boolean }
    | { kind: 'e' }
    | { kind: 'print'; text: string; stream: 'stdout' | 'stderr' }
    | { kind: 'tspawn'; childTid: number | null; childName: string }
    | { kind: 'tstart' }
    | { kind: 'tend' }
    | { kind: 'rename'; targetTid: number; name: string }
    | { kind: 'pspawn'; childPid: number; childName: string }
    | { kind: 'pbegin'; processName: string; parentPid: number }
    | { kind: 'pend'; exitCode: number }
    | { kind: 'exc'; where: 'main' | 'thread' | 'process'; text: string; lastLine: string }
  );

export type TracerEventKind = TracerEvent['kind'];

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));

/** One line of the events pipe; null for a line that is not an event (cut, or not ours). */
export function parseTracerEvent(line: string): TracerEvent | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  if (!Array.isArray(raw) || raw.length < 6 || typeof raw[0] !== 'string' || typeof raw[1] !== 'number') return null;
  const common: Common = {
    tNs: raw[1],
    pid: num(raw[2]),
    tid: num(raw[3]),
    threadName: typeof raw[4] === 'string' ? raw[4] : null,
    line: num(raw[5]),
  };
  const f = raw.slice(6) as unknown[];
  switch (raw[0]) {
    case 'sync':
      return {
        ...common,
        kind: 'sync',
        monotonicNs: num(f[0]),
        epochNs: num(f[1]),
        python: str(f[2]),
        executable: str(f[3]),
        gilEnabled: f[4] !== false,
        perfCounterClock: str(f[5]),
      };
    case 'run':
      return { ...common, kind: 'run', program: str(f[0]) };
    case 'exit':
      return { ...common, kind: 'exit', exitCode: num(f[0]) };
    case 'b':
      return { ...common, kind: 'b', state: f[0] === 'io' ? 'io' : 'blocked', call: str(f[1]), forever: f[2] === 1 };
    case 'e':
      return { ...common, kind: 'e' };
    case 'print':
      return { ...common, kind: 'print', text: str(f[0]), stream: f[1] === 'stderr' ? 'stderr' : 'stdout' };
    case 'tspawn':
      return { ...common, kind: 'tspawn', childTid: typeof f[0] === 'number' ? f[0] : null, childName: str(f[1]) };
    case 'tstart':
      return { ...common, kind: 'tstart' };
    case 'tend':
      return { ...common, kind: 'tend' };
    case 'rename':
      return { ...common, kind: 'rename', targetTid: num(f[0]), name: str(f[1]) };
    case 'pspawn':
      return { ...common, kind: 'pspawn', childPid: num(f[0]), childName: str(f[1]) };
    case 'pbegin':
      return { ...common, kind: 'pbegin', processName: str(f[0]), parentPid: num(f[1]) };
    case 'pend':
      return { ...common, kind: 'pend', exitCode: num(f[0]) };
    case 'exc': {
      const where = f[0] === 'thread' || f[0] === 'process' ? f[0] : 'main';
      return { ...common, kind: 'exc', where, text: str(f[1]), lastLine: str(f[2]) };
    }
    default:
      return null;
  }
}

/** Splits a stream's chunks into lines, keeping a partial last line for the next chunk. */
export class LineSplitter {
  private rest = '';

  push(chunk: string): string[] {
    const text = this.rest + chunk;
    const lines = text.split('\n');
    this.rest = lines.pop() ?? '';
    return lines;
  }

  /** The partial line left at the end of the stream. */
  end(): string[] {
    const rest = this.rest;
    this.rest = '';
    return rest ? [rest] : [];
  }
}
