# A pool of threads that wait on I/O: while one waits, another runs, so the GIL is no
# bottleneck here. Eight half-second downloads on four threads take about a second.
from concurrent.futures import ThreadPoolExecutor
import time


def download(n):
    time.sleep(0.5)  # waiting for the network releases the GIL
    return f"page {n}"


start = time.time()
with ThreadPoolExecutor(max_workers=4) as pool:
    for page in pool.map(download, range(8)):
        print(page)
print(f"8 downloads in {time.time() - start:.1f} s")
