// asyncio on one thread: main() and every task are coroutines of one event loop. `io`/`sleep`
// await (the loop runs another ready coroutine), `cpu` blocks the loop. Each coroutine gets its
// own lane: `running` while the loop runs it, `waiting` while it is ready but the loop is busy,
// `io` while it awaits. Like non-daemon threads, every started task runs to completion.
import { stateCode, type TraceBatch } from '../common/trace';
import { blockUntil, epochMs } from './clock';
import { burn, sliceIterations } from './cpu';
import type { FromThread, RunSettings, ThreadSpec } from './messages';
import { IDLE, Recorder, statsOf } from './recorder';
import { StepCursor } from './steps';

interface Coroutine {
  recorder: Recorder;
  cursor: StepCursor;
  task: string | null;
  /** Set while main awaits its tasks: the task name to wait for, or '' for all. */
  joining: string | null;
  wakeAtMs: number;
  done: boolean;
}

export interface EventLoopContext {
  spec: ThreadSpec;
  settings: RunSettings;
  t0EpochMs: number;
  post: (message: FromThread) => void;
  flushMs: number;
}

export function runEventLoop({ spec, settings, t0EpochMs, post, flushMs }: EventLoopContext): void {
  const recorderFor = (tid: number) => new Recorder(settings.runId, tid, t0EpochMs, settings.maxIntervalsPerLane);
  const main: Coroutine = {
    recorder: recorderFor(spec.tid),
    cursor: new StepCursor(settings.program.main, settings.timeScale),
    task: null,
    joining: null,
    wakeAtMs: 0,
    done: false,
  };
  const all: Coroutine[] = [main];
  const ready: Coroutine[] = [main];
  const sleeping: Coroutine[] = [];
  const pending: Coroutine[] = []; // created, waiting for a slot (the pool size)
  let lanesUsed = 0;
  let active = 0;
  const slice = sliceIterations(settings.itersPerMs);
  let lastFlush = epochMs();

  const flushIfDue = (force = false) => {
    const now = epochMs();
    if (!force && now - lastFlush < flushMs) return;
    lastFlush = now;
    const batches = all.map((c) => c.recorder.takeBatch()).filter((b): b is TraceBatch => b !== null);
    if (batches.length > 0) post({ type: 'trace', batches });
  };

  const makeReady = (c: Coroutine) => {
    c.recorder.enter(stateCode.waiting);
    ready.push(c);
  };

  const unfinished = (task: string) =>
    all.some((c) => c.task !== null && !c.done && (task === '' || c.task === task));

  const createTask = (task: string) => {
    const lane = spec.taskLanes[lanesUsed++];
    const c: Coroutine = {
      recorder: recorderFor(lane.tid),
      cursor: new StepCursor(settings.program.tasks[task], settings.timeScale),
      task,
      joining: null,
      wakeAtMs: 0,
      done: false,
    };
    all.push(c);
    if (active < spec.maxConcurrentTasks) {
      active++;
      makeReady(c);
    } else pending.push(c);
  };

  const finish = (c: Coroutine) => {
    c.done = true;
    c.recorder.enter(IDLE);
    if (c.task === null) return;
    active--;
    const next = pending.shift();
    if (next) {
      active++;
      makeReady(next);
    }
    if (main.joining !== null && !unfinished(main.joining)) {
      main.joining = null;
      makeReady(main);
    }
  };

  /** Runs one coroutine until it awaits or returns. */
  const step = (c: Coroutine) => {
    c.recorder.enter(stateCode.running);
    for (let s = c.cursor.next(); s; s = c.cursor.next()) {
      switch (s.op) {
        case 'cpu': {
          let left = Math.round(s.ms * settings.timeScale * settings.itersPerMs);
          while (left > 0) {
            const n = Math.min(left, slice);
            burn(n);
            left -= n;
            flushIfDue();
          }
          break;
        }
        case 'print':
          c.recorder.instant('print', s.text);
          break;
        case 'io':
        case 'sleep':
          c.wakeAtMs = epochMs() + s.ms * settings.timeScale;
          c.recorder.enter(stateCode.io);
          sleeping.push(c);
          return;
        case 'start': {
          const copies = s.copies === 'workers' ? settings.workers : (s.copies ?? 1);
          for (let i = 0; i < copies; i++) createTask(s.task);
          break;
        }
        case 'join':
          if (unfinished(s.task ?? '')) {
            c.joining = s.task ?? '';
            c.recorder.enter(IDLE);
            return;
          }
          break;
      }
    }
    finish(c);
  };

  while (!all.every((c) => c.done)) {
    const now = epochMs();
    // Timers that are due wake their coroutines, earliest first.
    sleeping.sort((a, b) => a.wakeAtMs - b.wakeAtMs);
    while (sleeping.length > 0 && sleeping[0].wakeAtMs <= now) {
      const c = sleeping.shift()!;
      c.recorder.ioCount++;
      makeReady(c);
    }
    const next = ready.shift();
    if (next) {
      step(next);
    } else if (sleeping.length > 0) {
      blockUntil(Math.min(sleeping[0].wakeAtMs, epochMs() + flushMs));
    } else {
      throw new Error('asyncio event loop has nothing to run but not every coroutine is done');
    }
    flushIfDue();
  }

  flushIfDue(true);
  post({ type: 'thread-end', stats: all.map((c) => statsOf(c.recorder)) });
  post({ type: 'main-done', tid: spec.tid });
}
