// time for the standalone host (tests, the interpreter benchmark): the machine's clocks and a
// real sleep. The engine has its own time module, whose clocks and sleeps are the simulation's.
import { setName } from '../compare';
import { addCalendar } from './calendar-time';
import { arity, charge, defineFunction, float, toFloat } from '../native';
import { PyModule } from '../objects';

const start = process.hrtime.bigint();
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function makeStandaloneTime(): PyModule {
  const m = new PyModule('time', true);
  const d = m.dict;
  const ns = () => process.hrtime.bigint() - start;
  const clock = (name: string, read: () => number | bigint) =>
    defineFunction(
      d,
      name,
      (args) => {
        arity(name, args, 0);
        charge();
        const v = read();
        return typeof v === 'bigint' ? (v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v) : float(v);
      },
      'time',
    );
  clock('perf_counter', () => Number(ns()) / 1e9);
  clock('perf_counter_ns', ns);
  clock('monotonic', () => Number(ns()) / 1e9);
  clock('monotonic_ns', ns);
  clock('time', () => Date.now() / 1000);
  clock('time_ns', () => BigInt(Date.now()) * 1_000_000n);
  clock('process_time', () => process.cpuUsage().user / 1e6);
  defineFunction(
    d,
    'sleep',
    (args) => {
      arity('sleep', args, 1);
      Atomics.wait(sleeper, 0, 0, Math.max(0, toFloat(args[0]) * 1000));
      return null;
    },
    'time',
  );
  addCalendar(d, () => Date.now() / 1000);
  setName(d, '__name__', 'time');
  return m;
}
