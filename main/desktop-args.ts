// The desktop channels' arguments come from the page, so each is checked before any dialog opens
// or any file is touched: a wrong kind, an oversized payload or a malformed menu state is refused
// with the argument named. Pure, so main/desktop-args.test.ts drives it without Electron.
import {
  desktopMethodNames,
  maxSaveBytes,
  maxSettingsBytes,
  openKinds,
  saveKinds,
  type DesktopMethods,
  type MenuState,
} from '../common/desktop-api';

type DesktopMethodName = (typeof desktopMethodNames)[number];

/** What each channel's arguments must be, checked, as the method takes them. */
export type DesktopArgs = { [K in DesktopMethodName]: Parameters<DesktopMethods[K]> };

function oneOf<T extends string>(allowed: readonly T[], value: unknown, name: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new TypeError(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value) ?? typeof value}`);
}

function text(value: unknown, name: string, maxLength: number): string {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string, got ${typeof value}`);
  if (value.length > maxLength) throw new TypeError(`${name} is too long: ${value.length}, at most ${maxLength}`);
  return value;
}

function payload(value: unknown): string | Uint8Array {
  const size = typeof value === 'string' ? value.length : value instanceof Uint8Array ? value.byteLength : null;
  if (size === null) throw new TypeError(`data must be text or bytes, got ${typeof value}`);
  if (size > maxSaveBytes) throw new TypeError(`data is too large: ${size} bytes, at most ${maxSaveBytes}`);
  return value as string | Uint8Array;
}

const menuFlags = ['presenter', 'consoleShown', 'canSaveSession', 'canExport', 'canExportCsv'] as const;

function menuState(value: unknown): MenuState {
  if (typeof value !== 'object' || value === null) throw new TypeError('menu state must be an object');
  const record = value as Record<string, unknown>;
  for (const flag of menuFlags)
    if (typeof record[flag] !== 'boolean') throw new TypeError(`menu state ${flag} must be true or false`);
  return Object.fromEntries(menuFlags.map((flag) => [flag, record[flag]])) as unknown as MenuState;
}

const none = (): [] => [];

/** Checks each channel's arguments; throws a TypeError naming the first bad one. */
export const desktopArgs: { [K in DesktopMethodName]: (args: unknown[]) => DesktopArgs[K] } = {
  openFile: ([kind]) => [oneOf(openKinds, kind, 'kind')],
  openRecent: ([path]) => [text(path, 'path', 4096)],
  saveFile: ([kind, name, data]) => [oneOf(saveKinds, kind, 'kind'), text(name, 'name', 1000), payload(data)],
  loadSettings: none,
  saveSettings: ([settings]) => [text(settings, 'settings', maxSettingsBytes)],
  clearSettings: none,
  setMenuState: ([state]) => [menuState(state)],
  takeNotice: none,
};
