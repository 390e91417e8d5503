import { dayKind } from './hours/calendar.js';
import { readOpeningHours, writeOpeningHours } from './hours/osm.js';
import { FULL_DAY, isAlways, sameSpans, spansOn } from './hours/schedule.js';
import type { HoursSchedule, HoursSpan } from './hours/schedule.js';
import { readText } from './hours/text.js';
import { DAY, MINUTE, civil, dayOf, instantOf, offsetAt } from './hours/zone.js';
import type { Calendar, Closure, OpenState } from './types.js';

export type { HoursSchedule, HoursSeason, HoursSpan } from './hours/schedule.js';

export interface OpenStateOptions {
  /** The document's IANA timezone; Asia/Shanghai by default. */
  timezone?: string;
  /** The document's holiday calendar; mainland China's (region CN) by default. */
  calendar?: Calendar;
  /** The venue's level; without it, a staffed venue (closed on statutory holidays). */
  level?: string;
  /** Dated closures, both ends inclusive. */
  closures?: Closure[];
  /** The machine form (`opening_hours`); it wins over `hours` when understood. */
  openingHours?: string | null;
}

/** How far ahead `changesAt` is looked for. */
const HORIZON = 400;

/**
 * Reads hours written as Chinese service guides write them, or in the
 * OpenStreetMap `opening_hours` subset. Null when the text is not understood.
 */
export function readHours(text: string): HoursSchedule | null {
  return readText(text) ?? readOpeningHours(text);
}

/**
 * The `opening_hours` form of hours text, when the subset can say exactly the
 * same; null when the text is not understood or cannot be written so.
 */
export function hoursToOpeningHours(text: string): string | null {
  const schedule = readHours(text);
  return schedule && writeOpeningHours(schedule);
}

// venues repeat a few texts; read each once
const read = new Map<string, HoursSchedule | null>();
function cached(text: string, osm: boolean): HoursSchedule | null {
  const key = (osm ? 'o' : 't') + text;
  let schedule = read.get(key);
  if (schedule === undefined) {
    schedule = osm ? readOpeningHours(text) : readHours(text);
    if (read.size > 1000) read.clear();
    read.set(key, schedule);
  }
  return schedule;
}

/** What a day holds: its sessions, and the state between them. */
interface DayPlan {
  base: 'closed' | 'unknown';
  note: string | null;
  spans: HoursSpan[];
  /** A dated closure: even a session from the night before stops at midnight. */
  closure: boolean;
}

interface Segment {
  from: number;
  to: number;
  status: OpenState['status'];
  note: string | null;
}

/**
 * Whether a venue is open at a moment, in the document's timezone, and the
 * exact instant that next changes (null when it does not within 400 days).
 *
 * Statutory holidays close district, street and community venues and any
 * venue without a level; self-service venues, and hours that say 24小时,
 * 节假日照常 or 全年无休, keep their schedule, except 延时服务 sessions. A
 * make-up working day runs the Monday–Friday schedule when those days share
 * one, else the state is unknown. Notes: `holiday`, `makeup-workday`,
 * `closure`, `calendar-estimated`, `unparsed`.
 */
export function openState(
  hours: string | null,
  at: Date,
  options: OpenStateOptions = {},
): OpenState {
  const time = at.getTime();
  const zone = options.timezone || 'Asia/Shanghai';
  const machine = options.openingHours?.trim() || null;
  const text = hours?.trim() || null;

  // the machine form first, then the text
  const schedule = (machine ? cached(machine, true) : null) ?? (text ? cached(text, false) : null);
  const unread = !schedule && (machine || text) ? 'unparsed' : null;
  const closures = closureDays(options.closures);
  if (!Number.isFinite(time) || (!schedule && closures.length === 0)) {
    return { status: 'unknown', changesAt: null, note: unread };
  }
  if (schedule && schedule.holidays === 'open' && closures.length === 0 && isAlways(schedule)) {
    return { status: 'open', changesAt: null, note: null };
  }

  // statutory holidays and make-up days apply to staffed venues and to hours that say so
  const follows =
    !!schedule &&
    (schedule.holidays === 'off' ||
      (schedule.holidays === null && options.level !== 'self-service'));
  const plans = new Map<number, DayPlan>();
  const planOf = (day: number): DayPlan => {
    let plan = plans.get(day);
    if (!plan) {
      plan = dayPlan(day, schedule, unread, follows, options.calendar, closures);
      plans.set(day, plan);
    }
    return plan;
  };

  // find the segment of the local day that holds the moment
  const local = time + offsetAt(zone, time);
  let day = Math.floor(local / DAY);
  let segments = segmentsOf(day, planOf);
  const into = local - day * DAY;
  let i = segments.findIndex((s) => into < s.to * MINUTE);
  const now = segments[i];

  // then walk forward to the first segment whose state differs
  for (const end = day + HORIZON; ; ) {
    if (++i === segments.length) {
      if (++day > end) return { status: now.status, changesAt: null, note: now.note };
      plans.delete(day - 2);
      segments = segmentsOf(day, planOf);
      i = 0;
    }
    const next = segments[i];
    if (next.status !== now.status) {
      const changesAt = new Date(instantOf(zone, day * DAY + next.from * MINUTE));
      return { status: now.status, changesAt, note: now.note };
    }
  }
}

/** The day's open, closed and unknown segments, from midnight to midnight. */
function segmentsOf(day: number, planOf: (day: number) => DayPlan): Segment[] {
  const plan = planOf(day);

  // sessions: the night before's running past midnight, then the day's own
  const open: [number, number, string | null][] = [];
  if (!plan.closure) {
    const before = planOf(day - 1);
    const note = before.note === 'makeup-workday' ? before.note : null;
    for (const [, to] of before.spans) if (to > FULL_DAY) open.push([0, to - FULL_DAY, note]);
  }
  const note = plan.note === 'makeup-workday' ? plan.note : null;
  for (const [from, to] of plan.spans) open.push([from, Math.min(to, FULL_DAY), note]);
  open.sort((a, b) => a[0] - b[0]);

  // the gaps between sessions take the day's base state
  const segments: Segment[] = [];
  let cursor = 0;
  for (const [from, to, openNote] of open) {
    if (from > cursor) {
      segments.push({ from: cursor, to: from, status: plan.base, note: plan.note });
    }
    if (to > cursor) {
      segments.push({ from: Math.max(from, cursor), to, status: 'open', note: openNote });
      cursor = to;
    }
  }
  if (cursor < FULL_DAY) {
    segments.push({ from: cursor, to: FULL_DAY, status: plan.base, note: plan.note });
  }
  return segments;
}

/** What a day (a civil day number of the document's timezone) holds, by DESIGN §4. */
function dayPlan(
  day: number,
  schedule: HoursSchedule | null,
  unread: string | null,
  follows: boolean,
  calendar: Calendar | undefined,
  closures: [number, number][],
): DayPlan {
  if (closures.some(([from, to]) => day >= from && day <= to)) {
    return { base: 'closed', note: 'closure', spans: [], closure: true };
  }
  if (!schedule) return { base: 'unknown', note: unread, spans: [], closure: false };
  const [, month, date, weekday] = civil(day);
  const monthDay = month * 100 + date;
  const kind = dayKind(calendar, day);
  const own = spansOn(schedule, monthDay, weekday) ?? [];

  // a statutory holiday closes the venue, or at least its 延时服务
  if (kind === 'holiday' || kind === 'estimated') {
    if (follows) {
      const note = kind === 'estimated' ? 'calendar-estimated' : 'holiday';
      return { base: 'closed', note, spans: [], closure: false };
    }
    const kept = own.filter((span) => !span[2]);
    const note = kept.length < own.length ? 'holiday' : null;
    return { base: 'closed', note, spans: kept, closure: false };
  }

  // a make-up working day runs the working-day schedule, when there is one
  if (kind === 'makeup' && follows) {
    const monday = spansOn(schedule, monthDay, 1);
    for (let other = 2; other <= 5; other++) {
      if (!sameSpans(spansOn(schedule, monthDay, other), monday)) {
        return { base: 'unknown', note: 'makeup-workday', spans: [], closure: false };
      }
    }
    return { base: 'closed', note: 'makeup-workday', spans: monday ?? [], closure: false };
  }

  return { base: 'closed', note: null, spans: own, closure: false };
}

const closureCache = new WeakMap<Closure[], [number, number][]>();

function closureDays(closures: Closure[] | undefined): [number, number][] {
  if (!closures || closures.length === 0) return [];
  let days = closureCache.get(closures);
  if (!days) {
    days = closures
      .map((c): [number, number] => [dayOf(c.from), dayOf(c.to)])
      .filter(([from, to]) => from <= to);
    closureCache.set(closures, days);
  }
  return days;
}
