"""multiprocessing.sharedctypes: values and arrays in memory every process shares (CPython's
sharedctypes.py, without ctypes): the slots live in the run's shared file, so a child's writes are
the parent's. Value and Array wrap them with a lock, as CPython's Synchronized wrappers do; reading
or writing .value does not take it (one read or write is atomic here), so `v.value += 1` races
between processes unless the program holds get_lock()."""
import _gil_lab

__name__ = 'multiprocessing.sharedctypes'
__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']


class _CValue:
    """A C value in shared memory: what ctypes' c_int(…) and friends are to CPython."""

    def __init__(self, typecode, slot):
        self._typecode = typecode
        self._slot = slot

    @property
    def value(self):
        return _gil_lab.shared_get(self._slot, self._typecode)

    @value.setter
    def value(self, value):
        _gil_lab.shared_set(self._slot, self._typecode, value)

    def __repr__(self):
        return '%s(%r)' % (_gil_lab.shared_ctype(self._typecode), self.value)


class _CArray:
    """A C array in shared memory (ctypes' c_double * n)."""

    def __init__(self, typecode, slot, length):
        self._typecode = typecode
        self._slot = slot
        self._length = length

    def __len__(self):
        return self._length

    def _index(self, i):
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            indexes = range(self._length)[i]
            if indexes.step == 1:
                return _gil_lab.shared_read(self._slot + indexes.start, len(indexes), self._typecode)
            return [_gil_lab.shared_get(self._slot + j, self._typecode) for j in indexes]
        return _gil_lab.shared_get(self._slot + self._index(i), self._typecode)

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            indexes = range(self._length)[i]
            values = list(value)
            if len(values) != len(indexes):
                raise ValueError('Can only assign sequence of same size')
            if indexes.step == 1:
                _gil_lab.shared_write(self._slot + indexes.start, self._typecode, values)
            else:
                for j, v in zip(indexes, values):
                    _gil_lab.shared_set(self._slot + j, self._typecode, v)
            return
        _gil_lab.shared_set(self._slot + self._index(i), self._typecode, value)

    def __iter__(self):
        return iter(_gil_lab.shared_read(self._slot, self._length, self._typecode))

    def __repr__(self):
        return '<multiprocessing.sharedctypes.%s_Array_%d object at %#x>' % (
            _gil_lab.shared_ctype(self._typecode), self._length, id(self))


def RawValue(typecode_or_type, *args):
    typecode = _gil_lab.shared_typecode(typecode_or_type)
    obj = _CValue(typecode, _gil_lab.shared_alloc(1))
    if args:
        obj.value = args[0]
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    typecode = _gil_lab.shared_typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        return _CArray(typecode, _gil_lab.shared_alloc(size_or_initializer), max(0, size_or_initializer))
    values = list(size_or_initializer)
    obj = _CArray(typecode, _gil_lab.shared_alloc(len(values)), len(values))
    obj[:] = values
    return obj


def _lock_for(lock):
    if lock is True:
        import multiprocessing
        return multiprocessing.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return lock


def Value(typecode_or_type, *args, lock=True):
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return Synchronized(obj, _lock_for(lock))


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    return SynchronizedArray(obj, _lock_for(lock))


def copy(obj):
    if isinstance(obj, _CArray):
        return RawArray(obj._typecode, list(obj))
    return RawValue(obj._typecode, obj.value)


def synchronized(obj, lock=None):
    lock = _lock_for(True if lock is None else lock)
    return SynchronizedArray(obj, lock) if isinstance(obj, _CArray) else Synchronized(obj, lock)


class SynchronizedBase:
    def __init__(self, obj, lock=None):
        self._obj = obj
        self._lock = lock

    def acquire(self, *args, **kwargs):
        return self._lock.acquire(*args, **kwargs)

    def release(self):
        self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):
    @property
    def value(self):
        return self._obj.value

    @value.setter
    def value(self, value):
        self._obj.value = value


class SynchronizedArray(SynchronizedBase):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        return self._obj[i]

    def __setitem__(self, i, value):
        self._obj[i] = value

    def __iter__(self):
        return iter(self._obj)
