// Where tracer.py is (beside the built engine, or in the sources) and its command line.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MeasuredRunOptions } from './measured-run';

type TracerOptions = Pick<MeasuredRunOptions, 'inlineStart' | 'strategy' | 'workers' | 'switchIntervalMs' | 'latencyUs' | 'timeScale'>;

export function defaultTracerPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'tracer.py'),
    join(here, 'cpython-tracer.py'),
    join(resolve(here, '..'), 'cpython-tracer.py'),
    join(resolve(here, '..', '..', 'workers', 'cpython'), 'tracer.py'),
  ];
  // The tracer imports its parts (the package gil_lab_tracer) from its own folder.
  const withParts = (file: string) =>
    existsSync(file) && existsSync(join(dirname(file), 'gil_lab_tracer', '__init__.py'));
  return candidates.find(withParts) ?? candidates[0];
}

/** python3 tracer.py --events-fd 3 ... -- PROGRAM: os.cpu_count() is the workers knob. */
export function tracerArgs(options: TracerOptions, tracer: string, program: string): string[] {
  const inline = options.inlineStart ?? options.strategy === 'sequential';
  return [
    tracer,
    '--events-fd',
    '3',
    '--cpu-count',
    String(options.workers),
    '--switch-interval-ms',
    String(options.switchIntervalMs),
    ...(options.latencyUs !== undefined ? ['--latency-us', String(Math.round(options.latencyUs))] : []),
    ...(options.timeScale < 1 ? ['--time-scale', String(options.timeScale)] : []),
    ...(inline ? ['--inline-start'] : []),
    '--',
    program,
  ];
}
