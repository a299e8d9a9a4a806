# strategies: threading
# concurrent.futures' timeouts count from the call, as CPython's do, however often a finishing
# future wakes the wait: wait(timeout=…), as_completed(timeout=…) and Executor.map(timeout=…),
# whose futures not yet waited for are cancelled once it times out.
import concurrent.futures as cf
import time


def nap(seconds):
    time.sleep(seconds)
    return seconds


with cf.ThreadPoolExecutor(max_workers=5) as ex:
    fs = [ex.submit(nap, s) for s in (0.05, 0.5, 0.6, 0.7, 1.5)]
    done, not_done = cf.wait(fs, timeout=0.3)
    print("wait: some done", 0 < len(done) < 4, "slow pending", fs[-1] in not_done)

with cf.ThreadPoolExecutor(max_workers=4) as ex:
    fs = [ex.submit(nap, s) for s in (0.1, 0.9, 1.1, 1.3)]
    seen = []
    try:
        for f in cf.as_completed(fs, timeout=0.5):
            seen.append(f.result())
    except TimeoutError as e:
        print("as_completed:", seen, e)

ran = []


def work(x):
    ran.append(x)
    time.sleep(0.3)
    return x


with cf.ThreadPoolExecutor(max_workers=1) as ex:
    try:
        for r in ex.map(work, [1, 2, 3], timeout=0.05):
            print("result", r)
    except TimeoutError:
        print("map timed out")
print("ran:", ran)
