# Run once by each warm thread before its run starts, in an interpreter of its own (nothing of it
# is kept but V8's compiled code): the interpreter paths a Python thread takes first — classes,
# methods, with, try/finally, keyword and star arguments, dicts, lists, formatting — so a new
# thread's start and a program's first lines do not pay V8's first compilation of them.
class Lock:
    def __init__(self):
        self.held = False

    def __enter__(self):
        self.held = True
        return self

    def __exit__(self, *exc):
        self.held = False
        return False


class Event:
    def __init__(self, lock=None):
        self._cond = lock or Lock()
        self._flag = False
        self._waiters = []

    def set(self):
        with self._cond:
            self._flag = True
            for waiter in self._waiters[:]:
                waiter.append(1)

    def is_set(self):
        return self._flag


class Worker:
    def __init__(self, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._started = Event()
        self.name = name or 'worker-%d' % len(args)
        self.daemon = bool(daemon)

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def bootstrap(self, active):
        self._started.set()
        with Lock():
            active[id(self)] = self
        try:
            self.run()
        except BaseException as e:
            print(type(e).__name__, e)
        finally:
            with Lock():
                try:
                    del active[id(self)]
                except KeyError:
                    pass


def target(a, b=2, *rest, **kw):
    text = f'{a}:{b}' + 'x%d' % a
    d = {'k': a, 'v': [a, b, *rest]}
    d.get('k')
    d.setdefault('z', 0)
    squares = [i * i for i in range(3)]
    return len(text) + len(d) + sum(squares) + (kw.get('c') or 0) + max(a, b) // 2


active = {}
for i in range(3):
    Worker(target=target, args=(i,), kwargs={'c': i}).bootstrap(active)
