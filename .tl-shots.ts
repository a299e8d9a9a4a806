// temporary dev helper (delete before commit)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { chromium } from '@playwright/test';

const outDir = resolve('out/bench-page');
if (!process.env.NOBUILD) await build({ configFile: false, root: resolve('renderer'), base: './', logLevel: 'warn', plugins: [react()],
  build: { outDir, emptyOutDir: true, rollupOptions: { input: { bench: resolve('renderer/bench.html') } } } });
const types: Record<string,string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  const p = new URL(req.url!, 'http://x').pathname.slice(1) || 'bench.html';
  try { const body = await readFile(join(outDir, p)); res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' }).end(body); } catch { res.writeHead(404).end(); }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as any).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const scenes = (process.argv[2] ?? 'gallery').split(',');
for (const scene of scenes) {
  const [name, query = ''] = scene.split('?');
  const page = await browser.newPage({ viewport: { width: Number(process.env.W ?? 1400), height: Number(process.env.H ?? 900) }, deviceScaleFactor: Number(process.env.DPR ?? 1) });
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(`${url}/bench.html?scene=${name}&${query}`);
  await page.waitForTimeout(Number(process.env.WAIT ?? 600));
  const actions = process.env.ACT ?? '';
  for (const act of actions.split(';').filter(Boolean)) {
    const [kind, ...args] = act.split(':');
    const plot = await page.locator('[data-testid=timeline-plot]').boundingBox();
    if (kind === 'hover') await page.mouse.move(plot!.x + plot!.width * Number(args[0]), plot!.y + Number(args[1]));
    if (kind === 'wheel') { await page.mouse.move(plot!.x + plot!.width * Number(args[0]), plot!.y + 60); await page.mouse.wheel(0, Number(args[1])); }
    if (kind === 'key') { await page.keyboard.down(args[0]); await page.waitForTimeout(Number(args[1] ?? 300)); await page.keyboard.up(args[0]); }
    if (kind === 'brush') { await page.keyboard.down('Shift'); await page.mouse.move(plot!.x + plot!.width * Number(args[0]), plot!.y + 80); await page.mouse.down(); await page.mouse.move(plot!.x + plot!.width * Number(args[1]), plot!.y + 120, { steps: 5 }); await page.mouse.up(); await page.keyboard.up('Shift'); }
    if (kind === 'drag') { await page.mouse.move(plot!.x + plot!.width * Number(args[0]), plot!.y + 80); await page.mouse.down(); await page.mouse.move(plot!.x + plot!.width * Number(args[1]), plot!.y + 80, { steps: 5 }); await page.mouse.up(); }
    if (kind === 'scroll') await page.evaluate((y) => window.scrollTo(0, y), Number(args[0]));
    if (kind === 'wait') await page.waitForTimeout(Number(args[0]));
    await page.waitForTimeout(250);
  }
  const attrs = await page.locator('[data-testid=timeline]').evaluate((e) => ({ s: e.getAttribute('data-visible-start-us'), e: e.getAttribute('data-visible-end-us') })).catch(() => null);
  console.log(scene, 'visible', JSON.stringify(attrs), 'labels', await page.locator('[data-testid=lane-label]').count());
  const file = `/tmp/tl-${(process.env.TAG ?? '') + name}.png`;
  await page.screenshot({ path: file, fullPage: !!process.env.FULL });
  console.log('wrote', file);
  await page.close();
}
await browser.close();
server.close();
