// Files in and out of the window, against the web host's real engine: a session saved with Export →
// Session opens again; malformed, truncated, huge and foreign files are refused with the problem
// named and nothing else changed; the timeline image holds every lane, not only the window's band.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { toChromeTrace } from '../common/chrome-trace';
import { limits } from '../common/limits';
import { strategies } from '../common/program';
import { parseSessionFile } from '../common/session-file';
import { chooseStrategies, collectPageErrors, drawnRange, recordTimelineDraws } from './fixtures';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1440, height: 900 } });

let dir = '';
/** The session file test (a) saves; the later tests open it. */
let savedPath = '';

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gil-lab-files-'));
});

test.afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs calc-threads with the given strategies and workers, time scale 0.05, to its end. */
async function runTinySession(page: Page, wanted: string[], workers = 2): Promise<void> {
  const program = page.getByRole('combobox', { name: 'Program', exact: true });
  await expect(program.locator('option[value="calc-threads"]')).toHaveCount(1);
  await program.selectOption('calc-threads');
  await chooseStrategies(page, wanted);
  await page.getByRole('slider', { name: 'Workers' }).fill(String(workers));
  await page.getByRole('textbox', { name: 'Time scale' }).fill('0.05');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText(/done$/, { timeout: 60_000 });
}

/** Clicks an item of the Export menu and saves what it downloads. */
async function exportItem(page: Page, item: RegExp, path: string): Promise<string> {
  await page.locator('summary', { hasText: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: item }).click(),
  ]);
  await download.saveAs(path);
  return download.suggestedFilename();
}

/** What a refused file must leave as it was. */
async function snapshot(page: Page) {
  return {
    history: await page.locator('.history-item').allInnerTexts(),
    shown: await page.locator('.history-item[aria-current="true"]').innerText(),
    header: await page.getByTestId('timeline-pane').locator('.pane-header').innerText(),
    lanes: await page
      .getByTestId('lane-label')
      .evaluateAll((labels) =>
        labels.map((l) => `${l.getAttribute('data-strategy')}/${l.getAttribute('data-thread')}`),
      ),
    status: await page.getByTestId('run-status').innerText(),
    program: await page.getByRole('combobox', { name: 'Program', exact: true }).inputValue(),
    timeScale: await page.getByRole('textbox', { name: 'Time scale' }).inputValue(),
    switchInterval: await page.getByRole('textbox', { name: 'Switch interval' }).inputValue(),
    strategies: await Promise.all(
      strategies.map((s) => page.getByRole('button', { name: s, exact: true }).getAttribute('aria-pressed')),
    ),
  };
}

test('(a) a session saved with Export → Session opens again: in the history, with its lanes and wall times', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await runTinySession(page, ['threading']);
  const lanes = await page
    .getByTestId('lane-label')
    .evaluateAll((labels) => labels.map((l) => l.getAttribute('data-thread')));
  const wallMs = await page.locator('[data-testid="wall-time"][data-strategy="threading"]:not([data-measured])').getAttribute('data-ms');
  // Where the machine has CPython, the run measured there has the same lanes, and is saved too.
  const measuring = await page.getByTestId('measure-toggle').isChecked();
  const threads = ['MainThread', 'Thread-1 (calc)', 'Thread-2 (calc)'];
  expect(lanes).toEqual(measuring ? [...threads, ...threads] : threads);

  savedPath = join(dir, 'saved.gillab.json');
  const suggested = await exportItem(page, /^Session/, savedPath);
  expect(suggested).toMatch(/^gil-lab-calc-threads-.*\.gillab\.json$/);
  // The file is what the common parser accepts, outside the window too.
  const parsed = parseSessionFile(await readFile(savedPath, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  expect(parsed.value.runs.map((r) => `${r.info.strategy}${r.info.measured ? ' in CPython' : ''}`)).toEqual(
    measuring ? ['threading', 'threading in CPython'] : ['threading'],
  );
  expect(parsed.value.request?.timeScale).toBe(0.05);
  // The program's source and every interval's line are in the file.
  const saved = parsed.value.request?.program;
  expect(typeof saved === 'object' && saved.source).toContain('threading.Thread(target=calc)');
  const run = parsed.value.runs[0];
  expect(run.info.source).toContain('def calc():');
  expect(run.info.lineMap?.length).toBeGreaterThan(0);
  const lines = new Set(Object.values(run.traces).flatMap((t) => t.intervals.filter((_, i) => i % 4 === 3)));
  expect(lines.has(8)).toBe(true);

  // A fresh window, another program in the editor: nothing in the history until the file is opened.
  await page.reload();
  await expect(page.locator('.history-item')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption('car-truck');
  await page.getByLabel('Open session').setInputFiles(savedPath);
  // The editor as it was: the session's program.
  await expect(page.getByRole('combobox', { name: 'Program', exact: true })).toHaveValue('calc-threads');
  await expect(page.getByTestId('editor')).toContainText('threads.append(threading.Thread(target=calc))');
  await expect(page.locator('.history-item')).toHaveCount(1);
  await expect(page.locator('.history-item')).toContainText('file');
  await expect(page.locator('.history-item')).toContainText('done');
  await expect(page.getByTestId('timeline-pane')).toContainText('from saved.gillab.json');
  await expect(page.getByTestId('lane-label')).toHaveCount(lanes.length);
  expect(
    await page.getByTestId('lane-label').evaluateAll((labels) => labels.map((l) => l.getAttribute('data-thread'))),
  ).toEqual(lanes);
  await expect(page.locator('[data-testid="wall-time"][data-strategy="threading"]:not([data-measured])')).toHaveAttribute(
    'data-ms',
    wallMs!,
  );
  await expect(page.getByTestId('session-file-error')).toHaveCount(0);
  // Opening a file starts nothing: the engine is still idle.
  await expect(page.getByTestId('run-status')).toHaveText(/ready$/);
  await page.locator('.history-item').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/files-opened.png' });
  expect(errors).toEqual([]);
});

test('(b) malformed, truncated, huge and foreign session files are refused, and nothing else changes', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  expect(savedPath, 'test (a) saves the session file this test opens').not.toBe('');
  const valid = await readFile(savedPath, 'utf8');
  const file = JSON.parse(valid);
  const tid = file.runs[0].info.threads[1].tid;
  file.runs[0].traces[tid].intervals.push(1);
  const malformed = join(dir, 'malformed.gillab.json');
  await writeFile(malformed, JSON.stringify(file));
  const truncated = join(dir, 'truncated.gillab.json');
  await writeFile(truncated, valid.slice(0, Math.floor(valid.length / 2)));
  const huge = join(dir, 'huge.gillab.json');
  await writeFile(huge, Buffer.alloc(limits.maxTraceFileBytes + 1, 0x20));
  const chrome = join(dir, 'perfetto.trace.json');
  await writeFile(chrome, JSON.stringify(toChromeTrace(file.runs)));
  const cases = [
    { path: malformed, error: `runs.0.traces.${tid}.intervals: length must be a multiple of 4` },
    { path: truncated, error: 'is not valid JSON (truncated?)' },
    { path: huge, error: `session file is too large: ${limits.maxTraceFileBytes + 1} bytes` },
    { path: chrome, error: 'this is a Chrome trace for Perfetto' },
  ];

  // A window with a live session on screen, a session opened from a file in its history, and settings
  // that differ from the defaults.
  await page.goto('/');
  await page.getByLabel('Open session').setInputFiles(savedPath);
  await expect(page.locator('.history-item')).toHaveCount(1);
  await runTinySession(page, ['threading', 'multiprocessing']);
  await page.getByRole('textbox', { name: 'Switch interval' }).fill('2');
  await expect(page.locator('.history-item')).toHaveCount(2);
  await expect(page.locator('[data-testid="lane-label"][data-strategy="multiprocessing"]:not([data-measured])')).not.toHaveCount(0);
  const before = await snapshot(page);

  const input = page.getByLabel('Open session');
  for (const { path, error } of cases) {
    await input.setInputFiles(path);
    const alert = page.getByTestId('session-file-error');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(path.split('/').pop()!);
    await expect(alert).toContainText(error);
    expect(await snapshot(page)).toEqual(before);
    if (path === huge) {
      await alert.scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-results/files-refused.png' });
    }
  }

  // The same valid file still opens afterwards, and clears the message.
  await input.setInputFiles(savedPath);
  await expect(page.locator('.history-item')).toHaveCount(3);
  await expect(page.getByTestId('session-file-error')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('(c) huge and binary program files are refused with the reason, and the editor keeps its text', async ({
  page,
}) => {
  // e2e/app.spec.ts covers a JSON program file; these are the other ways a program file goes wrong.
  await page.goto('/');
  const program = page.getByRole('combobox', { name: 'Program', exact: true });
  await expect(program.locator('option[value="car-truck"]')).toHaveCount(1);
  await program.selectOption('car-truck');
  const input = page.getByLabel('Open program file');
  const huge = join(dir, 'huge.py');
  await writeFile(huge, Buffer.alloc(limits.maxFileBytes + 1, 0x20));
  const binary = join(dir, 'binary.py');
  await writeFile(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
  for (const [path, error] of [
    [huge, `huge.py: program file is too large: ${limits.maxFileBytes + 1} bytes, at most ${limits.maxFileBytes}`],
    [binary, 'binary.py: this is not a text file'],
  ]) {
    await input.setInputFiles(path);
    await expect(page.getByTestId('program-file-error')).toHaveText(error);
    await expect(program).toHaveValue('car-truck');
    await expect(page.getByTestId('editor')).toContainText('def Car():');
  }
});

test('the timeline image holds every lane of a session taller than the window', async ({ page }) => {
  test.setTimeout(120_000);
  // A short window: the lanes of three strategies reach well below its bottom edge.
  await page.setViewportSize({ width: 1280, height: 600 });
  await recordTimelineDraws(page);
  await page.goto('/');
  await runTinySession(page, ['sequential', 'threading', 'multiprocessing'], 4);
  const bodyHeight = await page.locator('.tl-body').evaluate((body) => body.getBoundingClientRect().height);
  expect(bodyHeight).toBeGreaterThan(600);
  const dpr = await page.evaluate(() => window.devicePixelRatio);

  const pngPath = 'test-results/files-timeline.png';
  expect(await exportItem(page, /^Timeline image/, pngPath)).toMatch(/\.png$/);
  const png = await readFile(pngPath);
  // The PNG header: signature, then the IHDR chunk's width and height (big-endian).
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const height = png.readUInt32BE(20);
  expect(height).toBeGreaterThanOrEqual(Math.round(bodyHeight * dpr));

  // Decoded in the page: the last lanes (multiprocessing's last worker, computing) are drawn at the bottom.
  const running = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const rows = Math.round(bitmap.height * 0.12);
    const data = ctx.getImageData(0, bitmap.height - rows, bitmap.width, rows).data;
    let count = 0;
    // stateColors.running is #0072B2.
    for (let i = 0; i < data.length; i += 4)
      if (Math.abs(data[i]) < 8 && Math.abs(data[i + 1] - 0x72) < 8 && Math.abs(data[i + 2] - 0xb2) < 8) count++;
    return { count, width: bitmap.width, height: bitmap.height };
  }, png.toString('base64'));
  expect(running.height).toBe(height);
  expect(running.count).toBeGreaterThan(100);

  // Zoomed in: the image shows the zoomed range, still with every lane.
  const timeline = page.getByTestId('timeline');
  const fullEnd = (await drawnRange(page)).endUs;
  await timeline.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('w');
  await expect.poll(async () => (await drawnRange(page)).endUs).toBeLessThan(fullEnd);
  const zoomedPath = 'test-results/files-timeline-zoomed.png';
  await exportItem(page, /^Timeline image/, zoomedPath);
  expect((await readFile(zoomedPath)).readUInt32BE(20)).toBe(height);

  // Presenter mode exports its thick lanes and large type too.
  await page.getByRole('button', { name: 'Presenter' }).click();
  const presenterPath = 'test-results/files-timeline-presenter.png';
  await exportItem(page, /^Timeline image/, presenterPath);
  expect((await readFile(presenterPath)).readUInt32BE(20)).toBeGreaterThan(height * 1.8);
});
