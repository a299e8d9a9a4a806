// Synchronous message delivery to a worker thread that is busy computing or blocked in
// Atomics.wait: the sender posts on a MessagePort, then bumps and notifies a shared word.
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { ToThread } from './messages';

export class Inbox {
  private readonly word: Int32Array;
  private seen = 0;
  private readonly queue: ToThread[] = [];

  constructor(
    signal: SharedArrayBuffer,
    private readonly port: MessagePort,
  ) {
    this.word = new Int32Array(signal);
  }

  /** Takes the next message, waiting at most `timeoutMs` for one (0: just look). */
  take(timeoutMs: number): ToThread | undefined {
    this.drain();
    if (this.queue.length === 0 && timeoutMs > 0) {
      const current = Atomics.load(this.word, 0);
      if (current === this.seen) Atomics.wait(this.word, 0, current, timeoutMs);
      this.drain();
    }
    return this.queue.shift();
  }

  private drain(): void {
    this.seen = Atomics.load(this.word, 0);
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) this.queue.push(m.message as ToThread);
  }
}

/** The sending side, held by the process relay. */
export function deliver(port: MessagePort, signal: SharedArrayBuffer, message: ToThread): void {
  port.postMessage(message);
  const word = new Int32Array(signal);
  Atomics.add(word, 0, 1);
  Atomics.notify(word, 0);
}
