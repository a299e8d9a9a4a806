"""Times the cost calibration's programs in this CPython (GIL Lab's workers/calibrate/).

Reads a JSON list of program sources on stdin and prints a JSON list: for each program, the
least ns one execution took (each in a fresh namespace), over several rounds of enough
executions to last ~20 ms. Standard library only; nothing else runs meanwhile.
"""
import gc
import json
import sys
import time

ROUND_NS = 20_000_000
ROUNDS = 5


def executions_per_round(code):
    n = 1
    while True:
        start = time.perf_counter_ns()
        for _ in range(n):
            exec(code, {"__name__": "__main__"})
        elapsed = time.perf_counter_ns() - start
        if elapsed >= ROUND_NS / 4 or n >= 1 << 16:
            return max(1, int(n * ROUND_NS / max(elapsed, 1)))
        n *= 2


def best_ns(source, index):
    code = compile(source, f"<calibration {index}>", "exec")
    n = executions_per_round(code)
    best = None
    for _ in range(ROUNDS):
        start = time.perf_counter_ns()
        for _ in range(n):
            exec(code, {"__name__": "__main__"})
        per = (time.perf_counter_ns() - start) / n
        best = per if best is None else min(best, per)
    return best


def main():
    sources = json.load(sys.stdin)
    gc.disable()
    results = [best_ns(s, i) for i, s in enumerate(sources)]
    json.dump({"version": sys.version.split()[0], "executable": sys.executable, "ns": results}, sys.stdout)
    sys.stdout.write("\n")


main()
