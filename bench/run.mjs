// Runs the benchmark pages (bench/*.bench.html) in headless Chromium, one at
// a time, each beside its peers in the same page. A page sets
// `window.benchDone = { name, markdown, data }` when it has finished; the
// runner writes bench/reports/<name>.md and .json and prints the Markdown.
// `npm run bench -- search` runs only the pages whose file name contains it.
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';

const filter = process.argv[2] ?? '';
const pages = readdirSync(new URL('.', import.meta.url))
  .filter((file) => file.endsWith('.bench.html') && file.includes(filter))
  .sort();
if (!pages.length) {
  console.error(`no benchmark page matches "${filter}"`);
  process.exit(2);
}

const server = await startDevServer({
  config: {
    rootDir: process.cwd(),
    port: 0,
    hostname: '127.0.0.1',
    nodeResolve: { browser: true, exportConditions: ['browser'] },
    plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2021' })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const { port } = server.server.address();
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  protocolTimeout: 30 * 60 * 1000,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
  ],
});

mkdirSync(new URL('reports/', import.meta.url), { recursive: true });
let failed = 0;
for (const file of pages) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  page.on('console', (message) => console.log(`  [${file}] ${message.text()}`));
  page.on('pageerror', (error) => console.error(`  [${file}] ${error}`));
  console.log(`running bench/${file} …`);
  try {
    await page.goto(`http://127.0.0.1:${port}/bench/${file}`);
    await page.waitForFunction(() => window.benchDone, { timeout: 30 * 60 * 1000, polling: 500 });
    const { name, markdown, data } = await page.evaluate(() => window.benchDone);
    const header = `<!-- written by \`npm run bench\` on ${new Date().toISOString()}, ` +
      `${(await browser.version())}, ${process.platform} ${process.arch} -->\n\n`;
    writeFileSync(new URL(`reports/${name}.md`, import.meta.url), header + markdown + '\n');
    writeFileSync(new URL(`reports/${name}.json`, import.meta.url), JSON.stringify(data, null, 2));
    console.log(`\n${markdown}\n`);
  } catch (error) {
    failed++;
    console.error(`bench/${file} failed: ${error}`);
  }
  await page.close();
}

await browser.close();
await server.stop();
process.exit(failed ? 1 : 0);
