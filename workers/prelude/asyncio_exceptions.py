"""asyncio's exceptions (CPython's asyncio/exceptions.py). The asyncio modules name themselves
asyncio, so their classes say asyncio.CancelledError as GIL Lab's have always said."""
__name__ = 'asyncio'


class CancelledError(BaseException):
    """The Future or Task was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""
