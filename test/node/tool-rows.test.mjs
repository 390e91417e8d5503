// What convert makes of rows: levels from names, repeated ids, cells beyond the
// header, matter lists, hours columns. Expected values are written out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tool, workdir } from './tool-helpers.mjs';

const convert = (dir, ...args) => {
  const run = tool(['convert', ...args, '--no-schema', '--json'], dir);
  return { code: run.code, stderr: run.stderr, ...JSON.parse(run.stdout || '{}') };
};

test('a level is inferred from the name where the name makes it clear', () => {
  const dir = workdir({
    'venues.csv':
      '名称\n' +
      '洪山区政务服务中心\n' +
      '关山街道政务服务中心\n' +
      '天兴乡便民服务中心\n' +
      '海核社区党群服务中心\n' +
      '光谷广场24小时自助服务区\n' +
      '华中科技大学校园便民点\n',
  });
  const result = convert(dir, 'venues.csv');

  assert.equal(result.code, 1);
  assert.deepEqual(
    result.document.venues.map((v) => [v.name, v.level]),
    [
      ['洪山区政务服务中心', 'district'],
      ['关山街道政务服务中心', 'street'],
      ['天兴乡便民服务中心', 'street'],
      ['海核社区党群服务中心', 'community'],
      ['光谷广场24小时自助服务区', 'self-service'],
      ['华中科技大学校园便民点', undefined],
    ],
  );
  assert.deepEqual(
    result.problems.filter((p) => p.code.startsWith('level-')).map((p) => [p.code, p.severity, p.message]),
    [
      ['level-inferred', 'info', 'Row 2 of venues.csv gives no level; the name "洪山区政务服务中心" has "区" in it, so the level was set to district.'],
      ['level-inferred', 'info', 'Row 3 of venues.csv gives no level; the name "关山街道政务服务中心" has "街道" in it, so the level was set to street.'],
      ['level-inferred', 'info', 'Row 4 of venues.csv gives no level; the name "天兴乡便民服务中心" has "乡" in it, so the level was set to street.'],
      ['level-inferred', 'info', 'Row 5 of venues.csv gives no level; the name "海核社区党群服务中心" has "社区" in it, so the level was set to community.'],
      ['level-inferred', 'info', 'Row 6 of venues.csv gives no level; the name "光谷广场24小时自助服务区" has "24小时" in it, so the level was set to self-service.'],
      ['level-missing', 'error', 'Venue "华中科技大学校园便民点" has no level; the published schema requires one. Add a level column (层级: 区级, 街道, 社区, 自助) or give --level.'],
    ],
  );

  // --level fills the rows first; nothing is inferred then
  const given = convert(dir, 'venues.csv', '--level', 'street');
  assert.equal(given.code, 0);
  assert.equal(given.problems.filter((p) => p.code.startsWith('level-')).length, 0);
});

test('a repeated id is written renamed, as the message says', () => {
  const dir = workdir({
    'venues.csv':
      '编号,名称,层级\n' +
      '420111006,卓刀泉街道政务服务中心,街道\n' +
      '420111006,卓刀泉街道政务服务中心（分厅）,街道\n',
  });
  const result = convert(dir, 'venues.csv');

  assert.equal(result.code, 0);
  assert.deepEqual(
    result.document.venues.map((v) => v.id),
    ['420111006', '420111006~2'],
  );
  assert.deepEqual(
    result.problems.find((p) => p.code === 'duplicate-id'),
    {
      path: '/venues/1/id',
      severity: 'warning',
      code: 'duplicate-id',
      message:
        'Venue "卓刀泉街道政务服务中心（分厅）" has the id "420111006" of an earlier venue ' +
        '(venues.csv:2); it was written with the id "420111006~2", as the elements would ' +
        'read it. Give each venue its own id in the sheet, so that links to it stay the same.',
      file: 'venues.csv',
      row: 3,
    },
  );
});
