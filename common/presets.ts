// The presets: every code cell of the lesson, verbatim, and a few programs of our own. Each is a
// .py file beside this one; its lesson is the line the picker shows.
import asyncioGather from './presets/asyncio_gather.py?raw';
import calcProcesses from './presets/calc_processes.py?raw';
import calcThreads from './presets/calc_threads.py?raw';
import carTruck from './presets/car_truck.py?raw';
import carTruckMethods from './presets/car_truck_methods.py?raw';
import carTruckSubclass from './presets/car_truck_subclass.py?raw';
import convoy from './presets/convoy.py?raw';
import cpuCount from './presets/cpu_count.py?raw';
import mainThread from './presets/main_thread.py?raw';
import mixed from './presets/mixed.py?raw';
import namedThreads from './presets/named_threads.py?raw';
import refcount from './presets/refcount.py?raw';
import renameMainThread from './presets/rename_main_thread.py?raw';
import threadPoolIo from './presets/thread_pool_io.py?raw';
import type { Program } from './program';

const preset = (name: string, file: string, source: string, description: string): Program => ({ name, file, source, description });

export const presets: Program[] = [
  preset('calc-threads', 'calc_threads.py', calcThreads, 'One thread per core, each computing square roots: the threads take turns holding the GIL, so they are no faster than one.'),
  preset('calc-processes', 'calc_processes.py', calcProcesses, 'The same work in one process per core: each process has a GIL of its own, so they compute at once.'),
  preset('car-truck', 'car_truck.py', carTruck, 'Two threads that print and sleep 1 s, five times: sleeping releases the GIL, so they interleave and finish in 5 s, not 10.'),
  preset('car-truck-subclass', 'car_truck_subclass.py', carTruckSubclass, 'Thread subclasses started 0.2 s apart, never joined: "done" is printed while the threads still run.'),
  preset('car-truck-methods', 'car_truck_methods.py', carTruckMethods, "Methods of plain classes as the threads' targets: a thread runs any callable."),
  preset('named-threads', 'named_threads.py', namedThreads, 'Threads named SecondThread and ThirdThread: current_thread().name tells them apart.'),
  preset('main-thread', 'main_thread.py', mainThread, 'Every program starts on one thread, MainThread (getName() still works, with a DeprecationWarning).'),
  preset('rename-main-thread', 'rename_main_thread.py', renameMainThread, 'A thread\'s name is just an attribute: the main thread can be renamed "primary".'),
  preset('cpu-count', 'cpu_count.py', cpuCount, 'os.cpu_count(): the cores the program believes it has (GIL Lab\'s workers knob).'),
  preset('refcount', 'refcount.py', refcount, 'Reference counts change on every assignment: the GIL exists so threads never corrupt them.'),
  preset('convoy', 'convoy.py', convoy, "Beazley's convoy effect: a thread doing short I/O gets the GIL back only every switch interval beside a CPU-bound thread."),
  preset('mixed', 'mixed.py', mixed, 'Two threads compute while two wait on the network: threads overlap the waiting, only processes overlap the computing.'),
  preset('thread-pool-io', 'thread_pool_io.py', threadPoolIo, 'A ThreadPoolExecutor of downloads: while one thread waits on I/O another runs, so the GIL costs nothing here.'),
  preset('asyncio-gather', 'asyncio_gather.py', asyncioGather, 'asyncio.gather of sleeping coroutines: one thread, and the waits overlap.'),
];

export function findPreset(name: string): Program | undefined {
  return presets.find((p) => p.name === name);
}
