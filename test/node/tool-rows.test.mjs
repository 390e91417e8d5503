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

test('phones: a lone slash is no number, several numbers may be spaced or labelled', () => {
  const phones = [
    '/',
    '13800138000 13900139000',
    '座机：027-86300001 手机：13800138000',
    '电话：027-86300001 分机：8001',
    '座机：027-8630000l 手机：13800138000',
    '０２７－８７６５４３２l',
  ];
  const doc = {
    version: 1,
    venues: phones.map((phone, i) => ({ id: `v${i}`, name: `网点${i}`, level: 'community', phone })),
  };
  const dir = workdir({ 'phones.json': JSON.stringify(doc) });
  const run = tool(['validate', 'phones.json', '--json'], dir);
  const found = JSON.parse(run.stdout)
    .problems.filter((p) => p.code.startsWith('phone-'))
    .map((p) => [p.path, p.code, p.message]);

  assert.deepEqual(found, [
    [
      '/venues/0/phone',
      'phone-incomplete',
      'Venue "网点0" has the phone "/": "/" has no digits; complete the number.',
    ],
    [
      '/venues/4/phone',
      'phone-malformed',
      'Venue "网点4" has the phone "座机：027-8630000l 手机：13800138000": "座机：027-8630000l" ' +
        'has letters among its digits; correct the number.',
    ],
    [
      '/venues/5/phone',
      'phone-malformed',
      'Venue "网点5" has the phone "０２７－８７６５４３２l": "０２７－８７６５４３２l" has letters ' +
        'among its digits; correct the number.',
    ],
  ]);
});

test('a matter cell is split at / and at numbered lists; one that still looks like several is reported', () => {
  const dir = workdir({
    'venues.csv':
      '名称,层级,可办事项\n' +
      '甲街道中心,街道,居住证首次申领/社保卡申领\n' +
      '乙街道中心,街道,1.居住证首次申领 2.社保卡申领\n' +
      '丙街道中心,街道,①居住证首次申领②社保卡申领\n' +
      '丁街道中心,街道,"(1)居住证首次申领；(2)12345热线登记"\n' +
      '戊街道中心,街道,居住证首次申领 社保卡申领\n',
  });
  const result = convert(dir, 'venues.csv');
  const names = Object.fromEntries(result.document.matters.map((m) => [m.id, m.name]));

  assert.deepEqual(
    result.document.venues.map((v) => v.matters.map((id) => names[id])),
    [
      ['居住证首次申领', '社保卡申领'],
      ['居住证首次申领', '社保卡申领'],
      ['居住证首次申领', '社保卡申领'],
      ['居住证首次申领', '12345热线登记'],
      ['居住证首次申领 社保卡申领'],
    ],
  );
  assert.deepEqual(result.problems.filter((p) => p.code === 'matters-unsplit'), [
    {
      path: '/venues/4/matters',
      severity: 'warning',
      code: 'matters-unsplit',
      message:
        'Row 6 of venues.csv names the matter "居住证首次申领 社保卡申领", which looks like ' +
        'several matters in one; separate them with 、 or ; (or one per line in the cell).',
      file: 'venues.csv',
      row: 6,
    },
  ]);
});

test('an openingHours column that contradicts the hours text is reported by convert and validate', () => {
  const dir = workdir({
    'venues.csv':
      '名称,层级,办公时间,opening_hours\n' +
      '甲街道中心,街道,周一至周五 9:00-17:00,Mo-Su 00:00-24:00\n' +
      '乙街道中心,街道,"周一至周五 9:00-12:00，13:30-17:30","Mo-Fr 09:00-12:00,13:30-17:30; PH off"\n' +
      '丙街道中心,街道,周一至周五 9:00-17:00,Mo-Fr 09:00-12:00\n',
  });
  const expected = [
    {
      path: '/venues/0/openingHours',
      severity: 'warning',
      code: 'hours-contradict',
      message:
        'Venue "甲街道中心" has the hours "周一至周五 9:00-17:00" and "openingHours" ' +
        '"Mo-Su 00:00-24:00", which disagree: on Monday at 00:00 the hours say closed and ' +
        '"openingHours" says open. "openingHours" wins on the map, so correct whichever is wrong.',
    },
    {
      path: '/venues/2/openingHours',
      severity: 'warning',
      code: 'hours-contradict',
      message:
        'Venue "丙街道中心" has the hours "周一至周五 9:00-17:00" and "openingHours" ' +
        '"Mo-Fr 09:00-12:00", which disagree: on Monday at 12:00 the hours say open and ' +
        '"openingHours" says closed. "openingHours" wins on the map, so correct whichever is wrong.',
    },
  ];
  const converted = tool(['convert', 'venues.csv', '-o', 'out.json', '--json'], dir);
  assert.equal(converted.code, 0);
  assert.deepEqual(
    JSON.parse(converted.stdout).problems.filter((p) => p.code === 'hours-contradict'),
    expected.map((p, i) => ({ ...p, file: 'venues.csv', row: [2, 4][i] })),
  );
  const validated = tool(['validate', 'out.json', '--json'], dir);
  assert.deepEqual(
    JSON.parse(validated.stdout).problems.filter((p) => p.code === 'hours-contradict'),
    expected,
  );
});

test('positions are written to six decimals; a shifted point is quoted in both systems', () => {
  const dir = workdir({
    'wgs.csv': '名称,层级,经度,纬度\n甲街道中心,街道,114.4098765432,30.4908123456\n',
    'gcj.csv':
      '名称,层级,地址,经度（高德）,纬度（高德）\n' +
      '甲社区中心,社区,甲路1号,114.420713,30.501286\n' +
      '乙社区中心,社区,乙路2号,114.420713,30.501286\n' +
      '丙社区中心,社区,丙路3号,114.420713,30.501286\n',
  });
  const wgs = convert(dir, 'wgs.csv');
  assert.deepEqual(wgs.document.venues[0].location, [114.409877, 30.490812]);

  const gcj = convert(dir, 'gcj.csv');
  assert.deepEqual(gcj.document.venues[0].location, [114.415184, 30.503596]);
  assert.equal(
    gcj.problems.find((p) => p.code === 'location-shared').message,
    'Venue "甲社区中心" is placed at [114.420713, 30.501286] (GCJ02, as in the sheet; written ' +
      'in WGS-84 as [114.415184, 30.503596]), the same point as 2 other venues not at its ' +
      'address ("乙社区中心", "丙社区中心"); a point pasted onto several venues is usually a ' +
      'placeholder.',
  );
});
