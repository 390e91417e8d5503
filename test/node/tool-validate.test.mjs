// `gov-service-map validate` on documents written here, run as the built bin:
// the rules that only a document can break (area centres, swapped points
// inside the latitude range, venue–matter facts, matter links), GeoJSON
// pointers, the printed report, exit codes and reading from a URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { TOOL, tool, workdir } from './tool-helpers.mjs';

const xinjiang = {
  version: 1,
  areas: [
    { id: '650102', name: '天山区', center: [87.6168, 43.7928] },
    { id: '650103', name: '沙依巴克?' },
  ],
  venues: [
    {
      id: 'ts',
      name: '天山区政务服务中心',
      level: 'district',
      area: '650102',
      location: [87.6168, 43.7928],
      matters: ['m-permit'],
    },
    {
      id: 'ks',
      name: '喀什市政务服务中心',
      level: 'district',
      location: [39.4677, 75.9938],
      matters: ['m-permit'],
    },
    {
      id: 'sy',
      name: '沙依巴克区政务服务中心',
      level: 'district',
      area: '650103',
      location: [87.5806, 43.7883],
      phone: '0991-',
      openingHours: 'Mo-Fr 09:00-13:00; Sa 25:00-27:00',
      matters: [
        {
          matter: 'm-permit',
          phone: '0991-4567890 转 12',
          hours: '详见公示',
          appointment: 'http://预约',
        },
      ],
    },
    {
      id: 'xs',
      name: '新市区政务服务中心',
      level: 'district',
      location: [87.5956, 43.8505],
      hours: { 'zh-CN': '周一至周五 10:00-19:30', en: 'Mon-Fri 10:00-19:30' },
    },
  ],
  matters: [
    { id: 'm-permit', name: '居住证首次申领', online: 'https://gov', complaintPhone: '12345' },
    {
      id: 'm-insurance',
      name: '城乡居民医保参保登记',
      online: 'https://zwfw.xinjiang.gov.cn/',
      visits: 0,
    },
    { id: 'm-disability', name: '残疾人证申领', phone: '0991-1234567-8' },
  ],
};

test('validate --json lists the rules a document can break, record by record', () => {
  const dir = workdir({ 'xinjiang.json': JSON.stringify(xinjiang) });

  const run = tool(['validate', 'xinjiang.json', '--json'], dir);

  const hoursHint =
    'they are shown as written and the open-now state is unknown (write them as ' +
    '"周一至周五 9:00-12:00，13:30-17:30" or give "openingHours").';
  assert.equal(run.code, 0, 'warnings alone do not fail');
  assert.deepEqual(JSON.parse(run.stdout), {
    problems: [
      {
        path: '/areas/1/name',
        severity: 'warning',
        code: 'text-garbled',
        message:
          'Area "650103" has the name "沙依巴克?", with "?" or "\uFFFD" where a character should ' +
          'be; it was probably saved in an encoding that lost it.',
      },
      {
        path: '/venues/0/location',
        severity: 'warning',
        code: 'location-area-centre',
        message:
          'Venue "天山区政务服务中心" is placed exactly at the centre of area "天山区", which is ' +
          'where a point is pasted when the real one is not known; check its location.',
      },
      {
        path: '/venues/1/location',
        severity: 'warning',
        code: 'location-maybe-swapped',
        message:
          'Venue "喀什市政务服务中心" is placed at [39.4677, 75.9938], outside China, but ' +
          '[75.9938, 39.4677] is inside; are longitude and latitude swapped?',
      },
      {
        path: '/venues/2/phone',
        severity: 'warning',
        code: 'phone-incomplete',
        message:
          'Venue "沙依巴克区政务服务中心" has the phone "0991-": "0991-" is only an area code; ' +
          'complete the number.',
      },
      {
        path: '/venues/2/openingHours',
        severity: 'warning',
        code: 'hours-unreadable',
        message:
          'Venue "沙依巴克区政务服务中心" has "openingHours" "Mo-Fr 09:00-13:00; Sa 25:00-27:00", ' +
          'which the hours engine cannot read, so its open-now state is unknown.',
      },
      {
        path: '/venues/2/matters/0/hours',
        severity: 'warning',
        code: 'hours-unreadable',
        message:
          'Venue "沙依巴克区政务服务中心", matter "m-permit", has hours "详见公示" that the hours ' +
          `engine cannot read; ${hoursHint}`,
      },
      {
        path: '/venues/2/matters/0/appointment',
        severity: 'warning',
        code: 'link-not-web',
        message:
          'Venue "沙依巴克区政务服务中心", matter "m-permit", has the appointment link ' +
          '"http://预约", which has "预约" where a host name such as www.gov.cn belongs; it ' +
          'will not open.',
      },
      {
        path: '/venues/3/hours/en',
        severity: 'warning',
        code: 'hours-unreadable',
        message:
          'Venue "新市区政务服务中心" has hours "Mon-Fri 10:00-19:30" that the hours engine ' +
          `cannot read; ${hoursHint}`,
      },
      {
        path: '/venues/3/matters',
        severity: 'warning',
        code: 'venue-no-matters',
        message:
          'Venue "新市区政务服务中心" lists no matter, so a search for what can be done there ' +
          'finds nothing; list the matters it handles.',
      },
      {
        path: '/matters/0/online',
        severity: 'warning',
        code: 'link-not-web',
        message:
          'Matter "居住证首次申领" has the online link "https://gov", which has "gov" where a ' +
          'host name such as www.gov.cn belongs; it will not open.',
      },
      {
        path: '/matters/2',
        severity: 'warning',
        code: 'matter-unhandled',
        message:
          'Matter "残疾人证申领" is handled at no venue, so "where to go" finds nothing for it; ' +
          'list it on the venues that handle it.',
      },
    ],
  });
});

test('validate prints GeoJSON pointers in a report grouped by severity', () => {
  const collection = {
    type: 'FeatureCollection',
    lang: 'zh-HK',
    timezone: 'Asia/Hong_Kong',
    features: [
      {
        type: 'Feature',
        id: 'c1',
        geometry: { type: 'Point', coordinates: [114.15634, 22.24995] },
        properties: {
          name: '香港仔賽馬會普通科門診診所',
          level: 'clinic',
          phone: '診所電話: 2555 0381、預約電話: 3543 5011',
          hours: '星期一至五 09:00-22:00；星期六、日 09:00-13:00',
        },
      },
      {
        type: 'Feature',
        id: 'c2',
        geometry: { type: 'Point', coordinates: [114.2, 22.3] },
        properties: { name: '西營盤賽馬會普通科門診診所', level: 'clinic', phone: '2859-' },
      },
      {
        type: 'Feature',
        id: 'c3',
        geometry: null,
        properties: {
          name: '柴灣賽馬會普通科門診診所',
          level: 'clinic',
          location: [114.23695, 22.26432],
        },
      },
    ],
  };
  const dir = workdir({ 'clinics.geojson': JSON.stringify(collection) });

  const run = tool(['validate', 'clinics.geojson'], dir);

  assert.equal(run.code, 0);
  assert.equal(
    run.stdout,
    'clinics.geojson: 3 venues, 0 matters, 0 areas, 0 bundles.\n' +
      '\n' +
      'Warnings (2)\n' +
      '  /features/1/geometry  [location-round]\n' +
      '    Venue "西營盤賽馬會普通科門診診所" is placed at [114.2, 22.3], a round tenth of a ' +
      'degree on both axes, which looks like a placeholder (a tenth of a degree is some 10 ' +
      'km); check its location.\n' +
      '  /features/1/properties/phone  [phone-incomplete]\n' +
      '    Venue "西營盤賽馬會普通科門診診所" has the phone "2859-": "2859-" ends with a dash; ' +
      'complete the number.\n' +
      '\n' +
      'Info (1)\n' +
      '  /matters  [no-matters]\n' +
      '    The document lists no matters, so citizens can find venues only by name; add the ' +
      'matters the venues handle.\n' +
      '\n' +
      'Summary: 0 errors, 2 warnings, 1 info.\n' +
      '  location-round       1  warning\n' +
      '  phone-incomplete     1  warning\n' +
      '  no-matters           1  info\n',
  );
});

test('validate exits 0 on a clean document, 1 on errors (or warnings with --fail-on)', () => {
  const clean = {
    version: 1,
    venues: [
      {
        id: 'gs',
        name: '关山街道政务服务中心',
        level: 'street',
        location: [114.409584, 30.495737],
        phone: '027-87600000',
        hours: '周一至周五 9:00-12:00，13:30-17:30',
        matters: ['m-permit'],
      },
    ],
    matters: [{ id: 'm-permit', name: '居住证首次申领' }],
  };
  const dir = workdir({
    'clean.json': JSON.stringify(clean),
    'no-version.json': JSON.stringify({ ...clean, version: undefined }),
    'warned.json': JSON.stringify({ ...clean, venues: [{ ...clean.venues[0], phone: '027-' }] }),
  });

  const cleanRun = tool(['validate', 'clean.json'], dir);
  const errorRun = tool(['validate', 'no-version.json', '--json'], dir);
  const warnedRun = tool(['validate', 'warned.json'], dir);
  const strictRun = tool(['validate', 'warned.json', '--fail-on', 'warning'], dir);

  assert.equal(cleanRun.code, 0);
  assert.equal(
    cleanRun.stdout,
    'clean.json: 1 venue, 1 matter, 0 areas, 0 bundles.\n\nNo problems found.\n',
  );
  assert.equal(errorRun.code, 1);
  assert.deepEqual(JSON.parse(errorRun.stdout).problems, [
    {
      path: '/version',
      severity: 'error',
      code: 'version-missing',
      message:
        'The document has no "version"; it was read as format version 1 (add "version": 1).',
    },
  ]);
  assert.equal(warnedRun.code, 0);
  assert.equal(strictRun.code, 1);
});

test('validate exits 2 on input that is no document', () => {
  const dir = workdir({
    'venues.csv': '名称,层级\n关山街道政务服务中心,街道\n',
    'list.json': '[{"name": "关山街道政务服务中心"}]',
    'broken.json': '{"version": 1,',
  });

  const cases = [
    ['missing.json', 'gov-service-map: There is no file missing.json.\n'],
    [
      'list.json',
      'gov-service-map: list.json holds a list, not a data document (an object with ' +
        '"version" and "venues"); make one from the list with `gov-service-map convert`.\n',
    ],
  ];
  for (const [file, stderr] of cases) {
    const run = tool(['validate', file], dir);
    assert.equal(run.code, 2, file);
    assert.equal(run.stderr, stderr);
  }
  // the parser's own words sit in the brackets; they differ between Node versions
  const csv = tool(['validate', 'venues.csv'], dir);
  assert.equal(csv.code, 2);
  assert.match(
    csv.stderr,
    new RegExp(
      '^gov-service-map: venues\\.csv is not JSON \\(.+\\); it looks like CSV: make a ' +
        'document with `gov-service-map convert`\\.\\n$',
      's',
    ),
  );
  const broken = tool(['validate', 'broken.json'], dir);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /^gov-service-map: broken\.json is not JSON \(.+\)\.\n$/s);
});

test('validate reads a document from an http address', async () => {
  const doc = {
    version: 1,
    venues: [{ id: 'gs', name: '关山街道政务服务中心', level: 'street', phone: '027-' }],
  };
  const server = createServer((request, response) => {
    if (request.url === '/data.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(doc));
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;

  // spawn asynchronously: this process serves the requests meanwhile
  const run = (url) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [TOOL, 'validate', url, '--json']);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  try {
    const found = await run(`${base}/data.json`);
    const missing = await run(`${base}/nothing.json`);

    assert.equal(found.code, 0);
    assert.deepEqual(
      JSON.parse(found.stdout).problems.map((p) => [p.path, p.code]),
      [
        ['/matters', 'no-matters'],
        ['/venues/0/location', 'location-missing'],
        ['/venues/0/phone', 'phone-incomplete'],
      ],
    );
    assert.equal(missing.code, 2);
    assert.equal(
      missing.stderr,
      `gov-service-map: ${base}/nothing.json answered HTTP 404; nothing was read.\n`,
    );
  } finally {
    server.close();
  }
});

test('validate accepts the phone forms in use and names what is missing or wrong', () => {
  const phones = [
    // accepted: hotlines, mobiles, landlines with or without area code, extensions,
    // several numbers, labels and notes around a number
    '12345',
    '110',
    '95588',
    '400-820-8820',
    '13807165432',
    '+86 138 0013 8000',
    '027-87654321',
    '(027)87654321',
    '+86 27 8765 4321',
    '87654321',
    '027-87654321转8001',
    '027-87654321-8001',
    '0531-88923656 ext. 12',
    '027-87654321、027-87654322',
    '027-87654321, 13807165432',
    '027-87654321；12345',
    '027-87654321/87654322',
    '咨询电话：027-87654321',
    '027-87654321（办公室）',
    // faulty
    '0531-',
    '027-8765',
    '8765',
    '待定',
    '027-8765432l',
    '0278765432100',
    '2787654321',
  ];
  const doc = {
    version: 1,
    venues: phones.map((phone, i) => ({
      id: `v${i}`,
      name: `网点${i}`,
      level: 'community',
      phone,
    })),
  };
  const dir = workdir({ 'phones.json': JSON.stringify(doc) });

  const run = tool(['validate', 'phones.json', '--json'], dir);
  const found = JSON.parse(run.stdout)
    .problems.filter((p) => p.code.startsWith('phone-'))
    .map((p) => [p.path, p.code, p.message.replace(/^Venue "[^"]+" has the phone /, '')]);

  assert.deepEqual(found, [
    [
      '/venues/19/phone',
      'phone-incomplete',
      '"0531-": "0531-" is only an area code; complete the number.',
    ],
    [
      '/venues/20/phone',
      'phone-incomplete',
      '"027-8765": "027-8765" has only 7 digits, too few for a landline with its area code; ' +
        'complete the number.',
    ],
    [
      '/venues/21/phone',
      'phone-incomplete',
      '"8765": "8765" has only 4 digits; complete the number.',
    ],
    ['/venues/22/phone', 'phone-incomplete', '"待定": "待定" has no digits; complete the number.'],
    [
      '/venues/23/phone',
      'phone-malformed',
      '"027-8765432l": "027-8765432l" has letters among its digits; correct the number.',
    ],
    [
      '/venues/24/phone',
      'phone-malformed',
      '"0278765432100": "0278765432100" has 13 digits, more than one number holds (separate ' +
        'numbers with "、"); correct the number.',
    ],
    [
      '/venues/25/phone',
      'phone-malformed',
      '"2787654321": "2787654321" looks like a landline whose area code lost its leading 0 ' +
        '(Excel drops it when a phone is typed as a number); correct the number.',
    ],
  ]);
});
