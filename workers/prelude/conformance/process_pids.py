# strategies: multiprocessing
# PIDs seen from a child: os.getppid() is the parent's os.getpid() (in the child's threads and in a
# grandchild too), current_process() is the Process (its name, pid == os.getpid()), Process.pid in
# the parent is the child's os.getpid(), parent_process() names the parent.
import os
import threading
import multiprocessing as mp


def grandchild(q):
    q.put(("grandchild", os.getppid()))


def from_thread(out):
    out.append(os.getppid())


def child(q):
    me = mp.current_process()
    out = []
    # A Timer: the multiprocessing strategy would make a Thread a Process.
    t = threading.Timer(0, from_thread, args=(out,))
    t.start()
    t.join()
    parent = mp.parent_process()
    q.put(("child", os.getpid(), os.getppid(), out[0], me.pid, me.ident, me.name, me.is_alive(), me.exitcode,
           parent.name, parent.pid, repr(parent)))
    g = mp.Process(target=grandchild, args=(q,), name="Grand")
    g.start()
    g.join()
    q.put(("grandchild pid", g.pid))


def pool_ppid(_):
    return os.getppid()


if __name__ == "__main__":
    print(mp.parent_process(), mp.current_process().name)
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    _, pid, ppid, thread_ppid, cpid, ident, name, alive, exitcode, parent_name, parent_pid, parent_repr = q.get()
    print("child getppid == parent getpid:", ppid == os.getpid(), thread_ppid == os.getpid())
    print("child current_process().pid == getpid:", cpid == pid, ident == pid, name, alive, exitcode)
    print("parent_process():", parent_name, parent_pid == os.getpid(), parent_repr)
    _, gppid = q.get()
    _, gpid = q.get()
    p.join()
    print("p.pid == child getpid:", p.pid == pid, pid != os.getpid())
    print("grandchild getppid == child getpid:", gppid == pid, gpid not in (pid, os.getpid()))
    with mp.Pool(2) as pool:
        print("pool workers' getppid:", set(pool.map(pool_ppid, range(4))) == {os.getpid()})
