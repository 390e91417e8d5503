// The package as Node and server rendering see it: entry points resolve
// through the exports map (self-reference by name), import without a DOM,
// and the packed file list holds what the exports name and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

test('the core resolves by name and lists the core API', async () => {
  const core = await import('gov-service-map/core');

  for (const name of [
    'parseServiceData',
    'loadServiceData',
    'ServiceDataError',
    'distance',
    'convert',
    'rankVenues',
    'createSearchIndex',
  ]) {
    assert.equal(typeof core[name], 'function', `${name} is exported`);
  }
});

test('every element entry imports under Node without a DOM', async () => {
  assert.equal(typeof globalThis.document, 'undefined');

  const root = await import('gov-service-map');
  const map = await import('gov-service-map/gov-map');
  const search = await import('gov-service-map/matter-search');
  const guide = await import('gov-service-map/venue-guide');

  assert.equal(typeof root.GovMap, 'function');
  assert.equal(typeof root.MatterSearch, 'function');
  assert.equal(typeof root.VenueGuide, 'function');
  assert.equal(map.GovMap, root.GovMap);
  assert.equal(search.MatterSearch, root.MatterSearch);
  assert.equal(guide.VenueGuide, root.VenueGuide);
});

test('the packed package holds the built files and no sources', () => {
  const [{ files }] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
  );
  const paths = files.map((f) => f.path);

  for (const entry of Object.values(pkg.exports)) {
    const targets = typeof entry === 'string' ? [entry] : Object.values(entry);
    for (const target of targets) {
      assert.ok(paths.includes(target.replace(/^\.\//, '')), `${target} is packed`);
    }
  }
  assert.ok(paths.includes('custom-elements.json'));
  assert.equal(paths.filter((p) => p.startsWith('src/') || p.startsWith('test/')).length, 0);
  assert.equal(paths.filter((p) => p.endsWith('.map')).length, 0);
});

test('the manifest describes the three elements', () => {
  const manifest = JSON.parse(
    readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'),
  );
  const tags = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .map((d) => d.tagName)
    .sort();

  assert.deepEqual(tags, ['gov-map', 'matter-search', 'venue-guide']);
});

test("the README's tables of attributes, events, parts and problems match the code", () => {
  // the manifest was just built from the doc comments; the README's tables come from it
  const run = () =>
    execFileSync(process.execPath, ['scripts/readme-api.mjs', '--check'], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
      stdio: 'pipe',
    });
  assert.doesNotThrow(run, 'README.md is out of date: run `npm run docs`');
});
