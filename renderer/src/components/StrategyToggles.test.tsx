// The strategy toggles for the program in the editor (react-dom/server): a strategy that cannot
// express the program is disabled, unpressed, with the reason in view; the others are as chosen.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../../common/presets';
import { checkSource } from '../store/settings';
import { refusalGroups, StrategyToggleList } from './StrategyToggles';

/** The toggles for a preset's program with the default strategies chosen. */
function render(preset: string): string {
  const { refusals } = checkSource(findPreset(preset)!.source);
  return renderToStaticMarkup(
    <StrategyToggleList
      chosen={['sequential', 'threading', 'multiprocessing']}
      refusals={refusals}
      error={null}
      onToggle={() => {}}
    />,
  );
}

/** Each toggle's state as the markup says it: "name:pressed:disabled". */
function toggles(html: string): string[] {
  return [...html.matchAll(/<button[^>]*>/g)].map((m) => {
    const tag = m[0];
    const name = /data-strategy="([^"]+)"/.exec(tag)?.[1];
    return `${name}:${/aria-pressed="true"/.test(tag) ? 'on' : 'off'}${/ disabled=""/.test(tag) ? ':disabled' : ''}`;
  });
}

describe('strategy toggles', () => {
  it('disables what cannot run the program, with the reason said once for strategies that share it', () => {
    const html = render('asyncio-gather');
    expect(toggles(html)).toEqual([
      'sequential:on',
      'threading:off:disabled',
      'multiprocessing:off:disabled',
      'asyncio:off',
      'free-threading:off:disabled',
      'subinterpreters:off:disabled',
    ]);
    const items = [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    expect(items).toEqual([
      'threading, multiprocessing, free-threading and subinterpreters cannot run this program: this program is written with asyncio: its coroutines need an event loop, so they cannot run them as they are',
    ]);
  });

  it('keeps each reason its own where they differ, and shows nothing for a program every strategy runs', () => {
    expect(
      refusalGroups(['asyncio', 'threading'], {
        asyncio: 'asyncio: this program starts no threads or processes to turn into tasks',
        threading: 'this program is written with asyncio: …, so threading cannot run them as they are',
      }),
    ).toEqual([
      { strategies: ['asyncio'], reason: 'this program starts no threads or processes to turn into tasks' },
      {
        strategies: ['threading'],
        reason: 'this program is written with asyncio: …, so threading cannot run them as they are',
      },
    ]);
    const html = render('calc-threads');
    expect(toggles(html)).toEqual([
      'sequential:on',
      'threading:on',
      'multiprocessing:on',
      'asyncio:off',
      'free-threading:off',
      'subinterpreters:off',
    ]);
    expect(html).not.toContain('cannot run this program');
  });
});
