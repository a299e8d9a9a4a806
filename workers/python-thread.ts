// Entry of a worker thread that plays one Python thread (or, for asyncio, the event loop's thread).
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { stateCode } from '../common/trace';
import { blockUntil } from './clock';
import { runEventLoop } from './event-loop';
import { Inbox } from './inbox';
import type { FromThread, ThreadData } from './messages';
import { PythonThread } from './python-thread-state';
import { StepCursor } from './steps';

const data = workerData as ThreadData & { port: MessagePort };
const { spec, settings } = data;
const inbox = new Inbox(data.signal, data.port);
const post = (message: FromThread) => parentPort!.postMessage(message);

/** How often a thread sends what it recorded: a few times a second, so lanes fill in live. */
const FLUSH_MS = 150;

/** Waits for the supervisor's `go`, which says when the run's clock starts. */
function awaitGo(): number {
  for (;;) {
    const message = inbox.take(1000);
    if (message?.type === 'go') return message.t0EpochMs;
  }
}

post({ type: 'thread-ready', tid: spec.tid });
const t0EpochMs = awaitGo();
blockUntil(t0EpochMs);

if (spec.role === 'event-loop') {
  runEventLoop({ spec, settings, t0EpochMs, post, flushMs: FLUSH_MS });
} else {
  const thread = new PythonThread(spec, settings, t0EpochMs, data.gil, post, FLUSH_MS);
  if (spec.role === 'main') runMain(thread);
  else runExecutor(thread);
  thread.finish();
}

function runMain(thread: PythonThread): void {
  const started = new Map<string, number>();
  const finished = new Map<string, number>();
  const count = (map: Map<string, number>, task?: string) =>
    task === undefined ? [...map.values()].reduce((a, b) => a + b, 0) : (map.get(task) ?? 0);

  thread.acquire();
  const cursor = new StepCursor(settings.program.main, settings.timeScale);
  for (let step = cursor.next(); step; step = cursor.next()) {
    if (step.op === 'start') {
      const copies = step.copies === 'workers' ? settings.workers : (step.copies ?? 1);
      if (spec.inlineTasks) {
        for (let i = 0; i < copies; i++) thread.runSteps(settings.program.tasks[step.task]);
      } else {
        started.set(step.task, count(started, step.task) + copies);
        post({ type: 'start-task', tid: spec.tid, task: step.task, copies });
      }
    } else if (step.op === 'join') {
      const task = step.task;
      if (count(finished, task) < count(started, task)) {
        // Thread.join() blocks on a lock: the GIL is released while it waits.
        thread.release();
        while (count(finished, task) < count(started, task)) {
          const message = inbox.take(FLUSH_MS);
          if (message?.type === 'task-done') finished.set(message.task, count(finished, message.task) + 1);
          thread.flushIfDue();
        }
        thread.acquire();
      }
    } else {
      thread.step(step);
    }
  }
  thread.release();
  post({ type: 'main-done', tid: spec.tid });
}

function runExecutor(thread: PythonThread): void {
  for (;;) {
    const message = inbox.take(FLUSH_MS);
    thread.flushIfDue();
    if (!message) continue;
    if (message.type === 'shutdown') return;
    if (message.type !== 'run-task') continue;
    if (message.startingMs > 0) {
      thread.recorder.enter(stateCode.starting);
      thread.blockFor(message.startingMs);
    }
    thread.acquire();
    thread.runSteps(settings.program.tasks[message.task]);
    thread.release();
    post({ type: 'task-finished', tid: spec.tid, task: message.task });
  }
}
