// What the desktop remembers between starts: a good file comes back whole, a bad or old one is
// ignored with the reason (the app starts with defaults), and the recent list behaves like one.
import { describe, expect, it } from 'vitest';
import {
  emptyDesktopState,
  maxRecentFiles,
  parseDesktopState,
  serializeDesktopState,
  withoutRecent,
  withRecent,
  type DesktopState,
} from './desktop-state';

const state: DesktopState = {
  window: { x: 10, y: 20, width: 1200, height: 800, maximized: false },
  lastFolder: '/home/t/class',
  recent: [
    { kind: 'session', path: '/home/t/class/a.gillab.json' },
    { kind: 'program', path: '/home/t/class/b.py' },
  ],
};

describe('desktop state file', () => {
  it('reads back what it wrote, with its version', () => {
    const text = serializeDesktopState(state);
    expect(JSON.parse(text)).toMatchObject({ version: 1 });
    expect(parseDesktopState(text)).toEqual({ state, ignored: null });
  });

  it('starts empty without a file', () => {
    expect(parseDesktopState(null)).toEqual({ state: emptyDesktopState, ignored: null });
  });

  it('ignores a file that is not JSON, of another version, or with a bad field, and says which', () => {
    expect(parseDesktopState('{"version": 1, "window"')).toEqual({
      state: emptyDesktopState,
      ignored: 'it is not JSON',
    });
    expect(parseDesktopState(JSON.stringify({ ...state, version: 2 })).ignored).toBe('version 2 is not 1');
    expect(parseDesktopState('null').ignored).toBe('version undefined is not 1');
    const badWindow = {
      ...JSON.parse(serializeDesktopState(state)),
      window: { x: 0, y: 0, width: -5, height: 1, maximized: false },
    };
    expect(parseDesktopState(JSON.stringify(badWindow))).toMatchObject({
      state: emptyDesktopState,
      ignored: expect.stringMatching(/^window.width: /),
    });
    const badRecent = { ...JSON.parse(serializeDesktopState(state)), recent: [{ kind: 'movie', path: '/x' }] };
    expect(parseDesktopState(JSON.stringify(badRecent)).ignored).toMatch(/^recent.0.kind: /);
  });
});

describe('recent files', () => {
  it('puts the file just opened first, once', () => {
    const again = withRecent(state.recent, { kind: 'program', path: '/home/t/class/b.py' });
    expect(again.map((file) => file.path)).toEqual(['/home/t/class/b.py', '/home/t/class/a.gillab.json']);
  });

  it(`keeps the ${maxRecentFiles} newest`, () => {
    let recent = state.recent;
    for (let i = 0; i < 15; i++) recent = withRecent(recent, { kind: 'program', path: `/p/${i}.py` });
    expect(recent).toHaveLength(maxRecentFiles);
    expect(recent[0].path).toBe('/p/14.py');
    expect(recent.at(-1)?.path).toBe('/p/5.py');
  });

  it('drops a file that could not be read', () => {
    expect(withoutRecent(state.recent, '/home/t/class/b.py')).toEqual([state.recent[0]]);
  });
});
