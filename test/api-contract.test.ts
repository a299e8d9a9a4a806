// One contract, four sides: what the preload exposes, what the main process's IPC
// handlers answer, what the engine implements and what the web host's client gives
// the renderer are all GilLabApi (or its methods). The checks are type-level:
// `npm run typecheck` (tsc, which covers test/) fails when a side drifts, and this
// file never loads 'electron' (type imports only), so Vitest runs it anywhere.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { apiGlobal, eventChannel, ipcPrefix, methodNames, type GilLabApi, type GilLabMethods } from '../common/api';
import type { MethodHandlers } from '../main/ipc';
import type { PreloadApi } from '../main/preload';
import type { connectWebSocketApi } from '../renderer/src/api/websocket-client';
import type { Engine, createEngine } from '../workers/engine';

describe('GilLabApi on every side of the bridge', () => {
  it('the preload exposes exactly GilLabApi as window.gilLab', () => {
    expectTypeOf<PreloadApi>().toEqualTypeOf<GilLabApi>();
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

  it('names every channel once, from methodNames', () => {
    const channels = methodNames.map((name) => ipcPrefix + name);
    expect(new Set([...channels, eventChannel]).size).toBe(methodNames.length + 1);
  });

  it('the renderer reads the global the preload exposes, with the preload type', () => {
    // getApi() reads window[apiGlobal]: renaming apiGlobal without the Window declaration fails here.
    expectTypeOf<Window[typeof apiGlobal]>().toEqualTypeOf<PreloadApi | undefined>();
  });
});
