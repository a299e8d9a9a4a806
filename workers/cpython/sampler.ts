// The CPU sampler, seen from the main side: a worker thread (sampler-worker.ts) that reads the
// schedstat of every thread of a process tree at about 1 kHz and posts batches of readings.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Control, type SampleBatch, type SamplerData, type SamplerStats, type ToMain } from './sampler-protocol';

export type { SampleBatch, SamplerStats } from './sampler-protocol';

export type SamplerAvailability = { ok: true } | { ok: false; reason: string };

/** Whether per-thread CPU time can be read here (Linux's /proc/PID/task/TID/schedstat). */
export function samplerAvailability(): SamplerAvailability {
  if (process.platform !== 'linux')
    return { ok: false, reason: `no /proc/PID/task/TID/schedstat on ${process.platform}: CPU state not measured` };
  try {
    const fd = openSync('/proc/thread-self/schedstat', 'r');
    try {
      const n = readSync(fd, Buffer.alloc(64), 0, 64, 0);
      if (n <= 0) return { ok: false, reason: '/proc/thread-self/schedstat is empty: CPU state not measured' };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return {
      ok: false,
      reason: `/proc/thread-self/schedstat cannot be read (${(error as NodeJS.ErrnoException).code}): CPU state not measured`,
    };
  }
  return { ok: true };
}

/** The built worker entry: out/main/cpython-sampler.js (next to the bundle, or from the source tree). */
export function defaultSamplerEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [here, resolve(here, '..'), resolve(here, '..', '..', 'out', 'main')].map((d) =>
    join(d, 'cpython-sampler.js'),
  );
  return candidates.find((file) => existsSync(file)) ?? candidates[2];
}

export interface SamplerOptions {
  /** Between readings of every thread; default 1000 (1 kHz). */
  periodUs?: number;
  /** How often readings are posted; default 50 ms. */
  batchMs?: number;
  discoverEveryTicks?: number;
  entry?: string;
}

export class Sampler {
  private stats: SamplerStats | null = null;
  private exited = false;
  private readonly finished: Promise<void>;
  private failure: string | null = null;
  /** Processes of the tree the sampler sees now: the root and its living descendants. */
  readonly livePids = new Set<number>();
  /** Every process the sampler has seen. */
  readonly seenPids = new Set<number>();
  ticks = 0;
  missedTicks = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly control: Int32Array,
    onBatch: (batch: SampleBatch) => void,
    ready: () => void,
  ) {
    worker.on('message', (message: ToMain) => {
      switch (message.type) {
        case 'ready':
          ready();
          return;
        case 'samples':
          for (const pid of message.batch.newPids ?? []) {
            this.livePids.add(pid);
            this.seenPids.add(pid);
          }
          for (const pid of message.batch.gonePids ?? []) this.livePids.delete(pid);
          this.ticks = message.ticks;
          this.missedTicks = message.missedTicks;
          onBatch(message.batch);
          return;
        case 'stats':
          this.stats = message.stats;
          return;
        case 'error':
          this.failure = message.message;
          return;
      }
    });
    this.finished = new Promise((resolveExit) =>
      worker.once('exit', () => {
        this.exited = true;
        resolveExit();
      }),
    );
    worker.on('error', (error) => (this.failure = error.message));
  }

  /** Starts the worker and waits until it is ready to watch a pid (Worker start-up is tens of ms). */
  static async start(onBatch: (batch: SampleBatch) => void, options: SamplerOptions = {}): Promise<Sampler> {
    const entry = options.entry ?? defaultSamplerEntry();
    if (!existsSync(entry)) throw new Error(`the sampler is not built: ${entry} is missing (run npm run build)`);
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    const control = new SharedArrayBuffer(8);
    const data: SamplerData = {
      control,
      periodUs: options.periodUs ?? 1000,
      batchMs: options.batchMs ?? 50,
      discoverEveryTicks: options.discoverEveryTicks ?? 2,
    };
    const worker = new Worker(entry, { workerData: data });
    const sampler = new Sampler(worker, new Int32Array(control), onBatch, ready);
    const failed = new Promise<never>((_, reject) =>
      worker.once('exit', () =>
        reject(
          new Error(`the sampler's worker exited before it was ready${sampler.failure ? `: ${sampler.failure}` : ''}`),
        ),
      ),
    );
    await Promise.race([isReady, failed]);
    failed.catch(() => undefined);
    return sampler;
  }

  /** Starts reading `rootPid` and its descendants. */
  watch(rootPid: number): void {
    this.livePids.add(rootPid);
    this.seenPids.add(rootPid);
    Atomics.store(this.control, 1, rootPid);
    Atomics.store(this.control, 0, Control.run);
    Atomics.notify(this.control, 0);
  }

  /** Stops the worker after a last batch; resolves with its statistics (null if it never ran). */
  async stop(): Promise<SamplerStats | null> {
    if (!this.exited) {
      Atomics.store(this.control, 0, Control.stop);
      Atomics.notify(this.control, 0);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.finished, new Promise((r) => (timer = setTimeout(r, 500)))]);
      clearTimeout(timer);
      if (!this.exited) await this.worker.terminate();
    }
    return this.stats;
  }

  get error(): string | null {
    return this.failure;
  }
}
