"""asyncio: one thread running an event loop; coroutines run as tasks on it. CPython's design
(futures, tasks stepping coroutines, a loop of ready callbacks and timers), pared down, and laid
out as CPython lays it out: asyncio.exceptions, .events (the running loop), .futures, .tasks,
.base_events (the loop), .locks, .queues, .runners (run, Runner), .taskgroups (TaskGroup) and
.threads (to_thread); this module re-exports them (and .timeouts: asyncio.timeout)."""
from asyncio.exceptions import CancelledError, InvalidStateError, TimeoutError
from asyncio.events import get_event_loop, get_running_loop, new_event_loop
from asyncio.futures import Future, wrap_future
from asyncio.tasks import ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, Task, iscoroutine, iscoroutinefunction
from asyncio.tasks import all_tasks, as_completed, create_task, current_task, ensure_future, gather, shield, sleep, wait, wait_for
from asyncio import base_events  # the loop (events makes one on first need)
from asyncio.locks import BoundedSemaphore, Condition, Event, Lock, Semaphore
from asyncio.queues import LifoQueue, PriorityQueue, Queue, QueueEmpty, QueueFull
from asyncio.runners import Runner, run
from asyncio.taskgroups import TaskGroup
from asyncio.threads import to_thread
from asyncio.timeouts import Timeout, timeout, timeout_at

__all__ = ['CancelledError', 'TimeoutError', 'InvalidStateError', 'Future', 'Task', 'Event', 'Lock',
           'Semaphore', 'Queue', 'QueueEmpty', 'QueueFull', 'run', 'sleep', 'gather', 'create_task',
           'ensure_future', 'wait_for', 'wait', 'as_completed', 'get_event_loop', 'get_running_loop',
           'new_event_loop', 'current_task', 'all_tasks', 'iscoroutine', 'FIRST_COMPLETED',
           'FIRST_EXCEPTION', 'ALL_COMPLETED', 'to_thread', 'wrap_future', 'iscoroutinefunction',
           'Condition', 'BoundedSemaphore', 'PriorityQueue', 'LifoQueue', 'Timeout', 'timeout', 'timeout_at',
           'shield', 'TaskGroup', 'Runner']
