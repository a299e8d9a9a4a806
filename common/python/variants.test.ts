// Every strategy's variant of every preset is a program GIL Lab runs: it parses and passes the
// same checks as the user's own source, or the strategy says why it cannot express the program.
import { describe, expect, it } from 'vitest';
import { presets } from '../presets';
import { strategies } from '../program';
import { parseModule } from './ast';
import { checkProgram } from './check';
import { variantFor } from './variants';

/** The source a strategy runs for `source` (the test fails if it cannot express it). */
function variantSource(source: string, strategy: 'multiprocessing' | 'asyncio'): string {
  const parsed = parseModule(source);
  if (!parsed.ok) throw new Error('does not parse');
  const v = variantFor(source, parsed.module, strategy);
  if (!v.ok) throw new Error(v.reason);
  return v.variant.source;
}

describe('strategy variants of the presets', () => {
  it.each(presets.map((p) => [p.name, p] as const))(
    '%s: each variant passes the checker or is refused with a reason',
    (_name, preset) => {
      const parsed = parseModule(preset.source);
      if (!parsed.ok) throw new Error(`${preset.file} does not parse`);
      for (const strategy of strategies) {
        const v = variantFor(preset.source, parsed.module, strategy);
        if (!v.ok) {
          expect(v.reason, strategy).toMatch(/\w{3,}/);
          continue;
        }
        const checked = checkProgram(v.variant.source);
        expect(checked.ok ? [] : checked.problems.map((p) => `${strategy}, line ${p.line}: ${p.message}`)).toEqual([]);
      }
    },
  );

  it('two classes with a run method each: both become coroutines under asyncio', () => {
    const preset = presets.find((p) => p.name === 'car-truck-subclass')!;
    const variant = variantSource(preset.source, 'asyncio');
    // The program's own, after the _Thread stand-in (which has a run of its own).
    expect(variant.slice(variant.indexOf('async def join_all')).match(/async def run\(self\)/g)).toHaveLength(2);
  });

  it('moving threads to processes moves what they share too: queue.Queue, Lock, RLock and Event', () => {
    const source = [
      'import threading, queue',
      'from threading import Lock',
      'q = queue.Queue()',
      'lock = Lock()',
      'again = threading.RLock()',
      'ready = threading.Event()',
      'cond = threading.Condition()',
      'threading.Thread(target=print).start()',
      '',
    ].join('\n');
    const variant = variantSource(source, 'multiprocessing');
    const body = variant.split('\n').filter((l) => !l.startsWith('import ') && !l.startsWith('from '));
    expect(body.join('\n')).toBe(
      [
        'q = multiprocessing.JoinableQueue()',
        'lock = Lock()',
        'again = multiprocessing.RLock()',
        'ready = multiprocessing.Event()',
        'cond = threading.Condition()',
        'multiprocessing.Process(target=print).start()',
        '',
      ].join('\n'),
    );
    expect(variant).toContain('from multiprocessing import Lock');
    expect(checkProgram(variant).ok).toBe(true);
  });

  it("the variant's imports go after the program's opening imports, before code that uses them", () => {
    const source = [
      '"""Doc."""',
      'import threading',
      'def f():',
      '    pass',
      't = threading.Thread(target=f)',
      'import math',
      '',
    ].join('\n');
    expect(variantSource(source, 'multiprocessing').split('\n').slice(0, 4)).toEqual([
      '"""Doc."""',
      'import threading',
      'import multiprocessing',
      'def f():',
    ]);
    const bare = 'def f():\n    pass\nfrom threading import Thread\nThread(target=f).start()\n';
    expect(variantSource(bare, 'multiprocessing').split('\n')[0]).toBe('from multiprocessing import Process');
  });

  it("asyncio: the task stand-in has Thread's interface (is_alive, daemon, ident, name), and current_thread() in a task is its thread", () => {
    const source = [
      'import threading, time',
      'def work():',
      '    time.sleep(0.1)',
      '    print(threading.current_thread().name)',
      '    print(threading.get_ident())',
      't = threading.Thread(target=work, daemon=True)',
      'threading.Thread(target=print, args=("builtin target",)).start()',
      't.name = "w"',
      't.start()',
      'print(t.is_alive(), t.daemon, t.ident is not None, t.native_id is not None)',
      't.join(0.5)',
      '',
    ].join('\n');
    const variant = variantSource(source, 'asyncio');
    expect(variant).toContain('    print(_Thread.current().name)');
    expect(variant).toContain('print(_Thread.get_ident())');
    expect(variant).toContain('    await t.join(0.5)');
    expect(variant).not.toContain('await print'); // a builtin target stays a plain call
    for (const member of ['def is_alive(self)', 'def daemon(self)', 'def ident(self)', 'def native_id(self)', 'def name(self, name)'])
      expect(variant).toContain(member);
    const checked = checkProgram(variant);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });
});
