"""multiprocessing.connection: Pipe's two Connections (CPython's connection.py). Each direction is
one of GIL Lab's channels between processes: send() copies the object, as pickling does, and
recv() waits for one without the GIL, as CPython's read of the pipe does."""
import _gil_lab

__name__ = 'multiprocessing.connection'
__all__ = ['Connection', 'Pipe', 'wait']


class Connection:
    def __init__(self, incoming, outgoing, readable=True, writable=True):
        self._incoming = incoming
        self._outgoing = outgoing
        self._readable = readable
        self._writable = writable
        self._closed = False
        # What poll() took off the channel while waiting, for the next recv().
        self._polled = []

    def _check_closed(self):
        if self._closed:
            raise OSError('handle is closed')

    def _check_readable(self):
        if not self._readable:
            raise OSError('connection is write-only')

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def send(self, obj):
        self._check_closed()
        if not self._writable:
            raise OSError('connection is read-only')
        _gil_lab.channel_put(self._outgoing, obj)

    def recv(self):
        self._check_closed()
        self._check_readable()
        if self._polled:
            return self._polled.pop(0)
        return _gil_lab.channel_get(self._incoming, None, False)

    def poll(self, timeout=0.0):
        self._check_closed()
        self._check_readable()
        if self._polled or _gil_lab.channel_size(self._incoming) > 0:
            return True
        if timeout is not None and timeout <= 0:
            return False
        found, item = _gil_lab.channel_get(self._incoming, timeout, True)
        if found:
            self._polled.append(item)
        return found

    send_bytes = send
    recv_bytes = recv

    def close(self):
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def Pipe(duplex=True):
    """Two connected Connections: (both ways, both ways), or (receive only, send only)."""
    if duplex:
        a = _gil_lab.channel()
        b = _gil_lab.channel()
        return Connection(a, b), Connection(b, a)
    c = _gil_lab.channel()
    return Connection(c, None, writable=False), Connection(None, c, readable=False)


def wait(object_list, timeout=None):
    """The connections of object_list with something to receive (waits for one, polling)."""
    import time
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        ready = [c for c in object_list if c.poll()]
        if ready or (deadline is not None and time.monotonic() >= deadline):
            return ready
        time.sleep(0.001)
