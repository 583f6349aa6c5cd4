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
if (e2eFile && existsSync(e2eFile)) {
  const s = JSON.parse(readFileSync(e2eFile, 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
} else if (unitFile && existsSync(unitFile)) {
  failed += 1; // the end-to-end tests did not run at all
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
