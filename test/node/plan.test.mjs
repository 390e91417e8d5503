// Plans and navigation links from the built core (dist/core.js) under plain
// Node, as a server rendering a venue page would call them. Run after a build.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const core = await import('../../dist/core.js');

const doc = {
  version: 1,
  matters: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((id) => ({ id, name: id })),
  bundles: [{ id: 'b-six', name: '六事一办', matters: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'] }],
  venues: [
    ['V1', 30.51, ['m1', 'm2', 'm3', 'm4']],
    ['V2', 30.52, ['m1', 'm2', 'm5']],
    ['V3', 30.47, ['m3', 'm4', 'm6']],
  ].map(([id, lat, matters]) => ({
    id,
    name: id,
    level: 'street',
    location: [114.4, lat],
    matters,
  })),
};

test('the built core exports planMatter, navigationLinks and citizenArea', () => {
  for (const name of ['planMatter', 'navigationLinks', 'citizenArea', 'servesArea']) {
    assert.equal(typeof core[name], 'function', `${name} is exported`);
  }
});

test('planMatter covers the issue’s life event with V2 and V3', () => {
  const { data } = core.parseServiceData(doc);

  const plan = core.planMatter(data, 'b-six', { origin: [114.4, 30.5] });

  // 0.02° + 0.03° of latitude at 111,195.080 m per degree
  assert.deepEqual(plan.cover.venues.map((r) => r.venue.id), ['V2', 'V3']);
  assert.ok(Math.abs(plan.cover.distance - 5559.754) < 0.001);
  assert.equal(plan.oneTrip, null);
});

test('navigationLinks gives Tencent the GCJ-02 point of [114.36, 30.52]', () => {
  const { data } = core.parseServiceData({
    version: 1,
    venues: [
      { id: 'v', name: '关山街道政务服务中心', level: 'street', location: [114.36, 30.52] },
    ],
  });

  const links = core.navigationLinks(data.venues[0]);

  const tencent = new URL(links.find((link) => link.provider === 'tencent').url);
  const [lat, lng] = tencent.searchParams.get('tocoord').split(',').map(Number);
  assert.ok(Math.abs(lat - 30.517664) <= 0.000002);
  assert.ok(Math.abs(lng - 114.365521) <= 0.000002);
});
