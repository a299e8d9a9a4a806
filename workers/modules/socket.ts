// socket, standing in for a network peer: create_connection(('echo.gil-lab', 7)) connects to an
// echo peer outside the program (no GIL of its own to wait for). Every send and recv is a
// blocking call of the run's socket latency: it releases the GIL, as CPython's socket calls do.
import { setName } from '../interpreter/compare';
import { registerType } from '../interpreter/heap-types';
import { pyError } from '../interpreter/errors';
import type { Interpreter } from '../interpreter/interpreter';
import { defineFunction, defineMethod, toInt } from '../interpreter/native';
import { PyBytes, PyModule, PyObject, PyTuple, PyType, types, type PyValue } from '../interpreter/objects';
import { IO } from '../recorder';
import type { ThreadRuntime } from '../thread-runtime';

export const ECHO_HOST = 'echo.gil-lab';

const socketType = registerType(new PyType('socket', [types.object], 'socket'));

class PySocket extends PyObject {
  /** What the echo peer will send back. */
  pending: number[] = [];
  closed = false;
  override get cls(): PyType {
    return socketType;
  }
}

let methodsReady = false;
function initSocketType(rt: () => ThreadRuntime): void {
  if (methodsReady) return;
  methodsReady = true;
  const wait = (fraction: number) => {
    const r = rt();
    r.block(IO, () => r.blockFor((r.settings.socketLatencyUs / 1000) * fraction * r.timeScale));
  };
  const open = (s: PyValue): PySocket => {
    const sock = s as PySocket;
    if (sock.closed) throw pyError('OSError', '[Errno 9] Bad file descriptor');
    return sock;
  };
  const bytesOf = (v: PyValue): Uint8Array => {
    if (v instanceof PyBytes) return v.data;
    throw pyError('TypeError', `a bytes-like object is required, not '${v === null ? 'NoneType' : typeof v === 'string' ? 'str' : (v as PyObject).cls.name}'`);
  };
  defineMethod(socketType, 'sendall', (self, args) => {
    const sock = open(self);
    const data = bytesOf(args[0]);
    wait(0.25);
    sock.pending.push(...data);
    return null;
  });
  defineMethod(socketType, 'send', (self, args) => {
    const sock = open(self);
    const data = bytesOf(args[0]);
    wait(0.25);
    sock.pending.push(...data);
    return data.length;
  });
  defineMethod(socketType, 'recv', (self, args) => {
    const sock = open(self);
    const n = toInt(args[0], 'bufsize');
    if (sock.pending.length === 0) throw pyError('OSError', 'recv() would wait for ever: nothing was sent to the echo peer');
    wait(0.75);
    return new PyBytes(Uint8Array.from(sock.pending.splice(0, n)));
  });
  defineMethod(socketType, 'close', (self) => {
    (self as PySocket).closed = true;
    return null;
  });
  defineMethod(socketType, 'settimeout', () => null);
  defineMethod(socketType, 'setblocking', () => null);
  defineMethod(socketType, '__enter__', (self) => self);
  defineMethod(socketType, '__exit__', (self) => {
    (self as PySocket).closed = true;
    return null;
  });
}

export function makeSocket(rt: () => ThreadRuntime): (interp: Interpreter) => PyModule {
  return () => {
    initSocketType(rt);
    const m = new PyModule('socket', true);
    const d = m.dict;
    setName(d, 'socket', socketType);
    setName(d, 'AF_INET', 2);
    setName(d, 'SOCK_STREAM', 1);
    setName(d, 'ECHO_HOST', ECHO_HOST);
    defineFunction(d, 'create_connection', (args) => {
      const address = args[0];
      const host = address instanceof PyTuple ? address.items[0] : null;
      if (host !== ECHO_HOST)
        throw pyError('ConnectionRefusedError', `[Errno 111] Connection refused: GIL Lab programs can connect only to the echo peer ('${ECHO_HOST}', 7)`);
      return new PySocket();
    }, 'socket');
    return m;
  };
}
