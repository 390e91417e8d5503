// The data tool must never destroy a sheet or a good document, must say in
// words why it stopped, and must refuse options it cannot honour. Every
// expected message and exit code is written out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tool, workdir } from './tool-helpers.mjs';

const SHEET = '名称,层级,地址\n关山街道政务服务中心,街道,关山大道355号\n';

test('convert refuses -o naming the sheet it reads, and leaves the sheet alone', () => {
  const dir = workdir({ 'copy.csv': SHEET, 'matters.csv': '事项名称\n居住证首次申领\n' });
  mkdirSync(join(dir, 'sub'));

  const same = tool(['convert', 'copy.csv', '-o', 'copy.csv'], dir);
  assert.equal(same.code, 2);
  assert.equal(
    same.stderr,
    'gov-service-map: -o copy.csv is the file being read (copy.csv); writing the document ' +
      'there would destroy the sheet. Give another file name, such as venues.json.\n',
  );
  assert.equal(readFileSync(join(dir, 'copy.csv'), 'utf8'), SHEET);

  // the same file by another path, and the matter sheet
  const other = tool(['convert', './copy.csv', '-o', 'sub/../copy.csv'], dir);
  assert.equal(other.code, 2);
  const matters = tool(['convert', 'copy.csv', '--matters', 'matters.csv', '-o', 'matters.csv'], dir);
  assert.equal(matters.code, 2);
  assert.equal(
    matters.stderr,
    'gov-service-map: -o matters.csv is the file being read (matters.csv); writing the ' +
      'document there would destroy the sheet. Give another file name, such as venues.json.\n',
  );
  assert.equal(readFileSync(join(dir, 'copy.csv'), 'utf8'), SHEET);
  assert.equal(readFileSync(join(dir, 'matters.csv'), 'utf8'), '事项名称\n居住证首次申领\n');
});

test('a sheet with a header and no rows exits 2 and keeps the existing -o file', () => {
  const good = '{"version":1,"venues":[{"id":"a","name":"甲","level":"street"}]}\n';
  const dir = workdir({ 'empty.csv': '名称,地址,经度,纬度\n', 'good.json': good });

  const run = tool(['convert', 'empty.csv', '-o', 'good.json'], dir);
  assert.equal(run.code, 2);
  assert.equal(run.stdout, '');
  assert.match(
    run.stderr,
    /^gov-service-map: empty\.csv has a header but no rows of venues, so there is no document to write; good\.json was left as it was\.\n/,
  );
  assert.equal(readFileSync(join(dir, 'good.json'), 'utf8'), good);

  // with --json, the fatal problem is printed as a problem too
  const json = tool(['convert', 'empty.csv', '-o', 'good.json', '--json'], dir);
  assert.equal(json.code, 2);
  const { problems } = JSON.parse(json.stdout);
  assert.deepEqual(problems.at(-1), {
    path: '',
    severity: 'error',
    code: 'input-unusable',
    message:
      'empty.csv has a header but no rows of venues, so there is no document to write; ' +
      'good.json was left as it was.',
  });
  assert.equal(readFileSync(join(dir, 'good.json'), 'utf8'), good);
});

test('a JSON list of non-objects gives record-not-object, not a list of no columns', () => {
  const dir = workdir({ 'list.json': '[1,2,3]' });
  const run = tool(['convert', 'list.json', '--json'], dir);
  assert.equal(run.code, 2);
  assert.deepEqual(JSON.parse(run.stdout), {
    problems: [1, 2, 3]
      .map((n) => ({
        path: '',
        severity: 'error',
        code: 'record-not-object',
        message: `Record ${n} of list.json is ${n}, not an object; it was not used.`,
        file: 'list.json',
        row: n,
      }))
      .concat([
        {
          path: '',
          severity: 'error',
          code: 'input-unusable',
          message:
            'list.json holds no records that are objects (a venue is written as ' +
            '{ "名称": "…", "地址": "…" }), so there is no document to write.',
        },
      ]),
  });
});

test('folders, missing folders and exit-2 failures under --json are said in words', () => {
  const dir = workdir({ 'venues.csv': SHEET });
  mkdirSync(join(dir, 'folder'));
  const cases = [
    [
      ['convert', 'folder'],
      'gov-service-map: folder is a folder, not a file; give the file inside it.\n',
    ],
    [
      ['convert', 'venues.csv', '-o', 'nowhere/venues.json'],
      'gov-service-map: Could not write nowhere/venues.json: its folder does not exist; ' +
        'create the folder first or write somewhere else.\n',
    ],
    [
      ['convert', 'venues.csv', '-o', 'folder'],
      'gov-service-map: Could not write folder: it is a folder; give a file name such as ' +
        'folder/venues.json.\n',
    ],
    [
      ['validate', 'folder'],
      'gov-service-map: folder is a folder, not a file; give the file inside it.\n',
    ],
  ];
  for (const [args, stderr] of cases) {
    const run = tool(args, dir);
    assert.equal(run.code, 2, args.join(' '));
    assert.equal(run.stderr, stderr);
  }

  const json = tool(['validate', 'missing.json', '--json'], dir);
  assert.equal(json.code, 2);
  assert.deepEqual(JSON.parse(json.stdout), {
    problems: [
      {
        path: '',
        severity: 'error',
        code: 'input-unusable',
        message: 'There is no file missing.json.',
      },
    ],
  });
});

test('an unreachable address says why in words', async () => {
  // a port that was just free: nothing listens there
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  await new Promise((resolve) => server.close(resolve));

  const url = `http://127.0.0.1:${port}/data.json`;
  const run = tool(['validate', url]);
  assert.equal(run.code, 2);
  assert.equal(
    run.stderr,
    `gov-service-map: Could not fetch ${url}: the server refused the connection (is the ` +
      'address and port right, and is the server running?); ECONNREFUSED.\n',
  );
});

test('--timezone and --lang are checked like --crs', () => {
  const dir = workdir({ 'venues.csv': SHEET });
  const bad = [
    [
      ['--timezone', 'Mars/Olympus'],
      'gov-service-map: --timezone Mars/Olympus is not a time zone name; give one such as ' +
        'Asia/Shanghai or Asia/Hong_Kong.\n',
    ],
    [
      ['--lang', '中文'],
      'gov-service-map: --lang 中文 is not a language tag; give one such as zh-CN, zh-HK or en.\n',
    ],
  ];
  for (const [args, stderr] of bad) {
    const run = tool(['convert', 'venues.csv', '-o', 'out.json', ...args], dir);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, stderr);
  }
  // good values are written in their canonical spelling
  const run = tool(
    ['convert', 'venues.csv', '--no-schema', '--lang', 'zh-hk', '--timezone', 'asia/hong_kong', '--json'],
    dir,
  );
  assert.equal(run.code, 0);
  const { document } = JSON.parse(run.stdout);
  assert.equal(document.lang, 'zh-HK');
  assert.equal(document.timezone, 'Asia/Hong_Kong');
});

test('--map naming a column the sheet lacks exits 2 with the columns', () => {
  const dir = workdir({ 'venues.csv': '名称,联系电话\n关山街道政务服务中心,027-87600000\n' });
  const run = tool(['convert', 'venues.csv', '--map', '不存在=name,联系电弧=phone'], dir);
  assert.equal(run.code, 2);
  assert.equal(
    run.stderr,
    'gov-service-map: --map names the columns "不存在", "联系电弧", which venues.csv does not ' +
      'have; its columns are "名称", "联系电话".\n',
  );
});

test('coordinate headers that carry their system are read with it', () => {
  const cases = [
    ['名称,层级,高德坐标\n甲街道中心,街道,"114.40123,30.50123"\n', '高德坐标', 'GCJ02'],
    ['名称,层级,百度坐标\n甲街道中心,街道,"114.40123,30.50123"\n', '百度坐标', 'BD09'],
    ['name,level,lng_gcj02,lat_gcj02\n甲街道中心,street,114.40123,30.50123\n', 'lng_gcj02', 'GCJ02'],
    ['name,level,gcj02_lng,gcj02_lat\n甲街道中心,street,114.40123,30.50123\n', 'gcj02_lng', 'GCJ02'],
    ['name,level,bd09_lng,bd09_lat\n甲街道中心,street,114.40123,30.50123\n', 'bd09_lng', 'BD09'],
    ['name,level,wgs84_lng,wgs84_lat\n甲街道中心,street,114.40123,30.50123\n', 'wgs84_lng', 'WGS84'],
    ['name,level,gcj_lng,gcj_lat\n甲街道中心,street,114.40123,30.50123\n', 'gcj_lng', 'GCJ02'],
    ['名称,层级,腾讯坐标\n甲街道中心,街道,"114.40123,30.50123"\n', '腾讯坐标', 'GCJ02'],
  ];
  for (const [sheet, column, crs] of cases) {
    const dir = workdir({ 'venues.csv': sheet });
    const run = tool(['convert', 'venues.csv', '--no-schema', '--json'], dir);
    assert.equal(run.code, 0, column);
    const { problems, document } = JSON.parse(run.stdout);
    assert.deepEqual(problems[0], {
      path: '',
      severity: 'info',
      code: 'crs-from-header',
      message: `Column "${column}" of venues.csv names ${crs}, so the positions were read as ${crs}.`,
      file: 'venues.csv',
    });
    assert.equal(document.venues[0].location.length, 2, column);
    assert.deepEqual(
      problems.filter((p) => p.code === 'column-unused'),
      [],
      column,
    );
  }
});

test('--help names the exit codes', () => {
  const run = tool(['convert', '--help']);
  assert.equal(run.code, 0);
  assert.ok(
    run.stdout.trimEnd().endsWith(
      'Exit codes:\n' +
        '  0  no errors (warnings and info allowed; --fail-on warning makes warnings fail too)\n' +
        '  1  errors found in the data\n' +
        '  2  input that cannot be used: a missing or unreadable file, not JSON, a sheet without\n' +
        '     a name column, no venues at all, a bad option; nothing is written',
    ),
    run.stdout,
  );
});

test('an unknown option under --json prints the problem on stdout too', () => {
  const dir = workdir({ 'venues.csv': SHEET });
  const run = tool(['convert', 'venues.csv', '--colour', '--json'], dir);
  assert.equal(run.code, 2);
  assert.deepEqual(JSON.parse(run.stdout), {
    problems: [
      { path: '', severity: 'error', code: 'input-unusable', message: "unknown option '--colour'" },
    ],
  });
});
