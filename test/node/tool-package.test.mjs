// The data tool as the package ships it: the bin entry, a Node script that
// imports only Node's modules and the package's dependencies, the schema in
// the packed files, the committed example report matching the tool's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { ROOT, TOOL, tool, workdir } from './tool-helpers.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('the bin is the built tool, a Node script', () => {
  const source = readFileSync(TOOL, 'utf8');

  assert.deepEqual(pkg.bin, { 'gov-service-map': 'dist/tool.js' });
  assert.equal(source.split('\n', 1)[0], '#!/usr/bin/env node');
});

test('the built tool imports only Node modules and the package dependencies', () => {
  const source = readFileSync(TOOL, 'utf8');
  const imported = [...source.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  const dynamic = [...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);

  const dependencies = Object.keys(pkg.dependencies);
  for (const specifier of [...imported, ...dynamic]) {
    const name = specifier.startsWith('@')
      ? specifier.split('/').slice(0, 2).join('/')
      : specifier.split('/')[0];
    const builtin = specifier.startsWith('node:') || builtinModules.includes(name);
    assert.ok(builtin || dependencies.includes(name), `${specifier} is a dependency`);
  }
  assert.ok(imported.includes('commander'));
  assert.ok(imported.includes('csv-parse/sync'));
  assert.ok(imported.includes('read-excel-file/node'));
  assert.ok(imported.includes('pinyin-pro'));
});

test('the tool prints its version, its help, and exits 2 without a command', () => {
  const version = tool(['--version']);
  const help = tool(['--help']);
  const none = tool([]);

  assert.equal(version.code, 0);
  assert.equal(version.stdout, `${pkg.version}\n`);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: gov-service-map \[options\] \[command\]/);
  assert.match(help.stdout, /validate \[options\] <source>/);
  assert.match(help.stdout, /convert \[options\] <input>/);
  assert.equal(none.code, 2);
});

test('the packed package holds the tool and the schema', () => {
  const [{ files }] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  );
  const paths = files.map((f) => f.path);

  assert.ok(paths.includes('dist/tool.js'));
  assert.ok(paths.includes('schema/service-data.v1.json'));
  assert.equal(pkg.exports['./schema.json'], './schema/service-data.v1.json');
  assert.equal(paths.filter((p) => p.startsWith('examples/')).length, 0);
});

test('the committed example report is what the tool prints for the example sheets', () => {
  // run as the README shows, from a folder holding the examples
  const dir = workdir();
  mkdirSync(join(dir, 'examples'));
  for (const name of ['venues-faulty.csv', 'matters.csv']) {
    copyFileSync(join(ROOT, 'examples', name), join(dir, 'examples', name));
  }

  const args = ['examples/venues-faulty.csv', '--matters', 'examples/matters.csv'];
  const run = tool(['convert', ...args, '-o', 'venues.json'], dir);
  const report = readFileSync(join(ROOT, 'examples', 'venues-faulty.report.txt'), 'utf8');

  assert.equal(run.code, 1);
  assert.equal(run.stdout, report);
  assert.match(run.stdout, /^Summary: 1 error, 27 warnings, 6 info\.$/m);
});
