import { expect } from '@open-wc/testing';
import { parseServiceData } from '../../src/core/parse.js';
import type { Problem } from '../../src/core/types.js';

type Doc = Record<string, unknown>;

/** A small valid document: one area, two matters, one venue. */
function base(): Doc {
  return {
    version: 1,
    areas: [{ id: '420111002', name: '关山街道', level: 'street' }],
    matters: [
      { id: 'm-license', name: '个体工商户设立登记' },
      { id: 'm-permit', name: '居住证首次申领' },
    ],
    venues: [
      {
        id: 'gs-center',
        name: '关山街道政务服务中心',
        level: 'street',
        area: '420111002',
        location: [114.4096, 30.4908],
        matters: ['m-license', 'm-permit'],
      },
    ],
  };
}

/** The base document with a second venue made of `fields`. */
function withVenue(fields: Doc): Doc {
  const doc = base();
  (doc.venues as Doc[]).push({
    id: 'v2',
    name: '卓刀泉街道便民服务中心',
    level: 'street',
    location: [114.3702, 30.5098],
    ...fields,
  });
  return doc;
}

/** Path, severity and code of the problems, without the sentences. */
function brief(problems: Problem[]): [string, string, string][] {
  return problems.map((p) => [p.path, p.severity, p.code]);
}

describe('parseServiceData', () => {
  describe('when the document is valid', () => {
    it('should return every field normalised, with defaults and no problems', () => {
      const { data, problems } = parseServiceData({
        version: 1,
        matters: [{ id: 'm1', name: '居住证首次申领', materials: ['居民身份证'] }],
        venues: [{ id: 'v1', name: '关山街道政务服务中心', level: 'street', matters: ['m1'] }],
      });

      expect(problems).to.deep.equal([
        {
          path: '/venues/0/location',
          severity: 'info',
          code: 'location-missing',
          message:
            'Venue "关山街道政务服务中心" has no location, so it is not drawn on the map and ' +
            'ranks after the venues that have one.',
        },
      ]);
      expect(data).to.deep.equal({
        version: 1,
        title: null,
        lang: 'zh-CN',
        crs: 'WGS84',
        timezone: 'Asia/Shanghai',
        updated: null,
        attribution: null,
        areas: [],
        venues: [
          {
            id: 'v1',
            name: '关山街道政务服务中心',
            level: 'street',
            area: null,
            address: null,
            location: null,
            phone: null,
            hours: null,
            openingHours: null,
            closures: [],
            matters: [{ matter: 'm1' }],
            appointment: null,
            queue: null,
            facilities: [],
            note: null,
            updated: null,
          },
        ],
        matters: [
          {
            id: 'm1',
            name: '居住证首次申领',
            aliases: [],
            code: null,
            type: null,
            department: null,
            audience: [],
            topics: [],
            scope: null,
            visits: null,
            online: null,
            promised: null,
            legal: null,
            fee: null,
            conditions: null,
            materials: [
              { name: '居民身份证', required: true, form: null, copies: null, note: null },
            ],
            steps: [],
            basis: [],
            phone: null,
            complaintPhone: null,
            faq: [],
          },
        ],
        bundles: [],
        calendar: { region: 'CN', years: [], off: [], work: [] },
      });
    });

    it('should report nothing for the base document', () => {
      expect(parseServiceData(base()).problems).to.deep.equal([]);
    });

    it('should allow $schema silently', () => {
      const doc = { $schema: 'https://example.org/gov-service-map.schema.json', ...base() };

      expect(parseServiceData(doc).problems).to.deep.equal([]);
    });

    it('should read a JSON text the same as the object', () => {
      const { data, problems } = parseServiceData(JSON.stringify(base()));

      expect(problems).to.deep.equal([]);
      expect(data.venues[0].id).to.equal('gs-center');
      expect(data.venues[0].location).to.deep.equal([114.4096, 30.4908]);
    });

    it('should keep the document settings it is given', () => {
      const doc = {
        ...base(),
        title: { 'zh-CN': '洪山区政务服务地图', en: 'Hongshan service map' },
        lang: 'en',
        timezone: 'Asia/Hong_Kong',
        updated: '2026-11-30',
        attribution: '数据来源：洪山区行政审批局',
        calendar: { region: 'CN', years: [2027], off: ['2027-01-01'], work: ['2027-02-07'] },
      };

      const { data, problems } = parseServiceData(doc);

      expect(problems).to.deep.equal([]);
      expect(data.title).to.deep.equal({ 'zh-CN': '洪山区政务服务地图', en: 'Hongshan service map' });
      expect(data.lang).to.equal('en');
      expect(data.timezone).to.equal('Asia/Hong_Kong');
      expect(data.updated).to.equal('2026-11-30');
      expect(data.attribution).to.equal('数据来源：洪山区行政审批局');
      expect(data.calendar).to.deep.equal({
        region: 'CN',
        years: [2027],
        off: ['2027-01-01'],
        work: ['2027-02-07'],
      });
    });

    it('should default the calendar region by timezone when no calendar says otherwise', () => {
      const hk = parseServiceData({ ...base(), timezone: 'Asia/Hong_Kong' }).data;
      const berlin = parseServiceData({ ...base(), timezone: 'Europe/Berlin' }).data;

      expect(hk.calendar.region).to.equal('HK');
      expect(berlin.calendar.region).to.equal('none');
    });
  });

  describe('when an id repeats', () => {
    it('should keep both venues and rename the later ones id~2, id~3', () => {
      const doc = base();
      const first = (doc.venues as Doc[])[0];
      (doc.venues as Doc[]).push({ ...first, name: '第二' }, { ...first, name: '第三' });

      const { data, problems } = parseServiceData(doc);

      expect(data.venues.map((v) => [v.id, v.name])).to.deep.equal([
        ['gs-center', '关山街道政务服务中心'],
        ['gs-center~2', '第二'],
        ['gs-center~3', '第三'],
      ]);
      expect(problems).to.deep.equal([
        {
          path: '/venues/1/id',
          severity: 'warning',
          code: 'duplicate-id',
          message:
            'Venue "第二" uses the id "gs-center" of an earlier venue; it was renamed ' +
            '"gs-center~2".',
        },
        {
          path: '/venues/2/id',
          severity: 'warning',
          code: 'duplicate-id',
          message:
            'Venue "第三" uses the id "gs-center" of an earlier venue; it was renamed ' +
            '"gs-center~3".',
        },
      ]);
    });

    it('should treat matters and bundles as one id space', () => {
      const bundles = [{ id: 'm-license', name: '开店一件事', matters: ['m-license'] }];
      const doc = { ...base(), bundles };

      const { data, problems } = parseServiceData(doc);

      expect(data.matters.map((m) => m.id)).to.deep.equal(['m-license', 'm-permit']);
      expect(data.bundles.map((b) => b.id)).to.deep.equal(['m-license~2']);
      expect(brief(problems)).to.deep.equal([['/bundles/0/id', 'warning', 'duplicate-id']]);
    });
  });

  describe('when an id is missing', () => {
    it('should generate venue-<position> from the 1-based position in the list', () => {
      const doc = withVenue({ id: undefined });

      const { data, problems } = parseServiceData(doc);

      expect(data.venues.map((v) => v.id)).to.deep.equal(['gs-center', 'venue-2']);
      expect(problems).to.deep.equal([
        {
          path: '/venues/1/id',
          severity: 'warning',
          code: 'id-missing',
          message: 'Venue "卓刀泉街道便民服务中心" has no id; it was given "venue-2".',
        },
      ]);
    });

    it('should generate matter-<position> for a matter and keep it referable', () => {
      const doc = base();
      (doc.matters as Doc[]).push({ name: '新生儿出生登记' });

      const { data, problems } = parseServiceData(doc);

      expect(data.matters.map((m) => m.id)).to.deep.equal(['m-license', 'm-permit', 'matter-3']);
      expect(brief(problems)).to.deep.equal([['/matters/2/id', 'warning', 'id-missing']]);
    });

    it('should read a number id as its text, with an info problem', () => {
      const { data, problems } = parseServiceData(withVenue({ id: 37000000 }));

      expect(data.venues[1].id).to.equal('37000000');
      expect(brief(problems)).to.deep.equal([['/venues/1/id', 'info', 'id-not-string']]);
    });
  });

  describe('when a name is missing', () => {
    it('should show the venue placeholder （未命名场所）', () => {
      const { data, problems } = parseServiceData(withVenue({ name: undefined }));

      expect(data.venues[1].name).to.equal('（未命名场所）');
      expect(problems).to.deep.equal([
        {
          path: '/venues/1/name',
          severity: 'warning',
          code: 'name-missing',
          message: 'Venue "v2" has no name; it is shown as "（未命名场所）".',
        },
      ]);
    });

    it('should show （未命名事项） for a matter whose name is not text', () => {
      const doc = base();
      (doc.matters as Doc[])[1].name = 42;

      const { data, problems } = parseServiceData(doc);

      expect(data.matters[1].name).to.equal('（未命名事项）');
      expect(brief(problems)).to.deep.equal([['/matters/1/name', 'warning', 'name-missing']]);
    });
  });

  describe('when a location is bad or missing', () => {
    it('should set a swapped location to null, keep the venue and ask about the swap', () => {
      const { data, problems } = parseServiceData(withVenue({ location: [30.5, 114.36] }));

      expect(data.venues.map((v) => v.id)).to.deep.equal(['gs-center', 'v2']);
      expect(data.venues[1].location).to.equal(null);
      expect(problems).to.deep.equal([
        {
          path: '/venues/1/location',
          severity: 'warning',
          code: 'location-swapped',
          message:
            'Venue "卓刀泉街道便民服务中心" is not drawn: latitude 114.36 is out of range — ' +
            'are longitude and latitude swapped?',
        },
      ]);
    });

    it('should treat [0, 0] as a placeholder', () => {
      const { data, problems } = parseServiceData(withVenue({ location: [0, 0] }));

      expect(data.venues[1].location).to.equal(null);
      expect(brief(problems)).to.deep.equal([
        ['/venues/1/location', 'warning', 'location-placeholder'],
      ]);
    });

    it('should set a location of non-numbers to null', () => {
      const { data, problems } = parseServiceData(withVenue({ location: ['东经', '北纬'] }));

      expect(data.venues[1].location).to.equal(null);
      expect(brief(problems)).to.deep.equal([
        ['/venues/1/location', 'warning', 'location-invalid'],
      ]);
    });

    it('should set a longitude out of range to null', () => {
      const { data, problems } = parseServiceData(withVenue({ location: [214.3, 30.5] }));

      expect(data.venues[1].location).to.equal(null);
      expect(problems[0].message).to.equal(
        'Venue "卓刀泉街道便民服务中心" is not drawn: longitude 214.3 is out of range.',
      );
      expect(brief(problems)).to.deep.equal([
        ['/venues/1/location', 'warning', 'location-invalid'],
      ]);
    });

    it('should keep a venue without location and say so as info', () => {
      const { data, problems } = parseServiceData(withVenue({ location: undefined }));

      expect(data.venues[1].location).to.equal(null);
      expect(brief(problems)).to.deep.equal([['/venues/1/location', 'info', 'location-missing']]);
    });

    it('should read numbers written as text, with an info problem', () => {
      const pair = parseServiceData(withVenue({ location: ['114.3', '30.5'] }));
      const one = parseServiceData(withVenue({ location: '114.3,30.5' }));

      expect(pair.data.venues[1].location).to.deep.equal([114.3, 30.5]);
      expect(one.data.venues[1].location).to.deep.equal([114.3, 30.5]);
      expect(brief(pair.problems)).to.deep.equal([['/venues/1/location', 'info', 'location-text']]);
      expect(brief(one.problems)).to.deep.equal([['/venues/1/location', 'info', 'location-text']]);
    });

    it('should keep a whole-degree location but warn that it looks like a placeholder', () => {
      const { data, problems } = parseServiceData(withVenue({ location: [117, 36] }));

      expect(data.venues[1].location).to.deep.equal([117, 36]);
      expect(brief(problems)).to.deep.equal([['/venues/1/location', 'warning', 'location-rough']]);
    });
  });

  describe('when a link is bad', () => {
    it('should drop a venue appointment link that is not http(s) and keep the venue', () => {
      const { data, problems } = parseServiceData(
        withVenue({ appointment: 'javascript:alert(1)', queue: 'https://q.example.cn/q.json' }),
      );

      expect(data.venues[1].id).to.equal('v2');
      expect(data.venues[1].appointment).to.equal(null);
      expect(data.venues[1].queue).to.equal('https://q.example.cn/q.json');
      expect(problems).to.deep.equal([
        {
          path: '/venues/1/appointment',
          severity: 'warning',
          code: 'invalid-link',
          message:
            'Venue "卓刀泉街道便民服务中心" has an appointment link that is not an http: or ' +
            'https: address ("javascript:alert(1)"); the link was dropped.',
        },
      ]);
    });

    it('should drop a queue link without a scheme', () => {
      const { data, problems } = parseServiceData(withVenue({ queue: 'www.example.cn/q.json' }));

      expect(data.venues[1].queue).to.equal(null);
      expect(brief(problems)).to.deep.equal([['/venues/1/queue', 'warning', 'invalid-link']]);
    });

    it('should drop a matter online link on ftp: and keep the matter', () => {
      const doc = base();
      (doc.matters as Doc[])[0].online = 'ftp://zwfw.example.cn/m';

      const { data, problems } = parseServiceData(doc);

      expect(data.matters[0].id).to.equal('m-license');
      expect(data.matters[0].online).to.equal(null);
      expect(brief(problems)).to.deep.equal([['/matters/0/online', 'warning', 'invalid-link']]);
    });

    it('should drop a per-matter appointment link and keep the rest of the pair', () => {
      const doc = withVenue({
        matters: [{ matter: 'm-license', window: '3号窗口', appointment: 'javascript:alert(1)' }],
      });

      const { data, problems } = parseServiceData(doc);

      expect(data.venues[1].matters).to.deep.equal([{ matter: 'm-license', window: '3号窗口' }]);
      expect(brief(problems)).to.deep.equal([
        ['/venues/1/matters/0/appointment', 'warning', 'invalid-link'],
      ]);
    });

    it('should keep a tel: appointment, booking by phone', () => {
      const doc = withVenue({ appointment: 'tel:027-87654321' });

      const { data, problems } = parseServiceData(doc);

      expect(problems).to.deep.equal([]);
      expect(data.venues[1].appointment).to.equal('tel:027-87654321');
    });

    it('should keep good links with templates as written', () => {
      const link = 'https://yy.example.cn/book?venue={venue}&matter={matter}';
      const matters = [{ matter: 'm-permit', appointment: link }];
      const doc = withVenue({ appointment: link, matters });

      const { data, problems } = parseServiceData(doc);

      expect(problems).to.deep.equal([]);
      expect(data.venues[1].appointment).to.equal(link);
      expect(data.venues[1].matters).to.deep.equal([{ matter: 'm-permit', appointment: link }]);
    });
  });

  describe('when a reference is unknown', () => {
    it('should drop an unknown matter of a venue and keep its other matters', () => {
      const doc = withVenue({ matters: ['m-license', 'm-x', 'm-permit'] });

      const { data, problems } = parseServiceData(doc);

      expect(data.venues[1].matters).to.deep.equal([
        { matter: 'm-license' },
        { matter: 'm-permit' },
      ]);
      expect(problems).to.deep.equal([
        {
          path: '/venues/1/matters/1',
          severity: 'warning',
          code: 'unknown-matter',
          message:
            'Venue "卓刀泉街道便民服务中心" lists matter "m-x", which no matter in the document ' +
            'has; the reference was dropped.',
        },
      ]);
    });

    it('should drop an unknown matter of a bundle and keep the bundle', () => {
      const doc = {
        ...base(),
        bundles: [{ id: 'b-shop', name: '开店一件事', matters: ['m-license', 'm-gone'] }],
      };

      const { data, problems } = parseServiceData(doc);

      expect(data.bundles).to.deep.equal([
        { id: 'b-shop', name: '开店一件事', aliases: [], matters: ['m-license'] },
      ]);
      expect(brief(problems)).to.deep.equal([
        ['/bundles/0/matters/1', 'warning', 'unknown-matter'],
      ]);
    });

    it('should keep a matter listed twice once, with an info problem', () => {
      const { data, problems } = parseServiceData(withVenue({ matters: ['m-permit', 'm-permit'] }));

      expect(data.venues[1].matters).to.deep.equal([{ matter: 'm-permit' }]);
      expect(brief(problems)).to.deep.equal([
        ['/venues/1/matters/1', 'info', 'duplicate-reference'],
      ]);
    });

    it('should set an unknown venue area to null', () => {
      const { data, problems } = parseServiceData(withVenue({ area: '420111999' }));

      expect(data.venues[1].area).to.equal(null);
      expect(brief(problems)).to.deep.equal([['/venues/1/area', 'warning', 'unknown-area']]);
    });

    it('should set an unknown parent area to null', () => {
      const doc = base();
      (doc.areas as Doc[]).push({ id: '420111003', name: '珞南街道', parent: '420199' });

      const { data, problems } = parseServiceData(doc);

      expect(data.areas[1].parent).to.equal(null);
      expect(problems).to.deep.equal([
        {
          path: '/areas/1/parent',
          severity: 'warning',
          code: 'unknown-area',
          message:
            'Area "珞南街道" names parent area "420199", which no area in the document has; ' +
            'the parent was set to none.',
        },
      ]);
    });
  });

  describe('when a field is unknown', () => {
    it('should ignore it with one info problem per field name, counting repeats', () => {
      const doc = withVenue({ colour: 'red' });
      (doc.venues as Doc[])[0].colour = 'blue';

      const { data, problems } = parseServiceData(doc);

      expect('colour' in data.venues[0]).to.equal(false);
      expect(problems).to.deep.equal([
        {
          path: '/venues/0/colour',
          severity: 'info',
          code: 'unknown-field',
          message:
            'Venue "关山街道政务服务中心" has a field "colour" that the format does not define; ' +
            'it was ignored here and in 1 more place.',
        },
      ]);
    });

    it('should escape ~ and / in the pointer', () => {
      const { problems } = parseServiceData({ ...base(), 'a/b~c': 1 });

      expect(brief(problems)).to.deep.equal([['/a~1b~0c', 'info', 'unknown-field']]);
    });
  });

  describe('when the version is not 1', () => {
    it('should report a missing version as an error and read version 1', () => {
      const doc = base();
      delete doc.version;

      const { data, problems } = parseServiceData(doc);

      expect(data.version).to.equal(1);
      expect(data.venues.length).to.equal(1);
      expect(brief(problems)).to.deep.equal([['/version', 'error', 'version-missing']]);
    });

    it('should read a newer version as well as it can, with a warning', () => {
      const { data, problems } = parseServiceData({ ...base(), version: 2, queueing: true });

      expect(data.version).to.equal(2);
      expect(data.venues.map((v) => v.id)).to.deep.equal(['gs-center']);
      expect(brief(problems)).to.deep.equal([
        ['/version', 'warning', 'version-newer'],
        ['/queueing', 'info', 'unknown-field'],
      ]);
    });

    it('should report a version that is not a number as an error', () => {
      const { data, problems } = parseServiceData({ ...base(), version: '1' });

      expect(data.version).to.equal(1);
      expect(data.venues.length).to.equal(1);
      expect(brief(problems)).to.deep.equal([['/version', 'error', 'version-invalid']]);
    });
  });

  describe('when there are no venues', () => {
    it('should report an empty list with no-venues and still return the data', () => {
      const { data, problems } = parseServiceData({ ...base(), venues: [] });

      expect(data.venues).to.deep.equal([]);
      expect(data.matters.length).to.equal(2);
      expect(problems).to.deep.equal([
        {
          path: '/venues',
          severity: 'error',
          code: 'no-venues',
          message: 'The document lists no venues, so there is nothing to show.',
        },
      ]);
    });

    it('should report a missing list with no-venues', () => {
      const doc = base();
      delete doc.venues;

      const { problems } = parseServiceData(doc);

      expect(brief(problems)).to.deep.equal([['/venues', 'error', 'no-venues']]);
    });

    it('should report no-venues when no entry is a venue object', () => {
      const { problems } = parseServiceData({ ...base(), venues: ['gs-center', null] });

      expect(brief(problems)).to.deep.equal([
        ['/venues/0', 'warning', 'invalid-record'],
        ['/venues/1', 'warning', 'invalid-record'],
        ['/venues', 'error', 'no-venues'],
      ]);
    });
  });

  describe('when texts and guide fields vary', () => {
    it('should keep texts given by language', () => {
      const name = { 'zh-CN': '关山街道政务服务中心', en: 'Guanshan Street Service Centre' };
      const hours = { 'zh-CN': '周一至周五 9:00-17:00', en: 'Mon-Fri 9:00-17:00' };

      const { data, problems } = parseServiceData(withVenue({ name, hours }));

      expect(problems).to.deep.equal([]);
      expect(data.venues[1].name).to.deep.equal(name);
      expect(data.venues[1].hours).to.deep.equal(hours);
    });

    it('should set a text of the wrong type to null with a warning', () => {
      const { data, problems } = parseServiceData(withVenue({ address: 42 }));

      expect(data.venues[1].address).to.equal(null);
      expect(brief(problems)).to.deep.equal([['/venues/1/address', 'warning', 'invalid-value']]);
    });

    it('should set a scope other than anywhere or area to null with a warning', () => {
      const doc = base();
      (doc.matters as Doc[])[0].scope = 'everywhere';
      (doc.matters as Doc[])[1].scope = 'area';

      const { data, problems } = parseServiceData(doc);

      expect(data.matters.map((m) => m.scope)).to.deep.equal([null, 'area']);
      expect(brief(problems)).to.deep.equal([['/matters/0/scope', 'warning', 'invalid-value']]);
    });

    it('should accept visits 0 and set negative or fractional visits to null', () => {
      const doc = base();
      const matters = doc.matters as Doc[];
      matters[0].visits = -1;
      matters[1].visits = 1.5;
      matters.push({ id: 'm-online', name: '网上办', visits: 0 });

      const { data, problems } = parseServiceData(doc);

      expect(data.matters.map((m) => m.visits)).to.deep.equal([null, null, 0]);
      expect(brief(problems)).to.deep.equal([
        ['/matters/0/visits', 'warning', 'invalid-value'],
        ['/matters/1/visits', 'warning', 'invalid-value'],
      ]);
    });

    it('should read materials given as plain strings or objects', () => {
      const doc = base();
      (doc.matters as Doc[])[0].materials = [
        '居民身份证',
        { name: '营业执照申请书', required: false, form: '原件', copies: 2, note: '签字' },
      ];

      const { data, problems } = parseServiceData(doc);

      expect(problems).to.deep.equal([]);
      expect(data.matters[0].materials).to.deep.equal([
        { name: '居民身份证', required: true, form: null, copies: null, note: null },
        { name: '营业执照申请书', required: false, form: '原件', copies: 2, note: '签字' },
      ]);
    });

    it('should treat CGCS2000 (EPSG:4490) as WGS-84 without moving points', () => {
      const { data, problems } = parseServiceData({ ...base(), crs: 'EPSG:4490' });

      expect(problems).to.deep.equal([]);
      expect(data.crs).to.equal('CGCS2000');
      expect(data.venues[0].location).to.deep.equal([114.4096, 30.4908]);
    });
  });

  describe('when the document is in GCJ-02', () => {
    it('should convert venue locations and area centres to WGS-84', () => {
      const doc = base();
      doc.crs = 'GCJ02';
      (doc.venues as Doc[])[0].location = [114.4155, 30.5095];
      (doc.areas as Doc[])[0].center = [114.4155, 30.5095];

      const { data, problems } = parseServiceData(doc);

      // the exact inverse of the published GCJ-02 formula, worked out outside this project
      const [lng, lat] = data.venues[0].location!;
      expect(problems).to.deep.equal([]);
      expect(data.crs).to.equal('GCJ02');
      expect(lng).to.be.closeTo(114.40997, 2e-5);
      expect(lat).to.be.closeTo(30.51181, 2e-5);
      expect(data.areas[0].center![0]).to.be.closeTo(114.40997, 2e-5);
      expect(data.areas[0].center![1]).to.be.closeTo(30.51181, 2e-5);
    });
  });

  describe('when the document is a GeoJSON FeatureCollection', () => {
    function collection(): Doc {
      return {
        type: 'FeatureCollection',
        matters: [{ id: 'm-permit', name: '居住证首次申领' }],
        features: [
          {
            type: 'Feature',
            id: 'gs-center',
            geometry: { type: 'Point', coordinates: [114.4096, 30.4908] },
            properties: { name: '关山街道政务服务中心', level: 'street', matters: ['m-permit'] },
          },
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [30.5, 114.36] },
            properties: { id: 'zdq', name: '卓刀泉街道便民服务中心', level: 'street', matters: ['m-x'] },
          },
        ],
      };
    }

    it('should read venues from the features, implying version 1', () => {
      const { data, problems } = parseServiceData(collection());

      expect(data.version).to.equal(1);
      expect(data.matters.map((m) => m.id)).to.deep.equal(['m-permit']);
      expect(data.venues.map((v) => [v.id, v.name, v.level, v.location])).to.deep.equal([
        ['gs-center', '关山街道政务服务中心', 'street', [114.4096, 30.4908]],
        ['zdq', '卓刀泉街道便民服务中心', 'street', null],
      ]);
      expect(data.venues[0].matters).to.deep.equal([{ matter: 'm-permit' }]);
      expect(brief(problems)).to.deep.equal([
        ['/features/1/geometry', 'warning', 'location-swapped'],
        ['/features/1/properties/matters/0', 'warning', 'unknown-matter'],
      ]);
    });

    it('should point into the Feature for a missing id and a geometry that is not a Point', () => {
      const doc = collection();
      const feature = (doc.features as Doc[])[0];
      delete feature.id;
      feature.geometry = { type: 'Polygon', coordinates: [] };

      const { data, problems } = parseServiceData(doc);

      expect(data.venues[0].id).to.equal('venue-1');
      expect(data.venues[0].location).to.equal(null);
      expect(brief(problems)).to.deep.equal([
        ['/features/0/properties/id', 'warning', 'id-missing'],
        ['/features/0/geometry', 'warning', 'location-invalid'],
        ['/features/1/geometry', 'warning', 'location-swapped'],
        ['/features/1/properties/matters/0', 'warning', 'unknown-matter'],
      ]);
    });
  });

  describe('when the input is not a document', () => {
    it('should report a bad JSON text and return empty data', () => {
      const { data, problems } = parseServiceData('{"version": 1, venues: [');

      expect(data.venues).to.deep.equal([]);
      expect(data.version).to.equal(1);
      expect(brief(problems)).to.deep.equal([['', 'error', 'invalid-json']]);
    });

    it('should report null, numbers and lists as not-a-document', () => {
      for (const input of [null, undefined, 42, true, [], [{ id: 'v' }], '"text"']) {
        const { data, problems } = parseServiceData(input);

        expect(data.venues).to.deep.equal([]);
        expect(brief(problems)).to.deep.equal([['', 'error', 'not-a-document']]);
      }
    });

    it('should never throw on wrong shapes, and keep what it can', () => {
      const weird: unknown[] = [
        { venues: [{ id: {}, name: [], level: 5, location: {}, matters: 'x', closures: 3 }] },
        { version: 1, venues: [{ facilities: {}, hours: [1], note: { en: 1 } }], areas: 'x' },
        { venues: [{ id: 'a', name: 'b', level: 'c' }], matters: [null, 1, 'x', [], {}] },
        { venues: [{ id: 'a' }], bundles: [{ matters: {} }], calendar: [], crs: {} },
        { venues: [{ id: 'a' }], areas: [{ boundary: { type: 'Polygon', coordinates: 'x' } }] },
        { type: 'FeatureCollection', features: [null, { geometry: 5, properties: 7 }] },
        { venues: [{ id: 'a', matters: [{ matter: {} }, { matter: 'x', hours: {} }] }] },
      ];
      for (const input of weird) {
        const { data, problems } = parseServiceData(input);

        expect(data.calendar.region).to.equal('CN');
        expect(problems.length).to.be.greaterThan(0);
        for (const problem of problems) {
          expect(Object.keys(problem)).to.deep.equal(['path', 'severity', 'code', 'message']);
        }
      }
      expect(parseServiceData(weird[0]).data.venues[0].id).to.equal('venue-1');
    });

    it('should report a fault while reading instead of throwing', () => {
      const venue = { id: 'v', level: 'street' };
      Object.defineProperty(venue, 'name', {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      });

      const { data, problems } = parseServiceData({ version: 1, venues: [venue] });

      expect(data.venues).to.deep.equal([]);
      expect(brief(problems)).to.deep.equal([['', 'error', 'internal-error']]);
    });
  });
});

describe('parseServiceData on what Chinese editors and GIS tools write', () => {
  it('should read a location written with a full-width comma', () => {
    const { data, problems } = parseServiceData(withVenue({ location: '114.3702，30.5098' }));

    expect(data.venues[1].location).to.deep.equal([114.3702, 30.5098]);
    expect(brief(problems)).to.deep.equal([['/venues/1/location', 'info', 'location-text']]);
  });

  it('should read a GeoJSON Point given as a location', () => {
    const point = { type: 'Point', coordinates: [114.3702, 30.5098] };

    const { data, problems } = parseServiceData(withVenue({ location: point }));

    expect(data.venues[1].location).to.deep.equal([114.3702, 30.5098]);
    expect(problems).to.deep.equal([]);
  });

  it('should cut a loop of parent areas and say so', () => {
    const doc = base();
    doc.areas = [
      { id: 'x', name: '甲街道', parent: 'y' },
      { id: 'y', name: '乙街道', parent: 'x' },
    ];
    (doc.venues as Doc[])[0].area = 'x';

    const { data, problems } = parseServiceData(doc);

    expect(data.areas.map((a) => a.parent)).to.deep.equal([null, 'x']);
    expect(brief(problems)).to.deep.equal([['/areas/0/parent', 'warning', 'area-cycle']]);
  });
});
