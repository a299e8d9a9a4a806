// A session never outlives its page: a reload or a crashed renderer cancels it, the page comes
// back with the reason, and a page that keeps crashing is not reloaded forever. A stand-in engine
// records what it was asked.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../common/api';
import { createSessionGuard, goneNotice, navigationNotice } from './session-guard';

function standInEngine() {
  let listener: (event: EngineEvent) => void = () => {};
  const engine = {
    cancels: 0,
    cancelSession: async () => {
      engine.cancels += 1;
    },
    onEvent(next: (event: EngineEvent) => void) {
      listener = next;
      return () => {};
    },
    emit: (event: EngineEvent) => listener(event),
    startSession: () => engine.emit({ type: 'session-start', sessionId: 's1', request: {} as never, total: 1 }),
    endSession: () => engine.emit({ type: 'session-end', sessionId: 's1', status: 'done' }),
  };
  return engine;
}

describe('session guard', () => {
  it('cancels the running session when the page reloads, and tells the new page why', () => {
    const engine = standInEngine();
    const guard = createSessionGuard(engine);
    engine.startSession();
    guard.navigated();
    expect(engine.cancels).toBe(1);
    expect(guard.takeNotice()).toBe(navigationNotice);
    expect(guard.takeNotice()).toBeNull();
  });

  it('leaves an idle engine alone on a reload, and says nothing', () => {
    const engine = standInEngine();
    const guard = createSessionGuard(engine);
    guard.navigated();
    engine.startSession();
    engine.endSession();
    guard.navigated();
    expect(engine.cancels).toBe(0);
    expect(guard.takeNotice()).toBeNull();
  });

  it('cancels on a crashed renderer, reloads it, and keeps the crash as the reason through that reload', () => {
    const engine = standInEngine();
    const guard = createSessionGuard(engine);
    engine.startSession();
    expect(guard.gone({ reason: 'crashed', exitCode: 139 })).toBe('reload');
    guard.navigated();
    expect(engine.cancels).toBe(1);
    expect(guard.takeNotice()).toBe(
      'The window crashed, exit code 139 and was opened again. The session that was running was cancelled; nothing of it is left running.',
    );
  });

  it('tells the page it was opened again after a crash even with no session', () => {
    const engine = standInEngine();
    const guard = createSessionGuard(engine);
    expect(guard.gone({ reason: 'oom', exitCode: 0 })).toBe('reload');
    expect(guard.takeNotice()).toBe('The window ran out of memory and was opened again.');
    expect(engine.cancels).toBe(0);
  });

  it('stops reloading a page that crashes again before it has loaded', () => {
    const guard = createSessionGuard(standInEngine());
    expect(guard.gone({ reason: 'crashed', exitCode: 1 })).toBe('reload');
    expect(guard.gone({ reason: 'crashed', exitCode: 1 })).toBe('give-up');
    guard.loaded();
    expect(guard.gone({ reason: 'killed', exitCode: 9 })).toBe('reload');
  });

  it('names every reason Electron reports', () => {
    expect(goneNotice({ reason: 'killed', exitCode: 9 }, false)).toBe(
      'The window was killed, exit code 9 and was opened again.',
    );
    expect(goneNotice({ reason: 'something-new', exitCode: 0 }, false)).toBe(
      'The window stopped (something-new) and was opened again.',
    );
  });
});
