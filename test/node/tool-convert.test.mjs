// `gov-service-map convert` on CSV sheets with Chinese headers, run as the
// built bin (dist/tool.js). Every expected document and problem is written
// out here by hand: pinyin from the dictionary readings, openingHours from the
// OSM opening_hours syntax, distances checked against the known Wuhan–Beijing
// distance (about 1,050 km).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tool, workdir } from './tool-helpers.mjs';

const convert = (dir, ...args) => {
  const run = tool(['convert', ...args, '--no-schema', '--json'], dir);
  return { code: run.code, stderr: run.stderr, ...JSON.parse(run.stdout || '{}') };
};

test('convert maps Chinese headers, writes pinyin and openingHours, makes matters', () => {
  const dir = workdir({
    'venues.csv':
      '序号,网点名称,级别,所属街道,办公地址,经度,纬度,联系电话,办理时间,可办事项\n' +
      '1,关山街道政务服务中心,街道级,关山街道,关山大道355号,114.409584,30.495737,' +
      '027-87600000,"周一至周五 9:00-12:00，13:30-17:30",居住证首次申领、社会保障卡申领\n' +
      '2,海核社区党群服务中心,社区,关山街道,海核社区服务站,114.410113,30.492145,' +
      '027-87600003；13807165432,周一至周五 8:30-12:00 14:00-17:30,居住证明开具\n' +
      '3,光谷广场24小时自助服务区,自助,关山街道,光谷广场地铁站C口,114.403517,30.502716,' +
      '12345,24小时,社会保障卡申领\n',
  });

  const result = convert(dir, 'venues.csv');

  assert.equal(result.code, 0);
  assert.deepEqual(result.problems, [
    {
      path: '',
      severity: 'info',
      code: 'crs-assumed',
      message:
        'venues.csv does not say which coordinate system its positions use; they were read ' +
        'as WGS84. If they were picked on Amap or Tencent maps give --crs GCJ02, on Baidu ' +
        'maps --crs BD09.',
      file: 'venues.csv',
    },
    {
      path: '',
      severity: 'info',
      code: 'id-generated',
      message:
        '3 venues of venues.csv had no id; ids were made from the pinyin initials of the ' +
        'names. Add an id column to keep links to venues stable when names change.',
      file: 'venues.csv',
    },
    {
      path: '',
      severity: 'info',
      code: 'column-unused',
      message:
        'Column "序号" of venues.csv was not used; if it holds a venue field, map it with --map.',
      file: 'venues.csv',
    },
  ]);
  assert.deepEqual(result.stats, { rows: 3, venues: 3, matters: 3, areas: 1 });
  assert.deepEqual(result.document, {
    version: 1,
    crs: 'WGS84',
    areas: [{ id: '关山街道', name: '关山街道' }],
    venues: [
      {
        id: 'v-gsjdzwfwzx',
        name: '关山街道政务服务中心',
        pinyin: { full: 'guanshanjiedaozhengwufuwuzhongxin', initials: 'gsjdzwfwzx' },
        level: 'street',
        area: '关山街道',
        address: '关山大道355号',
        location: [114.409584, 30.495737],
        phone: '027-87600000',
        hours: '周一至周五 9:00-12:00，13:30-17:30',
        openingHours: 'Mo-Fr 09:00-12:00,13:30-17:30',
        matters: ['m-jzzscsl', 'm-shbzksl'],
      },
      {
        id: 'v-hhsqdqfwzx',
        name: '海核社区党群服务中心',
        pinyin: { full: 'haiheshequdangqunfuwuzhongxin', initials: 'hhsqdqfwzx' },
        level: 'community',
        area: '关山街道',
        address: '海核社区服务站',
        location: [114.410113, 30.492145],
        phone: '027-87600003；13807165432',
        hours: '周一至周五 8:30-12:00 14:00-17:30',
        openingHours: 'Mo-Fr 08:30-12:00,14:00-17:30',
        matters: ['m-jzzmkj'],
      },
      {
        id: 'v-gggc24xszzfwq',
        name: '光谷广场24小时自助服务区',
        pinyin: { full: 'guangguguangchang24xiaoshizizhufuwuqu', initials: 'gggc24xszzfwq' },
        level: 'self-service',
        area: '关山街道',
        address: '光谷广场地铁站C口',
        location: [114.403517, 30.502716],
        phone: '12345',
        hours: '24小时',
        openingHours: '24/7',
        matters: ['m-shbzksl'],
      },
    ],
    matters: [
      {
        id: 'm-jzzscsl',
        name: '居住证首次申领',
        pinyin: { full: 'juzhuzhengshoucishenling', initials: 'jzzscsl' },
      },
      {
        id: 'm-shbzksl',
        name: '社会保障卡申领',
        pinyin: { full: 'shehuibaozhangkashenling', initials: 'shbzksl' },
      },
      {
        id: 'm-jzzmkj',
        name: '居住证明开具',
        pinyin: { full: 'juzhuzhengmingkaiju', initials: 'jzzmkj' },
      },
    ],
  });
});

test('convert writes the published $schema unless told not to', () => {
  const dir = workdir({ 'venues.csv': '名称,层级\n关山街道政务服务中心,街道\n' });

  const run = tool(['convert', 'venues.csv', '-o', 'out.json'], dir);
  const document = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));

  assert.equal(run.code, 0);
  assert.equal(
    document.$schema,
    'https://unpkg.com/gov-service-map/schema/service-data.v1.json',
  );
  assert.deepEqual(Object.keys(document), ['$schema', 'version', 'crs', 'venues']);
});

test('convert reports every kind of doubtful position and leaves placeholders out', () => {
  const dir = workdir({
    'positions.csv':
      '名称,层级,地址,经度,纬度\n' +
      '关山街道政务服务中心,街道,关山大道355号,114.409584,30.495737\n' +
      '珞南街道政务服务中心,街道,珞喻路1号,114.360002,30.519977\n' +
      '卓刀泉街道政务服务中心,街道,卓刀泉路108号,114.370012,30.510245\n' +
      '洪山区政务服务中心,区级,珞狮南路519号,114.341219,30.501759\n' +
      '梨园街道政务服务中心,街道,团结大道6号,114.368704,30.580213\n' +
      '狮子山街道政务服务中心,街道,南湖大道1号,114,30\n' +
      '张家湾街道政务服务中心,街道,张家湾路8号,114.3,30.5\n' +
      '湖电社区党群服务中心,社区,关山一路12号,114.415207,30.498912\n' +
      '汽标社区党群服务中心,社区,汽标路3号,114.415207,30.498912\n' +
      '南湖社区党群服务中心,社区,南湖花园路5号,114.415207,30.498912\n' +
      '和平街道政务服务中心,街道,和平大道1500号,14.412706,30.601233\n' +
      '洪山街道政务服务中心,街道,洪山路2号,116.407401,39.904212\n' +
      '青菱街道政务服务中心,街道,青菱街道办事处,30.432617,114.287115\n',
  });

  const result = convert(dir, 'positions.csv', '--crs', 'WGS84');

  // the three venues at one point, each named with the other two
  const shared = (path, row, name, others) => ({
    path,
    severity: 'warning',
    code: 'location-shared',
    message:
      `Venue "${name}" is placed at [114.415207, 30.498912], the same point as 2 other ` +
      `venues not at its address (${others}); a point pasted onto several venues is ` +
      'usually a placeholder.',
    file: 'positions.csv',
    row,
  });
  assert.equal(result.code, 0);
  assert.deepEqual(result.problems.slice(1), [
    {
      path: '/venues/5/location',
      severity: 'warning',
      code: 'location-rough',
      message:
        'Venue "狮子山街道政务服务中心" is placed at [114, 30] in whole degrees, which looks ' +
        'like a placeholder; check its location. It was left out of the document.',
      file: 'positions.csv',
      row: 7,
    },
    {
      path: '/venues/6/location',
      severity: 'warning',
      code: 'location-round',
      message:
        'Venue "张家湾街道政务服务中心" is placed at [114.3, 30.5], a round tenth of a degree ' +
        'on both axes, which looks like a placeholder (a tenth of a degree is some 10 km); ' +
        'check its location. It was left out of the document.',
      file: 'positions.csv',
      row: 8,
    },
    shared('/venues/7/location', 9, '湖电社区党群服务中心', '"汽标社区党群服务中心", "南湖社区党群服务中心"'),
    shared('/venues/8/location', 10, '汽标社区党群服务中心', '"湖电社区党群服务中心", "南湖社区党群服务中心"'),
    shared('/venues/9/location', 11, '南湖社区党群服务中心', '"湖电社区党群服务中心", "汽标社区党群服务中心"'),
    {
      path: '/venues/10/location',
      severity: 'warning',
      code: 'location-outside-china',
      message:
        'Venue "和平街道政务服务中心" is placed at [14.412706, 30.601233], outside China, in a ' +
        'Chinese list; check its location.',
      file: 'positions.csv',
      row: 12,
    },
    {
      path: '/venues/11/location',
      severity: 'warning',
      code: 'location-outlier',
      message:
        'Venue "洪山街道政务服务中心" is placed 1,060 km from the middle of the other venues, ' +
        'most of which lie within 3.7 km of it; check its location.',
      file: 'positions.csv',
      row: 13,
    },
    {
      path: '/venues/12/location',
      severity: 'warning',
      code: 'location-swapped',
      message:
        'Venue "青菱街道政务服务中心" is not drawn: latitude 114.287115 is out of range — are ' +
        'longitude and latitude swapped?',
      file: 'positions.csv',
      row: 14,
    },
    {
      path: '/matters',
      severity: 'info',
      code: 'no-matters',
      message:
        'The document lists no matters, so citizens can find venues only by name; add the ' +
        'matters the venues handle.',
    },
  ]);
  assert.equal(result.problems[0].code, 'id-generated');

  // placeholders and the impossible swapped point are not written; the rest are
  const written = result.document.venues.map((v) => v.location ?? null);
  assert.deepEqual(written, [
    [114.409584, 30.495737],
    [114.360002, 30.519977],
    [114.370012, 30.510245],
    [114.341219, 30.501759],
    [114.368704, 30.580213],
    null,
    null,
    [114.415207, 30.498912],
    [114.415207, 30.498912],
    [114.415207, 30.498912],
    [14.412706, 30.601233],
    [116.407401, 39.904212],
    null,
  ]);
});

test('convert reports phones, hours, links, duplicates and rows it could not use', () => {
  const dir = workdir({
    'venues.csv':
      '网点名称,层级,地址,咨询电话,办公时间,可办事项,预约链接\n' +
      '关山街道政务服务中心,街道,关山大道355号,0531-,周一至周五 9:00-17:00,暂住证,' +
      'https://zwfw.hongshan.gov.cn/yy?venue={venue}\n' +
      '关山街道政务服务中心,街道,关山大道355号,027-8765432l,详见门口公示,居住证首次申领,' +
      'www.hongshan.gov.cn\n' +
      ',社区,无名站点,027-87600000,,,\n' +
      ',,,,,,\n' +
      '海核社区党群服务中心,社区,海核社区,8765；027-87600003转8001,工作日正常上班,' +
      '门牌号证明开具,http://预约平台\n' +
      '南望社区党群服务中心,社区,南望山路21号,027-876543210027,周一至周五 8:30-17:30,,' +
      'https://zwfw.hongshan.gov.cn/yy 或电话预约\n',
    'matters.csv':
      '事项名称,别名,办理部门,通办范围,到现场次数,在线办理,咨询电话,监督投诉电话\n' +
      '居住证首次申领,暂住证、办居住证,区公安分局,属地,1,,027-87300110,12345\n' +
      '残疾人证申领,残疾证,区残联,属地,2,,027-8730-,12345\n' +
      '城乡居民医保参保登记,医保参保,区医保局,全区通办,0,https://zwfw.hubei.gov.cn/,12393,\n',
  });

  const result = convert(dir, 'venues.csv', '--matters', 'matters.csv');

  const missing = (k, row, name) => ({
    path: `/venues/${k}/location`,
    severity: 'info',
    code: 'location-missing',
    message:
      `Venue "${name}" has no location, so it is not drawn on the map and ranks after the ` +
      'venues that have one.',
    file: 'venues.csv',
    row,
  });
  const unreadable = (k, row, name, text) => ({
    path: `/venues/${k}/hours`,
    severity: 'warning',
    code: 'hours-unreadable',
    message:
      `Venue "${name}" has hours "${text}" that the hours engine cannot read; they are ` +
      'shown as written and the open-now state is unknown (write them as ' +
      '"周一至周五 9:00-12:00，13:30-17:30" or give "openingHours").',
    file: 'venues.csv',
    row,
  });
  assert.equal(result.code, 1, 'a row that was not used is an error');
  assert.deepEqual(result.problems, [
    {
      path: '',
      severity: 'info',
      code: 'id-generated',
      message:
        '4 venues of venues.csv had no id; ids were made from the pinyin initials of the ' +
        'names. Add an id column to keep links to venues stable when names change.',
      file: 'venues.csv',
    },
    {
      path: '',
      severity: 'info',
      code: 'rows-empty',
      message: '1 empty row of venues.csv (5) was skipped.',
      file: 'venues.csv',
    },
    missing(0, 2, '关山街道政务服务中心'),
    {
      path: '/venues/0/phone',
      severity: 'warning',
      code: 'phone-incomplete',
      message:
        'Venue "关山街道政务服务中心" has the phone "0531-": "0531-" is only an area code; ' +
        'complete the number.',
      file: 'venues.csv',
      row: 2,
    },
    missing(1, 3, '关山街道政务服务中心'),
    {
      path: '/venues/1/appointment',
      severity: 'warning',
      code: 'invalid-link',
      message:
        'Venue "关山街道政务服务中心" has an appointment link that is not an http: or https: ' +
        'address ("www.hongshan.gov.cn"); the link was dropped.',
      file: 'venues.csv',
      row: 3,
    },
    {
      path: '/venues/1/name',
      severity: 'warning',
      code: 'duplicate-venue',
      message:
        'Venue "关山街道政务服务中心" has the same name and address as venue "v-gsjdzwfwzx" ' +
        '(/venues/0); is it listed twice?',
      file: 'venues.csv',
      row: 3,
    },
    {
      path: '/venues/1/phone',
      severity: 'warning',
      code: 'phone-malformed',
      message:
        'Venue "关山街道政务服务中心" has the phone "027-8765432l": "027-8765432l" has letters ' +
        'among its digits; correct the number.',
      file: 'venues.csv',
      row: 3,
    },
    unreadable(1, 3, '关山街道政务服务中心', '详见门口公示'),
    {
      path: '',
      severity: 'error',
      code: 'row-no-name',
      message:
        'Row 4 of venues.csv has no venue name (it reads "社区", "无名站点", "027-87600000"); ' +
        'it was not used.',
      file: 'venues.csv',
      row: 4,
    },
    {
      path: '/venues/2/matters',
      severity: 'warning',
      code: 'matter-not-found',
      message:
        'Row 6 of venues.csv names the matter "门牌号证明开具", which the matter sheet does not ' +
        'list; a matter with only this name was made.',
      file: 'venues.csv',
      row: 6,
    },
    missing(2, 6, '海核社区党群服务中心'),
    {
      path: '/venues/2/phone',
      severity: 'warning',
      code: 'phone-incomplete',
      message:
        'Venue "海核社区党群服务中心" has the phone "8765；027-87600003转8001": "8765" has only ' +
        '4 digits; complete the number.',
      file: 'venues.csv',
      row: 6,
    },
    unreadable(2, 6, '海核社区党群服务中心', '工作日正常上班'),
    {
      path: '/venues/2/appointment',
      severity: 'warning',
      code: 'link-not-web',
      message:
        'Venue "海核社区党群服务中心" has the appointment link "http://预约平台", which has ' +
        '"预约平台" where a host name such as www.gov.cn belongs; it will not open.',
      file: 'venues.csv',
      row: 6,
    },
    missing(3, 7, '南望社区党群服务中心'),
    {
      path: '/venues/3/phone',
      severity: 'warning',
      code: 'phone-malformed',
      message:
        'Venue "南望社区党群服务中心" has the phone "027-876543210027": "027-876543210027" has ' +
        '15 digits, more than one number holds (separate numbers with "、"); correct the number.',
      file: 'venues.csv',
      row: 7,
    },
    {
      path: '/venues/3/appointment',
      severity: 'warning',
      code: 'link-not-web',
      message:
        'Venue "南望社区党群服务中心" has the appointment link ' +
        '"https://zwfw.hongshan.gov.cn/yy 或电话预约", which has spaces in it (is it a link ' +
        'followed by words?); it will not open.',
      file: 'venues.csv',
      row: 7,
    },
    {
      path: '/venues/3/matters',
      severity: 'warning',
      code: 'venue-no-matters',
      message:
        'Venue "南望社区党群服务中心" lists no matter, so a search for what can be done there ' +
        'finds nothing; list the matters it handles.',
      file: 'venues.csv',
      row: 7,
    },
    {
      path: '',
      severity: 'info',
      code: 'id-generated',
      message:
        '3 matters of matters.csv had no id or code; ids were made from the pinyin initials ' +
        'of the names. Add an id column to keep links to matters stable when names change.',
      file: 'matters.csv',
    },
    {
      path: '/matters/1/phone',
      severity: 'warning',
      code: 'phone-incomplete',
      message:
        'Matter "残疾人证申领" has the phone "027-8730-": "027-8730-" ends with a dash; complete ' +
        'the number.',
      file: 'matters.csv',
      row: 3,
    },
    {
      path: '/matters/1',
      severity: 'warning',
      code: 'matter-unhandled',
      message:
        'Matter "残疾人证申领" is handled at no venue, so "where to go" finds nothing for it; ' +
        'list it on the venues that handle it.',
      file: 'matters.csv',
      row: 3,
    },
  ]);

  // the alias 暂住证 found 居住证首次申领; the unknown name became a matter of its own;
  // the online-only matter (visits 0) needs no venue
  assert.deepEqual(
    result.document.venues.map((v) => [v.id, v.matters ?? [], v.appointment ?? null]),
    [
      ['v-gsjdzwfwzx', ['m-jzzscsl'], 'https://zwfw.hongshan.gov.cn/yy?venue={venue}'],
      ['v-gsjdzwfwzx-1d6r', ['m-jzzscsl'], null],
      ['v-hhsqdqfwzx', ['m-mphzmkj'], 'http://预约平台'],
      ['v-nwsqdqfwzx', [], 'https://zwfw.hongshan.gov.cn/yy 或电话预约'],
    ],
  );
  assert.deepEqual(result.document.matters, [
    {
      id: 'm-jzzscsl',
      name: '居住证首次申领',
      pinyin: { full: 'juzhuzhengshoucishenling', initials: 'jzzscsl' },
      aliases: ['暂住证', '办居住证'],
      department: '区公安分局',
      scope: 'area',
      visits: 1,
      phone: '027-87300110',
      complaintPhone: '12345',
    },
    {
      id: 'm-cjrzsl',
      name: '残疾人证申领',
      pinyin: { full: 'canjirenzhengshenling', initials: 'cjrzsl' },
      aliases: ['残疾证'],
      department: '区残联',
      scope: 'area',
      visits: 2,
      phone: '027-8730-',
      complaintPhone: '12345',
    },
    {
      id: 'm-cxjmybcbdj',
      name: '城乡居民医保参保登记',
      pinyin: { full: 'chengxiangjuminyibaocanbaodengji', initials: 'cxjmybcbdj' },
      aliases: ['医保参保'],
      department: '区医保局',
      scope: 'anywhere',
      visits: 0,
      online: 'https://zwfw.hubei.gov.cn/',
      phone: '12393',
    },
    {
      id: 'm-mphzmkj',
      name: '门牌号证明开具',
      pinyin: { full: 'menpaihaozhengmingkaiju', initials: 'mphzmkj' },
    },
  ]);
});

test('convert reads GB18030 text, an explicit mapping and a crs named in the header', () => {
  // 名称,层级,经度(百度),纬度(百度),memo / 测试中心,街道,114.423123,30.512345,x in GB18030
  const gb = (hex) => Buffer.from(hex.replace(/\s/g, ''), 'hex');
  const header = gb('C3FBB3C6 2C B2E3BCB6 2C BEADB6C8 28 B0D9B6C8 29 2C CEB3B6C8 28 B0D9B6C8 29');
  const csv = Buffer.concat([
    header,
    Buffer.from(',memo\n'),
    gb('B2E2CAD4D6D0D0C4 2C BDD6B5C0'),
    Buffer.from(',114.423123,30.512345,x\n'),
  ]);
  assert.equal(new TextDecoder('gb18030').decode(header), '名称,层级,经度(百度),纬度(百度)');
  const dir = workdir({ 'gb.csv': csv });

  const result = convert(dir, 'gb.csv', '--map', 'memo=-');

  assert.deepEqual(
    result.problems.map((p) => [p.code, p.severity]),
    [
      ['encoding-gb18030', 'info'],
      ['crs-from-header', 'info'],
      ['id-generated', 'info'],
      ['no-matters', 'info'],
    ],
  );
  assert.equal(
    result.problems[1].message,
    'Column "经度(百度)" of gb.csv names BD09, so the positions were read as BD09.',
  );
  // gcoord.transform([114.423123, 30.512345], BD09, WGS84), rounded to six places
  assert.deepEqual(result.document.venues, [
    {
      id: 'v-cszx',
      name: '测试中心',
      pinyin: { full: 'ceshizhongxin', initials: 'cszx' },
      level: 'street',
      location: [114.41098, 30.508984],
    },
  ]);
});

test('convert exits 2 on input it cannot use, with the reason on stderr', () => {
  const dir = workdir({
    'no-names.csv': '地址,电话\n关山大道355号,027-87600000\n',
    'venues.csv': '名称,层级\n关山街道政务服务中心,街道\n',
  });

  const cases = [
    [['convert', 'missing.csv'], 'gov-service-map: There is no file missing.csv.\n'],
    [
      ['convert', 'no-names.csv'],
      'gov-service-map: No column of no-names.csv holds the venue names (such as 名称, 网点名称 ' +
        'or name; its columns are "地址", "电话"); name one with --map 列名=name.\n',
    ],
    [
      ['convert', 'venues.csv', '--crs', 'UTM50'],
      'gov-service-map: --crs UTM50 is not WGS84, CGCS2000, GCJ02 or BD09.\n',
    ],
    [
      ['convert', 'venues.csv', '--map', '名称=title'],
      'gov-service-map: "title" in --map is not a venue field; use one of id, name, level, ' +
        'area, areaName, address, lng, lat, location, phone, hours, openingHours, matters, ' +
        'appointment, queue, facilities, note, updated, or - to leave the column out.\n',
    ],
  ];
  for (const [args, stderr] of cases) {
    const run = tool(args, dir);
    assert.equal(run.code, 2, args.join(' '));
    assert.equal(run.stderr, stderr);
    assert.equal(run.stdout, '');
  }

  const unknownOption = tool(['convert', 'venues.csv', '--colour'], dir);
  assert.equal(unknownOption.code, 2);
  assert.match(unknownOption.stderr, /unknown option '--colour'/);
});

test('convert without -o writes the document to stdout and the report to stderr', () => {
  const dir = workdir({ 'venues.csv': '名称,层级\n关山街道政务服务中心,街道\n' });

  const run = tool(['convert', 'venues.csv', '--no-schema'], dir);

  assert.equal(run.code, 0);
  assert.deepEqual(JSON.parse(run.stdout).venues.map((v) => v.id), ['v-gsjdzwfwzx']);
  assert.equal(
    run.stderr,
    'venues.csv → standard output: 1 row read; 1 venue, 0 matters and 0 areas written.\n' +
      '\n' +
      'Info (3)\n' +
      '  venues.csv  [id-generated]\n' +
      '    1 venue of venues.csv had no id; ids were made from the pinyin initials of the ' +
      'names. Add an id column to keep links to venues stable when names change.\n' +
      '  /venues/0/location (venues.csv:2)  [location-missing]\n' +
      '    Venue "关山街道政务服务中心" has no location, so it is not drawn on the map and ranks ' +
      'after the venues that have one.\n' +
      '  /matters  [no-matters]\n' +
      '    The document lists no matters, so citizens can find venues only by name; add the ' +
      'matters the venues handle.\n' +
      '\n' +
      'Summary: 0 errors, 0 warnings, 3 info.\n' +
      '  id-generated         1  info\n' +
      '  location-missing     1  info\n' +
      '  no-matters           1  info\n',
  );
});

test('convert reads the one list of a JSON object, and nested service lines as matters', () => {
  const dir = workdir({
    'records.json': JSON.stringify({
      source: "a city's list of offices",
      records: [
        {
          id: 37010001,
          name: '济南市社会保险事业局',
          address: '站前街9号',
          phone: '0531-',
          latitude: 36.666326,
          longitude: 116.994916,
          service_lines: [
            { name: '综合业务', phone: '0531-68966910' },
            { name: '综合业务', phone: '0531-68967600' },
            { name: '失业保险', phone: '0531-67881210' },
          ],
        },
        'not a record',
        { id: 37010002, name: '历下区人力资源和社会保障局', latitude: 36, longitude: 117, phone: null },
      ],
    }),
  });

  const result = convert(dir, 'records.json', '--map', 'service_lines=matters', '--level', '区级');

  assert.equal(result.code, 1);
  assert.deepEqual(result.problems, [
    {
      path: '',
      severity: 'info',
      code: 'records-member',
      message:
        'records.json is an object; its list "records" was read as the records ("source" not ' +
        'read).',
      file: 'records.json',
    },
    {
      path: '',
      severity: 'info',
      code: 'crs-assumed',
      message:
        'records.json does not say which coordinate system its positions use; they were read ' +
        'as WGS84. If they were picked on Amap or Tencent maps give --crs GCJ02, on Baidu ' +
        'maps --crs BD09.',
      file: 'records.json',
    },
    {
      path: '/venues/0/phone',
      severity: 'warning',
      code: 'phone-incomplete',
      message:
        'Venue "济南市社会保险事业局" has the phone "0531-": "0531-" is only an area code; ' +
        'complete the number.',
      file: 'records.json',
      row: 1,
    },
    {
      path: '',
      severity: 'error',
      code: 'record-not-object',
      message: 'Record 2 of records.json is "not a record", not an object; it was not used.',
      file: 'records.json',
      row: 2,
    },
    {
      path: '/venues/1/location',
      severity: 'warning',
      code: 'location-rough',
      message:
        'Venue "历下区人力资源和社会保障局" is placed at [117, 36] in whole degrees, which looks ' +
        'like a placeholder; check its location. It was left out of the document.',
      file: 'records.json',
      row: 3,
    },
    {
      path: '/venues/1/matters',
      severity: 'warning',
      code: 'venue-no-matters',
      message:
        'Venue "历下区人力资源和社会保障局" lists no matter, so a search for what can be done ' +
        'there finds nothing; list the matters it handles.',
      file: 'records.json',
      row: 3,
    },
  ]);
  assert.deepEqual(result.document, {
    version: 1,
    crs: 'WGS84',
    venues: [
      {
        id: '37010001',
        name: '济南市社会保险事业局',
        pinyin: { full: 'jinanshishehuibaoxianshiyeju', initials: 'jnsshbxsyj' },
        level: 'district',
        address: '站前街9号',
        location: [116.994916, 36.666326],
        phone: '0531-',
        // the same service line twice: one matter, both phones
        matters: [
          { matter: 'm-zhyw', phone: '0531-68966910、0531-68967600' },
          { matter: 'm-sybx', phone: '0531-67881210' },
        ],
      },
      {
        id: '37010002',
        name: '历下区人力资源和社会保障局',
        pinyin: { full: 'lixiaqurenliziyuanheshehuibaozhangju', initials: 'lxqrlzyhshbzj' },
        level: 'district',
      },
    ],
    matters: [
      { id: 'm-zhyw', name: '综合业务', pinyin: { full: 'zongheyewu', initials: 'zhyw' } },
      { id: 'm-sybx', name: '失业保险', pinyin: { full: 'shiyebaoxian', initials: 'sybx' } },
    ],
  });
});
