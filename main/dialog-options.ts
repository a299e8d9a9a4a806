// The system dialogs' options for each kind of file: a title, the filters (.py and .json programs,
// .gillab.json sessions, .json traces, .png, .csv) and the last folder used. Pure (Electron's types
// only), so main/desktop-files.test.ts checks them.
import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { openFilters, saveFormats, type OpenKind, type SaveKind } from '../common/desktop-api';

const openTitles: Record<OpenKind, string> = { program: 'Open Program', session: 'Open Session' };
const saveTitles: Record<SaveKind, string> = {
  session: 'Save Session',
  trace: 'Export Chrome Trace',
  png: 'Export Timeline Image',
  csv: 'Export Summary Table',
};

export function openDialogOptions(kind: OpenKind, folder: string): OpenDialogOptions {
  return { title: openTitles[kind], defaultPath: folder, filters: openFilters[kind], properties: ['openFile'] };
}

/** `name` comes from saveName() (main/desktop-files.ts): a bare file name with its kind's ending. */
export function saveDialogOptions(kind: SaveKind, name: string, folder: string): SaveDialogOptions {
  return {
    title: saveTitles[kind],
    defaultPath: join(folder, name),
    filters: [saveFormats[kind].filter],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}
