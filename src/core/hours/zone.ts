/**
 * Wall-clock time in a named timezone, read with Intl so that the viewer's
 * own timezone never enters. Days are counted as civil day numbers (days since
 * 1970-01-01 on the zone's calendar), local times as "local milliseconds":
 * the wall clock read as if it were UTC.
 */

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** Offsets are looked up per quarter hour: every zone changes offset on one. */
const QUARTER = 15 * MINUTE;
const FALLBACK_ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    };
    // an unknown zone name reads as the default zone rather than throwing
    try {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone });
    } catch {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: FALLBACK_ZONE });
    }
    formats.set(zone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
export function offsetAt(zone: string, time: number): number {
  const start = Math.floor(time / QUARTER) * QUARTER;
  const key = zone + ' ' + start;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const parts: Record<string, number> = {};
    for (const part of formatFor(zone).formatToParts(new Date(start))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wall = Date.UTC(
      parts.year,
      parts.month - 1,
      parts.day,
      parts.hour,
      parts.minute,
      parts.second,
    );
    offset = wall - start;
    if (offsets.size > 4096) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The instant at which the zone's wall clock shows a local time. */
export function instantOf(zone: string, local: number): number {
  // two rounds settle the offset, also next to a daylight-saving change
  let time = local - offsetAt(zone, local);
  time = local - offsetAt(zone, time);
  return time;
}

/** The civil day number of a `YYYY-MM-DD` date, or NaN when it is not one. */
export function dayOf(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return NaN;
  return Date.UTC(+match[1], +match[2] - 1, +match[3]) / DAY;
}

/** Year, month (1–12), day of month and weekday (0 Sunday) of a day number. */
export function civil(day: number): [number, number, number, number] {
  const date = new Date(day * DAY);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay()];
}
