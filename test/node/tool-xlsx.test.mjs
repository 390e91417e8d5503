// `gov-service-map convert` on XLSX workbooks made here with write-excel-file:
// NBS codes stored as numbers keep every digit, codes damaged by Excel are
// repaired or reported, a matter sheet and a venue–matter sheet are read from
// the same workbook, and GCJ-02 positions are written in WGS-84.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { tool, workdir } from './tool-helpers.mjs';

const text = (value) => ({ value, type: String });

const convert = (dir, ...args) => {
  const run = tool(['convert', ...args, '--no-schema', '--json'], dir);
  return { code: run.code, stderr: run.stderr, ...JSON.parse(run.stdout || '{}') };
};

async function book(dir) {
  await writeExcelFile([
    {
      sheet: '网点',
      data: [
        ['网点编号', '网点名称', '层级', '区划代码', '所属街道', '地址', '经度', '纬度', '电话', '工作时间'],
        [420111002, '关山街道政务服务中心', '街道', 420111002, '关山街道', '关山大道355号',
          114.415118, 30.493427, '027-87600000', '周一至周五 9:00-12:00，13:30-17:30'],
        [420111002003, '海核社区党群服务中心', '社区', 420111002, '关山街道', '海核社区',
          114.410113, 30.492145, 2787600003, '周一至周五 8:30-17:30'],
        [text('420111002026'), '长江社区党群服务中心', '社区', 420111002, '关山街道', '长江社区服务站',
          114.437812, 30.521876, '13807165432', '24小时'],
        ['4.20111002007E+11', '邮科院社区党群服务中心', '社区', 420111002, '关山街道', '邮科院路88号',
          null, null, null, null],
      ],
    },
    {
      sheet: '事项',
      data: [
        ['编号', '事项名称', '别名', '办理部门'],
        ['m-residence-proof', '居住证明开具', null, '社区居委会'],
        ['m-elderly-card', '老年人优待证办理', '老年证', '区民政局'],
      ],
    },
    {
      sheet: '场所事项',
      data: [
        ['网点编号', '事项名称', '窗口'],
        [420111002003, '居住证明开具', '1号窗口'],
        [420111002003, '老年证', '2号窗口'],
        ['关山街道政务服务中心', '居住证明开具', '综合窗口'],
        [text('420111002026'), '居住证明开具', null],
        [420111009999, '居住证明开具', null],
      ],
    },
  ]).toFile(join(dir, 'book.xlsx'));
}

test('convert reads a workbook: ids as text, three sheets, GCJ-02 shifted to WGS-84', async () => {
  const dir = workdir();
  await book(dir);

  const result = convert(
    dir,
    'book.xlsx#网点',
    '--matters',
    'book.xlsx#事项',
    '--venue-matters',
    'book.xlsx#场所事项',
    '--crs',
    'GCJ02',
  );

  assert.equal(result.code, 1, 'a pair naming an unknown venue is an unused row');
  assert.deepEqual(result.problems, [
    {
      path: '/venues/1/phone',
      severity: 'warning',
      code: 'phone-malformed',
      message:
        'Venue "海核社区党群服务中心" has the phone "2787600003": "2787600003" looks like a ' +
        'landline whose area code lost its leading 0 (Excel drops it when a phone is typed as ' +
        'a number); correct the number.',
      file: 'book.xlsx#网点',
      row: 3,
    },
    {
      path: '/venues/3/id',
      severity: 'info',
      code: 'id-excel-exponent',
      message:
        'Row 5 of book.xlsx#网点 gives the id "4.20111002007E+11" in Excel\'s scientific ' +
        'notation; it was read as "420111002007".',
      file: 'book.xlsx#网点',
      row: 5,
    },
    {
      path: '/venues/3/location',
      severity: 'info',
      code: 'location-missing',
      message:
        'Venue "邮科院社区党群服务中心" has no location, so it is not drawn on the map and ranks ' +
        'after the venues that have one.',
      file: 'book.xlsx#网点',
      row: 5,
    },
    {
      path: '/venues/3/matters',
      severity: 'warning',
      code: 'venue-no-matters',
      message:
        'Venue "邮科院社区党群服务中心" lists no matter, so a search for what can be done there ' +
        'finds nothing; list the matters it handles.',
      file: 'book.xlsx#网点',
      row: 5,
    },
    {
      path: '',
      severity: 'error',
      code: 'venue-not-found',
      message:
        'Row 6 of book.xlsx#场所事项 names the venue "420111009999", which the venue sheet does ' +
        'not have; it was not used.',
      file: 'book.xlsx#场所事项',
      row: 6,
    },
  ]);

  // positions: gcoord.transform(point, GCJ02, WGS84), rounded to six places
  assert.deepEqual(result.document, {
    version: 1,
    crs: 'WGS84',
    areas: [{ id: '420111002', name: '关山街道' }],
    venues: [
      {
        id: '420111002',
        name: '关山街道政务服务中心',
        pinyin: { full: 'guanshanjiedaozhengwufuwuzhongxin', initials: 'gsjdzwfwzx' },
        level: 'street',
        area: '420111002',
        address: '关山大道355号',
        location: [114.409584, 30.495737],
        phone: '027-87600000',
        hours: '周一至周五 9:00-12:00，13:30-17:30',
        openingHours: 'Mo-Fr 09:00-12:00,13:30-17:30',
        matters: [{ matter: 'm-residence-proof', window: '综合窗口' }],
      },
      {
        id: '420111002003',
        name: '海核社区党群服务中心',
        pinyin: { full: 'haiheshequdangqunfuwuzhongxin', initials: 'hhsqdqfwzx' },
        level: 'community',
        area: '420111002',
        address: '海核社区',
        location: [114.404576, 30.494454],
        phone: '2787600003',
        hours: '周一至周五 8:30-17:30',
        openingHours: 'Mo-Fr 08:30-17:30',
        matters: [
          { matter: 'm-residence-proof', window: '1号窗口' },
          { matter: 'm-elderly-card', window: '2号窗口' },
        ],
      },
      {
        id: '420111002026',
        name: '长江社区党群服务中心',
        // 长 read chang before 江, as in 长江
        pinyin: { full: 'changjiangshequdangqunfuwuzhongxin', initials: 'cjsqdqfwzx' },
        level: 'community',
        area: '420111002',
        address: '长江社区服务站',
        location: [114.432308, 30.524196],
        phone: '13807165432',
        hours: '24小时',
        openingHours: '24/7',
        matters: ['m-residence-proof'],
      },
      {
        id: '420111002007',
        name: '邮科院社区党群服务中心',
        pinyin: { full: 'youkeyuanshequdangqunfuwuzhongxin', initials: 'ykysqdqfwzx' },
        level: 'community',
        area: '420111002',
        address: '邮科院路88号',
      },
    ],
    matters: [
      {
        id: 'm-residence-proof',
        name: '居住证明开具',
        pinyin: { full: 'juzhuzhengmingkaiju', initials: 'jzzmkj' },
        department: '社区居委会',
      },
      {
        id: 'm-elderly-card',
        name: '老年人优待证办理',
        pinyin: { full: 'laonianrenyoudaizhengbanli', initials: 'lnrydzbl' },
        aliases: ['老年证'],
        department: '区民政局',
      },
    ],
  });
});

test('convert finds the header under a title row and reports codes Excel shortened', async () => {
  const dir = workdir();
  await writeExcelFile([
    {
      sheet: '网点',
      data: [
        ['洪山区便民服务网点一览表', null, null, null],
        ['编号', '名称', '层级', '更新日期'],
        [text('4.20111E+11'), '南望社区党群服务中心', '社区', new Date(Date.UTC(2026, 10, 30))],
        [text('420111002003.0'), '海核社区党群服务中心', '社区', '2026/11/3'],
      ],
      dateFormat: 'yyyy-mm-dd',
    },
    { sheet: '说明', data: [['本表由街道填报']] },
  ]).toFile(join(dir, 'title.xlsx'));

  const result = convert(dir, 'title.xlsx');

  assert.deepEqual(
    result.problems.filter((p) => p.code !== 'location-missing' && p.code !== 'no-matters'),
    [
      {
        path: '',
        severity: 'info',
        code: 'sheet-ignored',
        message:
          'title.xlsx has 2 sheets; only the first, "网点", was read ("说明" not; name one as ' +
          'title.xlsx#sheet).',
        file: 'title.xlsx#网点',
      },
      {
        path: '',
        severity: 'info',
        code: 'rows-above-header',
        message:
          'title.xlsx#网点: row 1 above the header ("洪山区便民服务网点一览表") was taken as a ' +
          'title and not read.',
        file: 'title.xlsx#网点',
      },
      {
        path: '/venues/0/id',
        severity: 'warning',
        code: 'id-excel-exponent',
        message:
          'Row 3 of title.xlsx#网点 gives the id "4.20111E+11" in Excel\'s scientific notation, ' +
          'which keeps only its first digits; it was read as "420111000000", but the rest are ' +
          'lost: format the column as text in Excel and export it again.',
        file: 'title.xlsx#网点',
        row: 3,
      },
      {
        path: '/venues/1/id',
        severity: 'info',
        code: 'id-excel-number',
        message:
          'Row 4 of title.xlsx#网点 gives the id "420111002003.0", a number Excel wrote with a ' +
          'decimal part; it was read as "420111002003".',
        file: 'title.xlsx#网点',
        row: 4,
      },
    ],
  );
  assert.deepEqual(
    result.document.venues.map((v) => [v.id, v.updated]),
    [
      ['420111000000', '2026-11-30'],
      ['420111002003', '2026-11-03'],
    ],
  );
});

test('a time cell is a time of day; long number ids and full-width ids are reported', async () => {
  const dir = workdir();
  await writeExcelFile([
    {
      sheet: '网点',
      data: [
        ['编号', '名称', '层级', '办公时间'],
        [114201110010010001, '甲街道中心', '街道', { value: 0.375, type: Number, format: 'h:mm' }],
        [text('４２０１１１'), '乙街道中心', '街道', '周一至周五 9:00-17:00'],
      ],
    },
  ]).toFile(join(dir, 'times.xlsx'));
  const result = convert(dir, 'times.xlsx');

  assert.deepEqual(
    result.document.venues.map((v) => [v.id, v.hours]),
    [
      ['114201110010010000', '09:00'],
      ['420111', '周一至周五 9:00-17:00'],
    ],
  );
  assert.deepEqual(
    result.problems.filter((p) => p.code.startsWith('id-')),
    [
      {
        path: '/venues/0/id',
        severity: 'warning',
        code: 'id-excel-digits',
        message:
          'Row 2 of times.xlsx gives the id 114201110010010000 as a number of 18 digits; Excel ' +
          'keeps only 15, so the last 3 were already lost (set to 0) in the workbook. Format ' +
          'the column as text in Excel, type the ids again and export again.',
        file: 'times.xlsx',
        row: 2,
      },
      {
        path: '/venues/1/id',
        severity: 'info',
        code: 'id-fullwidth',
        message:
          'Row 3 of times.xlsx gives the id "４２０１１１" in full-width characters; it was read ' +
          'as "420111", so that references to it from other sheets match.',
        file: 'times.xlsx',
        row: 3,
      },
    ],
  );
});

test('a first sheet of notes is passed over for the sheet with the names', async () => {
  const dir = workdir();
  await writeExcelFile([
    { sheet: '说明', data: [['本表为洪山区政务服务网点清单，请勿修改表头。']] },
    {
      sheet: '网点',
      data: [
        ['名称', '层级'],
        ['关山街道政务服务中心', '街道'],
      ],
    },
  ]).toFile(join(dir, 'book.xlsx'));
  await writeExcelFile([
    { sheet: '说明', data: [['本表为清单']] },
    { sheet: 'Sheet2', data: [['甲', '乙']] },
  ]).toFile(join(dir, 'none.xlsx'));

  const result = convert(dir, 'book.xlsx');
  assert.equal(result.code, 0);
  assert.deepEqual(result.document.venues.map((v) => v.name), ['关山街道政务服务中心']);
  assert.deepEqual(result.problems.slice(0, 2), [
    {
      path: '',
      severity: 'info',
      code: 'sheet-chosen',
      message:
        'The first sheet of book.xlsx, "说明", has no column of venue names, so the sheet ' +
        '"网点" was read (name another as book.xlsx#sheet).',
      file: 'book.xlsx#网点',
    },
    {
      path: '',
      severity: 'info',
      code: 'sheet-ignored',
      message: 'book.xlsx has 2 sheets; only "网点" was read ("说明" not; name one as book.xlsx#sheet).',
      file: 'book.xlsx#网点',
    },
  ]);

  const none = tool(['convert', 'none.xlsx'], dir);
  assert.equal(none.code, 2);
  assert.equal(
    none.stderr,
    'gov-service-map: No sheet of none.xlsx has a column of venue names (such as 名称 or ' +
      'name); its sheets are "说明", "Sheet2". Name the venue sheet as none.xlsx#sheet or with ' +
      '--sheet, and its name column with a mapping (列名=name).\n',
  );
});
