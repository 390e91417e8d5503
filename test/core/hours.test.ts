import { expect } from '@open-wc/testing';
import { hoursToOpeningHours, openState, readHours } from '../../src/core/hours.js';
import { parseServiceData } from '../../src/core/parse.js';
import { rankVenues } from '../../src/core/rank.js';
import type { Text } from '../../src/core/types.js';
import { CASES, H, PAIRS, bj, describeCases } from './hours-cases.js';

// Texts and the opening_hours form each says exactly, written by hand; null
// where the text is understood but the subset cannot say it.
const WRITTEN: [string, string | null][] = [
  [H, 'Mo-Fr 09:00-12:00,13:30-17:30; PH off'],
  [
    '周一至周五 上午9:00-12:00 下午13:30-17:30（法定节假日除外）',
    'Mo-Fr 09:00-12:00,13:30-17:30; PH off',
  ],
  ['工作日：上午8:30-12:00，下午14:00-17:30', 'Mo-Fr 08:30-12:00,14:00-17:30'],
  ['星期一至星期五 9:00—12:00、13:30—17:00', 'Mo-Fr 09:00-12:00,13:30-17:00'],
  ['周一至周五　９：００－１２：００，１３：３０－１７：３０', 'Mo-Fr 09:00-12:00,13:30-17:30'],
  ['周一至周五 8:30—12:00，14:00—17:00（节假日休息）', 'Mo-Fr 08:30-12:00,14:00-17:00; PH off'],
  ['星期一至星期五9:00~17:00', 'Mo-Fr 09:00-17:00'],
  ['周一至周五：上午9:00-12:00；下午14:00-17:00', 'Mo-Fr 09:00-12:00,14:00-17:00'],
  ['周一至周五（法定节假日除外）9:00-17:00', 'Mo-Fr 09:00-17:00; PH off'],
  ['周一至周五 9:00至17:00', 'Mo-Fr 09:00-17:00'],
  ['周一至周五 9:00－17:00', 'Mo-Fr 09:00-17:00'],
  ['周一、三、五 9:00-12:00', 'Mo,We,Fr 09:00-12:00'],
  ['周一、周三、周五 9:00-12:00', 'Mo,We,Fr 09:00-12:00'],
  ['每天 9:00-21:00，周六 9:00-12:00', 'Mo-Fr,Su 09:00-21:00; Sa 09:00-12:00'],
  ['周六、周日休息；周一至周五 9:00-17:00', 'Mo-Fr 09:00-17:00'],
  ['周一至周五 9:00-17:00（中午12:00-13:30休息）', 'Mo-Fr 09:00-12:00,13:30-17:00'],
  ['周一至周五 9:00-17:00，午休12:00-13:00', 'Mo-Fr 09:00-12:00,13:00-17:00'],
  ['周一至周五 下午2:00-5:30', 'Mo-Fr 14:00-17:30'],
  ['晚上8:00-次日2:00', 'Mo-Su 20:00-02:00'],
  ['06:00~02:00', 'Mo-Su 06:00-02:00'],
  ['周一至周日 9点-17点半', 'Mo-Su 09:00-17:30'],
  ['周一至周五 9时30分-17时', 'Mo-Fr 09:30-17:00'],
  ['周六 9:00-12:00（延时服务）', 'Sa 09:00-12:00; PH off'],
  [
    '周一至周五 08:30-12:00 13:00-17:00；延时服务：周六 9:00-12:00',
    'Mo-Fr 08:30-12:00,13:00-17:00; Sa 09:00-12:00; PH off',
  ],
  ['24小时', '24/7'],
  ['24小时（节假日照常）', '24/7'],
  ['7×24小时自助服务', '24/7'],
  ['00:00-24:00', '24/7'],
  ['周一至周五 00:00-24:00', 'Mo-Fr 00:00-24:00'],
  ['全年无休 8:00-20:00', null],
  ['周一至周日 8:00-20:00（节假日照常）', null],
  [
    '冬季作息时间（10月1日至次年4月30日）：周一至周五 9:00-17:00；' +
      '夏季作息时间（5月1日至9月30日）：周一至周五 8:30-17:30',
    'Oct 01-Apr 30 Mo-Fr 09:00-17:00; May 01-Sep 30 Mo-Fr 08:30-17:30',
  ],
  ['週一至週五 09:00-18:00；週六、週日及公眾假期休息', 'Mo-Fr 09:00-18:00; PH off'],
  [
    '星期一: 00:00 – 24:00；星期二: 00:00 – 24:00；星期三: 00:00 – 24:00；' +
      '星期四: 00:00 – 24:00；星期五: 00:00 – 24:00；星期六: 00:00 – 24:00；星期日: 00:00 – 24:00',
    '24/7',
  ],
  [
    'Mo-Fr 09:00-12:00,13:30-17:30; Sa 09:00-12:00; PH off',
    'Mo-Fr 09:00-12:00,13:30-17:30; Sa 09:00-12:00; PH off',
  ],
  ['Mo-Fr 09:00 - 12:00, 13:30 - 17:30; PH closed', 'Mo-Fr 09:00-12:00,13:30-17:30; PH off'],
  ['Mo,We,Fr 09:00-12:00, Tu 14:00-16:00', 'Mo,We,Fr 09:00-12:00; Tu 14:00-16:00'],
  ['Mo-Su 09:00-17:00; Su off', 'Mo-Sa 09:00-17:00'],
  ['Jul-Sep Mo-Fr 08:00-12:00', 'Jul 01-Sep 30 Mo-Fr 08:00-12:00'],
  ['Mo-Fr 22:00-26:00', 'Mo-Fr 22:00-02:00'],
  ['Mo-Su 00:00-24:00', '24/7'],
];

// Texts that must not be understood: each would need a guess.
const NOT_UNDERSTOOD = [
  '请电话咨询',
  '以公告为准',
  '周一至周五',
  '周一至周五 9:00起',
  '夏季 周一至周五 9:00-17:00',
  '周一至周五 9:70-12:00',
  '周一至周五 9:00-25:00',
  '周一至周五 预约办理',
  '',
  'Mo-Fr 09:00-12:00 || "by appointment"',
  'Mo-Fr off',
  'sunrise-sunset',
  'Mo-Fr 09:00+',
];

describe('hours', () => {
  describe('openState', () => {
    describeCases(CASES);

    it('should read the machine form before the text and default to Beijing time', () => {
      const at = bj('2026-12-03 12:15');

      const state = openState('请电话咨询', at, { openingHours: 'Mo-Fr 12:00-12:30' });

      expect(state.status).to.equal('open');
      expect(state.changesAt?.toISOString()).to.equal('2026-12-03T04:30:00.000Z');
    });

    it('should be unknown for an invalid date', () => {
      expect(openState(H, new Date(NaN))).to.deep.equal({
        status: 'unknown',
        changesAt: null,
        note: null,
      });
    });
  });

  describe('readHours and hoursToOpeningHours', () => {
    for (const [text, osm] of WRITTEN) {
      it(`should read ${text}`, () => {
        expect(readHours(text), 'understood').to.not.equal(null);
        expect(hoursToOpeningHours(text)).to.equal(osm);
      });
    }

    for (const text of NOT_UNDERSTOOD) {
      it(`should not read ${JSON.stringify(text)}`, () => {
        expect(readHours(text)).to.equal(null);
        expect(hoursToOpeningHours(text)).to.equal(null);
      });
    }

    it('should give the schedule of the issue text', () => {
      const day = [
        [540, 720],
        [810, 1050],
      ];

      expect(readHours(H)).to.deep.equal({
        seasons: [{ dates: null, week: [null, day, day, day, day, day, null] }],
        holidays: 'off',
      });
    });

    it('should mark 延时服务 and sessions past midnight', () => {
      expect(readHours('周六 9:00-12:00（延时服务）')?.seasons[0].week[6]).to.deep.equal([
        [540, 720, true],
      ]);
      expect(readHours('06:00~02:00')?.seasons[0].week[3]).to.deep.equal([[360, 1560]]);
    });

    it('should give a season wrapping the year its dates', () => {
      const text =
        '夏季（7月1日-9月30日）周一至周五 8:30-17:30；' +
        '冬季（10月1日-次年6月30日）周一至周五 9:00-17:00';

      const seasons = readHours(text)!.seasons;

      expect(seasons.map((s) => s.dates)).to.deep.equal([
        [701, 930],
        [1001, 630],
      ]);
    });
  });

  describe('a Chinese text and its opening_hours form', () => {
    for (const [text, osm] of PAIRS) {
      it(`should agree at every quarter hour of 2026: ${osm}`, () => {
        expect(hoursToOpeningHours(text)).to.equal(osm);
        const start = bj('2026-01-01 00:00').getTime();
        const end = bj('2027-01-01 00:00').getTime();
        let steps = 0;

        for (let time = start; time < end; time += 15 * 60_000) {
          const at = new Date(time);
          const a = openState(text, at);
          const b = openState(null, at, { openingHours: osm });
          if (
            a.status !== b.status ||
            a.note !== b.note ||
            a.changesAt?.getTime() !== b.changesAt?.getTime()
          ) {
            expect(b, at.toISOString()).to.deep.equal(a);
          }
          steps++;
        }

        expect(steps).to.equal(35040);
      });
    }
  });

  describe('rankVenues', () => {
    it("should give each venue its open state in the document's timezone and calendar", () => {
      const { data } = parseServiceData({
        version: 1,
        timezone: 'Asia/Urumqi',
        calendar: { region: 'CN', off: ['2026-12-04'] },
        venues: [
          { id: 'a', name: '街道中心', level: 'street', hours: H },
          { id: 'b', name: '自助点', level: 'self-service', hours: '周一至周五 9:00-17:00' },
          { id: 'c', name: '社区站', level: 'community', hours: { 'zh-CN': H, en: 'Mon-Fri' } },
          {
            id: 'd',
            name: '网点',
            level: 'street',
            hours: '见公告',
            openingHours: 'Mo-Fr 10:00-16:00',
            closures: [{ from: '2026-12-03', to: '2026-12-03', note: '停电' }],
          },
        ],
      });

      // Friday 2026-12-04 12:00 in Beijing is 10:00 in Urumqi, a day off by the document
      const friday = rankVenues(data, { at: bj('2026-12-04 12:00') });
      const thursday = rankVenues(data, { at: bj('2026-12-03 12:00') });
      const at = (list: typeof friday, id: string) => {
        const open = list.find((r) => r.venue.id === id)!.open;
        return [open.status, open.changesAt?.toISOString() ?? null, open.note];
      };

      expect(at(friday, 'a')).to.deep.equal(['closed', '2026-12-07T03:00:00.000Z', 'holiday']);
      expect(at(friday, 'b')).to.deep.equal(['open', '2026-12-04T11:00:00.000Z', null]);
      expect(at(friday, 'c')).to.deep.equal(['closed', '2026-12-07T03:00:00.000Z', 'holiday']);
      expect(at(thursday, 'c')).to.deep.equal(['open', '2026-12-03T06:00:00.000Z', null]);
      // closed by its closure on Thursday, then by the day off: Monday 10:00 in Urumqi
      expect(at(thursday, 'd')).to.deep.equal(['closed', '2026-12-07T04:00:00.000Z', 'closure']);
    });
  });

  describe('the sample data', () => {
    interface DemoVenue {
      id: string;
      level: string;
      hours?: Text;
      openingHours?: string;
      matters?: (string | { hours?: Text })[];
    }
    let venues: DemoVenue[] = [];

    before(async () => {
      venues = (await (await fetch('/demo/data/hongshan.json')).json()).venues;
    });

    it('should understand every hours text', () => {
      const texts: string[] = [];
      for (const venue of venues) {
        const own = (venue.matters ?? []).map((m) => (typeof m === 'object' ? m.hours : undefined));
        const all = [venue.hours, ...own];
        for (const hours of all) {
          if (typeof hours === 'string') texts.push(hours);
          else if (hours) texts.push(...Object.values(hours));
        }
      }
      const missed = texts.filter((text) => readHours(text) === null);

      expect(texts.length).to.be.greaterThan(20);
      expect(missed).to.deep.equal([]);
    });

    it('should find the text and the machine form agreeing at every hour of 2026', () => {
      const pairs = venues.filter((v) => typeof v.hours === 'string' && v.openingHours);
      const start = bj('2026-01-01 00:00').getTime();

      for (const venue of pairs) {
        for (let time = start; time < start + 365 * 86_400_000; time += 3_600_000) {
          const at = new Date(time);
          const options = { level: venue.level };
          const a = openState(venue.hours as string, at, options);
          const b = openState(null, at, { ...options, openingHours: venue.openingHours });
          if (a.status !== b.status || a.changesAt?.getTime() !== b.changesAt?.getTime()) {
            expect(b, `${venue.id} at ${at.toISOString()}`).to.deep.equal(a);
          }
        }
      }
      expect(pairs.length).to.be.greaterThan(3);
    });
  });
});
