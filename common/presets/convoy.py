# Beazley's convoy effect: a thread that talks to an echo server, alone and then beside a
# CPU-bound thread. Each send and each recv releases the GIL; beside the CPU-bound thread,
# getting it back takes up to a switch interval (5 ms), twice a round.
import socket
import threading
import time


def spin(seconds):
    # Pure-Python computation: it holds the GIL but for forced switches.
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for _ in range(1000):
            pass


def echo_rounds(seconds):
    sock = socket.create_connection(("echo.gil-lab", 7))
    rounds = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        sock.sendall(b"x")
        sock.recv(1)
        rounds += 1
    sock.close()
    name = threading.current_thread().name
    print(f"{name}: {rounds} rounds in {seconds} s, {rounds / seconds:.0f} per second")


alone = threading.Thread(target=echo_rounds, args=(1.0,), name="echo alone")
alone.start()
alone.join()

cpu = threading.Thread(target=spin, args=(1.2,), name="spin")
beside = threading.Thread(target=echo_rounds, args=(1.0,), name="echo beside spin")
cpu.start()
beside.start()
beside.join()
cpu.join()
