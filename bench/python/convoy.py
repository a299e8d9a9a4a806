"""convoy (Beazley's convoy effect): an I/O thread's echo rounds per second, alone, beside a
CPU-bound thread, and beside a CPU-bound process.

Runs the convoy preset's own spin() and echo_rounds() (common/presets/convoy.py, without the
program at its end). The preset's echo server is the engine's; here it is a peer in another
process at the other end of a socket pair. The I/O thread sends 1 byte (sendall), receives it back
(recv) and repeats for --seconds. recv() releases the GIL; getting it back beside a CPU-bound
thread takes up to a switch interval (5 ms), every round.

Prints {"mode", "seconds", "rounds", "roundsPerSec"} as JSON on its last line.
"""
import argparse
import contextlib
import io
import json
import os
import re
import socket
import threading
import types
from multiprocessing import Process

PRESET = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "common", "presets", "convoy.py")


def preset_functions(sock):
    """The preset's spin and echo_rounds, whose socket.create_connection gives `sock`."""
    with open(PRESET, encoding="utf-8") as f:
        source = f.read()
    namespace = {}
    exec(compile(source[: source.index("\nalone = ")], PRESET, "exec"), namespace)
    namespace["socket"] = types.SimpleNamespace(create_connection=lambda address: sock)
    return namespace["spin"], namespace["echo_rounds"]


def echo_peer(sock, other_end):
    other_end.close()  # inherited through fork: keeping it open would hide the parent's close (EOF)
    while True:
        data = sock.recv(1)
        if not data:
            return
        sock.sendall(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", required=True, choices=["alone", "threading", "multiprocessing"])
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()

    mine, theirs = socket.socketpair()
    peer = Process(target=echo_peer, args=(theirs, mine))
    peer.start()
    theirs.close()
    spin, echo_rounds = preset_functions(mine)

    neighbour = None
    if args.mode == "threading":
        neighbour = threading.Thread(target=spin, args=(args.seconds,))
    elif args.mode == "multiprocessing":
        neighbour = Process(target=spin, args=(args.seconds,))
    if neighbour is not None:
        neighbour.start()

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        io_thread = threading.Thread(target=echo_rounds, args=(args.seconds,), name="echo")
        io_thread.start()
        io_thread.join()
    if neighbour is not None:
        neighbour.join()
    mine.close()
    peer.join()
    # The preset prints "echo: <rounds> rounds in <seconds> s, <rate> per second".
    rounds = int(re.search(r"(\d+) rounds in", printed.getvalue()).group(1))
    rate = rounds / args.seconds
    print(json.dumps({"mode": args.mode, "seconds": args.seconds, "rounds": rounds, "roundsPerSec": rate}))


if __name__ == "__main__":
    main()
