// CPython's own latencies that the engine charges rather than inherits: how long Thread.start()
// and Process.start() (the platform's default start method) take until the target runs, and how
// long a thread signalled by the GIL's release takes to wake and run. Measured once per python3
// with a short script, cached beside the cost table; documented defaults without python3.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StartCosts {
  /** threading.Thread.start() until the target runs (ms). */
  threadMs: number;
  /** multiprocessing.Process.start() until the target runs (ms). */
  processMs: number;
  /** A thread signalled by drop_gil until it runs (µs): see Gil's wakeUs. */
  wakeUs: number;
  /** Where the numbers came from, in one line. */
  source: string;
}

/**
 * Without python3: CPython 3.11 on the project's 2-core Linux machine (fork: 1.2 ms). Where the
 * default start method is spawn (macOS, Windows), a child starts a new interpreter and imports
 * the parent's main module: tens of milliseconds.
 */
export function defaultStartCosts(platform: NodeJS.Platform = process.platform): StartCosts {
  const fork = platform === 'linux';
  return {
    threadMs: 0.11,
    processMs: fork ? 1.2 : 60,
    wakeUs: 7,
    source: `default start costs (CPython 3.11, ${fork ? 'fork on the project’s 2-core Linux machine' : 'spawn, an estimate'})`,
  };
}

/** Medians of many starts and wake-ups; prints one JSON line. About half a second. */
const SCRIPT = String.raw`
import json, multiprocessing as mp, os, threading, time
def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]
def report(t0, w):
    os.write(w, (repr(time.perf_counter() - t0) + "\n").encode())
def thread_target(t0, out):
    out.append(time.perf_counter() - t0)
def process_starts(n):
    r, w = os.pipe()
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        p = mp.Process(target=report, args=(t0, w))
        p.start()
        p.join()
        times.append(float(os.read(r, 64)))
    return median(times)
def thread_starts(n):
    out = []
    for _ in range(n):
        t = threading.Thread(target=thread_target, args=(time.perf_counter(), out))
        t.start()
        t.join()
    return median(out)
def wake_ups(n):
    lock = threading.Lock()
    lock.acquire()
    sent, woke, ready = [], [], threading.Event()
    def waiter():
        for _ in range(n):
            lock.acquire()
            woke.append(time.perf_counter() - sent[-1])
            ready.set()
    t = threading.Thread(target=waiter)
    t.start()
    for _ in range(n):
        ready.clear()
        sent.append(time.perf_counter())
        lock.release()
        time.sleep(0.001)  # releases the GIL, as the holder's blocking call does
        ready.wait()
    t.join()
    return median(woke)
if __name__ == "__main__":
    print(json.dumps({"method": mp.get_start_method(), "processS": process_starts(15), "threadS": thread_starts(40), "wakeS": wake_ups(100)}))
`;

const cacheFile = 'start-costs.json';

interface Measured {
  method: string;
  processS: number;
  threadS: number;
  wakeS: number;
}

function runScript(executable: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    execFile(executable, ['-c', SCRIPT], { encoding: 'utf8', timeout: 30_000 }, (error, stdout) => {
      if (error) return reject(error);
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as Measured);
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

function readCache(dir: string | null, key: string): StartCosts | null {
  if (!dir) return null;
  try {
    const entries = JSON.parse(readFileSync(join(dir, cacheFile), 'utf8')) as Record<string, StartCosts>;
    const e = entries[key];
    return e && [e.threadMs, e.processMs, e.wakeUs].every((x) => typeof x === 'number' && x > 0) ? e : null;
  } catch {
    return null;
  }
}

function writeCache(dir: string | null, key: string, costs: StartCosts): void {
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    let entries: Record<string, StartCosts> = {};
    try {
      entries = JSON.parse(readFileSync(join(dir, cacheFile), 'utf8')) as Record<string, StartCosts>;
    } catch {
      // no cache yet
    }
    entries[key] = costs;
    writeFileSync(join(dir, cacheFile), `${JSON.stringify(entries, null, 2)}\n`);
  } catch {
    // A cache that cannot be written only costs a measurement next time.
  }
}

/** This python3's start costs: cached, else measured (and cached), else the defaults. */
export async function measureStartCosts(
  python: { executable: string; version: string } | null,
  cacheDir: string | null,
  again = false,
): Promise<StartCosts> {
  if (!python) return defaultStartCosts();
  const key = `${python.executable}|${python.version}`;
  const cached = again ? null : readCache(cacheDir, key);
  if (cached) return cached;
  try {
    const m = await runScript(python.executable);
    const costs: StartCosts = {
      threadMs: m.threadS * 1000,
      processMs: m.processS * 1000,
      wakeUs: m.wakeS * 1e6,
      source: `start costs measured in CPython ${python.version} (${m.method})`,
    };
    writeCache(cacheDir, key, costs);
    return costs;
  } catch (error) {
    return {
      ...defaultStartCosts(),
      source: `${defaultStartCosts().source}; measuring failed: ${(error as Error).message.split('\n')[0]}`,
    };
  }
}
