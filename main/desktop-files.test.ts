// The user's files through the desktop's dialogs, on a temporary folder: sizes refused before
// reading with the renderer's own words, names that a file system takes, files written whole.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { limits } from '../common/limits';
import { openDialogOptions, saveDialogOptions } from './dialog-options';
import { readAppFile, readUserFile, saveName, withEnding, writeFileAtomic, writeUserFile } from './desktop-files';

const dir = mkdtempSync(join(tmpdir(), 'gil-lab-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('opening', () => {
  it('reads a program or a session with its name', async () => {
    writeFileSync(join(dir, 'convoy.py'), 'print("hi")\n');
    expect(await readUserFile('program', join(dir, 'convoy.py'))).toEqual({
      ok: true,
      value: { kind: 'program', name: 'convoy.py', path: join(dir, 'convoy.py'), text: 'print("hi")\n' },
    });
  });

  it('refuses a program over 1 MiB and a session over 64 MiB before reading them', async () => {
    const big = join(dir, 'big.py');
    writeFileSync(big, '');
    truncateSync(big, limits.maxFileBytes + 1);
    expect(await readUserFile('program', big)).toEqual({
      ok: false,
      kind: 'program',
      name: 'big.py',
      error: `program file is too large: ${limits.maxFileBytes + 1} bytes, at most ${limits.maxFileBytes}`,
    });
    const huge = join(dir, 'huge.gillab.json');
    writeFileSync(huge, '');
    truncateSync(huge, limits.maxTraceFileBytes + 1);
    const result = await readUserFile('session', huge);
    expect(result).toMatchObject({
      ok: false,
      name: 'huge.gillab.json',
      error: expect.stringMatching(/^session file is too large: /),
    });
    // The program limit is not the session one: a 2 MiB session opens.
    truncateSync(huge, 2 << 20);
    expect((await readUserFile('session', huge)).ok).toBe(true);
  });

  it('says why a file cannot be read', async () => {
    expect(await readUserFile('program', join(dir, 'gone.py'))).toEqual({
      ok: false,
      kind: 'program',
      name: 'gone.py',
      error: 'could not read the file: the file no longer exists',
    });
    mkdirSync(join(dir, 'folder.py'));
    expect(await readUserFile('session', join(dir, 'folder.py'))).toEqual({
      ok: false,
      kind: 'session',
      name: 'folder.py',
      error: 'not a file',
    });
  });

  it('offers .py and .json programs, .gillab.json sessions, in the last folder', () => {
    expect(openDialogOptions('program', '/home/t/class')).toEqual({
      title: 'Open Program',
      defaultPath: '/home/t/class',
      filters: [
        { name: 'Programs (.py, .json)', extensions: ['py', 'json'] },
        { name: 'All files', extensions: ['*'] },
      ],
      properties: ['openFile'],
    });
    expect(openDialogOptions('session', '/x').filters?.[0]).toEqual({
      name: 'GIL Lab sessions (.gillab.json)',
      extensions: ['json'],
    });
  });
});

describe('saving', () => {
  it('suggests the name in the last folder with the filter of its kind', () => {
    expect(saveDialogOptions('png', 'gil-lab-calc-threads.png', '/home/t/class')).toMatchObject({
      title: 'Export Timeline Image',
      defaultPath: join('/home/t/class', 'gil-lab-calc-threads.png'),
      filters: [{ name: 'PNG image', extensions: ['png'] }],
    });
    expect(saveDialogOptions('csv', 'a.csv', '/x').filters).toEqual([{ name: 'CSV table', extensions: ['csv'] }]);
    expect(saveDialogOptions('session', 'a.gillab.json', '/x').filters).toEqual([
      { name: 'GIL Lab session', extensions: ['json'] },
    ]);
    expect(saveDialogOptions('trace', 'a.trace.json', '/x').filters).toEqual([
      { name: 'Chrome trace (Perfetto)', extensions: ['json'] },
    ]);
  });

  it('makes a suggested name a bare file name of its kind', () => {
    expect(saveName('session', 'gil-lab-calc-threads-2026-12-01T07-00-00')).toBe(
      'gil-lab-calc-threads-2026-12-01T07-00-00.gillab.json',
    );
    expect(saveName('png', '../../etc/pass:wd')).toBe('pass_wd.png');
    expect(saveName('csv', 'C:\\Users\\t\\a.csv')).toBe('a.csv');
    expect(saveName('csv', 'a\u0000b.csv')).toBe('a_b.csv');
    expect(saveName('trace', '...')).toBe('gil-lab.trace.json');
  });

  it('adds the ending when the user typed a name without one, and keeps the one they typed', () => {
    expect(withEnding('session', '/home/t/week3')).toBe('/home/t/week3.gillab.json');
    expect(withEnding('png', '/home/t/week3.png')).toBe('/home/t/week3.png');
    expect(withEnding('csv', '/home/t/week3.txt')).toBe('/home/t/week3.txt');
    expect(withEnding('trace', '/home/t.d/week3')).toBe('/home/t.d/week3.trace.json');
  });

  it('writes text and bytes whole, leaving no temporary file', async () => {
    const target = join(dir, 'out', 'timeline.png');
    expect(await writeUserFile(target, new Uint8Array([137, 80, 78, 71]))).toEqual({
      ok: true,
      value: { path: target },
    });
    expect([...readFileSync(target)]).toEqual([137, 80, 78, 71]);
    await writeFileAtomic(target, 'again');
    expect(readFileSync(target, 'utf8')).toBe('again');
    expect(readdirSync(join(dir, 'out'))).toEqual(['timeline.png']);
  });

  it('says why a file cannot be written', async () => {
    writeFileSync(join(dir, 'plain'), '');
    const result = await writeUserFile(join(dir, 'plain', 'x.csv'), 'a');
    expect(result.ok === false && result.error).toMatch(/^could not save x.csv: /);
  });
});

describe('app files', () => {
  it('reads an app file, or nothing when it is missing or too large', async () => {
    writeFileSync(join(dir, 'settings.json'), '{}');
    expect(await readAppFile(join(dir, 'settings.json'), 100)).toBe('{}');
    expect(await readAppFile(join(dir, 'none.json'), 100)).toBeNull();
    expect(await readAppFile(join(dir, 'settings.json'), 1)).toBeNull();
  });
});
