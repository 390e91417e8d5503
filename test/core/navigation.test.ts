import { expect } from '@open-wc/testing';
import { navigationLinks } from '../../src/core/navigation.js';
import type { NavigationLink, NavigationMode } from '../../src/core/navigation.js';
import type { LngLat } from '../../src/core/types.js';
import { venue } from '../helpers/core-data.js';

// The venue of the issue, at WGS-84 [114.36, 30.52]. Its GCJ-02 point,
// [114.3655214, 30.5176636], and the origin's, [114.4055398, 30.4976925],
// were worked out with the published GCJ-02 formula (Krasovsky ellipsoid,
// a = 6378245 m, e² = 0.00669342162296594323) outside this project.
const AT: LngLat = [114.36, 30.52];
const AT_GCJ: LngLat = [114.365521, 30.517664];
const ORIGIN: LngLat = [114.4, 30.5];
const ORIGIN_GCJ: LngLat = [114.40554, 30.497693];
const NAME = '关山街道政务服务中心';

const HALL = venue('gs-center', {
  name: NAME,
  location: AT,
  address: '武汉市洪山区关山大道1号',
});

const byProvider = (links: NavigationLink[]) =>
  Object.fromEntries(links.map((link) => [link.provider, new URL(link.url)]));
const params = (url: URL) => Object.fromEntries(url.searchParams);

/** A `lng,lat` or `lat,lng` pair within the tolerance of the expected point. */
function expectPair(text: string | null, expected: LngLat, order: 'lngLat' | 'latLng'): void {
  const numbers = (text ?? '').split(',').map(Number);
  const [lng, lat] = order === 'lngLat' ? numbers : [numbers[1], numbers[0]];
  expect(numbers).to.have.length(2);
  expect(lng).to.be.closeTo(expected[0], 0.000002);
  expect(lat).to.be.closeTo(expected[1], 0.000002);
}

describe('navigationLinks', () => {
  describe('when the venue has a location', () => {
    it('should give the six providers in order with Chinese labels', () => {
      const links = navigationLinks(HALL);

      expect(links.map((link) => [link.provider, link.label])).to.deep.equal([
        ['amap', '高德地图'],
        ['baidu', '百度地图'],
        ['tencent', '腾讯地图'],
        ['apple', 'Apple 地图'],
        ['google', 'Google 地图'],
        ['osm', 'OpenStreetMap'],
      ]);
    });

    it('should label the providers in English', () => {
      const links = navigationLinks(HALL, { lang: 'en' });

      expect(links.map((link) => link.label)).to.deep.equal([
        'Amap',
        'Baidu Maps',
        'Tencent Maps',
        'Apple Maps',
        'Google Maps',
        'OpenStreetMap',
      ]);
    });

    // [provider, origin and path, its parameters]
    const pages: [string, string, Record<string, string>][] = [
      [
        'amap',
        'https://uri.amap.com/navigation',
        { mode: 'car', src: 'gov-service-map', coordinate: 'gaode', callnative: '1' },
      ],
      [
        'baidu',
        'https://api.map.baidu.com/direction',
        {
          destination: `latlng:30.52,114.36|name:${NAME}`,
          mode: 'driving',
          coord_type: 'wgs84',
          output: 'html',
          src: 'webapp.gov-service-map',
        },
      ],
      [
        'tencent',
        'https://apis.map.qq.com/uri/v1/routeplan',
        { type: 'drive', to: NAME, referer: 'gov-service-map' },
      ],
      ['apple', 'https://maps.apple.com/', { dirflg: 'd' }],
      [
        'google',
        'https://www.google.com/maps/dir/',
        { api: '1', destination: '30.52,114.36', travelmode: 'driving' },
      ],
      [
        'osm',
        'https://www.openstreetmap.org/directions',
        { engine: 'fossgis_osrm_car', route: ';30.52,114.36' },
      ],
    ];

    // the parameter holding the GCJ-02 point, checked within a tolerance below
    const shifted: Record<string, string> = { amap: 'to', tencent: 'tocoord', apple: 'daddr' };

    for (const [provider, page, expected] of pages) {
      it(`should open ${provider} at ${page} with its parameters`, () => {
        const url = byProvider(navigationLinks(HALL))[provider];

        const found = params(url);
        delete found[shifted[provider]];

        expect(url.origin + url.pathname).to.equal(page);
        expect(found).to.deep.equal(expected);
      });
    }

    it('should give Tencent the GCJ-02 point as lat,lng', () => {
      const url = byProvider(navigationLinks(HALL)).tencent;

      expectPair(url.searchParams.get('tocoord'), AT_GCJ, 'latLng');
    });

    it('should give the Amap route the GCJ-02 point as lng,lat, then the name', () => {
      const to = byProvider(navigationLinks(HALL)).amap.searchParams.get('to')!.split(',');

      expect(to).to.have.length(3);
      expectPair(`${to[0]},${to[1]}`, AT_GCJ, 'lngLat');
      expect(to[2]).to.equal(NAME);
    });

    it('should give Apple the GCJ-02 point inside mainland China', () => {
      const url = byProvider(navigationLinks(HALL)).apple;

      expectPair(url.searchParams.get('daddr'), AT_GCJ, 'latLng');
    });

    it('should leave every point unshifted in Hong Kong', () => {
      const links = byProvider(
        navigationLinks(venue('hk', { name: '香港', location: [114.17, 22.3] })),
      );

      expect(links.amap.searchParams.get('to')).to.equal('114.17,22.3,香港');
      expect(links.tencent.searchParams.get('tocoord')).to.equal('22.3,114.17');
      expect(links.apple.searchParams.get('daddr')).to.equal('22.3,114.17');
      expect(links.baidu.searchParams.get('destination')).to.equal(
        'latlng:22.3,114.17|name:香港',
      );
    });

    it('should use https: for every link', () => {
      const all = [
        ...navigationLinks(HALL),
        ...navigationLinks(HALL, { origin: ORIGIN, mode: 'walk' }),
        ...navigationLinks({ ...HALL, location: null }),
      ];

      expect(all).to.have.length(18);
      for (const link of all) expect(new URL(link.url).protocol).to.equal('https:');
    });
  });

  describe('when a mode is chosen', () => {
    // [mode, amap mode, baidu mode, tencent type, apple dirflg, google travelmode, osm engine]
    const modes: [NavigationMode, ...(string | null)[]][] = [
      ['drive', 'car', 'driving', 'drive', 'd', 'driving', 'fossgis_osrm_car'],
      ['walk', 'walk', 'walking', 'walk', 'w', 'walking', 'fossgis_osrm_foot'],
      ['transit', 'bus', 'transit', 'bus', 'r', 'transit', null],
      ['ride', 'ride', 'riding', 'bike', null, 'bicycling', 'fossgis_osrm_bicycle'],
    ];

    for (const [mode, ...expected] of modes) {
      it(`should ask each provider for its word for ${mode}`, () => {
        const links = byProvider(navigationLinks(HALL, { mode }));

        expect([
          links.amap.searchParams.get('mode'),
          links.baidu.searchParams.get('mode'),
          links.tencent.searchParams.get('type'),
          links.apple.searchParams.get('dirflg'),
          links.google.searchParams.get('travelmode'),
          links.osm.searchParams.get('engine'),
        ]).to.deep.equal(expected);
      });
    }

    it('should drive when the mode is not one it knows', () => {
      const mode = 'teleport' as NavigationMode;

      const links = byProvider(navigationLinks(HALL, { mode }));

      expect(links.amap.searchParams.get('mode')).to.equal('car');
      expect(links.google.searchParams.get('travelmode')).to.equal('driving');
    });
  });

  describe('when it comes to the start point', () => {
    it('should put no start into any link without an origin', () => {
      const links = byProvider(navigationLinks(HALL));

      expect(links.amap.searchParams.has('from')).to.equal(false);
      expect(links.baidu.searchParams.has('origin')).to.equal(false);
      expect(links.tencent.searchParams.has('from')).to.equal(false);
      expect(links.tencent.searchParams.has('fromcoord')).to.equal(false);
      expect(links.apple.searchParams.has('saddr')).to.equal(false);
      expect(links.google.searchParams.has('origin')).to.equal(false);
      expect(links.osm.searchParams.get('route')!.startsWith(';')).to.equal(true);
    });

    it('should put the chosen origin into every link in each one’s system', () => {
      const links = byProvider(navigationLinks(HALL, { origin: ORIGIN }));

      expectPair(links.amap.searchParams.get('from'), ORIGIN_GCJ, 'lngLat');
      expect(links.baidu.searchParams.get('origin')).to.equal('latlng:30.5,114.4|name:起点');
      expect(links.tencent.searchParams.get('from')).to.equal('起点');
      expectPair(links.tencent.searchParams.get('fromcoord'), ORIGIN_GCJ, 'latLng');
      expectPair(links.apple.searchParams.get('saddr'), ORIGIN_GCJ, 'latLng');
      expect(links.google.searchParams.get('origin')).to.equal('30.5,114.4');
      expect(links.osm.searchParams.get('route')).to.equal('30.5,114.4;30.52,114.36');
    });

    it('should ignore an origin that is not a point', () => {
      const links = byProvider(navigationLinks(HALL, { origin: [NaN, 30.5] }));

      expect(links.google.searchParams.has('origin')).to.equal(false);
      expect(links.amap.searchParams.has('from')).to.equal(false);
    });
  });

  describe('when the name holds a provider’s separators', () => {
    const TRICKY = '关山|街道;政务,中心 A&B=C#D';
    const SAFE = '关山｜街道；政务，中心 A&B=C#D';
    const links = () => byProvider(navigationLinks({ ...HALL, name: TRICKY }));

    it('should keep Amap’s to= as lng, lat and one name', () => {
      const to = links().amap.searchParams.get('to')!.split(',');

      expect(to).to.have.length(3);
      expect(to[2]).to.equal(SAFE);
    });

    it('should keep Baidu’s destination as one point and one name', () => {
      const parts = links().baidu.searchParams.get('destination')!.split('|');

      expect(parts).to.deep.equal(['latlng:30.52,114.36', `name:${SAFE}`]);
    });

    it('should keep Tencent’s to= whole', () => {
      expect(links().tencent.searchParams.get('to')).to.equal(SAFE);
    });

    it('should add no parameter to any link', () => {
      const found = Object.fromEntries(
        Object.entries(links()).map(([provider, url]) => [provider, [...url.searchParams.keys()]]),
      );

      expect(found).to.deep.equal({
        amap: ['to', 'mode', 'src', 'coordinate', 'callnative'],
        baidu: ['destination', 'mode', 'coord_type', 'output', 'src'],
        tencent: ['type', 'to', 'tocoord', 'referer'],
        apple: ['daddr', 'dirflg'],
        google: ['api', 'destination', 'travelmode'],
        osm: ['engine', 'route'],
      });
    });

    it('should put a name on one line', () => {
      const spaced = venue('v', { name: '关山\n街道\t  中心 ', location: AT });

      const to = byProvider(navigationLinks(spaced)).tencent.searchParams.get('to');

      expect(to).to.equal('关山 街道 中心');
    });
  });

  describe('when the venue has no location', () => {
    const ADDRESS = '武汉市洪山区关山大道1号';
    const UNLOCATED = venue('v', { name: NAME, address: ADDRESS });

    it('should search for its address where a provider can', () => {
      const links = navigationLinks(UNLOCATED);

      expect(links.map((link) => [link.provider, link.url])).to.deep.equal([
        [
          'amap',
          `https://uri.amap.com/search?keyword=${encodeURIComponent(ADDRESS)}` +
            '&view=map&src=gov-service-map&callnative=1',
        ],
        [
          'baidu',
          `https://api.map.baidu.com/geocoder?address=${encodeURIComponent(ADDRESS)}` +
            '&output=html&src=webapp.gov-service-map',
        ],
        [
          'tencent',
          `https://apis.map.qq.com/uri/v1/search?keyword=${encodeURIComponent(ADDRESS)}` +
            '&referer=gov-service-map',
        ],
        ['apple', `https://maps.apple.com/?daddr=${encodeURIComponent(ADDRESS)}&dirflg=d`],
        [
          'google',
          `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(ADDRESS)}` +
            '&travelmode=driving',
        ],
        [
          'osm',
          'https://www.openstreetmap.org/directions?engine=fossgis_osrm_car' +
            `&to=${encodeURIComponent(ADDRESS)}`,
        ],
      ]);
    });

    it('should start the routes from a chosen origin', () => {
      const links = byProvider(navigationLinks(UNLOCATED, { origin: ORIGIN }));

      expect(links.google.searchParams.get('origin')).to.equal('30.5,114.4');
      expectPair(links.apple.searchParams.get('saddr'), ORIGIN_GCJ, 'latLng');
      expect(links.osm.searchParams.get('route')).to.equal('30.5,114.4;');
      expect(links.osm.searchParams.get('to')).to.equal(ADDRESS);
    });

    it('should search for its name without an address', () => {
      const links = byProvider(navigationLinks(venue('v', { name: NAME, address: ' ' })));

      expect(links.amap.searchParams.get('keyword')).to.equal(NAME);
      expect(links.google.searchParams.get('destination')).to.equal(NAME);
    });

    it('should treat a location that is not a point as none', () => {
      const broken = venue('v', { name: NAME, location: [NaN, 30.52] });

      const links = byProvider(navigationLinks(broken));

      expect(links.amap.pathname).to.equal('/search');
      expect(links.google.searchParams.get('destination')).to.equal(NAME);
    });

    it('should give no links without location, address or name', () => {
      expect(navigationLinks(venue('v', { name: ' ' }))).to.deep.equal([]);
    });
  });

  describe('when options name the language and the caller', () => {
    it('should use the venue’s English name and the English start', () => {
      const hall = { ...HALL, name: { 'zh-CN': NAME, en: 'Guanshan Service Centre' } };

      const links = byProvider(navigationLinks(hall, { lang: 'en', origin: ORIGIN }));

      expect(links.tencent.searchParams.get('to')).to.equal('Guanshan Service Centre');
      expect(links.tencent.searchParams.get('from')).to.equal('Start');
    });

    it('should name the caller to the providers that ask', () => {
      const links = byProvider(navigationLinks(HALL, { source: 'hongshan-portal' }));

      expect(links.amap.searchParams.get('src')).to.equal('hongshan-portal');
      expect(links.baidu.searchParams.get('src')).to.equal('webapp.hongshan-portal');
      expect(links.tencent.searchParams.get('referer')).to.equal('hongshan-portal');
    });
  });
});
