import { EVERY_DAY, FULL_DAY, ScheduleBuilder, isAlways } from './schedule.js';
import type { HoursSchedule, HoursSpan } from './schedule.js';

/**
 * The subset of OpenStreetMap's `opening_hours` that service venues need:
 * rules separated by `;` (a later rule replaces what an earlier one said
 * about its days) or by `,` before a selector (it adds), each an optional
 * month-day range (`Jul 01-Sep 30`, `Oct 01-Jun 30`, `Dec 25`, `Jul-Sep`),
 * optional weekdays (`Mo-Fr`, `Mo,We,Fr`, `Su-Tu`), then sessions
 * (`09:00-12:00,13:30-17:30`, `22:00-02:00`) or `off`/`closed`; also `24/7`
 * and `PH off`. Anything else is not understood (null).
 */

const WEEKDAYS = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// February may have 29: a range to its end takes the leap day in
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const WEEKDAY = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const MONTH = `(?:${MONTHS.join('|')})`;
const RULE = new RegExp(
  `^(?:(${MONTH})(?: (\\d{1,2}))?(?:-(${MONTH})?(?: ?(\\d{1,2}))?)? )?` +
    `(?:(${WEEKDAY}(?:-${WEEKDAY})?(?:,${WEEKDAY}(?:-${WEEKDAY})?)*) )?` +
    `(off|closed|\\d{2}:\\d{2}-\\d{2}:\\d{2}(?:,\\d{2}:\\d{2}-\\d{2}:\\d{2})*)$`,
);

export function readOpeningHours(text: string): HoursSchedule | null {
  const builder = new ScheduleBuilder();
  let holidays: HoursSchedule['holidays'] = null;
  let around = false;

  for (const part of text.split(';')) {
    const rules = added(part.replace(/\s*([,-])\s*/g, '$1').replace(/\s+/g, ' ').trim());
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      if (!rule && rules.length === 1) continue;
      if (/^PH (off|closed)$/.test(rule)) {
        holidays = 'off';
        continue;
      }
      if (rule === '24/7') {
        builder.add(null, EVERY_DAY, [[0, FULL_DAY]], i > 0);
        around = true;
        continue;
      }
      const found = RULE.exec(rule);
      if (!found) return null;
      const dates = found[1] ? dateRange(found[1], found[2], found[3], found[4]) : null;
      if (dates === undefined) return null;
      const days = found[5] ? weekdays(found[5]) : EVERY_DAY;
      const spans = found[6] === 'off' || found[6] === 'closed' ? [] : sessions(found[6]);
      if (!spans) return null;
      builder.add(dates, days, spans, i > 0);
    }
  }

  builder.schedule.holidays = holidays ?? (around ? 'open' : null);
  return builder.finish();
}

/** The rules of a part: a comma after sessions and before a selector adds a rule. */
function added(part: string): string[] {
  const rules: string[] = [];
  for (const piece of part.split(',')) {
    const before = rules.length - 1;
    if (before >= 0 && !(/(\d|off|closed)$/.test(rules[before]) && /^[A-Z]/.test(piece))) {
      rules[before] += ',' + piece;
    } else {
      rules.push(piece);
    }
  }
  return rules;
}

/** A month-day range; undefined when a date is impossible. */
function dateRange(
  fromMonth: string,
  fromDay: string | undefined,
  toMonth: string | undefined,
  toDay: string | undefined,
): [number, number] | undefined {
  const start = MONTHS.indexOf(fromMonth) + 1;
  const end = toMonth ? MONTHS.indexOf(toMonth) + 1 : start;
  const first = fromDay ? Number(fromDay) : 1;
  // Jul-Sep runs to the end of September; Dec 25 alone is one day
  const last = toDay ? Number(toDay) : toMonth || !fromDay ? MONTH_DAYS[end - 1] : first;
  if (first < 1 || first > 31 || last < 1 || last > 31) return undefined;
  return [start * 100 + first, end * 100 + last];
}

function weekdays(list: string): number {
  let mask = 0;
  for (const item of list.split(',')) {
    const [from, to = from] = item.split('-').map((day) => WEEKDAYS.indexOf(day));
    for (let day = from; ; day = (day + 1) % 7) {
      mask |= 1 << day;
      if (day === to) break;
    }
  }
  return mask;
}

/** Sessions; an end at or before its start runs past midnight. Null when a clock is impossible. */
function sessions(list: string): HoursSpan[] | null {
  const spans: HoursSpan[] = [];
  for (const item of list.split(',')) {
    const [from, to] = item.split('-').map(clock);
    if (from === null || to === null || from >= FULL_DAY || to > 2 * FULL_DAY) return null;
    spans.push([from, to > from ? to : to + FULL_DAY]);
  }
  return spans;
}

function clock(text: string): number | null {
  const [hour, minute] = text.split(':').map(Number);
  return minute < 60 ? hour * 60 + minute : null;
}

/**
 * The schedule written as `opening_hours`, or null when the subset cannot say
 * it exactly: a schedule that runs on holidays but is not 24/7. 延时服务 cannot
 * be written; such hours are a staffed venue's, closed on holidays anyway, so
 * they get `PH off`.
 */
export function writeOpeningHours(schedule: HoursSchedule): string | null {
  if (schedule.holidays === 'open') return isAlways(schedule) ? '24/7' : null;
  const rules: string[] = [];
  let extended = false;

  schedule.seasons.forEach((season, index) => {
    const [from, to] = season.dates ?? [0, 0];
    const dates = season.dates ? `${monthDayText(from)}-${monthDayText(to)} ` : '';
    // weekdays with the same sessions share a rule, Monday first
    const groups = new Map<string, number[]>();
    for (const day of [1, 2, 3, 4, 5, 6, 0]) {
      const spans = season.week[day];
      // days the first season closes need no rule: closed is the default
      if (!spans || (spans.length === 0 && index === 0)) continue;
      if (spans.some((span) => span[2])) extended = true;
      const text = spans.length ? spans.map(sessionText).join(',') : 'off';
      groups.set(text, [...(groups.get(text) ?? []), day]);
    }
    for (const [text, days] of groups) rules.push(`${dates}${weekdayText(days)} ${text}`);
  });

  if (schedule.holidays === 'off' || extended) rules.push('PH off');
  return rules.join('; ');
}

function monthDayText(monthDay: number): string {
  return `${MONTHS[Math.floor(monthDay / 100) - 1]} ${pad(monthDay % 100)}`;
}

/** Days in Monday-first order as ranges (`Mo-Fr`) and lists (`Sa,Su`). */
function weekdayText(days: number[]): string {
  const order = days.map((day) => (day + 6) % 7);
  const parts: string[] = [];
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1] === order[j] + 1) j++;
    const name = (at: number) => WEEKDAYS[(order[at] + 1) % 7];
    if (j - i >= 2) parts.push(`${name(i)}-${name(j)}`);
    else for (let k = i; k <= j; k++) parts.push(name(k));
    i = j + 1;
  }
  return parts.join(',');
}

function sessionText(span: HoursSpan): string {
  const to = span[1] > FULL_DAY ? span[1] - FULL_DAY : span[1];
  return `${clockText(span[0])}-${clockText(to)}`;
}

function clockText(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
