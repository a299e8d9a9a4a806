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
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--js-flags=--expose-gc'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(`${url}/bench.html?scene=bench`);
await page.waitForFunction(() => 'timelineBench' in window);
for (const n of (process.env.N ?? '1000000').split(',').map(Number)) {
  const l = await page.evaluate((n) => (window as any).timelineBench.load(n), n);
  console.log('load', n, JSON.stringify(l));
  const frames = await page.evaluate(() => (window as any).timelineBench.zoomPan(60));
  console.log(frames.map((f: any, i: number) => `${i}:${f.drawMs.toFixed(1)}+${f.rasterMs.toFixed(1)}`).join(' '));
}
await browser.close(); server.close();
