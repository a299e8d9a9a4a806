// The prelude: modules written in Python that GIL Lab runs like the program itself, as CPython
// runs its own threading.py. Each thread compiles them on first import.
import asyncio from './asyncio.py?raw';
import futures from './concurrent_futures.py?raw';
import multiprocessing from './multiprocessing.py?raw';
import queue from './queue.py?raw';
import thread from './_thread.py?raw';
import threading from './threading.py?raw';
import threadingSync from './_threading_sync.py?raw';

export const prelude: Record<string, string> = {
  threading,
  _threading_sync: threadingSync,
  queue,
  _thread: thread,
  'concurrent.futures': futures,
  concurrent: '"""A package: see concurrent.futures."""\n',
  multiprocessing,
  asyncio,
};
