"""convoy (Beazley's convoy effect): an I/O thread's echo rounds per second, alone, beside a
CPU-bound thread, and beside a CPU-bound process.

The I/O thread sends 1 byte (sendall) on a socket pair, receives it back from an echo peer in another
process, does a little Python work, and repeats for --seconds. recv() releases the GIL; getting
it back beside a CPU-bound thread takes up to a switch interval (5 ms), every round.

Prints {"mode", "seconds", "rounds", "roundsPerSec"} as JSON on its last line.
"""
import argparse
import json
import socket
import threading
import time
from multiprocessing import Process


def echo_peer(sock, other_end):
    other_end.close()  # inherited through fork: keeping it open would hide the parent's close (EOF)
    while True:
        data = sock.recv(1)
        if not data:
            return
        sock.sendall(data)


def spin(seconds):
    # Pure-Python CPU work (`while True: pass`, bounded): holds the GIL but for forced switches.
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for _ in range(1000):
            pass


def echo_rounds(sock, seconds, out):
    rounds = 0
    start = time.monotonic()
    end = start + seconds
    while time.monotonic() < end:
        sock.sendall(b"x")
        sock.recv(1)
        total = 0
        for i in range(10):  # a little Python work per round
            total += i
        rounds += 1
    out["rounds"] = rounds
    out["seconds"] = time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", required=True, choices=["alone", "threading", "multiprocessing"])
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()

    mine, theirs = socket.socketpair()
    peer = Process(target=echo_peer, args=(theirs, mine))
    peer.start()
    theirs.close()

    neighbour = None
    if args.mode == "threading":
        neighbour = threading.Thread(target=spin, args=(args.seconds,))
    elif args.mode == "multiprocessing":
        neighbour = Process(target=spin, args=(args.seconds,))
    if neighbour is not None:
        neighbour.start()

    out = {}
    io_thread = threading.Thread(target=echo_rounds, args=(mine, args.seconds, out))
    io_thread.start()
    io_thread.join()
    if neighbour is not None:
        neighbour.join()
    mine.close()
    peer.join()
    rate = out["rounds"] / out["seconds"]
    print(json.dumps({"mode": args.mode, "seconds": out["seconds"], "rounds": out["rounds"], "roundsPerSec": rate}))


if __name__ == "__main__":
    main()
