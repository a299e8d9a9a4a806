// DESIGN.md: "One clock: timestamps are performance.timeOrigin + performance.now() (µs)". Lanes of
// different threads and processes line up on a trace only if their clocks agree: estimate each
// peer's offset from ping round trips (the ones with the smallest round trip bound it best).
import { spawn, type ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { epochMs } from './clock';

const PINGS = 50;
/** The round trips used for the estimate: the fastest ones, least disturbed by scheduling. */
const BEST = 5;

// Peers run the engine's own clock function, so a change to clock.ts is what gets measured.
const peerClock = `const epochMs = ${epochMs.toString()};`;

interface Sample {
  rttMs: number;
  /** Their clock minus the midpoint of ours around the round trip. */
  offsetMs: number;
  theirs: number;
}

async function sampleOffsets(ping: () => Promise<number>): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < PINGS; i++) {
    const sent = epochMs();
    const theirs = await ping();
    const received = epochMs();
    samples.push({ rttMs: received - sent, offsetMs: theirs - (sent + received) / 2, theirs });
  }
  return samples;
}

function offsetOf(samples: Sample[]): number {
  const best = [...samples].sort((a, b) => a.rttMs - b.rttMs).slice(0, BEST);
  const offsets = best.map((s) => s.offsetMs).sort((a, b) => a - b);
  return offsets[Math.floor(offsets.length / 2)];
}

const children: ChildProcess[] = [];
const workers: Worker[] = [];
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.terminate()));
});

describe('one clock across threads and processes', () => {
  it('a worker thread reads the same clock as the thread that started it, to well under 1 ms', async () => {
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads'); ${peerClock} parentPort.on('message', () => parentPort.postMessage(epochMs()));`,
      { eval: true },
    );
    workers.push(worker);
    const samples = await sampleOffsets(
      () =>
        new Promise((resolve) => {
          worker.once('message', resolve);
          worker.postMessage('ping');
        }),
    );
    // Sub-millisecond resolution: a trace's µs timestamps need it (Date.now() has whole ms only).
    expect(samples.some((s) => !Number.isInteger(s.theirs))).toBe(true);
    expect(Math.abs(offsetOf(samples))).toBeLessThan(1);
  });

  it('a child process reads the same clock as its parent, to well under 1 ms', async () => {
    const child = spawn(
      process.execPath,
      ['-e', `${peerClock} process.on('message', () => process.send(epochMs()));`],
      {
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    );
    children.push(child);
    const samples = await sampleOffsets(
      () =>
        new Promise((resolve) => {
          child.once('message', (m) => resolve(m as number));
          child.send('ping');
        }),
    );
    expect(samples.some((s) => !Number.isInteger(s.theirs))).toBe(true);
    expect(Math.abs(offsetOf(samples))).toBeLessThan(1);
    child.disconnect(); // the child's only handle: it exits
  });
});
