// Adds up the JUnit reports of the test runners into one plain line:
// `N passed, N failed` (and `, N skipped` when any were skipped).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`no report at ${file}: its runner did not finish`);
    missing++;
    continue;
  }
  const xml = readFileSync(file, 'utf8');
  // each test case is either self-closing or has a body that may hold
  // <failure>, <error> or <skipped>
  const cases = xml.match(/<testcase\b[^>]*?(?:\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
  for (const testcase of cases) {
    if (/<(failure|error)\b/.test(testcase)) failed++;
    else if (/<skipped\b/.test(testcase)) skipped++;
    else passed++;
  }
}

// skipped tests (the real lists beside the repository, when absent) on their own line, so
// the last line is exactly `N passed, N failed`
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || missing ? 1 : 0);
