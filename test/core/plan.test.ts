import { expect } from '@open-wc/testing';
import { planMatter } from '../../src/core/plan.js';
import type { LngLat, MatterPlan, RankedVenue } from '../../src/core/types.js';
import { area, box, bundle, dataset, matter, venue } from '../helpers/core-data.js';

// Every venue sits on the meridian of the origin, so each distance is the
// haversine's arc along it: R × Δlat in radians, 6,371,008.8 m × π / 180 =
// 111,195.080 m per degree of latitude (worked out by hand, not by the code).
const ORIGIN: LngLat = [114.4, 30.5];
const north = (degrees: number): LngLat => [114.4, 30.5 + degrees];
const south = (degrees: number): LngLat => [114.4, 30.5 - degrees];

// 洪山区 and two of its streets with boundaries (the origin lies in 关山街道),
// and a community of 关山街道 without one
const DISTRICT = '420111';
const GUANSHAN = '420111002';
const SHIZISHAN = '420111003';
const GUANGGU = '420111002001';

const ONLINE = 'https://zwfw.example.gov.cn/online/';

const DATA = dataset({
  areas: [
    area(DISTRICT, '洪山区', null, box(114.3, 30.3, 114.6, 30.7)),
    area(GUANSHAN, '关山街道', DISTRICT, box(114.38, 30.45, 114.45, 30.56)),
    area(SHIZISHAN, '狮子山街道', DISTRICT, box(114.3, 30.45, 114.38, 30.56)),
    area(GUANGGU, '光谷社区', GUANSHAN),
  ],
  matters: [
    ...['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((id) => matter(id)),
    matter('m-permit', { name: '居住证首次申领', scope: 'area' }),
    matter('m-license', { name: '个体工商户营业执照登记' }),
    matter('m-tax', { name: '税务登记' }),
    matter('m-online', { visits: 0, online: `${ONLINE}m-online` }),
    matter('m-online-2', { visits: 0, online: `${ONLINE}m-online-2` }),
    matter('m-online-visit', { visits: 1, online: `${ONLINE}m-online-visit` }),
    matter('m-zero-no-link', { visits: 0 }),
    matter('m-nowhere'),
    ...['mA', 'mB', 'mC', 'mP', 'mQ', 'mR', 'mU', 'mV'].map((id) => matter(id)),
  ],
  bundles: [
    bundle('b-six', ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']),
    bundle('b-pair', ['m1', 'm2']),
    bundle('b-move', ['m-permit', 'm-license']),
    bundle('b-permit-tax', ['m-permit', 'm-tax']),
    bundle('b-online', ['m-online', 'm-online-2']),
    bundle('b-half-online', ['m-online', 'm-online-visit']),
    bundle('b-uncoverable', ['m1', 'm-nowhere']),
    bundle('b-fewest', ['mA', 'mB', 'mC']),
    bundle('b-shortest', ['mP', 'mQ', 'mR']),
    bundle('b-located', ['mU', 'mV']),
    bundle('b-empty', []),
  ],
  venues: [
    // the life event: V1 is nearest, yet V2 and V3 cover it
    venue('V1', { location: north(0.01), matters: ['m1', 'm2', 'm3', 'm4', 'm-online'] }),
    venue('V2', { location: north(0.02), matters: ['m1', 'm2', 'm5', 'm-online-2'] }),
    venue('V3', { location: south(0.03), matters: ['m3', 'm4', 'm6', 'm-online-visit'] }),
    // 属地: the nearest handles the permit only for 狮子山街道
    venue('v-szs', {
      name: '狮子山街道便民服务中心',
      area: SHIZISHAN,
      location: south(0.01),
      matters: ['m-permit', 'm-license', 'm-tax'],
    }),
    venue('v-gs', {
      name: '关山街道政务服务中心',
      hours: '周一至周五 9:00-12:00，13:30-17:30（法定节假日除外）',
      area: GUANSHAN,
      location: north(0.04),
      matters: ['m-permit', 'm-zero-no-link'],
    }),
    venue('v-district', {
      name: '洪山区政务服务中心',
      level: 'district',
      area: DISTRICT,
      location: north(0.06),
      matters: ['m-permit', 'm-license'],
    }),
    venue('v-tax', { location: north(0.09), matters: ['m-tax'] }),
    // the fewest venues before the shortest way: n-* are near, f-ab far
    venue('n-a', { location: north(0.01), matters: ['mA'] }),
    venue('n-b', { location: north(0.02), matters: ['mB'] }),
    venue('n-c', { location: north(0.03), matters: ['mC'] }),
    venue('f-ab', { location: south(0.13), matters: ['mA', 'mB'] }),
    // among covers of two: the nearest venue (p) is in none of the shortest
    venue('p', { location: north(0.01), matters: ['mP'] }),
    venue('q', { location: north(0.02), matters: ['mR'] }),
    venue('r', { location: south(0.05), matters: ['mP', 'mQ'] }),
    venue('s', { location: south(0.09), matters: ['mQ', 'mR'] }),
    // a located venue before an unlocated one
    venue('u', { location: null, matters: ['mU'] }),
    venue('l', { location: north(0.08), matters: ['mU'] }),
    venue('m', { location: north(0.01), matters: ['mV'] }),
  ],
});

const ids = (ranked: RankedVenue[] | undefined): string[] =>
  (ranked ?? []).map((r) => r.venue.id);
const summary = (plan: MatterPlan) => ({
  kind: plan.kind,
  online: plan.online,
  venues: ids(plan.venues),
  oneTrip: plan.oneTrip?.venue.id ?? null,
  cover: plan.cover && { venues: ids(plan.cover.venues), distance: plan.cover.distance },
});

describe('planMatter', () => {
  describe('when the id is a life event (一件事)', () => {
    // [what, bundle, options, expected plan; distances in metres by hand]
    const cases: [string, string, Parameters<typeof planMatter>[2], object][] = [
      [
        'cover the issue’s six matters with V2 and V3, not V1 as a greedy start would',
        'b-six',
        { origin: ORIGIN },
        {
          kind: 'bundle',
          online: null,
          venues: [],
          oneTrip: null,
          // 0.02° + 0.03° = 0.05° × 111,195.080 m
          cover: { venues: ['V2', 'V3'], distance: 5559.754 },
        },
      ],
      [
        'cover the six matters with V2 and V3 without an origin, at distance 0',
        'b-six',
        {},
        {
          kind: 'bundle',
          online: null,
          venues: [],
          oneTrip: null,
          cover: { venues: ['V2', 'V3'], distance: 0 },
        },
      ],
      [
        'go to the nearest venue handling every matter in one trip',
        'b-pair',
        { origin: ORIGIN },
        { kind: 'bundle', online: null, venues: ['V1', 'V2'], oneTrip: 'V1', cover: null },
      ],
      [
        'skip a nearer one-trip venue that does not serve the citizen’s area',
        'b-move',
        { origin: ORIGIN },
        {
          kind: 'bundle',
          online: null,
          venues: ['v-district'],
          oneTrip: 'v-district',
          cover: null,
        },
      ],
      [
        'take the nearer one-trip venue when it serves the chosen area',
        'b-move',
        { origin: ORIGIN, area: SHIZISHAN },
        {
          kind: 'bundle',
          online: null,
          venues: ['v-szs', 'v-district'],
          oneTrip: 'v-szs',
          cover: null,
        },
      ],
      [
        'let a venue cover the matters it may handle, not those it may not',
        'b-permit-tax',
        { origin: ORIGIN },
        {
          kind: 'bundle',
          online: null,
          venues: [],
          oneTrip: null,
          // v-szs (0.01°) for the tax, v-gs (0.04°) for the permit: 0.05°
          cover: { venues: ['v-szs', 'v-gs'], distance: 5559.754 },
        },
      ],
      [
        'prefer fewer venues to a shorter way',
        'b-fewest',
        { origin: ORIGIN },
        {
          kind: 'bundle',
          online: null,
          venues: [],
          oneTrip: null,
          // n-c 0.03° + f-ab 0.13° = 0.16°, though n-a, n-b, n-c make 0.06°
          cover: { venues: ['n-c', 'f-ab'], distance: 17791.213 },
        },
      ],
      [
        'take the shortest of the smallest covers, even without the nearest venue',
        'b-shortest',
        { origin: ORIGIN },
        {
          kind: 'bundle',
          online: null,
          venues: [],
          oneTrip: null,
          // q 0.02° + r 0.05° = 0.07°; p (0.01°) needs s (0.09°): 0.10°
          cover: { venues: ['q', 'r'], distance: 7783.656 },
        },
      ],
      [
        'prefer a located venue to one whose distance is unknown',
        'b-located',
        { origin: ORIGIN },
        {
          kind: 'bundle',
          online: null,
          venues: [],
          oneTrip: null,
          // m 0.01° + l 0.08° = 0.09°
          cover: { venues: ['m', 'l'], distance: 10007.557 },
        },
      ],
      [
        'give no cover when a matter is handled nowhere',
        'b-uncoverable',
        { origin: ORIGIN },
        { kind: 'bundle', online: null, venues: [], oneTrip: null, cover: null },
      ],
      [
        'put the online way first when every matter needs no visit',
        'b-online',
        { origin: ORIGIN },
        {
          kind: 'bundle',
          online: { url: `${ONLINE}m-online` },
          venues: [],
          oneTrip: null,
          cover: { venues: ['V1', 'V2'], distance: 3335.852 },
        },
      ],
      [
        'give no online way when one matter needs a visit',
        'b-half-online',
        { origin: ORIGIN },
        {
          kind: 'bundle',
          online: null,
          venues: [],
          oneTrip: null,
          cover: { venues: ['V1', 'V3'], distance: 4447.803 },
        },
      ],
      [
        'give an empty plan for a life event without matters',
        'b-empty',
        { origin: ORIGIN },
        { kind: 'bundle', online: null, venues: [], oneTrip: null, cover: null },
      ],
    ];

    for (const [what, id, options, expected] of cases) {
      it(`should ${what}`, () => {
        const plan = summary(planMatter(DATA, id, options));

        if (plan.cover) plan.cover.distance = Math.round(plan.cover.distance * 1000) / 1000;
        expect(plan).to.deep.equal(expected);
      });
    }

    it('should mark a cover venue eligible only when it is so for what it covers', () => {
      const plan = planMatter(DATA, 'b-permit-tax', { origin: ORIGIN });

      // the tax is 通办 (true); v-gs serves 关山街道 for the 属地 permit (true)
      expect(plan.cover!.venues.map((r) => [r.venue.id, r.eligible])).to.deep.equal([
        ['v-szs', true],
        ['v-gs', true],
      ]);
    });

    it('should give the cover venues their distances from the origin', () => {
      const plan = planMatter(DATA, 'b-six', { origin: ORIGIN });

      expect(plan.cover!.venues.map((r) => Math.round(r.distance! * 1000) / 1000)).to.deep.equal([
        2223.902, 3335.852,
      ]);
    });
  });

  describe('when the id is a matter', () => {
    // [what, matter, options, expected venues, expected online link]
    const cases: [string, string, Parameters<typeof planMatter>[2], string[], string | null][] = [
      [
        'list the venues nearest first, without ineligible ones, guessing the area',
        'm-permit',
        { origin: ORIGIN },
        ['v-gs', 'v-district'],
        null,
      ],
      [
        'follow the chosen area rather than the guess',
        'm-permit',
        { origin: ORIGIN, area: SHIZISHAN },
        ['v-szs', 'v-district'],
        null,
      ],
      [
        'serve a community from its street and district centres',
        'm-permit',
        { origin: ORIGIN, area: GUANGGU },
        ['v-gs', 'v-district'],
        null,
      ],
      [
        'keep every venue when the area is unknown, by level then name',
        'm-permit',
        {},
        ['v-district', 'v-gs', 'v-szs'],
        null,
      ],
      [
        'put the online way first when the matter needs no visit',
        'm-online',
        { origin: ORIGIN },
        ['V1'],
        `${ONLINE}m-online`,
      ],
      [
        'give no online way when the matter needs a visit, link or not',
        'm-online-visit',
        { origin: ORIGIN },
        ['V3'],
        null,
      ],
      [
        'give no online way when a matter needing no visit has no link',
        'm-zero-no-link',
        { origin: ORIGIN },
        ['v-gs'],
        null,
      ],
      [
        'cut the venues at the limit, counting only those kept',
        'm-permit',
        { origin: ORIGIN, limit: 1 },
        ['v-gs'],
        null,
      ],
    ];

    for (const [what, id, options, venues, url] of cases) {
      it(`should ${what}`, () => {
        expect(summary(planMatter(DATA, id, options))).to.deep.equal({
          kind: 'matter',
          online: url && { url },
          venues,
          oneTrip: null,
          cover: null,
        });
      });
    }

    it('should keep venues of unknown eligibility: the citizen named only the district', () => {
      const plan = planMatter(DATA, 'm-permit', { origin: ORIGIN, area: DISTRICT });

      expect(plan.venues.map((r) => [r.venue.id, r.eligible])).to.deep.equal([
        ['v-szs', null],
        ['v-gs', null],
        ['v-district', true],
      ]);
    });

    it('should give each venue its distance in metres', () => {
      const plan = planMatter(DATA, 'm-permit', { origin: ORIGIN });

      // 0.04° and 0.06° of latitude
      expect(plan.venues.map((r) => Math.round(r.distance! * 1000) / 1000)).to.deep.equal([
        4447.803, 6671.705,
      ]);
    });
  });

  describe('when the citizen chooses when to go', () => {
    // the hours, at Thursday 2026-12-03 in Beijing
    const cases: [string, string, string, string | null][] = [
      ['open in the morning', '2026-12-03T10:00:00+08:00', 'open', '2026-12-03T12:00:00+08:00'],
      ['closed at lunch', '2026-12-03T12:30:00+08:00', 'closed', '2026-12-03T13:30:00+08:00'],
    ];

    for (const [what, at, status, changesAt] of cases) {
      it(`should give each venue its open state at that time: ${what}`, () => {
        const plan = planMatter(DATA, 'm-zero-no-link', { at: new Date(at) });

        const { open } = plan.venues[0];
        expect([open.status, open.changesAt?.getTime() ?? null]).to.deep.equal([
          status,
          changesAt && new Date(changesAt).getTime(),
        ]);
      });
    }
  });

  describe('when the id is unknown', () => {
    it('should give an empty plan and not throw', () => {
      expect(planMatter(DATA, 'm-nothing', { origin: ORIGIN })).to.deep.equal({
        kind: 'matter',
        id: 'm-nothing',
        online: null,
        venues: [],
        oneTrip: null,
        cover: null,
      });
    });
  });
});
