// The hours table shared by test/core/hours.test.ts (the page in the runner's
// timezone) and test/timezone/hours.bogota.test.ts (the page in Bogotá). Every
// time is Beijing wall time (UTC+8) and every expected value is worked out by
// hand from the hours text and the State Council's 2026 holiday notice
// (国办发明电〔2025〕7号: 元旦 1/1–1/3, 1/4 上班; 春节 2/15–2/23, 2/14 and
// 2/28 上班; 清明 4/4–4/6; 劳动节 5/1–5/5, 5/9 上班; 端午 6/19–6/21; 中秋
// 9/25–9/27; 国庆 10/1–10/7, 9/20 and 10/10 上班). 2027 is in no calendar
// yet: by the law its statutory days are 1/1, 2/5–2/8 (除夕 to 初三), 4/5,
// 5/1–5/2, 6/9, 9/15 and 10/1–10/3.
import { expect } from '@open-wc/testing';
import { openState } from '../../src/core/hours.js';
import type { OpenStateOptions } from '../../src/core/hours.js';
import type { OpenState } from '../../src/core/types.js';

export interface HoursCase {
  name: string;
  hours: string | null;
  /** Beijing wall time, `YYYY-MM-DD HH:MM`. */
  at: string;
  status: OpenState['status'];
  /** Beijing wall time, or null. */
  changesAt: string | null;
  note: string | null;
  options?: OpenStateOptions;
}

/** A Beijing wall time as an instant. */
export function bj(time: string): Date {
  return new Date(time.replace(' ', 'T') + ':00+08:00');
}

/** An instant as Beijing wall time, `YYYY-MM-DD HH:MM` (seconds must be zero). */
export function bjText(date: Date | null): string | null {
  if (!date) return null;
  const shifted = new Date(date.getTime() + 8 * 3_600_000).toISOString();
  if (!shifted.endsWith(':00.000Z')) return shifted;
  return shifted.slice(0, 16).replace('T', ' ');
}

/** The hours. */
export const H = '周一至周五 9:00-12:00，13:30-17:30（法定节假日除外）';
export const SATURDAY = '周六 9:00-12:00（延时服务）';
export const NIGHT = '06:00~02:00';
export const SEASONS =
  '夏季（7月1日-9月30日）周一至周五 8:30-12:00，14:30-17:30；' +
  '冬季（10月1日-次年6月30日）周一至周五 8:30-12:00，14:00-17:00';
export const DISTRICT = '工作日 8:30-12:00，14:00-17:00；周六 9:00-12:00 延时服务';
export const HK_SUNDAY_OFF =
  '星期一: 09:00 – 22:00；星期二: 09:00 – 22:00；星期三: 09:00 – 22:00；' +
  '星期四: 09:00 – 22:00；星期五: 09:00 – 22:00；星期六: 09:00 – 13:00；星期日: 休息';
export const HK_SUNDAY_OPEN =
  '星期一: 09:00 – 22:00；星期二: 09:00 – 22:00；星期三: 09:00 – 22:00；' +
  '星期四: 09:00 – 22:00；星期五: 09:00 – 22:00；星期六: 09:00 – 13:00；星期日: 09:00 – 13:00';
const DIFFERENT_WEDNESDAY = '周一至周五 9:00-17:00；周三 9:00-12:00';
const CLOSED_10_TO_11 = [{ from: '2026-12-10', to: '2026-12-11', note: '系统升级暂停办理' }];
const NO_CALENDAR = { region: 'none' as const, years: [], off: [], work: [] };
const HK_CALENDAR = { region: 'HK' as const, years: [], off: [], work: [] };

type Row = [
  name: string,
  hours: string | null,
  at: string,
  status: HoursCase['status'],
  changesAt: string | null,
  note: string | null,
  options?: OpenStateOptions,
];

const ROWS: Row[] = [
  // the issue's own cases
  ['Thursday morning', H, '2026-12-03 10:00', 'open', '2026-12-03 12:00', null],
  ['Thursday lunch break', H, '2026-12-03 12:30', 'closed', '2026-12-03 13:30', null],
  ['Saturday', H, '2026-12-05 10:00', 'closed', '2026-12-07 09:00', null],
  ['Spring Festival Monday', H, '2026-02-16 10:00', 'closed', '2026-02-24 09:00', 'holiday'],
  [
    'Friday evening before a make-up Saturday', H,
    '2026-02-13 17:45', 'closed', '2026-02-14 09:00', null,
  ],
  [
    'make-up Saturday evening before the festival', H,
    '2026-02-14 17:45', 'closed', '2026-02-24 09:00', 'makeup-workday',
  ],
  ['evening before National Day', H, '2026-09-30 17:45', 'closed', '2026-10-08 09:00', null],
  ["Children's Day is no holiday", H, '2026-06-01 10:00', 'open', '2026-06-01 12:00', null],
  [
    '延时服务 on an ordinary Saturday', SATURDAY,
    '2026-12-05 10:00', 'open', '2026-12-05 12:00', null,
  ],
  [
    '延时服务 on a National Day Saturday', SATURDAY,
    '2026-10-03 10:00', 'closed', '2026-10-17 09:00', 'holiday',
  ],
  ['past midnight, still open', NIGHT, '2026-12-03 01:00', 'open', '2026-12-03 02:00', null],
  ['past midnight, closed', NIGHT, '2026-12-03 03:00', 'closed', '2026-12-03 06:00', null],
  ['text not understood', '请电话咨询', '2026-12-03 10:00', 'unknown', null, 'unparsed'],
  [
    '元旦 2027 from the law', H,
    '2027-01-01 10:00', 'closed', '2027-01-04 09:00', 'calendar-estimated',
  ],

  // boundaries of the working day
  ['a minute before opening', H, '2026-12-03 08:59', 'closed', '2026-12-03 09:00', null],
  ['the opening minute', H, '2026-12-03 09:00', 'open', '2026-12-03 12:00', null],
  ['the closing minute', H, '2026-12-03 17:30', 'closed', '2026-12-04 09:00', null],
  ['Friday afternoon', H, '2026-12-04 17:29', 'open', '2026-12-04 17:30', null],

  // the 2026 calendar
  [
    'make-up Saturday before the Spring Festival', H,
    '2026-02-14 10:00', 'open', '2026-02-14 12:00', 'makeup-workday',
  ],
  [
    'make-up Saturday after National Day', H,
    '2026-10-10 10:00', 'open', '2026-10-10 12:00', 'makeup-workday',
  ],
  [
    'make-up Sunday before opening', H,
    '2026-09-20 08:00', 'closed', '2026-09-20 09:00', 'makeup-workday',
  ],
  [
    '元旦 2026, a make-up Sunday after it', H,
    '2026-01-01 10:00', 'closed', '2026-01-04 09:00', 'holiday',
  ],
  ['清明 Monday', H, '2026-04-06 10:00', 'closed', '2026-04-07 09:00', 'holiday'],
  ['Labour Day Tuesday', H, '2026-05-05 10:00', 'closed', '2026-05-06 09:00', 'holiday'],
  [
    'make-up Saturday after Labour Day', H,
    '2026-05-09 09:30', 'open', '2026-05-09 12:00', 'makeup-workday',
  ],
  ['端午 Friday', H, '2026-06-19 10:00', 'closed', '2026-06-22 09:00', 'holiday'],
  ['中秋 Friday', H, '2026-09-25 10:00', 'closed', '2026-09-28 09:00', 'holiday'],

  // 2027, computed from the law
  ['last evening of 2026', H, '2026-12-31 17:45', 'closed', '2027-01-04 09:00', null],
  [
    '初三 2027 from the law', H,
    '2027-02-08 10:00', 'closed', '2027-02-09 09:00', 'calendar-estimated',
  ],
  ['the day after 初三 2027', H, '2027-02-09 10:00', 'open', '2027-02-09 12:00', null],
  [
    '除夕 2027 from the law', H,
    '2027-02-05 10:00', 'closed', '2027-02-09 09:00', 'calendar-estimated',
  ],
  [
    '清明 2027 from the law', H,
    '2027-04-05 10:00', 'closed', '2027-04-06 09:00', 'calendar-estimated',
  ],
  [
    '中秋 2027 from the law', H,
    '2027-09-15 10:00', 'closed', '2027-09-16 09:00', 'calendar-estimated',
  ],

  // levels and the texts that keep their schedule on holidays
  [
    'street venue on a National Day Monday', '周一至周五 9:00-17:00',
    '2026-10-05 10:00', 'closed', '2026-10-08 09:00', 'holiday',
    { level: 'street' },
  ],
  [
    'self-service venue on a National Day Monday', '周一至周五 9:00-17:00',
    '2026-10-05 10:00', 'open', '2026-10-05 17:00', null,
    { level: 'self-service' },
  ],
  [
    'a venue without a level on a holiday', '周一至周五 9:00-17:00',
    '2026-10-05 10:00', 'closed', '2026-10-08 09:00', 'holiday',
  ],
  [
    '24小时 at a street venue in the Spring Festival', '24小时',
    '2026-02-16 03:00', 'open', null, null,
    { level: 'street' },
  ],
  [
    '24小时（节假日照常）', '24小时（节假日照常）',
    '2026-10-01 10:00', 'open', null, null,
    { level: 'self-service' },
  ],
  [
    '节假日照常 at a street venue', '周一至周日 8:00-20:00（节假日照常）',
    '2026-10-01 10:00', 'open', '2026-10-01 20:00', null,
    { level: 'street' },
  ],
  [
    '全年无休 in the Spring Festival', '全年无休 8:00-20:00',
    '2026-02-17 21:00', 'closed', '2026-02-18 08:00', null,
    { level: 'community' },
  ],
  [
    'self-service on a make-up Saturday keeps its week', '周一至周五 9:00-17:00',
    '2026-02-14 10:00', 'closed', '2026-02-16 09:00', null,
    { level: 'self-service' },
  ],
  [
    'make-up day when Monday to Friday differ', DIFFERENT_WEDNESDAY,
    '2026-02-14 10:00', 'unknown', '2026-02-15 00:00', 'makeup-workday',
  ],
  [
    'the evening before such a make-up day', DIFFERENT_WEDNESDAY,
    '2026-02-13 18:00', 'closed', '2026-02-14 00:00', null,
  ],
  [
    'the short Wednesday', DIFFERENT_WEDNESDAY,
    '2026-12-02 12:00', 'closed', '2026-12-03 09:00', null,
  ],

  // 延时服务
  [
    'district Saturday service', DISTRICT,
    '2026-12-05 11:59', 'open', '2026-12-05 12:00', null,
    { level: 'district' },
  ],
  [
    'district make-up Saturday runs the working day', DISTRICT,
    '2026-10-10 10:00', 'open', '2026-10-10 12:00', 'makeup-workday',
    { level: 'district' },
  ],
  [
    'district Saturday in Labour Day', DISTRICT,
    '2026-05-02 10:00', 'closed', '2026-05-06 08:30', 'holiday',
    { level: 'district' },
  ],
  [
    '延时服务 at a self-service venue on a holiday', SATURDAY,
    '2026-10-03 10:00', 'closed', '2026-10-10 09:00', 'holiday',
    { level: 'self-service' },
  ],
  [
    'weekday evening 延时服务', '周一至周五 9:00-17:00；周二、周四 17:30-19:30 延时服务',
    '2026-12-01 18:00', 'open', '2026-12-01 19:30', null,
  ],

  // sessions past midnight
  ['just before the night session', NIGHT, '2026-12-03 05:59', 'closed', '2026-12-03 06:00', null],
  ['late evening', NIGHT, '2026-12-02 23:00', 'open', '2026-12-03 02:00', null],
  [
    'a night session after a holiday eve', '22:00-06:00',
    '2026-10-03 01:00', 'closed', '2026-10-08 22:00', 'holiday',
  ],
  ['a night session at dawn', '22:00-06:00', '2026-12-03 05:00', 'open', '2026-12-03 06:00', null],
  [
    "Friday's night session on Saturday", '周五 20:00-次日2:00',
    '2026-12-05 01:30', 'open', '2026-12-05 02:00', null,
  ],

  // round the clock
  [
    '00:00-24:00 every day', '00:00-24:00',
    '2026-12-03 10:00', 'open', null, null,
    { level: 'street' },
  ],
  [
    'round the clock on weekdays, Friday night', '周一至周五 00:00-24:00',
    '2026-12-04 23:00', 'open', '2026-12-05 00:00', null,
  ],
  [
    'round the clock on weekdays, across nights', '周一至周五 00:00-24:00',
    '2026-12-03 10:00', 'open', '2026-12-05 00:00', null,
  ],
  ['OSM 24/7 as the text', '24/7', '2026-10-01 10:00', 'open', null, null],

  // dated closures
  [
    '24小时 the day before a closure', '24小时',
    '2026-12-09 10:00', 'open', '2026-12-10 00:00', null,
    { closures: CLOSED_10_TO_11 },
  ],
  [
    '24小时 during a closure', '24小时',
    '2026-12-10 10:00', 'closed', '2026-12-12 00:00', 'closure',
    { closures: CLOSED_10_TO_11 },
  ],
  [
    'a working day in a closure', H,
    '2026-12-10 10:00', 'closed', '2026-12-14 09:00', 'closure',
    { closures: CLOSED_10_TO_11 },
  ],
  [
    'the afternoon before a closure', H,
    '2026-12-09 17:00', 'open', '2026-12-09 17:30', null,
    { closures: CLOSED_10_TO_11 },
  ],
  [
    'the evening before a closure', H,
    '2026-12-09 18:00', 'closed', '2026-12-14 09:00', null,
    { closures: CLOSED_10_TO_11 },
  ],
  [
    'no hours, in a closure', null,
    '2026-12-10 10:00', 'closed', '2026-12-12 00:00', 'closure',
    { closures: CLOSED_10_TO_11 },
  ],
  ['no hours at all', null, '2026-12-10 10:00', 'unknown', null, null],
  [
    'hours not understood, before a closure', '请电话咨询',
    '2026-12-09 10:00', 'unknown', '2026-12-10 00:00', 'unparsed',
    { closures: CLOSED_10_TO_11 },
  ],

  // seasons
  ['first summer afternoon', SEASONS, '2026-07-01 14:15', 'closed', '2026-07-01 14:30', null],
  ['last winter afternoon', SEASONS, '2026-06-30 14:15', 'open', '2026-06-30 17:00', null],
  ['winter across the new year', SEASONS, '2026-01-05 16:59', 'open', '2026-01-05 17:00', null],
  ['last summer afternoon', SEASONS, '2026-09-30 17:15', 'open', '2026-09-30 17:30', null],
  [
    'first winter week', SEASONS,
    '2026-10-09 14:15', 'open', '2026-10-09 17:00', null,
    { level: 'street' },
  ],

  // the ways guides write hours
  [
    '星期一至星期五 with em dashes and 、', '星期一至星期五 9:00—12:00、13:30—17:00',
    '2026-12-01 16:59', 'open', '2026-12-01 17:00', null,
  ],
  [
    'full-width digits, colons and marks',
    '周一至周五　９：００－１２：００，１３：３０－１７：３０',
    '2026-12-03 13:00', 'closed', '2026-12-03 13:30', null,
  ],
  [
    '工作日 with 上午 and 下午', '工作日：上午8:30-12:00，下午14:00-17:30',
    '2026-12-03 08:30', 'open', '2026-12-03 12:00', null,
  ],
  [
    '周一、三、五', '周一、三、五 9:00-12:00',
    '2026-12-01 10:00', 'closed', '2026-12-02 09:00', null,
  ],
  [
    '每天 on a Sunday', '每天 9:00-21:00',
    '2026-12-06 20:00', 'open', '2026-12-06 21:00', null,
    { level: 'street' },
  ],
  [
    '周一至周六 on a Saturday afternoon', '周一至周六 8:30-12:00，14:00-17:00（法定节假日休息）',
    '2026-12-05 16:00', 'open', '2026-12-05 17:00', null,
  ],
  [
    'traditional text, Sunday 休息', HK_SUNDAY_OFF,
    '2026-12-06 10:00', 'closed', '2026-12-07 09:00', null,
    { timezone: 'Asia/Hong_Kong', calendar: HK_CALENDAR },
  ],
  [
    'traditional text on a Hong Kong holiday', HK_SUNDAY_OPEN,
    '2026-12-25 10:00', 'closed', '2026-12-26 09:00', 'holiday',
    { timezone: 'Asia/Hong_Kong', calendar: { ...HK_CALENDAR, off: ['2026-12-25'] } },
  ],
  [
    'traditional text in the mainland Spring Festival, Hong Kong calendar', HK_SUNDAY_OPEN,
    '2026-02-16 22:30', 'closed', '2026-02-17 09:00', null,
    { timezone: 'Asia/Hong_Kong', calendar: HK_CALENDAR },
  ],
  [
    '下午2:00-5:30', '周一至周五 下午2:00-5:30',
    '2026-12-03 17:00', 'open', '2026-12-03 17:30', null,
  ],
  ['9点-17点半', '周一至周日 9点-17点半', '2026-12-06 17:29', 'open', '2026-12-06 17:30', null],
  [
    'a lunch break written as 休息', '周一至周五 9:00-17:00（中午12:00-13:30休息）',
    '2026-12-03 12:00', 'closed', '2026-12-03 13:30', null,
  ],
  [
    '周六、周日及法定节假日休息', '周六、周日及法定节假日休息，周一至周五 9:00-17:00',
    '2026-12-05 10:00', 'closed', '2026-12-07 09:00', null,
  ],
  [
    '周一至周五上午, 周一至周四下午', '周一至周五上午9:00-12:00，周一至周四下午13:30-17:30',
    '2026-12-04 12:00', 'closed', '2026-12-07 09:00', null,
  ],

  // the machine form
  [
    'openingHours with Saturday and PH off', '见公告',
    '2026-12-05 10:00', 'open', '2026-12-05 12:00', null,
    { openingHours: 'Mo-Fr 09:00-12:00,13:30-17:30; Sa 09:00-12:00; PH off' },
  ],
  [
    'openingHours by season', null,
    '2026-07-02 13:00', 'closed', '2026-07-03 08:00', null,
    { openingHours: 'Jul 01-Sep 30 Mo-Fr 08:00-12:00; Oct 01-Jun 30 Mo-Fr 09:00-17:00' },
  ],
  [
    'openingHours with a dated day off', null,
    '2026-12-25 10:00', 'closed', '2026-12-26 09:00', null,
    { openingHours: 'Mo-Su 09:00-17:00; Dec 25 off', level: 'self-service' },
  ],
  [
    'openingHours past midnight', null,
    '2026-12-05 01:00', 'open', '2026-12-05 02:00', null,
    { openingHours: 'Mo-Fr 22:00-02:00' },
  ],
  [
    'openingHours wins over the text', '周一至周五 9:00-17:00',
    '2026-12-03 09:30', 'closed', '2026-12-03 10:00', null,
    { openingHours: 'Mo-Fr 10:00-16:00' },
  ],
  [
    'openingHours not understood, the text is read', H,
    '2026-12-03 10:00', 'open', '2026-12-03 12:00', null,
    { openingHours: 'sunrise-sunset' },
  ],
  [
    'openingHours that never opens', null,
    '2026-12-03 10:00', 'unknown', null, 'unparsed',
    { openingHours: 'Mo-Fr off' },
  ],

  // timezones and calendars of the document
  [
    'a document in Urumqi time', H,
    '2026-12-03 10:00', 'closed', '2026-12-03 11:00', null,
    { timezone: 'Asia/Urumqi' },
  ],
  [
    'a document in Bogotá time, no holidays', H,
    '2026-10-01 22:00', 'open', '2026-10-02 01:00', null,
    { timezone: 'America/Bogota', calendar: NO_CALENDAR },
  ],
  [
    'a document in Berlin time, over a clock change', '周一至周五 9:00-17:00',
    '2026-03-28 00:30', 'closed', '2026-03-30 15:00', null,
    { timezone: 'Europe/Berlin', calendar: NO_CALENDAR },
  ],
  [
    "the document's own 2027", H,
    '2027-01-01 10:00', 'closed', '2027-01-04 09:00', 'holiday',
    { calendar: { region: 'CN', years: [2027], off: ['2027-01-01'], work: [] } },
  ],
  [
    "a day the document's 2027 leaves working", H,
    '2027-02-08 10:00', 'open', '2027-02-08 12:00', null,
    { calendar: { region: 'CN', years: [2027], off: ['2027-01-01'], work: [] } },
  ],
  [
    'a day off added by the document', H,
    '2026-12-24 10:00', 'closed', '2026-12-25 09:00', 'holiday',
    { calendar: { region: 'CN', years: [], off: ['2026-12-24'], work: ['2026-12-26'] } },
  ],
  [
    'a make-up day added by the document', H,
    '2026-12-26 10:00', 'open', '2026-12-26 12:00', 'makeup-workday',
    { calendar: { region: 'CN', years: [], off: ['2026-12-24'], work: ['2026-12-26'] } },
  ],
  [
    'no calendar: the Spring Festival is a Monday', H,
    '2026-02-16 10:00', 'open', '2026-02-16 12:00', null,
    { calendar: NO_CALENDAR },
  ],
  [
    'a Hong Kong day off from the document', H,
    '2026-02-17 10:00', 'closed', '2026-02-18 09:00', 'holiday',
    { calendar: { region: 'HK', years: [], off: ['2026-02-17'], work: [] } },
  ],
];

export const CASES: HoursCase[] = ROWS.map(
  ([name, hours, at, status, changesAt, note, options]) => ({
    name,
    hours,
    at,
    status,
    changesAt,
    note,
    options,
  }),
);

/**
 * Chinese texts and their `opening_hours` forms, written by hand; each pair
 * must agree at every quarter hour of 2026.
 */
export const PAIRS: [string, string][] = [
  [H, 'Mo-Fr 09:00-12:00,13:30-17:30; PH off'],
  [DISTRICT, 'Mo-Fr 08:30-12:00,14:00-17:00; Sa 09:00-12:00; PH off'],
  [
    SEASONS,
    'Jul 01-Sep 30 Mo-Fr 08:30-12:00,14:30-17:30; Oct 01-Jun 30 Mo-Fr 08:30-12:00,14:00-17:00',
  ],
  ['24小时（节假日照常）', '24/7'],
  [NIGHT, 'Mo-Su 06:00-02:00'],
  [HK_SUNDAY_OFF, 'Mo-Fr 09:00-22:00; Sa 09:00-13:00'],
  ['周一至周六 8:30-12:00，14:00-17:00（法定节假日休息）', 'Mo-Sa 08:30-12:00,14:00-17:00; PH off'],
  ['周一、三、五 9:00-12:00', 'Mo,We,Fr 09:00-12:00'],
];

/** The table as mocha tests, with the one-millisecond-before property for every case. */
export function describeCases(cases: HoursCase[]): void {
  for (const c of cases) {
    it(`${c.name}: ${c.hours ?? c.options?.openingHours ?? '(no hours)'} at ${c.at}`, () => {
      const state = openState(c.hours, bj(c.at), c.options);

      expect({ ...state, changesAt: bjText(state.changesAt) }).to.deep.equal({
        status: c.status,
        changesAt: c.changesAt,
        note: c.note,
      });
      if (state.changesAt) {
        const justBefore = new Date(state.changesAt.getTime() - 1);
        const before = openState(c.hours, justBefore, c.options);
        const after = openState(c.hours, state.changesAt, c.options);
        expect(before.status, 'one millisecond before').to.equal(c.status);
        expect(after.status, 'at the change').to.not.equal(before.status);
      }
    });
  }
}
