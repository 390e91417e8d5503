// Matter search in the built core (dist/core.js) under plain Node: Chinese
// works at once; pinyin and traditional characters once loadSearchTables has
// imported their chunks (dist/chunks/pinyin-table-*.js, t2s-table-*.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const core = await import('../../dist/core.js');
const sample = JSON.parse(readFileSync(new URL('../../demo/data/hongshan.json', import.meta.url)));
const PERMITS = ['m-resident-permit', 'm-resident-permit-renew', 'm-resident-permit-reissue'];

test('search finds an everyday word in Node, and pinyin after loading the tables', async () => {
  const { data } = core.parseServiceData(sample);
  const index = core.createSearchIndex(data);
  const top = (query, n) => index.search(query, { limit: n }).map((hit) => hit.id);

  // 暂住证 is an alias of the first permit and the everyday word for all three
  assert.deepEqual(new Set(top('暂住证', 3)), new Set(PERMITS));
  assert.ok(index.prepare('jzz') instanceof Promise, 'Latin letters ask for the pinyin table');

  await core.loadSearchTables();

  assert.equal(index.prepare('jzz'), null);
  assert.deepEqual(new Set(top('jzz', 3)), new Set(PERMITS));
  assert.deepEqual(top('準生證', 1), ['m-birth-planning-registration']);
});
