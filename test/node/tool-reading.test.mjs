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
