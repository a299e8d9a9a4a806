// The program is Python in an editor, end to end against the web host's real engine: a problem shows
// under its line and keeps Run disabled with the reason; the lesson's calc() threads cell, pasted,
// runs under threading and multiprocessing, each run's source view shows the Python it executed, the
// time cursor lights each thread's line in the editor, a hover names the line; the console shows
// what CPython prints; presenter mode makes the source as large as the lanes.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { chooseStrategies, collectPageErrors } from './fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

const calcThreads = readFileSync(new URL('../common/presets/calc_threads.py', import.meta.url), 'utf8');

/** The editor's text, as CodeMirror shows it (one .cm-line per line). */
async function editorText(page: Page): Promise<string> {
  return (await page.getByTestId('editor').locator('.cm-line').allTextContents()).join('\n');
}

/** Replaces the editor's text as a paste would: select all, then one input of the whole text. */
async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  const content = page.getByTestId('editor-content');
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

async function ready(page: Page): Promise<void> {
  await expect(
    page.getByRole('combobox', { name: 'Program', exact: true }).locator('option[value="car-truck"]'),
  ).toHaveCount(1);
}

test('typing import numpy shows the problem under line 1, and Run is disabled with the reason', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await ready(page);
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeEnabled();
  // CodeMirror's own styles came in under the page's Content-Security-Policy (its base theme makes the editor a column).
  await expect(page.locator('.code-editor .cm-editor')).toHaveCSS('flex-direction', 'column');

  const content = page.getByTestId('editor-content');
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('import numpy\n');
  await page.keyboard.press('Escape');

  const message = /^line 1: numpy is not a module GIL Lab can run .*— supported: threading, /;
  // Under the line itself: the message is the block right after line 1.
  const problem = page.getByTestId('editor-problem');
  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveText(message);
  const firstLine = page.getByTestId('editor').locator('.cm-line').first();
  await expect(firstLine).toHaveText('import numpy');
  const lineBox = (await firstLine.boundingBox())!;
  const problemBox = (await problem.boundingBox())!;
  expect(problemBox.y).toBeGreaterThanOrEqual(lineBox.y + lineBox.height - 1);
  expect(problemBox.y).toBeLessThan(lineBox.y + lineBox.height * 3);
  await expect(page.getByTestId('editor').locator('.cm-problem')).toHaveText('numpy');
  await expect(page.getByTestId('problem')).toHaveAttribute('data-line', '1');

  // Run is disabled and says why; nothing starts.
  await expect(run).toBeDisabled();
  await expect(run).toHaveAttribute('title', message);
  await expect(page.getByTestId('run-blocked')).toHaveText(/^Cannot run: line 1: numpy is not a module/);
  await expect(page.getByTestId('timeline-empty')).toBeVisible();
  await page.screenshot({ path: 'test-results/editor-problem.png' });

  // Fixed: the problem goes, Run comes back.
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('import time\ntime.sleep(0.01)\n');
  await expect(problem).toHaveCount(0);
  await expect(run).toBeEnabled();
  await expect(page.getByTestId('run-blocked')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a preset goes into the editor with its lesson; a strategy that cannot express it is disabled with the reason', async ({
  page,
}) => {
  await page.goto('/');
  await ready(page);
  const program = page.getByRole('combobox', { name: 'Program', exact: true });
  await program.selectOption('car-truck');
  await expect.poll(() => editorText(page)).toContain('def Car():');
  await expect(page.locator('.program-description')).toContainText('sleeping releases the GIL');
  await page.screenshot({ path: 'test-results/editor-preset.png' });

  // asyncio-gather is written with coroutines: threading cannot run it as it is.
  await program.selectOption('asyncio-gather');
  const threading = page.getByRole('button', { name: 'threading', exact: true });
  await expect(threading).toBeDisabled();
  await expect(page.getByTestId('strategy-refusals')).toContainText(
    'subinterpreters cannot run this program: this program is written with asyncio',
  );
  await program.selectOption('calc-threads');
  await expect(threading).toBeEnabled();

  // An edit makes it "calc-threads (edited)"; choosing a preset puts its text back, undoably.
  await page.getByTestId('editor-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nprint("mine")');
  await expect(program.locator('option:checked')).toHaveText('calc-threads (edited)');
  await program.selectOption('car-truck');
  await page.getByTestId('editor-content').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => editorText(page)).toContain('print("mine")');
});

test('the calc() threads cell, pasted, runs under threading and multiprocessing: source views, the time cursor, the console', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await page.goto('/');
  await ready(page);
  // Something else first, so the paste is what puts the cell in the editor.
  await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption('car-truck');
  await pasteIntoEditor(page, calcThreads);
  await expect.poll(() => editorText(page)).toBe(calcThreads);

  await chooseStrategies(page, ['threading', 'multiprocessing']);
  await page.getByRole('slider', { name: 'Workers' }).fill('2');
  await page.getByRole('textbox', { name: 'Time scale' }).fill('0.05');
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeEnabled();
  await run.click();
  await expect(page.getByTestId('run-status')).toHaveText(/done$/, { timeout: 60_000 });

  const lanes = (strategy: string) => page.locator(`[data-testid="lane-label"][data-strategy="${strategy}"]:not([data-measured])`);
  await expect(lanes('threading')).toHaveCount(3);
  await expect(lanes('multiprocessing')).toHaveCount(3);

  // Each run's source: threading ran the cell as written, multiprocessing with Process in place of Thread.
  await page.locator('[data-testid="source-toggle"][data-strategy="multiprocessing"]:not([data-measured])').click();
  const mpSource = page.locator('[data-testid="source-view"][data-strategy="multiprocessing"]:not([data-measured])');
  await expect(mpSource).toContainText('multiprocessing.Process(target=calc)');
  await expect(mpSource.locator('.cm-variant-changed, .cm-variant-added')).not.toHaveCount(0);
  await page.getByTestId('sources-button').click();
  const threadingSource = page.locator('[data-testid="source-view"][data-strategy="threading"]:not([data-measured])');
  await expect(threadingSource).toContainText('threading.Thread(target=calc)');
  await expect(threadingSource).not.toContainText('Process');

  // The time cursor, dragged along the axis into the threads' computing: line 8 (math.sqrt) lights in
  // the editor in both worker threads' colours.
  await page.locator('.config-panel').evaluate((panel) => (panel.scrollTop = 0));
  const axis = page.getByTestId('timeline-axis');
  const box = (await axis.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('time-cursor')).toBeVisible();
  // The arrow keys move it (the timeline focused); dragging placed it near the middle of the run.
  const label = page.getByTestId('time-cursor-label');
  const placed = await label.textContent();
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('ArrowRight');
  await expect(label).not.toHaveText(placed ?? '');
  await page.keyboard.press('ArrowLeft');
  await expect(label).toHaveText(placed ?? '');
  const lit = page.getByTestId('editor').locator('.cm-thread-line');
  await expect(lit).not.toHaveCount(0);
  const sqrtLine = lit.filter({ hasText: 'math.sqrt(i)' });
  await expect(sqrtLine).toHaveCount(1);
  expect((await sqrtLine.getAttribute('data-threads'))?.split(' ')).toHaveLength(2);
  const legend = page.getByTestId('cursor-legend');
  await expect(legend.getByTestId('cursor-thread')).toHaveCount(3);
  await expect(legend).toContainText('line 8');
  // The lines of the multiprocessing run: its processes' threads, on the program's own line 8 too.
  // That run is about half as long as the axis (the threading run's), and its processes start one
  // after the other, so the cursor goes where both compute: a few places in its first half.
  // (Each place on the axis shows the threading run's lines again: the run is chosen after it.)
  const bothComputing = async () => {
    const text = (await legend.textContent()) ?? '';
    return text.includes('Process-1/MainThread') && text.includes('Process-2/MainThread');
  };
  for (const share of [0.3, 0.35, 0.25, 0.4, 0.2, 0.45]) {
    await page.mouse.click(box.x + box.width * share, box.y + box.height / 2);
    await legend.getByRole('combobox', { name: 'Lines of run' }).selectOption({ label: 'multiprocessing' });
    if (await bothComputing()) break;
  }
  await expect(legend).toContainText('Process-1/MainThread');
  await expect(legend).toContainText('Process-2/MainThread');
  await expect(lit.filter({ hasText: 'math.sqrt(i)' })).toHaveCount(1);
  // The source view of that run lights its own line 9 (the variant added an import above).
  await expect(mpSource.locator('.cm-thread-line').filter({ hasText: 'math.sqrt(i)' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/editor-cursor.png' });

  // A hover names the line the interval executed, with its text.
  const laneLabel = lanes('threading').filter({ hasText: 'Thread-1' });
  const labelBox = (await laneLabel.boundingBox())!;
  const plot = (await page.getByTestId('timeline-plot').boundingBox())!;
  // (A few places along the lane: right on a forced switch's tick the tooltip names the switch instead.)
  const tooltips: string[] = [];
  for (const share of [0.5, 0.46, 0.54, 0.42, 0.58]) {
    await page.mouse.move(plot.x + plot.width * share, labelBox.y + labelBox.height / 2);
    tooltips.push((await page.getByRole('tooltip').textContent()) ?? '');
    if (tooltips.at(-1)?.includes('math.sqrt(i)')) break;
  }
  expect(tooltips.at(-1)).toContain('8: math.sqrt(i)');

  // The console: each print(…) is one line; the run's time scale is noted.
  await expect(page.getByTestId('console-note')).toHaveText('time scale 0.05: sleeps and long loops were scaled');
  await expect(page.getByTestId('console-lines')).toContainText('registering thread 0');

  // Presenter mode: the source as large as the lanes' type.
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.locator('.code-editor')).toHaveCSS('font-size', '22px');
  await expect(page.locator('.tl')).toHaveCSS('font-size', '22px');
  await page.locator('.config-panel').evaluate((panel) => (panel.scrollTop = 0));
  await page.screenshot({ path: 'test-results/editor-presenter.png' });
  expect(errors).toEqual([]);
});

test('the console shows what CPython prints: end="" joins a line, stderr (a traceback) apart', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  await ready(page);
  await pasteIntoEditor(
    page,
    [
      'import threading',
      '',
      'def work():',
      '    print("half", end="")',
      '    print(" and half")',
      '    raise ValueError("boom")',
      '',
      't = threading.Thread(target=work)',
      't.start()',
      't.join()',
      'print("a\\nb")',
      '',
    ].join('\n'),
  );
  await chooseStrategies(page, ['threading']);
  await page.getByRole('textbox', { name: 'Time scale' }).fill('1');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText(/(done|failed.*)$/, { timeout: 30_000 });
  const lines = page.getByTestId('console-lines').locator('li');
  await expect(lines.filter({ hasText: 'half and half' })).toHaveCount(1);
  // One write of "a\nb\n": two lines, the second without its time and thread again.
  const texts = await page.getByTestId('console-lines').locator('.console-text').allTextContents();
  expect(texts.slice(-2)).toEqual(['a', 'b']);
  await expect(lines.last().locator('.console-thread')).toHaveText('');
  const stderr = page.locator('[data-testid="console-lines"] li[data-stream="stderr"]');
  await expect(stderr.filter({ hasText: 'ValueError: boom' })).toHaveCount(1);
  await expect(stderr.first()).toHaveCSS('background-color', 'rgba(255, 92, 92, 0.07)');
  await expect(page.getByTestId('console-note')).toHaveCount(0);
  await page.getByTestId('console-lines').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/editor-console.png' });
});
