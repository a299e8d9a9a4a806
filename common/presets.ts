// The lesson's programs (shared/seed): the app's first presets.
import type { Program, ProgramStep } from './program';

const loop = (times: number, steps: ProgramStep[]): ProgramStep => ({ op: 'repeat', times, steps });

const carTruckTask = (text: string, sleepMs: number): ProgramStep[] => [
  loop(5, [
    { op: 'print', text },
    { op: 'sleep', ms: sleepMs },
  ]),
];

export const presets: Program[] = [
  {
    name: 'car-truck',
    description: 'Two threads that print and sleep 1 s, five times: sleeping releases the GIL, so they interleave and finish in 5 s, not 10.',
    main: [
      { op: 'print', text: 'MainThread' },
      { op: 'start', task: 'car' },
      { op: 'start', task: 'truck' },
      { op: 'join' },
      { op: 'print', text: 'done' },
    ],
    tasks: { car: carTruckTask('car', 1000), truck: carTruckTask('truck', 1000) },
  },
  {
    name: 'car-truck-staggered',
    description: 'The second thread starts 0.2 s after the first and the main thread never joins: "done" is printed while the threads still run.',
    main: [
      { op: 'print', text: 'MainThread' },
      { op: 'start', task: 'car' },
      { op: 'sleep', ms: 200 },
      { op: 'start', task: 'truck' },
      { op: 'print', text: 'done' },
    ],
    tasks: { car: carTruckTask('car', 300), truck: carTruckTask('truck', 300) },
  },
  {
    name: 'cpu-sqrt',
    description: 'One task per worker, each `for i in range(40_000_000): math.sqrt(i)` (about 4 s): threads take turns holding the GIL, processes run in parallel.',
    main: [
      { op: 'start', task: 'calc', copies: 'workers' },
      { op: 'join' },
    ],
    tasks: { calc: [{ op: 'cpu', ms: 4000 }] },
  },
  {
    name: 'convoy',
    description: "Beazley's convoy effect: a thread doing many short I/O waits beside a CPU-bound thread gets the GIL back only every switch interval.",
    main: [
      { op: 'start', task: 'compute' },
      { op: 'start', task: 'echo' },
      { op: 'join' },
    ],
    tasks: {
      compute: [{ op: 'cpu', ms: 2000 }],
      // Like a socket echo loop: recv (a short blocking call), then a little Python work.
      echo: [
        {
          op: 'repeat',
          forMs: 2000,
          steps: [
            { op: 'io', ms: 0.02 },
            { op: 'cpu', ms: 0.002 },
          ],
        },
      ],
    },
  },
  {
    name: 'mixed',
    description: 'Half the tasks CPU-bound, half I/O-bound: threads overlap the I/O, only processes overlap the computing.',
    main: [
      { op: 'start', task: 'crunch', copies: 2 },
      { op: 'start', task: 'fetch', copies: 2 },
      { op: 'join' },
    ],
    tasks: {
      crunch: [{ op: 'cpu', ms: 1000 }],
      fetch: [loop(10, [{ op: 'io', ms: 100 }, { op: 'cpu', ms: 5 }])],
    },
  },
];

export function findPreset(name: string): Program | undefined {
  return presets.find((p) => p.name === name);
}
