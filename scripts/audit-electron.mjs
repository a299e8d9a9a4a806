#!/usr/bin/env node
// `npm run audit:electron` (part of `npm test`): Doyensec's Electronegativity over
// the code that runs in Electron (main/ and renderer/, plus package.json for the
// Electron version). Prints every finding; exits non-zero on any of severity
// MEDIUM or above, and when a source file cannot be parsed (it would escape the audit).
//
// Why the programmatic API and not `npx electronegativity -o file.csv`: its CLI
// requires `commander` without declaring it and breaks on the hoisted commander 14
// ("_commander2.default.version is not a function"), and its CSV writer appends
// rows and header with two unordered async writes. The API returns the same
// findings, with severity; `--sarif FILE` keeps the tool's own SARIF report.
//
// Excluded checks, one line each:
// - AvailableSecurityFixesGlobalCheck: downloads Electron's release list from GitHub at
//   audit time (no answer offline); the version it would judge is ELECTRON_VERSION_JSON_CHECK's.
// Suppressed on one line (an `eng-disable` comment there says why):
// - main/index.ts `new BrowserWindow(mainWindowOptions(…))`: CONTEXT_ISOLATION, SANDBOX,
//   AUXCLICK and PRELOAD checks read only an object literal written at the call; the
//   options come from main/security.ts, and main/security.test.ts asserts each flag.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

const excludedChecks = ['AvailableSecurityFixesGlobalCheck'];
const failAt = 'MEDIUM';
const severityRank = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

const sarifFlag = process.argv.indexOf('--sarif');
const sarifFile = sarifFlag >= 0 ? process.argv[sarifFlag + 1] : undefined;
if (sarifFlag >= 0 && !sarifFile) {
  console.error('audit:electron: --sarif needs a file name, e.g. --sarif electronegativity.sarif');
  process.exit(2);
}

/**
 * What ships in the renderer and main bundles. Tests never run in Electron, and a
 * test that feeds hostile URLs to the sender check would read as findings.
 */
function shipped(source) {
  const name = basename(source);
  if (name === 'node_modules' || name.startsWith('.')) return false;
  return !/\.(test|spec|timing\.test)\.[cm]?[jt]sx?$/.test(name);
}

function stage() {
  const staging = mkdtempSync(join(tmpdir(), 'gil-lab-audit-'));
  for (const dir of ['main', 'renderer'])
    cpSync(join(root, dir), join(staging, dir), { recursive: true, filter: shipped });
  cpSync(join(root, 'package.json'), join(staging, 'package.json'));
  return staging;
}

async function audit(staging) {
  // Its messages come from i18n; without a known locale every message is a key name.
  process.env.LANG = 'en-US';
  const run = require('@doyensec/electronegativity');
  // It asks a server for fresh translations first and logs when offline: not a finding.
  const log = console.log;
  console.log = (...args) => {
    if (!/Could not retrieve updated translations/.test(String(args[0]))) log(...args);
  };
  try {
    return await run({
      input: staging,
      output: sarifFile ? join(staging, 'report.sarif') : undefined,
      isSarif: true,
      isRelative: true,
      excludeFromScan: excludedChecks,
    });
  } finally {
    console.log = log;
  }
}

function describe(issue) {
  const where = issue.file === 'N/A' ? 'project' : `${issue.file}:${issue.location.line}:${issue.location.column}`;
  const sample = issue.sample ? `\n      ${String(issue.sample).trim().slice(0, 160)}` : '';
  const review = issue.manualReview ? ' (review)' : '';
  return `  ${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}${review}\n      ${where}: ${issue.description}${sample}`;
}

const staging = stage();
let exitCode = 0;
try {
  const result = await audit(staging);
  const count = result.issues.length;
  console.log(
    `Electronegativity on main/ and renderer/: ${result.globalChecks + result.atomicChecks} checks` +
      ` (excluded: ${excludedChecks.join(', ')}), ${count} finding${count === 1 ? '' : 's'}.`,
  );
  const ordered = [...result.issues].sort((a, b) => b.severity.value - a.severity.value);
  for (const issue of ordered) console.log(describe(issue));

  const unparsed = result.errors.filter((error) => !error.tolerable);
  for (const error of unparsed) console.error(`  could not parse ${relative(staging, error.file)}: ${error.message}`);
  const blocking = result.issues.filter((issue) => severityRank[issue.severity.name] >= severityRank[failAt]);

  if (sarifFile) {
    // The tool writes its report asynchronously after returning; wait for it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    cpSync(join(staging, 'report.sarif'), sarifFile);
    console.log(`SARIF report: ${sarifFile}`);
  }
  if (blocking.length > 0 || unparsed.length > 0) {
    console.error(
      `audit:electron failed: ${blocking.length} finding${blocking.length === 1 ? '' : 's'} of severity ${failAt} or above` +
        (unparsed.length > 0 ? `, ${unparsed.length} file(s) not parsed` : '') +
        '. Fix the code; exclude a check only with a one-line reason at the top of scripts/audit-electron.mjs.',
    );
    exitCode = 1;
  } else {
    console.log(`audit:electron passed: no finding of severity ${failAt} or above.`);
  }
} catch (error) {
  console.error(`audit:electron could not run Electronegativity: ${error instanceof Error ? error.message : error}`);
  exitCode = 2;
} finally {
  rmSync(staging, { recursive: true, force: true });
}
process.exitCode = exitCode;
