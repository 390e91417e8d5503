import chineseDays from 'chinese-days';
import type { Calendar } from '../types.js';
import { DAY, civil, dayOf } from './zone.js';

/**
 * What a day is in a holiday calendar: a statutory holiday (法定节假日, all the
 * days off of a festival's schedule), a holiday computed from the law for a
 * year no calendar covers, a make-up working day (调休上班), or an ordinary day.
 */
export type DayKind = 'holiday' | 'estimated' | 'makeup' | null;

// chinese-days is CommonJS with an ESM build whose default export holds every
// function; a default import reads it the same way in rollup and esbuild.
const { getDayDetail, getSolarDateFromLunar, getSolarTermDate } = chineseDays;

const MAINLAND: Calendar = { region: 'CN', years: [], off: [], work: [] };

interface Lists {
  off: Set<number>;
  work: Set<number>;
  years: Set<number>;
  kinds: Map<number, DayKind>;
}

const prepared = new WeakMap<Calendar, Lists>();
const covered = new Map<number, boolean>();
const estimated = new Map<number, Set<number>>();

/**
 * The kind of a day (a civil day number) in a document's calendar: its own
 * `off` and `work` lists first, then, for region CN, chinese-days for the
 * years it covers and the law for the others. Other regions use only the
 * document's lists.
 */
export function dayKind(calendar: Calendar | undefined, day: number): DayKind {
  const cal = calendar ?? MAINLAND;
  let lists = prepared.get(cal);
  if (!lists) {
    const days = (dates: string[]) => new Set(dates.map(dayOf));
    lists = {
      off: days(cal.off),
      work: days(cal.work),
      years: new Set(cal.years),
      kinds: new Map(),
    };
    prepared.set(cal, lists);
  }
  let kind = lists.kinds.get(day);
  if (kind === undefined) {
    kind = kindOf(cal, lists, day);
    lists.kinds.set(day, kind);
  }
  return kind;
}

function kindOf(calendar: Calendar, lists: Lists, day: number): DayKind {
  if (lists.off.has(day)) return 'holiday';
  if (lists.work.has(day)) return 'makeup';
  const year = civil(day)[0];
  if (lists.years.has(year) || calendar.region !== 'CN') return null;
  if (packageCovers(year)) return packageKind(day);
  return lawHolidays(year).has(day) ? 'estimated' : null;
}

/**
 * chinese-days keys its tables by the viewer's local date of a UTC midnight
 * (it parses `2026-2-15` as UTC and formats in local time), so west of
 * Greenwich every key is a day early. Asking with the same UTC midnight goes
 * through the same shift and finds the right entry in any timezone.
 */
function packageKind(day: number): DayKind {
  const detail = getDayDetail(new Date(day * DAY));
  // festival entries are named "Spring Festival,春节,4"; other days by weekday
  if (!detail.name.includes(',')) return null;
  return detail.work ? 'makeup' : 'holiday';
}

/** Whether chinese-days knows a year's schedule: 元旦 is a day off in every year it has. */
function packageCovers(year: number): boolean {
  let known = covered.get(year);
  if (known === undefined) {
    known = packageKind(Date.UTC(year, 0, 1) / DAY) === 'holiday';
    covered.set(year, known);
  }
  return known;
}

/**
 * The 13 statutory days of a year by the law (《全国年节及纪念日放假办法》, 2025):
 * 元旦 1, 春节 除夕–初三 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. The State
 * Council moves days around them each year; those moves are not known here.
 */
function lawHolidays(year: number): Set<number> {
  let days = estimated.get(year);
  if (days) return days;
  const date = (month: number, dayOfMonth: number) => Date.UTC(year, month - 1, dayOfMonth) / DAY;

  // the lunar dates: the package reads a lunar date from a Date's local fields
  // and counts in local days, so a local noon gives the right answer anywhere
  const lunar = (month: number, dayOfMonth: number) =>
    dayOf(getSolarDateFromLunar(new Date(year, month - 1, dayOfMonth, 12)).date);
  const spring = lunar(1, 1);

  days = new Set([
    date(1, 1),
    spring - 1,
    spring,
    spring + 1,
    spring + 2,
    qingming(year),
    date(5, 1),
    date(5, 2),
    lunar(5, 5),
    lunar(8, 15),
    date(10, 1),
    date(10, 2),
    date(10, 3),
  ]);
  estimated.set(year, days);
  return days;
}

/**
 * 清明, the solar term pure brightness. The package formats a UTC midnight in
 * local time, which is a day early west of Greenwich: the day whose UTC
 * midnight shows the package's date locally is the one it computed.
 */
function qingming(year: number): number {
  const shown = dayOf(getSolarTermDate(year, 4, 'pure_brightness'));
  const [y, m, d] = civil(shown);
  const local = new Date(shown * DAY);
  const same = local.getFullYear() === y && local.getMonth() + 1 === m && local.getDate() === d;
  return same ? shown : shown + 1;
}
