import { expect } from '@open-wc/testing';
import { citizenArea, servesArea } from '../../src/core/area.js';
import { rankVenues } from '../../src/core/rank.js';
import type { LngLat } from '../../src/core/types.js';
import { area, box, dataset, matter, venue } from '../helpers/core-data.js';

// 洪山区 with two streets; 光谷社区 (a community of 关山街道) has a boundary,
// 珞南社区 has none; two areas name each other as parents; 未登记街道's
// parent is missing from the document
const DISTRICT = '420111';
const GUANSHAN = '420111002';
const SHIZISHAN = '420111003';
const GUANGGU = '420111002001';
const LUONAN = '420111002002';

const IN_GUANGGU: LngLat = [114.415, 30.495];
const IN_GUANSHAN: LngLat = [114.39, 30.47];
const IN_DISTRICT_ONLY: LngLat = [114.55, 30.65];
const ABROAD: LngLat = [135.5, 34.69];

const DATA = dataset({
  areas: [
    area(DISTRICT, '洪山区', null, box(114.3, 30.4, 114.6, 30.7)),
    area(GUANSHAN, '关山街道', DISTRICT, box(114.38, 30.46, 114.45, 30.52)),
    area(SHIZISHAN, '狮子山街道', DISTRICT, box(114.3, 30.46, 114.37, 30.52)),
    area(GUANGGU, '光谷社区', GUANSHAN, box(114.4, 30.48, 114.43, 30.51)),
    area(LUONAN, '珞南社区', GUANSHAN),
    area('loop-a', '甲', 'loop-b'),
    area('loop-b', '乙', 'loop-a'),
    area('orphan', '未登记街道', 'not-listed'),
  ],
  matters: [matter('m-permit', { scope: 'area' })],
  venues: [
    venue('v-district', { level: 'district', area: DISTRICT, matters: ['m-permit'] }),
    venue('v-gs', { area: GUANSHAN, matters: ['m-permit'] }),
    venue('v-szs', { area: SHIZISHAN, matters: ['m-permit'] }),
    venue('v-gg', { level: 'community', area: GUANGGU, matters: ['m-permit'] }),
  ],
});

describe('citizenArea', () => {
  // [what, options, expected]
  const cases: [string, Parameters<typeof citizenArea>[1], ReturnType<typeof citizenArea>][] = [
    ['take the chosen area as chosen', { area: GUANSHAN }, { id: GUANSHAN, guessed: false }],
    [
      'prefer the chosen area to the origin’s',
      { area: SHIZISHAN, origin: IN_GUANGGU },
      { id: SHIZISHAN, guessed: false },
    ],
    ['trim the chosen id', { area: ` ${GUANSHAN} ` }, { id: GUANSHAN, guessed: false }],
    [
      'keep a chosen id the document does not list',
      { area: '420111009' },
      { id: '420111009', guessed: false },
    ],
    [
      'guess the deepest area holding the origin',
      { origin: IN_GUANGGU },
      { id: GUANGGU, guessed: true },
    ],
    [
      'guess the street outside its communities',
      { origin: IN_GUANSHAN },
      { id: GUANSHAN, guessed: true },
    ],
    [
      'guess the district between its streets',
      { origin: IN_DISTRICT_ONLY },
      { id: DISTRICT, guessed: true },
    ],
    [
      'guess from the origin when the chosen area is empty',
      { area: '', origin: IN_GUANGGU },
      { id: GUANGGU, guessed: true },
    ],
    ['give null outside every boundary', { origin: ABROAD }, null],
    ['give null without area or origin', {}, null],
    ['give null for an origin that is not a point', { origin: [NaN, 30.5] }, null],
  ];

  for (const [what, options, expected] of cases) {
    it(`should ${what}`, () => {
      expect(citizenArea(DATA, options)).to.deep.equal(expected);
    });
  }
});

describe('servesArea', () => {
  // [what, venue's area, citizen's area, expected]
  const cases: [string, string, string, boolean | null][] = [
    ['a venue of the citizen’s own area', GUANGGU, GUANGGU, true],
    ['a street centre for one of its communities', GUANSHAN, GUANGGU, true],
    ['the district centre for a community', DISTRICT, LUONAN, true],
    ['another street for a community', SHIZISHAN, GUANGGU, false],
    ['another community of the same street', GUANGGU, LUONAN, false],
    ['a community station when the citizen named only its street', GUANGGU, GUANSHAN, null],
    ['a street centre when the citizen named only the district', SHIZISHAN, DISTRICT, null],
    ['a citizen’s area the document does not list', SHIZISHAN, '420111009', null],
    ['a venue’s area the document does not list', '420111009', GUANSHAN, null],
    ['areas whose parents loop', SHIZISHAN, 'loop-a', null],
    ['an area whose parent is not listed', SHIZISHAN, 'orphan', null],
  ];

  for (const [what, venueArea, citizen, expected] of cases) {
    it(`should answer ${expected} for ${what}`, () => {
      expect(servesArea(DATA, venueArea, citizen)).to.equal(expected);
    });
  }
});

describe('rankVenues eligibility (属地)', () => {
  const eligibility = (options: Parameters<typeof rankVenues>[1]) =>
    Object.fromEntries(
      rankVenues(DATA, { matter: 'm-permit', ...options }).map((r) => [r.venue.id, r.eligible]),
    );

  it('should leave a community station unknown when the citizen named only the street', () => {
    expect(eligibility({ area: GUANSHAN })).to.deep.equal({
      'v-district': true,
      'v-gs': true,
      'v-szs': false,
      'v-gg': null,
    });
  });

  it('should treat an empty chosen area as none and guess from the origin', () => {
    expect(eligibility({ area: '', origin: IN_GUANGGU })).to.deep.equal({
      'v-district': true,
      'v-gs': true,
      'v-szs': false,
      'v-gg': true,
    });
  });

  it('should not rule a venue out for an area the document does not list', () => {
    expect(eligibility({ area: '420111009' })).to.deep.equal({
      'v-district': null,
      'v-gs': null,
      'v-szs': null,
      'v-gg': null,
    });
  });
});
