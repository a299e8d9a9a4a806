// Calibration against the machine's real python3: fitted once, cached, read back without timing
// python3 again; without a python3 (or with one that fails), the defaults, saying why.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCosts } from '../interpreter/costs';
import { calibrateCosts, type CalibrationRequest } from './calibration';

const timerScript = join(import.meta.dirname, '..', 'cpython', 'time-programs.py');
const python = (() => {
  try {
    const [executable, version] = execFileSync('python3', ['-c', 'import sys; print(sys.executable); print(sys.version.split()[0])'], { encoding: 'utf8' }).trim().split('\n');
    return { executable, version };
  } catch {
    return null;
  }
})();

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});
const request = (over: Partial<CalibrationRequest> = {}): CalibrationRequest => ({ python, cacheDir: (dir ||= mkdtempSync(join(tmpdir(), 'gil-lab-costs-'))), timerScript, build: 'test', ...over });

describe('calibrating the cost table', () => {
  it.skipIf(!python)('fits the table to python3, says so, caches it, and reads the cache back without timing python3', async () => {
    const notices: string[] = [];
    const first = await calibrateCosts(request(), new Date('2026-12-01T10:00:00Z'), (t) => notices.push(t));
    expect(first.calibrated).toBe(true);
    expect(first.source).toBe(`calibrated against CPython ${python!.version} (${python!.executable}) on 2026-12-01`);
    expect(notices).toHaveLength(1);
    // The program the fit explains least is named, for the CLI's calibrate command.
    expect(first.worst!.program).toBeTruthy();
    expect(JSON.parse(readFileSync(join(dir, 'cost-calibration.json'), 'utf8'))).toHaveLength(1);
    // A timer that would fail proves the second call never ran python3.
    const again = await calibrateCosts(request({ timerScript: join(dir, 'missing.py') }), new Date(), (t) => notices.push(t));
    expect(again).toEqual(first);
    expect(notices).toHaveLength(1);
    // Another build of the interpreter counts differently: its table is fitted afresh.
    const otherBuild = await calibrateCosts(request({ build: 'other', timerScript: join(dir, 'missing.py') }));
    expect(otherBuild.calibrated).toBe(false);
    expect(otherBuild.source).toMatch(/could not time the calibration programs/);
  }, 120_000);

  it('uses the defaults without python3, saying why', async () => {
    const result = await calibrateCosts(request({ python: null, pythonMissing: 'python3 was not found on PATH' }));
    expect(result).toMatchObject({ calibrated: false, costs: defaultCosts });
    expect(result.source).toMatch(/^default costs .*: python3 was not found on PATH$/);
  });

  it.skipIf(!python)('uses the defaults when python3 prints something else, naming the interpreter', async () => {
    const liar = join((dir ||= mkdtempSync(join(tmpdir(), 'gil-lab-costs-'))), 'liar.py');
    writeFileSync(liar, 'print("hello")\n');
    const result = await calibrateCosts(request({ timerScript: liar }));
    expect(result.calibrated).toBe(false);
    expect(result.source).toContain(`${python!.executable} printed no timings`);
  });

  it.skipIf(!python)('ignores a damaged cache file and replaces it', async () => {
    const cacheDir = (dir ||= mkdtempSync(join(tmpdir(), 'gil-lab-costs-')));
    writeFileSync(join(cacheDir, 'cost-calibration.json'), '{ not json');
    const result = await calibrateCosts(request({ cacheDir }));
    expect(result.calibrated).toBe(true);
    expect(JSON.parse(readFileSync(join(cacheDir, 'cost-calibration.json'), 'utf8'))[0].source).toBe(result.source);
  }, 120_000);
});
