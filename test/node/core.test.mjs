// The built core (dist/core.js) under plain Node: no DOM, no window, and the
// parser gives the same exact answers as in the browser. Run after a build.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const core = await import('../../dist/core.js');

test('the built core exports the documented functions', () => {
  const names = Object.keys(core);

  for (const name of [
    'parseServiceData',
    'loadServiceData',
    'ServiceDataError',
    'distance',
    'convert',
    'rankVenues',
    'createSearchIndex',
  ]) {
    assert.ok(names.includes(name), `${name} is exported`);
    assert.equal(typeof core[name], 'function', `${name} is a function`);
  }
});

test('parseServiceData renames a duplicate id and drops a swapped location', () => {
  const doc = {
    version: 1,
    venues: [
      { id: 'gs-center', name: '关山街道政务服务中心', level: 'street', location: [114.4096, 30.4908] },
      { id: 'gs-center', name: '珞南街道政务服务中心', level: 'street', location: [30.52, 114.36] },
    ],
  };

  const { data, problems } = core.parseServiceData(doc);

  assert.deepEqual(
    data.venues.map((venue) => [venue.id, venue.name, venue.location]),
    [
      ['gs-center', '关山街道政务服务中心', [114.4096, 30.4908]],
      ['gs-center~2', '珞南街道政务服务中心', null],
    ],
  );
  assert.deepEqual(problems, [
    {
      path: '/venues/1/id',
      severity: 'warning',
      code: 'duplicate-id',
      message:
        'Venue "珞南街道政务服务中心" uses the id "gs-center" of an earlier venue; it was renamed ' +
        '"gs-center~2".',
    },
    {
      path: '/venues/1/location',
      severity: 'warning',
      code: 'location-swapped',
      message:
        'Venue "珞南街道政务服务中心" is not drawn: latitude 114.36 is out of range — are ' +
        'longitude and latitude swapped?',
    },
  ]);
});

test('parseServiceData never throws, even on input that is not a document', () => {
  for (const input of [null, undefined, 0, 'not json', [], { venues: 'x' }]) {
    const { data, problems } = core.parseServiceData(input);

    assert.deepEqual(data.venues, []);
    assert.equal(problems[problems.length - 1].severity, 'error');
  }
});

test('loadServiceData in Node explains a relative address instead of blaming CORS', async () => {
  const { loadServiceData } = await import('../../dist/core.js');

  await assert.rejects(loadServiceData('/data/hongshan.json'), (error) => {
    assert.equal(error.kind, 'network');
    assert.match(error.message, /relative address/);
    assert.doesNotMatch(error.message, /CORS/);
    return true;
  });
});
