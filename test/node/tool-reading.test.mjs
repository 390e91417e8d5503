// Reading what office staff have: JSON records whose keys vary, names by
// language, CSV files in mixed or UTF-16 encodings, rows longer than the
// header. Expected values are written out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tool, workdir } from './tool-helpers.mjs';

const convert = (dir, ...args) => {
  const run = tool(['convert', ...args, '--no-schema', '--json'], dir);
  return { code: run.code, stderr: run.stderr, ...JSON.parse(run.stdout || '{}') };
};

const feature = (properties, lng) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates: [lng, 30.50123] },
});

test('JSON records name their fields each in their own way; every named record is kept', () => {
  const dir = workdir({
    'venues.geojson': JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature({ 名称: '甲街道政务服务中心', 层级: '街道', 地址: '甲路1号' }, 114.40123),
        feature({ name: '乙街道政务服务中心', level: 'street', address: '乙路2号' }, 114.41123),
        feature({ name: '丙社区党群服务中心', level: 'community' }, 114.42123),
        feature({ name: '丁社区党群服务中心', 名称: '丁社区', level: 'community' }, 114.43123),
        feature(
          { name: { 'zh-CN': '戊中心', en: 'Wu Centre' }, level: 'street', address: { 'zh-CN': '戊路5号', en: '5 Wu Road' } },
          114.44123,
        ),
      ],
    }),
  });
  const result = convert(dir, 'venues.geojson');

  assert.equal(result.code, 0);
  assert.deepEqual(
    result.document.venues.map((v) => [v.name, v.level, v.address]),
    [
      ['甲街道政务服务中心', 'street', '甲路1号'],
      ['乙街道政务服务中心', 'street', '乙路2号'],
      ['丙社区党群服务中心', 'community', undefined],
      ['丁社区', 'community', undefined],
      [{ 'zh-CN': '戊中心', en: 'Wu Centre' }, 'street', { 'zh-CN': '戊路5号', en: '5 Wu Road' }],
    ],
  );
  assert.deepEqual(result.document.venues[4].pinyin, { full: 'wuzhongxin', initials: 'wzx' });
  assert.deepEqual(
    result.problems.filter((p) => p.severity !== 'info'),
    [
      {
        path: '',
        severity: 'warning',
        code: 'column-repeated',
        message:
          '1 record of venues.geojson gives the name both as "名称" and, differently, as ' +
          '"name"; "名称" was used.',
        file: 'venues.geojson',
      },
    ],
  );
});

const UTF8 = (text) => Buffer.from(text, 'utf8');
// GBK bytes written out by hand: 乙 D2D2, 街 BDD6, 道 B5C0, 中 D6D0, 心 D0C4, 路 C2B7
const GBK_ROW = Buffer.from([
  0xd2, 0xd2, 0xbd, 0xd6, 0xb5, 0xc0, 0xd6, 0xd0, 0xd0, 0xc4, 0x2c, 0xbd, 0xd6, 0xb5, 0xc0,
  0x2c, 0xd2, 0xd2, 0xc2, 0xb7, 0x32, 0xba, 0xc5, 0x0a,
]); // 乙街道中心,街道,乙路2号 (号 BAC5)

test('a UTF-8 sheet with one GBK line is read line by line, and the line is named', () => {
  const dir = workdir({
    'mixed.csv': Buffer.concat([
      UTF8('名称,层级,地址\n甲街道中心,街道,甲路1号\n'),
      GBK_ROW,
      UTF8('丙街道中心,街道,丙路3号\n'),
    ]),
  });
  const result = convert(dir, 'mixed.csv');

  assert.equal(result.code, 0);
  assert.deepEqual(
    result.document.venues.map((v) => [v.name, v.address]),
    [
      ['甲街道中心', '甲路1号'],
      ['乙街道中心', '乙路2号'],
      ['丙街道中心', '丙路3号'],
    ],
  );
  assert.deepEqual(result.problems[0], {
    path: '',
    severity: 'warning',
    code: 'encoding-mixed',
    message:
      'mixed.csv is UTF-8, but line 3 is not; it was read as GBK/GB18030 (text pasted from ' +
      'another file). Check it, and save the file as "CSV UTF-8" in Excel.',
    file: 'mixed.csv',
  });
});

test("Excel's Unicode text (UTF-16LE, tab-separated) is read, with or without its BOM", () => {
  const text = '名称\t层级\t地址\r\n甲街道中心\t街道\t甲路1号\r\n';
  const le = Buffer.from(text, 'utf16le');
  const dir = workdir({
    'bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
    'plain.txt': le,
  });
  for (const file of ['bom.txt', 'plain.txt']) {
    const result = convert(dir, file);
    assert.equal(result.code, 0, file);
    assert.deepEqual(
      result.document.venues.map((v) => [v.name, v.level, v.address]),
      [['甲街道中心', 'street', '甲路1号']],
    );
    assert.deepEqual(result.problems[0], {
      path: '',
      severity: 'info',
      code: 'encoding-utf16',
      message: `${file} is UTF-16 (what Excel saves as "Unicode text"); it was read as such.`,
      file,
    });
  }
});

test('no name column in a header that looks garbled: the encoding is named as the cause', () => {
  // 名稱,層級 in Big5 (A657 BAD9, BC68 AFC5) read as GB18030 gives no known header
  const dir = workdir({
    'big5.csv': Buffer.from([
      0xa6, 0x57, 0xba, 0xd9, 0x2c, 0xbc, 0x68, 0xaf, 0xc5, 0x0a, 0xa5, 0xd2, 0x2c, 0xa4, 0x41,
      0x0a,
    ]),
    'latin.csv': UTF8('Ã¥ÂÂç§°,åœ°å€\n甲,乙\n'),
  });
  const big5 = tool(['convert', 'big5.csv'], dir);
  assert.equal(big5.code, 2);
  assert.match(
    big5.stderr,
    /^gov-service-map: No column of big5\.csv holds the venue names \(such as 名称, 网点名称 or name; its columns are .+\); name one with --map 列名=name\. The header looks garbled, so the file's encoding may be the cause: in Excel, save it as "CSV UTF-8" \(File > Save As > CSV UTF-8\) and convert that file\.\n/,
  );
  const latin = tool(['convert', 'latin.csv'], dir);
  assert.equal(latin.code, 2);
  assert.equal(
    latin.stderr,
    'gov-service-map: No column of latin.csv holds the venue names (such as 名称, 网点名称 or ' +
      'name; its columns are "Ã¥ÂÂç§°", "åœ°å€"); name one with --map 列名=name. The header ' +
      'looks garbled, so the file\'s encoding may be the cause: in Excel, save it as "CSV ' +
      'UTF-8" (File > Save As > CSV UTF-8) and convert that file.\n',
  );
});

test('cells beyond the header are reported, row by row, never dropped silently', () => {
  const dir = workdir({
    'venues.csv':
      '名称,层级,地址,电话\n' +
      '甲街道中心,街道,甲路1号,B座,027-87600000\n' +
      '乙街道中心,街道,"乙路2号,C座",027-87600001\n',
    'blank-header.csv': '名称,层级,,地址\n甲街道中心,街道,备用,甲路1号\n',
  });
  const result = convert(dir, 'venues.csv');
  assert.equal(result.code, 0);
  assert.deepEqual(result.problems.filter((p) => p.code === 'row-extra-cells'), [
    {
      path: '',
      severity: 'warning',
      code: 'row-extra-cells',
      message:
        'Row 2 of venues.csv has 5 cells but the header has 4 columns; the cell ' +
        '"027-87600000" fell outside them: a value with a comma not in quotes (such as an ' +
        'address) was probably split in two, moving the cells after it one column to the ' +
        'right. Check the row, and put values that contain commas in double quotes ("…,…").',
      file: 'venues.csv',
      row: 2,
    },
  ]);
  assert.equal(result.document.venues[1].address, '乙路2号,C座');

  const blank = convert(dir, 'blank-header.csv');
  assert.deepEqual(blank.problems.filter((p) => p.code === 'row-extra-cells'), [
    {
      path: '',
      severity: 'warning',
      code: 'row-extra-cells',
      message:
        'Row 2 of blank-header.csv has "备用" in a column without a header, which no field ' +
        'reads; give the column a header or move the value.',
      file: 'blank-header.csv',
      row: 2,
    },
  ]);
});
