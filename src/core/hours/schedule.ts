/**
 * The understood form of a venue's hours, whichever way they were written.
 * Times are minutes after the day's midnight; a session ending after 1440
 * runs into the next day. Weekdays are numbered 0 (Sunday) to 6 (Saturday).
 */

/** One session `[from, to]`; a third element `true` marks 延时服务 (closed on holidays). */
export type HoursSpan = [from: number, to: number, extended?: true];

/**
 * The weekly hours for a range of dates. `dates` is an inclusive month-day
 * range written `month * 100 + day` (`[701, 930]`); from after to wraps the
 * year; null means every date. `week[d]` is the sessions of weekday d, `[]`
 * when closed, null when this season says nothing about that day.
 */
export interface HoursSeason {
  dates: [number, number] | null;
  week: (HoursSpan[] | null)[];
}

/**
 * A venue's hours as understood. A later season that covers a date and says
 * something about its weekday wins over earlier ones. `holidays`: `off` when
 * the hours say closed on statutory holidays, `open` when they say the
 * schedule runs on them too (24小时, 节假日照常, 全年无休, 24/7), null when
 * silent (then the venue's level decides).
 */
export interface HoursSchedule {
  seasons: HoursSeason[];
  holidays: 'off' | 'open' | null;
}

export const FULL_DAY = 1440;
export const EVERY_DAY = 0x7f;

/** The sessions of a weekday on a date (month * 100 + day), or null when none is set. */
export function spansOn(
  schedule: HoursSchedule,
  monthDay: number,
  weekday: number,
): HoursSpan[] | null {
  for (let i = schedule.seasons.length - 1; i >= 0; i--) {
    const season = schedule.seasons[i];
    const week = season.week[weekday];
    if (week && inDates(season.dates, monthDay)) return week;
  }
  return null;
}

function inDates(dates: [number, number] | null, monthDay: number): boolean {
  if (!dates) return true;
  const [from, to] = dates;
  return from <= to ? monthDay >= from && monthDay <= to : monthDay >= from || monthDay <= to;
}

export function sameSpans(a: HoursSpan[] | null, b: HoursSpan[] | null): boolean {
  if (!a || !b) return (a ?? []).length === 0 && (b ?? []).length === 0;
  return (
    a.length === b.length &&
    a.every((s, i) => s[0] === b[i][0] && s[1] === b[i][1] && s[2] === b[i][2])
  );
}

/** Whether the hours are open every minute of every day of the year. */
export function isAlways(schedule: HoursSchedule): boolean {
  const [first, ...rest] = schedule.seasons;
  return (
    rest.length === 0 &&
    !!first &&
    first.dates === null &&
    first.week.every((day) => !!day && day.length === 1 && day[0][0] === 0 && day[0][1] >= FULL_DAY)
  );
}

/**
 * Collects rules into seasons. A rule for some weekdays replaces what an
 * earlier rule of the same season said about them, or, when `additive`, adds
 * its sessions to it.
 */
export class ScheduleBuilder {
  readonly schedule: HoursSchedule = { seasons: [], holidays: null };

  add(dates: [number, number] | null, days: number, spans: HoursSpan[], additive: boolean): void {
    const key = dates ? dates.join() : '';
    let season = this.schedule.seasons.find((s) => (s.dates ? s.dates.join() : '') === key);
    if (!season) {
      season = { dates, week: [null, null, null, null, null, null, null] };
      this.schedule.seasons.push(season);
    }
    for (let day = 0; day < 7; day++) {
      if (!(days & (1 << day))) continue;
      const before = season.week[day];
      season.week[day] = normalize(additive && before ? [...before, ...spans] : spans);
    }
  }

  /** The schedule, or null when it never opens. */
  finish(): HoursSchedule | null {
    const { schedule } = this;
    const opens = schedule.seasons.some((s) => s.week.some((day) => day && day.length > 0));
    if (!opens) return null;
    // open round the clock every day is what 24小时 says: it runs on holidays
    if (schedule.holidays === null && isAlways(schedule)) schedule.holidays = 'open';
    return schedule;
  }
}

/** Sessions sorted, with overlapping ones of the same kind joined. */
function normalize(spans: HoursSpan[]): HoursSpan[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: HoursSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1] && last[2] === span[2]) {
      last[1] = Math.max(last[1], span[1]);
    } else {
      out.push(span[2] ? [span[0], span[1], true] : [span[0], span[1]]);
    }
  }
  return out;
}

/** Whether two session lists share any minute. */
export function overlaps(a: HoursSpan[], b: HoursSpan[]): boolean {
  return a.some((x) => b.some((y) => x[0] < y[1] && y[0] < x[1]));
}
