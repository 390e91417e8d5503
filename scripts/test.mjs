// `npm test`: builds, then runs both test runners, the browser tests and the
// Node tests, even when the first fails, so every result is reported; exits
// non-zero when anything failed.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (script) => spawnSync(npm, ['run', '--silent', script], { stdio: 'inherit' }).status;

if (run('build') !== 0) {
  console.error('the build failed; no tests were run');
  process.exit(1);
}
const browser = run('test:browser');
const node = run('test:node');
process.exit(browser === 0 && node === 0 ? 0 : 1);
