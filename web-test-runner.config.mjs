import { existsSync, readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { junitReporter } from '@web/test-runner-junit-reporter';

// Test endpoints for load failures: /__test__/status/500, /__test__/hang
// (answers after 30 s, long past any test's timeout), /__test__/not-json,
// /__test__/flaky?key=K (fails the first request for each key with 503, then
// serves test/fixtures/district.json).
const flaky = new Set();
function testEndpoints(context, next) {
  const url = context.url;
  if (url.startsWith('/__test__/flaky')) {
    const key = new URL(url, 'http://x').searchParams.get('key') ?? '';
    if (!flaky.has(key)) {
      flaky.add(key);
      context.status = 503;
      context.body = 'try again';
      return;
    }
    context.type = 'application/json';
    context.body = readFileSync('test/fixtures/district.json', 'utf8');
    return;
  }
  if (url.startsWith('/__test__/status/')) {
    context.status = Number(url.split('/')[3].split('?')[0]) || 500;
    context.body = 'failing on purpose';
    return;
  }
  if (url.startsWith('/__test__/hang')) {
    return new Promise((done) => setTimeout(done, 30000)).then(() => {
      context.body = '{}';
    });
  }
  if (url.startsWith('/__test__/not-json')) {
    context.type = 'text/html';
    context.body = '<!doctype html><p>Not found</p>';
    return;
  }
  return next();
}

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(
    `Chromium was not found at ${executablePath}. Install it (Debian: apt-get install chromium) ` +
      'or set CHROME_PATH to a Chromium or Chrome executable.',
  );
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser'] },
  middleware: [testEndpoints],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2021' })],
  // one page at a time: a page in a background tab gets no animation frames,
  // and OpenLayers draws on animation frames
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      },
    }),
  ],
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    junitReporter({ outputPath: 'reports/browser.xml' }),
  ],
};
