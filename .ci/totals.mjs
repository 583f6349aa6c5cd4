// Prints "N passed, N failed" over the unit (Vitest JSON) and end-to-end (Playwright JSON) results.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const [unitFile, e2eFile] = process.argv.slice(2);
if (unitFile && existsSync(unitFile)) {
  const r = JSON.parse(readFileSync(unitFile, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  // A test file that fails to load counts once, even though none of its tests ran.
  if (!r.numFailedTests && r.numFailedTestSuites) failed += r.numFailedTestSuites;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else {
  failed += 1; // the unit tests did not run at all
}
/** Each spec file's time (the sum of its tests' runs, retries included), slowest first, so growth is visible. */
function specTimes(report) {
  const byFile = new Map();
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const ms = (t.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0);
        byFile.set(spec.file, (byFile.get(spec.file) ?? 0) + ms);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  const rows = [...byFile].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
  const label = 'end-to-end, all specs';
  const width = Math.max(label.length, ...rows.map(([f]) => f.length));
  for (const [file, ms] of rows) console.log(`${file.padEnd(width)}  ${(ms / 1000).toFixed(1).padStart(6)} s`);
  if (rows.length) console.log(`${label.padEnd(width)}  ${(total / 1000).toFixed(1).padStart(6)} s`);
}

if (e2eFile && existsSync(e2eFile)) {
  const report = JSON.parse(readFileSync(e2eFile, 'utf8'));
  specTimes(report);
  const s = report.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
} else if (unitFile && existsSync(unitFile)) {
  failed += 1; // the end-to-end tests did not run at all
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
