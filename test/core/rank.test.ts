import { expect } from '@open-wc/testing';
import { rankVenues } from '../../src/core/rank.js';
import type {
  Area,
  Bundle,
  LngLat,
  Matter,
  RankedVenue,
  ServiceData,
  Venue,
} from '../../src/core/types.js';

function box(west: number, south: number, east: number, north: number): LngLat[] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

function area(id: string, name: string, parent: string | null, rings: LngLat[][] | null): Area {
  const boundary = rings ? { type: 'Polygon' as const, coordinates: rings } : null;
  return { id, name, level: null, parent, center: null, boundary };
}

function venue(
  id: string,
  name: string,
  level: string,
  areaId: string | null,
  location: LngLat | null,
  matters: string[],
): Venue {
  return {
    id,
    name,
    level,
    area: areaId,
    address: null,
    location,
    phone: null,
    hours: null,
    openingHours: null,
    closures: [],
    matters: matters.map((matter) => ({ matter })),
    appointment: null,
    queue: null,
    facilities: [],
    note: null,
    updated: null,
  };
}

function matter(id: string, name: string, scope: Matter['scope']): Matter {
  return {
    id,
    name,
    aliases: [],
    code: null,
    type: null,
    department: null,
    audience: [],
    topics: [],
    scope,
    visits: null,
    online: null,
    promised: null,
    legal: null,
    fee: null,
    conditions: null,
    materials: [],
    steps: [],
    basis: [],
    phone: null,
    complaintPhone: null,
    faq: [],
  };
}

function bundle(id: string, name: string, matters: string[]): Bundle {
  return { id, name, aliases: [], matters };
}

// 洪山区 with two streets that have boundaries, one without, and a community
// in 关山街道 whose boundary has a hole (a campus that belongs to the street)
const DISTRICT = '420111';
const GUANSHAN = '420111002';
const SHIZISHAN = '420111003';
const ZHANGJIAWAN = '420111004';
const GUANGGU = '420111002001';

// the origin sits in the hole of 光谷社区, so the guessed area is 关山街道
const IN_GUANSHAN: LngLat = [114.411, 30.491];
const IN_SHIZISHAN: LngLat = [114.36, 30.49];

const DATA: ServiceData = {
  version: 1,
  title: '洪山区政务服务地图',
  lang: 'zh-CN',
  crs: 'WGS84',
  timezone: 'Asia/Shanghai',
  updated: null,
  attribution: null,
  areas: [
    area(DISTRICT, '洪山区', null, [box(114.3, 30.4, 114.6, 30.6)]),
    area(GUANSHAN, '关山街道', DISTRICT, [box(114.38, 30.46, 114.45, 30.52)]),
    area(SHIZISHAN, '狮子山街道', DISTRICT, [box(114.3, 30.46, 114.37, 30.52)]),
    area(ZHANGJIAWAN, '张家湾街道', DISTRICT, null),
    area(GUANGGU, '光谷社区', GUANSHAN, [
      box(114.4, 30.48, 114.43, 30.51),
      box(114.41, 30.49, 114.42, 30.5),
    ]),
  ],
  // document order deliberately unlike any expected order
  venues: [
    venue('v-other', '洪山区税务服务厅', 'tax-hall', DISTRICT, [114.33, 30.51], ['m-tax']),
    venue('v-self', '关山24小时自助服务点', 'self-service', GUANSHAN, [114.41, 30.49], [
      'm-social',
    ]),
    venue('v-noarea', '流动服务车', 'community', null, null, ['m-license']),
    venue('v-gg', '光谷社区党群服务中心', 'community', GUANGGU, [114.405, 30.505], [
      'm-license',
    ]),
    venue('v-noloc', '张家湾街道便民服务中心', 'street', ZHANGJIAWAN, null, ['m-permit']),
    venue('v-szs', '狮子山街道便民服务中心', 'street', SHIZISHAN, [114.35, 30.48], [
      'm-permit',
      'm-license',
    ]),
    venue('v-gs', '关山街道政务服务中心', 'street', GUANSHAN, [114.41, 30.49], [
      'm-permit',
      'm-license',
      'm-social',
    ]),
    venue('v-district', '洪山区政务服务中心', 'district', DISTRICT, [114.343, 30.5], [
      'm-permit',
      'm-license',
      'm-social',
    ]),
  ],
  matters: [
    matter('m-permit', '居住证首次申领', 'area'),
    matter('m-license', '个体工商户营业执照登记', 'anywhere'),
    matter('m-social', '社会保障卡补办', null),
    matter('m-tax', '税务登记', 'area'),
  ],
  bundles: [
    bundle('b-move', '迁入落户一件事', ['m-permit', 'm-license']),
    bundle('b-newborn', '新生儿出生一件事', ['m-permit', 'm-social']),
  ],
  calendar: { region: 'CN', years: [], off: [], work: [] },
};

// the same venues among forty far-away mobile points that handle nothing
const CROWDED: ServiceData = {
  ...DATA,
  venues: [
    ...DATA.venues,
    ...Array.from({ length: 40 }, (_, i) =>
      venue(`v-far-${i}`, `远郊流动服务点${i}`, 'mobile', null, [115 + i / 100, 31.5], []),
    ),
  ],
};
const CROWDS: [string, ServiceData][] = [
  ['among few venues', DATA],
  ['among many venues', CROWDED],
];

const ids = (ranked: RankedVenue[]): string[] => ranked.map((r) => r.venue.id);
const byId = (ranked: RankedVenue[], id: string): RankedVenue =>
  ranked.find((r) => r.venue.id === id)!;

describe('rankVenues', () => {
  describe('when there is no origin', () => {
    it('should order by level (district, street, community, self-service, other), name', () => {
      const ranked = rankVenues(DATA);

      // streets: 关 guan < 狮 shi < 张 zhang; communities: 光 guang < 流 liu
      expect(ids(ranked)).to.deep.equal([
        'v-district',
        'v-gs',
        'v-szs',
        'v-noloc',
        'v-gg',
        'v-noarea',
        'v-self',
        'v-other',
      ]);
    });

    it('should give no distance, an unknown open state and no eligibility', () => {
      const ranked = rankVenues(DATA);

      for (const r of ranked) {
        expect(r.distance).to.equal(null);
        expect(r.open).to.deep.equal({ status: 'unknown', changesAt: null, note: null });
        expect(r.eligible).to.equal(null);
      }
    });

    it('should cut the list at the limit', () => {
      expect(ids(rankVenues(DATA, { limit: 3 }))).to.deep.equal(['v-district', 'v-gs', 'v-szs']);
      expect(rankVenues(DATA, { limit: 0 })).to.deep.equal([]);
    });
  });

  describe('when there is an origin', () => {
    it('should order located venues by distance and put unlocated ones after', () => {
      const ranked = rankVenues(DATA, { origin: IN_GUANSHAN });

      // v-gs and v-self share a building: the street centre goes first
      expect(ids(ranked)).to.deep.equal([
        'v-gs',
        'v-self',
        'v-gg',
        'v-szs',
        'v-district',
        'v-other',
        'v-noloc',
        'v-noarea',
      ]);
    });

    it('should give distances in metres, null for unlocated venues', () => {
      const ranked = rankVenues(DATA, { origin: IN_GUANSHAN });

      // worked out with the haversine formula, R = 6,371,008.8 m
      expect(byId(ranked, 'v-gs').distance).to.be.closeTo(146.784, 0.01);
      expect(byId(ranked, 'v-self').distance).to.be.closeTo(146.784, 0.01);
      expect(byId(ranked, 'v-gg').distance).to.be.closeTo(1659.482, 0.01);
      expect(byId(ranked, 'v-szs').distance).to.be.closeTo(5971.819, 0.01);
      expect(byId(ranked, 'v-district').distance).to.be.closeTo(6591.718, 0.01);
      expect(byId(ranked, 'v-other').distance).to.be.closeTo(8042.924, 0.01);
      expect(byId(ranked, 'v-noloc').distance).to.equal(null);
      expect(byId(ranked, 'v-noarea').distance).to.equal(null);
    });

    it('should order from another origin', () => {
      const ranked = rankVenues(DATA, { origin: IN_SHIZISHAN });

      expect(ids(ranked)).to.deep.equal([
        'v-szs',
        'v-district',
        'v-other',
        'v-gg',
        'v-gs',
        'v-self',
        'v-noloc',
        'v-noarea',
      ]);
    });

    it('should cut at the limit before reaching unlocated venues', () => {
      expect(ids(rankVenues(DATA, { origin: IN_GUANSHAN, limit: 3 }))).to.deep.equal([
        'v-gs',
        'v-self',
        'v-gg',
      ]);
      expect(ids(rankVenues(DATA, { origin: IN_GUANSHAN, limit: 7 }))).to.deep.equal([
        'v-gs',
        'v-self',
        'v-gg',
        'v-szs',
        'v-district',
        'v-other',
        'v-noloc',
      ]);
    });

    it('should ignore an origin that is not a point', () => {
      const ranked = rankVenues(DATA, { origin: [NaN, 30.5] });

      expect(ids(ranked)[0]).to.equal('v-district');
      expect(ranked[0].distance).to.equal(null);
    });
  });

  // once among few venues, where a matter's venues are a large share (walked
  // in the index with a filter), once among many (sorted one by one)
  for (const [crowd, data] of CROWDS) {
    describe(`when filtering ${crowd}`, () => {
      it('should keep the venues that handle a matter', () => {
        expect(ids(rankVenues(data, { matter: 'm-license' }))).to.deep.equal([
          'v-district',
          'v-gs',
          'v-szs',
          'v-gg',
          'v-noarea',
        ]);
        expect(ids(rankVenues(data, { matter: 'm-license', origin: IN_GUANSHAN }))).to.deep.equal([
          'v-gs',
          'v-gg',
          'v-szs',
          'v-district',
          'v-noarea',
        ]);
      });

      it('should give the distances of a matter’s venues', () => {
        const ranked = rankVenues(data, { matter: 'm-permit', origin: IN_GUANSHAN });

        expect(ids(ranked)).to.deep.equal(['v-gs', 'v-szs', 'v-district', 'v-noloc']);
        expect(ranked.map((r) => r.distance && Math.round(r.distance))).to.deep.equal([
          147,
          5972,
          6592,
          null,
        ]);
      });

      it('should keep the venues that handle every matter of a bundle', () => {
        expect(ids(rankVenues(data, { bundle: 'b-newborn' }))).to.deep.equal([
          'v-district',
          'v-gs',
        ]);
        expect(ids(rankVenues(data, { bundle: 'b-move', origin: IN_SHIZISHAN }))).to.deep.equal([
          'v-szs',
          'v-district',
          'v-gs',
        ]);
      });

      it('should keep nothing for an unknown matter or bundle', () => {
        expect(rankVenues(data, { matter: 'm-nothing' })).to.deep.equal([]);
        expect(rankVenues(data, { bundle: 'b-nothing', origin: IN_GUANSHAN })).to.deep.equal([]);
      });

      it('should keep the venues of the chosen levels', () => {
        expect(ids(rankVenues(data, { levels: ['street'] }))).to.deep.equal([
          'v-gs',
          'v-szs',
          'v-noloc',
        ]);
        expect(ids(rankVenues(data, { levels: ['community', 'district'], origin: IN_GUANSHAN })))
          .to.deep.equal(['v-gg', 'v-district', 'v-noarea']);
        expect(ids(rankVenues(data, { levels: ['tax-hall'], matter: 'm-tax' }))).to.deep.equal([
          'v-other',
        ]);
      });

      it('should read levels written as one comma-separated string', () => {
        expect(ids(rankVenues(data, { levels: 'community, district', origin: IN_GUANSHAN })))
          .to.deep.equal(['v-gg', 'v-district', 'v-noarea']);
      });

      it('should keep, within an area, its own venues, those inside it and its ancestors’', () => {
        // 关山街道: itself, 光谷社区 inside it, 洪山区 above it; not 狮子山, 张家湾 or no area
        expect(ids(rankVenues(data, { within: GUANSHAN }))).to.deep.equal([
          'v-district',
          'v-gs',
          'v-gg',
          'v-self',
          'v-other',
        ]);
        expect(ids(rankVenues(data, { within: GUANGGU, origin: IN_SHIZISHAN }))).to.deep.equal([
          'v-district',
          'v-other',
          'v-gg',
          'v-gs',
          'v-self',
        ]);
      });

      it('should combine filters', () => {
        const ranked = rankVenues(data, {
          matter: 'm-license',
          levels: ['street', 'community'],
          within: GUANSHAN,
          origin: IN_GUANSHAN,
        });

        expect(ids(ranked)).to.deep.equal(['v-gs', 'v-gg']);
      });
    });

    describe(`when judging eligibility ${crowd}`, () => {
      it('should allow a 属地 matter at the citizen’s area and its ancestors only', () => {
        const ranked = rankVenues(data, { matter: 'm-permit', area: GUANGGU });

        expect(byId(ranked, 'v-gs').eligible).to.equal(true);
        expect(byId(ranked, 'v-district').eligible).to.equal(true);
        expect(byId(ranked, 'v-szs').eligible).to.equal(false);
        expect(byId(ranked, 'v-noloc').eligible).to.equal(false);
      });

      it('should not know without the citizen’s area', () => {
        const ranked = rankVenues(data, { matter: 'm-permit' });

        expect(ranked.map((r) => r.eligible)).to.deep.equal([null, null, null, null]);
      });

      it('should guess the citizen’s area from the boundary holding the origin', () => {
        // the origin is in 关山街道 (in the hole of 光谷社区)
        const ranked = rankVenues(data, { matter: 'm-permit', origin: IN_GUANSHAN });

        expect(ranked.map((r) => [r.venue.id, r.eligible])).to.deep.equal([
          ['v-gs', true],
          ['v-szs', false],
          ['v-district', true],
          ['v-noloc', false],
        ]);
      });

      it('should prefer the chosen area over the guess', () => {
        const ranked = rankVenues(data, {
          matter: 'm-permit',
          origin: IN_GUANSHAN,
          area: SHIZISHAN,
        });

        expect(byId(ranked, 'v-gs').eligible).to.equal(false);
        expect(byId(ranked, 'v-szs').eligible).to.equal(true);
      });

      it('should allow a 通办 matter anywhere, even without an area', () => {
        const ranked = rankVenues(data, { matter: 'm-license' });

        expect(ranked.every((r) => r.eligible === true)).to.equal(true);
      });

      it('should not know when the matter’s scope is not given', () => {
        const ranked = rankVenues(data, { matter: 'm-social', area: GUANSHAN });

        expect(ranked.map((r) => r.eligible)).to.deep.equal([null, null, null]);
      });

      it('should not know for a venue without an area', () => {
        const data: ServiceData = {
          ...DATA,
          venues: [venue('v-x', '无辖区网点', 'street', null, null, ['m-permit'])],
        };

        expect(rankVenues(data, { matter: 'm-permit', area: GUANSHAN })[0].eligible).to.equal(null);
      });

      it('should combine a bundle’s matters: false wins, then null, then true', () => {
        // b-move: 属地 permit and 通办 license; b-newborn: permit and social (scope unknown)
        const move = rankVenues(data, { bundle: 'b-move', area: GUANGGU });
        const newborn = rankVenues(data, { bundle: 'b-newborn', area: SHIZISHAN });

        expect(move.map((r) => [r.venue.id, r.eligible])).to.deep.equal([
          ['v-district', true],
          ['v-gs', true],
          ['v-szs', false],
        ]);
        expect(newborn.map((r) => [r.venue.id, r.eligible])).to.deep.equal([
          ['v-district', null],
          ['v-gs', false],
        ]);
      });

      it('should leave eligibility null without a matter or bundle', () => {
        const ranked = rankVenues(data, { area: GUANSHAN, origin: IN_GUANSHAN });

        expect(ranked.every((r) => r.eligible === null)).to.equal(true);
      });
    });
  }

  describe('when the dataset changes', () => {
    it('should index each dataset on its own', () => {
      const moved: ServiceData = {
        ...DATA,
        venues: [
          venue('v-a', '甲服务点', 'street', null, [114.36, 30.49], []),
          venue('v-b', '乙服务点', 'street', null, [114.411, 30.491], []),
        ],
      };

      rankVenues(DATA, { origin: IN_GUANSHAN });
      const ranked = rankVenues(moved, { origin: IN_GUANSHAN });

      expect(ids(ranked)).to.deep.equal(['v-b', 'v-a']);
      expect(ranked[0].distance).to.equal(0);
    });

    it('should rank a dataset without located venues', () => {
      const data: ServiceData = {
        ...DATA,
        venues: [
          venue('v-a', '乙', 'street', null, null, []),
          venue('v-b', '甲', 'district', null, null, []),
        ],
      };

      expect(ids(rankVenues(data, { origin: IN_GUANSHAN }))).to.deep.equal(['v-b', 'v-a']);
    });
  });
});
