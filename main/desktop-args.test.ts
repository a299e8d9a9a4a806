// The page's arguments to the desktop channels are checked before a dialog opens or a file is touched.
import { describe, expect, it } from 'vitest';
import { maxSaveBytes, maxSettingsBytes } from '../common/desktop-api';
import { desktopArgs } from './desktop-args';

const menu = { presenter: true, consoleShown: false, canSaveSession: true, canExport: true, canExportCsv: false };

describe('desktop channel arguments', () => {
  it('passes what the renderer sends', () => {
    expect(desktopArgs.openFile(['program'])).toEqual(['program']);
    expect(desktopArgs.saveFile(['png', 'a.png', new Uint8Array(3)])).toEqual(['png', 'a.png', new Uint8Array(3)]);
    expect(desktopArgs.saveFile(['csv', 'a.csv', 'x,y'])).toEqual(['csv', 'a.csv', 'x,y']);
    expect(desktopArgs.setMenuState([{ ...menu, extra: 'dropped' }])).toEqual([menu]);
    expect(desktopArgs.takeNotice(['ignored'])).toEqual([]);
  });

  it('refuses unknown kinds, naming the allowed ones', () => {
    expect(() => desktopArgs.openFile(['passwords'])).toThrow('kind must be one of program, session, got "passwords"');
    expect(() => desktopArgs.saveFile(['exe', 'a', ''])).toThrow(
      'kind must be one of session, trace, png, csv, got "exe"',
    );
    expect(() => desktopArgs.openFile([])).toThrow(/got undefined$/);
  });

  it('refuses data that is neither text nor bytes, or too large', () => {
    expect(() => desktopArgs.saveFile(['csv', 'a.csv', { length: 1 }])).toThrow(
      'data must be text or bytes, got object',
    );
    expect(() => desktopArgs.saveFile(['png', 'a.png', new Uint8Array(maxSaveBytes + 1)])).toThrow(
      /^data is too large/,
    );
    expect(() => desktopArgs.saveSettings(['x'.repeat(maxSettingsBytes + 1)])).toThrow(/^settings is too long/);
    expect(() => desktopArgs.openRecent([42])).toThrow('path must be a string, got number');
  });

  it('refuses a malformed menu state', () => {
    expect(() => desktopArgs.setMenuState([null])).toThrow('menu state must be an object');
    expect(() => desktopArgs.setMenuState([{ ...menu, canExport: 'yes' }])).toThrow(
      'menu state canExport must be true or false',
    );
  });
});
