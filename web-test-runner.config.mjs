import { existsSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
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

// Map tiles without the network (issue #5): /__tiles__/{z}/{x}/{y}.png answers
// a generated 256 px PNG (a light fill with a darker edge), and
// /__tiles__/fail/... answers 403, as a tile server refusing a key does.
let tilePng = null;
function testTiles(context, next) {
  if (!context.url.startsWith('/__tiles__/')) return next();
  if (context.url.startsWith('/__tiles__/fail/')) {
    context.status = 403;
    context.body = 'refused on purpose';
    return;
  }
  tilePng ??= png(256, (x, y) => (x === 0 || y === 0 ? [200, 194, 180] : [233, 229, 220]));
  context.type = 'image/png';
  context.body = tilePng;
}

function png(size, color) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    let crc = 0xffffffff;
    for (const byte of body) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) rows.set(color(x, y), y * (size * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(
    `Chromium was not found at ${executablePath}. Install it (Debian: apt-get install chromium) ` +
      'or set CHROME_PATH to a Chromium or Chrome executable.',
  );
}

// The timezone group runs the hours table with the page in Bogotá (UTC-5, a
// different date from Beijing's in its evening): answers must not depend on
// the viewer's timezone. Run alone with `npx wtr --group timezone`; a run
// focused with --files leaves it out.
const timezoneGroup = {
  name: 'timezone',
  files: ['test/timezone/**/*.test.ts'],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] },
      createPage: async ({ context }) => {
        const page = await context.newPage();
        await page.emulateTimezone('America/Bogota');
        return page;
      },
    }),
  ],
};

export default {
  files: ['test/**/*.test.ts', '!test/timezone/**'],
  groups: process.argv.some((arg) => arg.startsWith('--files')) ? [] : [timezoneGroup],
  nodeResolve: { browser: true, exportConditions: ['browser'] },
  middleware: [testEndpoints, testTiles],
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
