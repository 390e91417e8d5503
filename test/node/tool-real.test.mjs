// The tool on two real lists with faults nobody here invented, read from the
// shared data folder beside the repository (their licences are not stated, so
// they are not copied into the project). Skipped where that folder is absent.
// The expected counts come from the lists themselves: the 济南 list has 85
// placeholder points (36/116 and 36/117), six ids used twice and 64 phones
// that are an area code alone (62 "0531-", one "0531- ", one "0531").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tool, workdir } from './tool-helpers.mjs';

const REAL = join(ROOT, '..', 'shared', 'data', 'real');
const JINAN = join(REAL, 'jinan-hrss-offices-2018.json');
const HK = join(REAL, 'hk-night-clinics-2019.geojson');
const skip = !existsSync(JINAN) || !existsSync(HK) ? 'the shared real lists are not here' : false;

const countBy = (problems) => {
  const counts = {};
  for (const p of problems) counts[p.code] = (counts[p.code] ?? 0) + 1;
  return counts;
};

test('the 济南 list: every placeholder, the reused ids, the incomplete phones', { skip }, () => {
  const dir = workdir();

  const out = join(dir, 'jinan.json');
  const run = tool(['convert', JINAN, '--crs', 'GCJ02', '-o', out, '--json'], dir);
  const { problems, stats } = JSON.parse(run.stdout);
  const written = JSON.parse(readFileSync(join(dir, 'jinan.json'), 'utf8'));

  // no row gives a level and no name makes one clear: the schema requires it (exit 1)
  assert.equal(run.code, 1);
  assert.equal(problems.filter((p) => p.code === 'level-missing' && p.severity === 'error').length, 174);
  assert.deepEqual(stats, { rows: 174, venues: 174, matters: 0, areas: 14 });
  assert.deepEqual(countBy(problems), {
    'records-member': 1,
    'column-unused': 1,
    'level-missing': 174,
    'location-rough': 85,
    'phone-incomplete': 64,
    'duplicate-id': 6,
    'location-shared': 3,
    'no-matters': 1,
  });
  assert.deepEqual(
    problems
      .filter((p) => p.code === 'duplicate-id')
      .map((p) => written.venues[Number(p.path.split('/')[2])].id),
    // written renamed, as the elements read them
    ['37010212~2', '37010401~2', '37010402~2', '37010403~2', '37010405~2', '37012700~2'],
  );
  // the three venues at 解放路 share a point that two different addresses cannot both have
  assert.deepEqual(
    problems.filter((p) => p.code === 'location-shared').map((p) => p.row),
    [4, 15, 72],
  );
  // placeholders are left out; every other point is written in WGS-84
  assert.equal(written.venues.filter((v) => v.location).length, 174 - 85);
});

test('the Hong Kong list: GeoJSON with its traditional-Chinese hours read', { skip }, () => {
  const dir = workdir();

  const settings = ['--timezone', 'Asia/Hong_Kong', '--level', 'clinic'];
  const run = tool(['convert', HK, ...settings, '-o', join(dir, 'hk.json'), '--json'], dir);
  const { problems } = JSON.parse(run.stdout);
  const written = JSON.parse(readFileSync(join(dir, 'hk.json'), 'utf8'));

  assert.equal(run.code, 0);
  assert.deepEqual(countBy(problems), {
    'value-not-text': 1,
    'column-unused': 1,
    'text-garbled': 1,
    'no-matters': 1,
  });
  assert.equal(written.venues.length, 42);
  assert.equal(written.venues.filter((v) => v.location).length, 42);

  // 星期一: 09:00 – 22:00 … 星期日: 休息, read day by day
  const forms = {};
  for (const { openingHours: form } of written.venues) forms[form] = (forms[form] ?? 0) + 1;
  assert.deepEqual(forms, {
    'Mo-Fr 09:00-22:00; Sa,Su 09:00-13:00': 27,
    'Mo-Fr 09:00-22:00; Sa 09:00-13:00': 10,
    '24/7': 5,
  });
  assert.equal(
    written.venues[1].hours,
    '星期一: 09:00 – 22:00；星期二: 09:00 – 22:00；星期三: 09:00 – 22:00；星期四: 09:00 – 22:00；' +
      '星期五: 09:00 – 22:00；星期六: 09:00 – 13:00；星期日: 休息',
  );
});
