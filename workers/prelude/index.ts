// The prelude: modules written in Python that GIL Lab runs like the program itself, as CPython
// runs its own threading.py. Each thread compiles them on first import.
import abc from './abc.py?raw';
import atexit from './atexit.py?raw';
import asyncio from './asyncio.py?raw';
import asyncioBaseEvents from './asyncio_base_events.py?raw';
import asyncioEvents from './asyncio_events.py?raw';
import asyncioExceptions from './asyncio_exceptions.py?raw';
import asyncioFutures from './asyncio_futures.py?raw';
import asyncioLocks from './asyncio_locks.py?raw';
import asyncioQueues from './asyncio_queues.py?raw';
import asyncioRunners from './asyncio_runners.py?raw';
import asyncioTasks from './asyncio_tasks.py?raw';
import asyncioTaskgroups from './asyncio_taskgroups.py?raw';
import asyncioThreads from './asyncio_threads.py?raw';
import asyncioTimeouts from './asyncio_timeouts.py?raw';
import collections from './collections.py?raw';
import contextlib from './contextlib.py?raw';
import collectionsDicts from './_collections_dicts.py?raw';
import collectionsNamedtuple from './_collections_namedtuple.py?raw';
import futures from './concurrent_futures.py?raw';
import dataclasses from './dataclasses.py?raw';
import enumModule from './enum.py?raw';
import itertools from './itertools.py?raw';
import logging from './logging.py?raw';
import loggingRecords from './_logging_records.py?raw';
import functools from './functools.py?raw';
import multiprocessing from './multiprocessing.py?raw';
import multiprocessingConnection from './multiprocessing_connection.py?raw';
import multiprocessingManagers from './multiprocessing_managers.py?raw';
import operator from './operator.py?raw';
import heapq from './heapq.py?raw';
import string from './string.py?raw';
import textwrap from './textwrap.py?raw';
import json from './json.py?raw';
import statistics from './statistics.py?raw';
import multiprocessingPool from './multiprocessing_pool.py?raw';
import multiprocessingProcess from './multiprocessing_process.py?raw';
import multiprocessingSharedctypes from './multiprocessing_sharedctypes.py?raw';
import queue from './queue.py?raw';
import re from './re.py?raw';
import thread from './_thread.py?raw';
import typing from './typing.py?raw';
import threading from './threading.py?raw';
import threadingSync from './_threading_sync.py?raw';

/** The prelude modules that need nothing of the engine: the standalone interpreter runs them too. */
export const stdlib: Record<string, string> = {
  functools,
  collections,
  _collections_dicts: collectionsDicts,
  _collections_namedtuple: collectionsNamedtuple,
  itertools,
  typing,
  logging,
  _logging_records: loggingRecords,
  dataclasses,
  enum: enumModule,
  operator,
  heapq,
  string,
  json,
  statistics,
  contextlib,
  abc,
  atexit,
  re,
  textwrap,
};

export const prelude: Record<string, string> = {
  ...stdlib,
  threading,
  _threading_sync: threadingSync,
  queue,
  _thread: thread,
  'concurrent.futures': futures,
  concurrent: '"""A package: see concurrent.futures."""\n',
  multiprocessing,
  'multiprocessing.process': multiprocessingProcess,
  'multiprocessing.pool': multiprocessingPool,
  'multiprocessing.sharedctypes': multiprocessingSharedctypes,
  'multiprocessing.connection': multiprocessingConnection,
  'multiprocessing.managers': multiprocessingManagers,
  asyncio,
  'asyncio.exceptions': asyncioExceptions,
  'asyncio.events': asyncioEvents,
  'asyncio.futures': asyncioFutures,
  'asyncio.tasks': asyncioTasks,
  'asyncio.base_events': asyncioBaseEvents,
  'asyncio.locks': asyncioLocks,
  'asyncio.queues': asyncioQueues,
  'asyncio.runners': asyncioRunners,
  'asyncio.taskgroups': asyncioTaskgroups,
  'asyncio.threads': asyncioThreads,
  'asyncio.timeouts': asyncioTimeouts,
};
