// One contract, four sides: what the preload exposes, what the main process's IPC
// handlers answer, what the engine implements and what the web host's client gives
// the renderer are all GilLabApi (or its methods). Beside it, the desktop's own services
// (common/desktop-api.ts): the preload's `desktop` member and the main side's handlers are
// DesktopApi and DesktopMethods, and no engine side has them. The checks are type-level:
// `npm run typecheck` (tsc, which covers test/) fails when a side drifts, and this
// file never loads 'electron' (type imports only), so Vitest runs it anywhere.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { apiGlobal, eventChannel, ipcPrefix, methodNames, type GilLabApi, type GilLabMethods } from '../common/api';
import {
  commandChannel,
  desktopMethodNames,
  desktopPrefix,
  type DesktopApi,
  type DesktopGlobal,
  type DesktopMethods,
} from '../common/desktop-api';
import type { DesktopArgs } from '../main/desktop-args';
import type { DesktopHandlers } from '../main/desktop-ipc';
import type { DesktopShell } from '../main/desktop-services';
import type { MethodHandlers } from '../main/ipc';
import type { PreloadApi } from '../main/preload';
import type { connectWebSocketApi } from '../renderer/src/api/websocket-client';
import type { Engine, createEngine } from '../workers/engine';

describe('GilLabApi on every side of the bridge', () => {
  it('the preload exposes exactly GilLabApi as window.gilLab, plus the desktop member', () => {
    expectTypeOf<Omit<PreloadApi, 'desktop'>>().toEqualTypeOf<GilLabApi>();
    expectTypeOf<PreloadApi>().toEqualTypeOf<DesktopGlobal>();
  });

  it('the main process answers every method with the engine method of the same name', () => {
    expectTypeOf<MethodHandlers>().toEqualTypeOf<GilLabMethods>();
    expectTypeOf<keyof MethodHandlers>().toEqualTypeOf<(typeof methodNames)[number]>();
  });

  it('the engine implements GilLabApi, so every host can hand it to a bridge', () => {
    expectTypeOf<ReturnType<typeof createEngine>>().toEqualTypeOf<Engine>();
    expectTypeOf<Engine>().toExtend<GilLabApi>();
    expectTypeOf<Pick<Engine, keyof GilLabApi>>().toEqualTypeOf<GilLabApi>();
  });

  it('the web client gives the renderer the same GilLabApi', () => {
    expectTypeOf<ReturnType<typeof connectWebSocketApi>>().toEqualTypeOf<GilLabApi>();
  });

  it('a side missing a method would not pass', () => {
    expectTypeOf<Omit<GilLabApi, 'cancelSession'>>().not.toEqualTypeOf<GilLabApi>();
    expectTypeOf<Omit<GilLabMethods, 'startSession'>>().not.toExtend<GilLabMethods>();
  });

  it('names every channel once, from methodNames and desktopMethodNames', () => {
    const channels = methodNames.map((name) => ipcPrefix + name);
    const desktopChannels = desktopMethodNames.map((name) => desktopPrefix + name);
    const all = [...channels, eventChannel, ...desktopChannels, commandChannel];
    expect(new Set(all).size).toBe(methodNames.length + desktopMethodNames.length + 2);
  });

  it('the renderer reads the global the preload exposes, with the preload type', () => {
    // getApi() reads window[apiGlobal]: renaming apiGlobal without the Window declaration fails here.
    expectTypeOf<Window[typeof apiGlobal]>().toEqualTypeOf<PreloadApi | undefined>();
  });
});

describe('DesktopApi beside the engine', () => {
  it('the preload exposes exactly DesktopApi as window.gilLab.desktop', () => {
    expectTypeOf<PreloadApi['desktop']>().toEqualTypeOf<DesktopApi>();
  });

  it('the main process answers every desktop method with the service of the same name, arguments checked as declared', () => {
    expectTypeOf<DesktopHandlers>().toEqualTypeOf<DesktopMethods>();
    expectTypeOf<keyof DesktopHandlers>().toEqualTypeOf<(typeof desktopMethodNames)[number]>();
    expectTypeOf<DesktopArgs['saveFile']>().toEqualTypeOf<Parameters<DesktopMethods['saveFile']>>();
    expectTypeOf<DesktopShell>().toExtend<DesktopHandlers>();
  });

  it('is not part of the engine: no engine method is a desktop method, and the web client has none', () => {
    expectTypeOf<Extract<keyof DesktopMethods, keyof GilLabApi>>().toEqualTypeOf<never>();
    expectTypeOf<ReturnType<typeof connectWebSocketApi>>().not.toHaveProperty('desktop');
    expect(desktopMethodNames.filter((name) => (methodNames as readonly string[]).includes(name))).toEqual([]);
  });
});
