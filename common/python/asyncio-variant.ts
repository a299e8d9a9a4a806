// The asyncio variant of a program written with threads: each thread becomes a task on one event
// loop. The functions the threads run become coroutines, their time.sleep calls
// `await asyncio.sleep`, Thread becomes a small class (defined at the top of the variant) whose
// start() creates the task and whose join() awaits it (threading.current_thread() and get_ident()
// in a task are its _Thread's), and the program's top-level code runs in
// `async def main()` under `asyncio.run(main())`. Computation stays as it was: it blocks the loop.
import { walk, type Expr, type Module, type Stmt } from './ast';
import { applyEdits, type Edit } from './edits';

export type AsyncioResult = { ok: true; source: string; lineMap: number[] } | { ok: false; reason: string };

const shim = `import asyncio
import threading as _threading


class _Thread:
    """asyncio variant: a thread becomes a task on the event loop (threading.Thread's interface)."""

    _counter = 0
    _by_task = {}

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        self._target = target
        self._args = tuple(args)
        self._kwargs = kwargs or {}
        if name is None:
            _Thread._counter += 1
            name = 'Thread-%d' % _Thread._counter
            if target is not None and hasattr(target, '__name__'):
                name += ' (%s)' % target.__name__
        self._name = str(name)
        self._daemonic = bool(daemon) if daemon is not None else False
        self._task = None
        self._ident = None

    async def run(self):
        if self._target is not None:
            work = self._target(*self._args, **self._kwargs)
            if asyncio.iscoroutine(work):
                await work

    async def _bootstrap(self):
        try:
            work = self.run()
            if asyncio.iscoroutine(work):
                await work
        finally:
            _Thread._by_task.pop(self._task, None)

    def start(self):
        if self._task is not None:
            raise RuntimeError('threads can only be started once')
        self._task = asyncio.create_task(self._bootstrap(), name=self._name)
        self._ident = id(self._task)
        _Thread._by_task[self._task] = self

    async def join(self, timeout=None):
        if self._task is None:
            raise RuntimeError('cannot join thread before it is started')
        if self._task is asyncio.current_task():
            raise RuntimeError('cannot join current thread')
        if timeout is None:
            await self._task
        else:
            await asyncio.wait({self._task}, timeout=max(timeout, 0))

    def is_alive(self):
        return self._task is not None and not self._task.done()

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    def getName(self):
        return self._name

    def setName(self, name):
        self._name = str(name)

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if self._task is not None:
            raise RuntimeError('cannot set daemon status of active thread')
        self._daemonic = bool(daemonic)

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._ident

    def __repr__(self):
        status = 'initial' if self._task is None else 'started' if not self._task.done() else 'stopped'
        if self._daemonic:
            status += ' daemon'
        if self._ident is not None:
            status += ' %s' % self._ident
        return '<%s(%s, %s)>' % (type(self).__name__.replace('_Thread', 'Thread'), self._name, status)

    @staticmethod
    def current():
        """threading.current_thread() in a task: its _Thread (in main(), the MainThread)."""
        try:
            task = asyncio.current_task()
        except RuntimeError:
            task = None
        return _Thread._by_task.get(task) or _threading.current_thread()

    @staticmethod
    def get_ident():
        """threading.get_ident() (and get_native_id()) in a task: its thread's ident."""
        t = _Thread.current()
        return t.ident if isinstance(t, _Thread) else _threading.get_ident()

    @staticmethod
    async def join_all():
        """At the end of main(), as the interpreter waits for its threads at exit."""
        for task in list(asyncio.all_tasks()):
            if task is not asyncio.current_task():
                await task

`;

/** Function names the program defines at module level (and methods, by name). */
/** Every function and method, by name: two classes' run methods are two entries. */
function functionsOf(module: Module): [string, Stmt & { kind: 'FunctionDef' }][] {
  const out: [string, Stmt & { kind: 'FunctionDef' }][] = [];
  for (const n of walk(module.body)) if (n.kind === 'FunctionDef') out.push([n.name, n]);
  return out;
}

function callName(e: Expr): string | null {
  if (e.kind !== 'Call') return null;
  if (e.func.kind === 'Name') return e.func.id;
  if (e.func.kind === 'Attribute') return e.func.attr;
  return null;
}

/** Is this call a blocking sleep (time.sleep, sleep from time)? */
function isSleep(e: Expr): boolean {
  if (e.kind !== 'Call') return false;
  if (e.func.kind === 'Attribute' && e.func.attr === 'sleep' && e.func.value.kind === 'Name' && e.func.value.id === 'time') return true;
  return e.func.kind === 'Name' && e.func.id === 'sleep';
}

export function asyncioVariant(source: string, module: Module): AsyncioResult {
  const uses = new Set<string>();
  for (const n of walk(module.body)) {
    if (n.kind === 'Name') uses.add(n.id);
    if (n.kind === 'Attribute') uses.add(n.attr);
  }
  for (const name of ['ThreadPoolExecutor', 'ProcessPoolExecutor', 'Pool', 'Lock', 'Event', 'Queue', 'Condition', 'Semaphore'])
    if (uses.has(name)) return { ok: false, reason: `asyncio: this program uses ${name}; its coroutine variant would need rewriting by hand` };
  if (!uses.has('Thread') && !uses.has('Process')) return { ok: false, reason: 'asyncio: this program starts no threads or processes to turn into tasks' };

  const functions = functionsOf(module);
  // Coroutines: every function that sleeps, that calls one that does, or that a thread runs.
  const coroutines = new Set<string>();
  for (const [name, f] of functions) if ([...walk(f.body)].some((n) => n.kind === 'Call' && isSleep(n))) coroutines.add(name);
  for (const n of walk(module.body)) {
    if (n.kind !== 'Call') continue;
    const fn = callName(n);
    if (fn !== 'Thread' && fn !== 'Process') continue;
    // Only the program's own functions become coroutines: Thread(target=print) leaves print as it is.
    const target = n.keywords.find((k) => k.name === 'target')?.value;
    const own = (name: string) => functions.some(([f]) => f === name);
    if (target?.kind === 'Name' && own(target.id)) coroutines.add(target.id);
    if (target?.kind === 'Attribute' && own(target.attr)) coroutines.add(target.attr);
  }
  for (const n of walk(module.body)) if (n.kind === 'ClassDef' && n.bases.some((b) => (b.kind === 'Name' ? b.id : b.kind === 'Attribute' ? b.attr : '') === 'Thread' || (b.kind === 'Name' ? b.id : '') === 'Process')) for (const m of n.body) if (m.kind === 'FunctionDef' && m.name === 'run') coroutines.add('run');
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, f] of functions) {
      if (coroutines.has(name)) continue;
      if ([...walk(f.body)].some((n) => n.kind === 'Call' && coroutines.has(callName(n) ?? ''))) {
        coroutines.add(name);
        grew = true;
      }
    }
  }

  const edits: Edit[] = [];
  for (const [name, f] of functions) if (coroutines.has(name) && !f.isAsync) edits.push({ line: f.line, col: f.col, endLine: f.line, endCol: f.col, text: 'async ' });
  for (const n of walk(module.body)) {
    if (n.kind !== 'Call') continue;
    const name = callName(n);
    if (isSleep(n)) {
      edits.push({ line: n.func.line, col: n.func.col, endLine: n.func.endLine, endCol: n.func.endCol, text: 'await asyncio.sleep' });
      continue;
    }
    if (name === 'join' && n.func.kind === 'Attribute' && n.args.length <= 1 && !(n.func.value.kind === 'Constant')) edits.push({ line: n.line, col: n.col, endLine: n.line, endCol: n.col, text: 'await ' });
    else if (name && coroutines.has(name) && name !== 'run') edits.push({ line: n.line, col: n.col, endLine: n.line, endCol: n.col, text: 'await ' });
    const ofThreading = n.func.kind === 'Name' || (n.func.kind === 'Attribute' && n.func.value.kind === 'Name' && n.func.value.id === 'threading');
    if (ofThreading && (name === 'current_thread' || name === 'currentThread'))
      edits.push({ line: n.func.line, col: n.func.col, endLine: n.func.endLine, endCol: n.func.endCol, text: '_Thread.current' });
    else if (ofThreading && (name === 'get_ident' || name === 'get_native_id'))
      edits.push({ line: n.func.line, col: n.func.col, endLine: n.func.endLine, endCol: n.func.endCol, text: '_Thread.get_ident' });
    else if ((name === 'Thread' || name === 'Process') && n.func.kind === 'Attribute')
      edits.push({ line: n.func.line, col: n.func.col, endLine: n.func.endLine, endCol: n.func.endCol, text: '_Thread' });
    else if (name === 'Thread' || name === 'Process') edits.push({ line: n.func.line, col: n.func.col, endLine: n.func.endLine, endCol: n.func.endCol, text: '_Thread' });
  }
  for (const n of walk(module.body))
    if (n.kind === 'ClassDef')
      for (const b of n.bases) {
        const bname = b.kind === 'Name' ? b.id : b.kind === 'Attribute' ? b.attr : '';
        if (bname === 'Thread' || bname === 'Process') edits.push({ line: b.line, col: b.col, endLine: b.endLine, endCol: b.endCol, text: '_Thread' });
      }

  // The top-level statements that do things (not definitions or imports) move into main().
  const top = module.body;
  const isDefinition = (s: Stmt) => s.kind === 'FunctionDef' || s.kind === 'ClassDef' || s.kind === 'Import' || s.kind === 'ImportFrom';
  let body: Stmt[] = top.filter((s) => !isDefinition(s));
  const guard = body.length === 1 && body[0].kind === 'If' && isMainGuard(body[0].test) ? body[0] : null;
  if (guard) body = (guard as Stmt & { kind: 'If' }).body;
  if (body.length === 0) return { ok: false, reason: 'asyncio: the program has no top-level code to run' };
  const assigned = new Set<string>();
  for (const s of body) for (const n of walk(s)) if (n.kind === 'Name') assigned.add(n.id);
  const globals = [...assigned].filter((n) => !functions.some(([name]) => name === n) && /^[A-Za-z_]\w*$/.test(n) && isAssignedAtTop(body, n));
  const lines = source.split('\n');
  const first = body[0].line;
  const last = body[body.length - 1].endLine;
  const indent = guard ? '' : '    ';
  const header = `async def main():\n${globals.length ? `    global ${globals.join(', ')}\n` : ''}`;
  if (guard) {
    // `if __name__ == "__main__":` becomes `async def main():`; its body keeps its indentation.
    edits.push({ line: guard.line, col: 0, endLine: guard.line, endCol: lines[guard.line - 1].length, text: header.replace(/\n$/, ''), insertLines: 0 });
  } else {
    edits.push({ line: first, col: 0, endLine: first, endCol: 0, text: header, insertLines: header.split('\n').length - 1, priority: -2 });
    for (let l = first; l <= last; l++) if (lines[l - 1].trim() !== '') edits.push({ line: l, col: 0, endLine: l, endCol: 0, text: indent, priority: -1 });
  }
  const end = lines.length;
  const tail = `    await _Thread.join_all()\n\n\nasyncio.run(main())\n`;
  const lastText = lines[last - 1];
  edits.push({ line: last, col: lastText.length, endLine: last, endCol: lastText.length, text: `\n${tail}`.replace(/\n$/, ''), insertLines: 4 });
  void end;
  edits.push({ line: 1, col: 0, endLine: 1, endCol: 0, text: shim, insertLines: shim.split('\n').length - 1 });
  const out = applyEdits(source, edits);
  return { ok: true, ...out };
}

function isAssignedAtTop(body: Stmt[], name: string): boolean {
  for (const s of body)
    for (const n of walk(s)) {
      if (n.kind === 'Assign' && n.targets.some((t) => t.kind === 'Name' && t.id === name)) return true;
      if (n.kind === 'For' && n.target.kind === 'Name' && n.target.id === name) return true;
      if (n.kind === 'AugAssign' && n.target.kind === 'Name' && n.target.id === name) return true;
    }
  return false;
}

function isMainGuard(e: Expr): boolean {
  return (
    e.kind === 'Compare' &&
    e.left.kind === 'Name' &&
    e.left.id === '__name__' &&
    e.comparators[0]?.kind === 'Constant' &&
    e.comparators[0].value.type === 'str' &&
    e.comparators[0].value.value === '__main__'
  );
}
