"""multiprocessing.managers: Manager() and the proxies of its shared objects (CPython's
managers.py). CPython keeps each object in the manager's server process and every proxy call is a
round trip to it; here the object is the one item of a channel between processes: a call takes it
(waiting without the GIL while another process has it), works on it and puts it back, so each call
is atomic and what it returns is a copy, as CPython's are."""
import _gil_lab

__name__ = 'multiprocessing.managers'
__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'DictProxy', 'ListProxy', 'ValueProxy']


def _setitem(obj, key, value):
    obj[key] = value


def _delitem(obj, key):
    del obj[key]


def _imul(obj, n):
    obj *= n


# The special methods a proxy forwards, as the operations they stand for.
_operations = {
    '__getitem__': lambda obj, key: obj[key],
    '__setitem__': _setitem,
    '__delitem__': _delitem,
    '__len__': len,
    '__contains__': lambda obj, key: key in obj,
    '__repr__': repr,
    '__add__': lambda obj, other: obj + other,
    '__mul__': lambda obj, n: obj * n,
    '__rmul__': lambda obj, n: n * obj,
    '__imul__': _imul,
    '__reversed__': lambda obj: list(reversed(obj)),
}


class BaseProxy:
    _typeid = 'object'

    def __init__(self, referent):
        self._channel = _gil_lab.channel()
        _gil_lab.channel_put(self._channel, referent)

    def _callmethod(self, name, args=(), kwds={}):
        found, obj = _gil_lab.channel_get(self._channel, None, True)
        try:
            operation = _operations.get(name)
            result = operation(obj, *args) if operation else getattr(obj, name)(*args, **kwds)
        finally:
            _gil_lab.channel_put(self._channel, obj)
        return result

    def _getvalue(self):
        return self._callmethod('copy')

    def __str__(self):
        return self._callmethod('__repr__')

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__, self._typeid, id(self))


def _proxy_method(name):
    def method(self, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


class _SequenceProxy(BaseProxy):
    def __iter__(self):
        return iter(self._callmethod('copy'))


class DictProxy(_SequenceProxy):
    _typeid = 'dict'


for _name in ('__contains__', '__delitem__', '__getitem__', '__len__', '__setitem__', 'clear', 'copy', 'get',
              'items', 'keys', 'pop', 'popitem', 'setdefault', 'update', 'values'):
    setattr(DictProxy, _name, _proxy_method(_name))


class ListProxy(_SequenceProxy):
    _typeid = 'list'

    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self


for _name in ('__add__', '__contains__', '__delitem__', '__getitem__', '__len__', '__mul__', '__reversed__', '__rmul__',
              '__setitem__', 'append', 'count', 'extend', 'index', 'insert', 'pop', 'remove', 'reverse', 'sort'):
    setattr(ListProxy, _name, _proxy_method(_name))


class Value:
    """What a manager's Value proxy stands for (CPython's managers.Value)."""

    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return '%s(%r, %r)' % (type(self).__name__, self._typecode, self._value)


class ValueProxy(BaseProxy):
    _typeid = 'Value'

    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)


class BaseManager:
    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None):
        self._state = 'initial'

    def start(self, initializer=None, initargs=()):
        self._state = 'started'

    def shutdown(self):
        self._state = 'shutdown'

    def join(self, timeout=None):
        pass

    def __enter__(self):
        if self._state == 'initial':
            self.start()
        return self

    def __exit__(self, *args):
        self.shutdown()


class SyncManager(BaseManager):
    def dict(self, *args, **kwds):
        return DictProxy(dict(*args, **kwds))

    def list(self, sequence=()):
        return ListProxy(list(sequence))

    def Value(self, typecode, value, lock=True):
        return ValueProxy(Value(typecode, value))

    def Array(self, typecode, sequence, lock=True):
        return ListProxy(list(sequence))

    def Queue(self, maxsize=0):
        import multiprocessing
        return multiprocessing.Queue(maxsize)

    JoinableQueue = Queue

    def Lock(self):
        import multiprocessing
        return multiprocessing.Lock()

    def RLock(self):
        import multiprocessing
        return multiprocessing.RLock()

    def Event(self):
        import multiprocessing
        return multiprocessing.Event()
