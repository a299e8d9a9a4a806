"""The parts of GIL Lab's tracer (workers/cpython/tracer.py, its entry): events writes the events
and holds the run's state, calls wraps the blocking calls and print, starts wraps the starts of
threads and processes. The entry imports them from its own folder."""
