// The demo page as a visitor sees it: served by the dev server from the
// built bundles, opened in headless Chromium. The counts come from the sample
// data (demo/data/hongshan.json: 82 venues, all with a location).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDevServer } from '@web/dev-server';
import puppeteer from 'puppeteer-core';

const VENUES = 82;

let server;
let browser;
let page;
const errors = [];

before(async () => {
  server = await startDevServer({
    config: { rootDir: process.cwd(), port: 0, hostname: '127.0.0.1' },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const { port } = server.server.address();
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
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
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`http://127.0.0.1:${port}/demo/index.html`, { waitUntil: 'load' });
  await page.evaluate(() =>
    Promise.all(['matter-search', 'gov-map', 'venue-guide'].map((tag) => {
      return customElements.whenDefined(tag).then(() => document.querySelector(tag).ready);
    })),
  );
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the map draws a marker for every venue with a location', async () => {
  // a marker is one venue, or a cluster that counts the venues it stands for
  const markers = await page.evaluate(() => {
    const map = document.querySelector('gov-map').map;
    const layer = map.getAllLayers().find((l) => l.get('name') === 'venues');
    return layer
      .getSource()
      .getFeatures()
      .reduce((sum, feature) => sum + (feature.get('count') ?? 1), 0);
  });

  assert.equal(markers, VENUES);
});

test('the locator lists every venue', async () => {
  const rows = await page.evaluate(
    () => document.querySelector('venue-guide').shadowRoot.querySelectorAll('[data-venue]').length,
  );

  assert.equal(rows, VENUES);
});

test('searching 居住证 offers the matter; choosing it shows materials and venues', async () => {
  const input = await page.evaluateHandle(() =>
    document.querySelector('matter-search').shadowRoot.querySelector('input'),
  );

  await input.click();
  await page.keyboard.type('居住证');
  const options = await page.evaluate(() =>
    [...document.querySelector('matter-search').shadowRoot.querySelectorAll('[role="option"]')]
      .map((o) => o.textContent.trim()),
  );
  assert.ok(options.includes('居住证首次申领'), `options: ${options.join(', ')}`);

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const result = await page.evaluate(() => {
    const root = document.querySelector('matter-search').shadowRoot;
    return {
      title: root.querySelector('.guide-title')?.textContent.trim(),
      materials: [...root.querySelectorAll('[part="materials"] strong')].map((n) => n.textContent),
      venues: root.querySelectorAll('[data-venue]').length,
    };
  });

  assert.equal(result.title, '居住证首次申领');
  assert.ok(result.materials.includes('居民身份证'), `materials: ${result.materials.join(', ')}`);
  assert.ok(result.venues > 0);
});

test('the page says the positions are approximate', async () => {
  const notice = await page.$eval('#notice', (n) => n.textContent);

  assert.match(notice, /近似位置/);
});

test('nothing is written to the console as an error', () => {
  assert.deepEqual(errors, []);
});
