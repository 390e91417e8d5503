// The JSON Schema of format version 1 (schema/service-data.v1.json, published
// as gov-service-map/schema.json), the core's parser and the data tool agree:
// the sample data and what `convert` writes pass the schema, and every
// document the schema rejects also gets a problem from `validate`, at or
// under the place the schema points to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { ROOT, tool, workdir } from './tool-helpers.mjs';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('gov-service-map/schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
// union types (`["string", "number"]`) mirror what the parser accepts; a position's
// third item (height) is optional, so tuples are left open
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strictTuples: false });
const check = ajv.compile(schema);

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

function validateProblems(doc) {
  const dir = workdir({ 'doc.json': JSON.stringify(doc) });
  const run = tool(['validate', 'doc.json', '--json'], dir);
  return JSON.parse(run.stdout).problems;
}

test('the schema is the published file and a draft-07 schema with the format version', () => {
  assert.equal(schemaPath, join(ROOT, 'schema', 'service-data.v1.json'));
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(schema.$id, 'https://unpkg.com/gov-service-map/schema/service-data.v1.json');
  assert.deepEqual(schema.definitions.head.properties.version.const, 1);
});

test('the sample data passes the schema and validates without a problem', () => {
  const sample = readJson(join(ROOT, 'demo', 'data', 'hongshan.json'));

  const valid = check(sample);

  assert.equal(valid, true, JSON.stringify(check.errors?.slice(0, 3)));
  assert.deepEqual(validateProblems(sample), []);
});

test('what convert writes from a clean sheet passes the schema', () => {
  const dir = workdir({
    'venues.csv':
      '编号,网点名称,层级,所属街道,地址,经度,纬度,电话,办公时间,可办事项,预约链接\n' +
      '420111002,关山街道政务服务中心,街道,关山街道,关山大道355号,114.415118,30.493427,' +
      '027-87600000,"周一至周五 9:00-12:00，13:30-17:30",居住证首次申领,' +
      'https://zwfw.hongshan.gov.cn/yy?venue={venue}\n' +
      '420111002003,海核社区党群服务中心,社区,关山街道,海核社区,114.410113,30.492145,' +
      '027-87600003,周一至周五 8:30-17:30,居住证明开具,\n',
  });

  const run = tool(['convert', 'venues.csv', '--crs', 'GCJ02', '-o', 'out.json'], dir);
  const written = readJson(join(dir, 'out.json'));

  assert.equal(run.code, 0);
  assert.equal(check(written), true, JSON.stringify(check.errors?.slice(0, 3)));
  assert.deepEqual(validateProblems(written), []);
});

test('where the schema rejects a converted faulty sheet, the tool reported a problem', () => {
  const dir = workdir();
  const run = tool(
    [
      'convert',
      join(ROOT, 'examples', 'venues-faulty.csv'),
      '--matters',
      join(ROOT, 'examples', 'matters.csv'),
      '-o',
      join(dir, 'out.json'),
      '--json',
    ],
    dir,
  );
  const { problems } = JSON.parse(run.stdout);
  const written = readJson(join(dir, 'out.json'));

  // its one schema fault was venue 24 without a level; its name (关南社区党群服务中心)
  // now gives it, so the schema accepts what convert wrote
  assert.equal(check(written), true, JSON.stringify(check.errors?.slice(0, 3)));
  assert.equal(written.venues[24].level, 'community');
  assert.deepEqual(
    problems.filter((p) => p.path === '/venues/24/level').map((p) => [p.code, p.severity]),
    [['level-inferred', 'info']],
  );
});

test('a venue whose level convert cannot tell is an error, where the schema rejects it', () => {
  const dir = workdir({
    'venues.csv': '名称,地址\n洪山区市民之家,珞狮南路519号\n关山街道政务服务中心,关山大道355号\n',
  });
  const run = tool(['convert', 'venues.csv', '-o', 'out.json', '--json'], dir);
  const { problems } = JSON.parse(run.stdout);
  const written = readJson(join(dir, 'out.json'));

  assert.equal(run.code, 1);
  assert.equal(check(written), false);
  const errors = check.errors.filter((e) => e.keyword !== 'if');
  assert.deepEqual(
    [...new Set(errors.map((e) => `${e.instancePath} ${e.message}`))],
    ["/venues/0 must have required property 'level'"],
  );
  assert.deepEqual(
    problems.filter((p) => /^\/venues\/\d+\/level$/.test(p.path)),
    [
      {
        path: '/venues/0/level',
        severity: 'error',
        code: 'level-missing',
        message:
          'Venue "洪山区市民之家" has no level; the published schema requires one. Add a level ' +
          'column (层级: 区级, 街道, 社区, 自助) or give --level.',
        file: 'venues.csv',
        row: 2,
      },
      {
        path: '/venues/1/level',
        severity: 'info',
        code: 'level-inferred',
        message:
          'Row 3 of venues.csv gives no level; the name "关山街道政务服务中心" has "街道" in ' +
          'it, so the level was set to street.',
        file: 'venues.csv',
        row: 3,
      },
    ],
  );
});

test('a document the schema rejects gets a problem from validate where the schema points', () => {
  const venue = { id: 'gs', name: '关山街道政务服务中心', level: 'street', matters: ['m'] };
  const matter = { id: 'm', name: '居住证首次申领' };
  const doc = (venues, extra = {}) => ({ version: 1, venues, matters: [matter], ...extra });

  // [what, document, the schema error's pointer, the problem code, its severity]
  const cases = [
    ['no version', { venues: [venue], matters: [matter] }, '', 'version-missing', 'error'],
    ['a version as text', doc([venue], { version: '1' }), '/version', 'version-invalid', 'error'],
    ['a newer version', doc([venue], { version: 2 }), '/version', 'version-newer', 'warning'],
    ['venues not a list', doc({ gs: venue }), '/venues', 'no-venues', 'error'],
    ['no venue at all', doc([]), '/venues', 'no-venues', 'error'],
    ['no venue id', doc([{ ...venue, id: undefined }]), '/venues/0', 'id-missing', 'warning'],
    ['a number id', doc([{ ...venue, id: 7 }]), '/venues/0/id', 'id-not-string', 'info'],
    ['a blank name', doc([{ ...venue, name: ' ' }]), '/venues/0/name', 'name-missing', 'warning'],
    ['no level', doc([{ ...venue, level: undefined }]), '/venues/0', 'level-missing', 'warning'],
    [
      'the point [0, 0]',
      doc([{ ...venue, location: [0, 0] }]),
      '/venues/0/location',
      'location-placeholder',
      'warning',
    ],
    [
      'a swapped point',
      doc([{ ...venue, location: [30.495737, 114.409584] }]),
      '/venues/0/location',
      'location-swapped',
      'warning',
    ],
    [
      'a point as text',
      doc([{ ...venue, location: ['114.409584', '30.495737'] }]),
      '/venues/0/location',
      'location-text',
      'info',
    ],
    [
      'a link without scheme',
      doc([{ ...venue, appointment: 'www.hongshan.gov.cn' }]),
      '/venues/0/appointment',
      'invalid-link',
      'warning',
    ],
    [
      'a slashed closure date',
      doc([{ ...venue, closures: [{ from: '2026/12/10' }] }]),
      '/venues/0/closures/0/from',
      'invalid-value',
      'warning',
    ],
    [
      'an unknown scope',
      { ...doc([venue]), matters: [{ ...matter, scope: 'everywhere' }] },
      '/matters/0/scope',
      'invalid-value',
      'warning',
    ],
    [
      'a bundle without matters',
      doc([venue], { bundles: [{ id: 'b', name: '新生儿出生一件事', matters: [] }] }),
      '/bundles/0/matters',
      'bundle-empty',
      'warning',
    ],
    [
      'pinyin keys in capitals',
      doc([{ ...venue, pinyin: { full: 'GSJD', initials: 'gsjd' } }]),
      '/venues/0/pinyin/full',
      'pinyin-invalid',
      'warning',
    ],
  ];

  for (const [what, document, pointer, code, severity] of cases) {
    const valid = check(document);
    const problems = validateProblems(document);

    assert.equal(valid, false, `the schema rejects ${what}`);
    assert.ok(
      check.errors.some((e) => e.instancePath === pointer),
      `the schema points to "${pointer}" for ${what}: ${JSON.stringify(check.errors)}`,
    );
    const found = problems.find((p) => p.code === code);
    assert.ok(found, `validate reports ${code} for ${what}: ${JSON.stringify(problems)}`);
    assert.equal(found.severity, severity, what);
    assert.ok(
      `${found.path}/`.startsWith(`${pointer}/`) || pointer.startsWith(found.path),
      `${code} at ${found.path} matches the schema's ${pointer || '(root)'}`,
    );
  }
});

test('a list is no document for the schema, and none for validate either', () => {
  const list = [{ id: 'gs', name: '关山街道政务服务中心', level: 'street' }];
  const dir = workdir({ 'list.json': JSON.stringify(list) });

  const valid = check(list);
  const run = tool(['validate', 'list.json'], dir);

  assert.equal(valid, false);
  assert.equal(run.code, 2);
});

test('what convert now writes (names by language, renamed ids, inferred levels) the schema accepts', () => {
  const dir = workdir({
    'venues.json': JSON.stringify([
      { 编号: '420111006', 名称: '卓刀泉街道政务服务中心' },
      { id: '420111006', name: { 'zh-CN': '卓刀泉街道政务服务中心（分厅）', en: 'Zhuodaoquan Branch' } },
      { id: '４２０１１１００２００３', name: '海核社区党群服务中心', 地址: { 'zh-CN': '海核社区', en: 'Haihe' } },
    ]),
  });
  const run = tool(['convert', 'venues.json', '-o', 'out.json', '--json'], dir);
  const written = readJson(join(dir, 'out.json'));

  assert.equal(run.code, 0);
  assert.deepEqual(
    written.venues.map((v) => [v.id, v.level]),
    [
      ['420111006', 'street'],
      ['420111006~2', 'street'],
      ['420111002003', 'community'],
    ],
  );
  assert.equal(check(written), true, JSON.stringify(check.errors?.slice(0, 3)));
});
