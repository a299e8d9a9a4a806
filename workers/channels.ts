// The channels a run carries between its processes (multiprocessing's queues and pipes): each
// holds the objects put and not yet taken, and the gets waiting for one, oldest first. A get with
// a timeout that runs out is answered with null. A put is sent without waiting for an answer
// (as CPython's queue feeder and pipe writes do not wait for the reader).
import type { Snapshot } from './interpreter/heap-codec';

/** Answers one waiting request. */
export type Reply = (value: unknown) => void;

interface Getter {
  reply: Reply;
  timer: NodeJS.Timeout | null;
}

interface Channel {
  items: Snapshot[];
  getters: Getter[];
}

export class Channels {
  private readonly byId = new Map<string, Channel>();

  /** Hands `item` to the oldest waiting get, or keeps it for the next one. */
  put(id: string, item: Snapshot): void {
    const ch = this.channel(id);
    const getter = ch.getters.shift();
    if (!getter) {
      ch.items.push(item);
      return;
    }
    if (getter.timer) clearTimeout(getter.timer);
    getter.reply(item);
  }

  /** Replies with the oldest item, or with null after `timeoutMs` without one (null: waits for ever). */
  get(id: string, timeoutMs: number | null, reply: Reply): void {
    const ch = this.channel(id);
    const item = ch.items.shift();
    if (item) return reply(item);
    if (timeoutMs !== null && timeoutMs <= 0) return reply(null);
    const getter: Getter = { reply, timer: null };
    if (timeoutMs !== null)
      getter.timer = setTimeout(() => {
        const i = ch.getters.indexOf(getter);
        if (i >= 0) ch.getters.splice(i, 1);
        reply(null);
      }, timeoutMs);
    ch.getters.push(getter);
  }

  size(id: string): number {
    return this.channel(id).items.length;
  }

  /** Stops the timers of the gets still waiting: the run is over. */
  close(): void {
    for (const ch of this.byId.values()) for (const g of ch.getters) if (g.timer) clearTimeout(g.timer);
  }

  private channel(id: string): Channel {
    let ch = this.byId.get(id);
    if (!ch) this.byId.set(id, (ch = { items: [], getters: [] }));
    return ch;
  }
}
