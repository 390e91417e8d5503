import { EVERY_DAY, FULL_DAY, ScheduleBuilder, overlaps } from './schedule.js';
import type { HoursSchedule, HoursSpan } from './schedule.js';

/**
 * Reads hours as Chinese service guides write them, in simplified or
 * traditional characters: weekday ranges and lists, 工作日, 每天, sessions
 * with 上午/下午, lunch breaks, 24小时, sessions past midnight, seasons with
 * their dates, 延时服务 and the holiday phrases. Full-width digits and marks
 * are read as their ASCII forms. Any word it does not know makes the whole
 * text not understood (null): a guess would send someone on a wasted trip.
 */

// range marks: - ~ – — ― − 〜 至 到 (full-width － and ～ arrive as - and ~)
const RANGE = '\\s*(?:[-~\u2013\u2014\u2015\u2212\u301c]+|至|到)\\s*';
const DAY_PREFIX = '(?:每?(?:周|週|星期|礼拜|禮拜))';
const DAY_CHAR = '([一二三四五六日天七])';
const DAY_CHAR_OR_DIGIT = '([一二三四五六日天七1-7])';
const PERIOD = '(上午|下午|中午|午间|晚上|晚间|夜间|早上|早晨|凌晨|早|晚)';
const CLOCK = `(?:${PERIOD}[\\s:]*)?(\\d{1,2})(?:[:.](\\d{2})|[点點时時](?:(\\d{1,2})分?|(半))?)`;

const y = (source: string) => new RegExp(source, 'y');

const SKIP = /[\s,;:、。.!?'"“”‘’()[\]【】〔〕<>《》|/]+/y;
const HOLIDAY_OPEN = y(
  '(?:法定)?(?:节假日|節假日|节日|假日|假期)(?:期间)?(?:照常|正常|不休)' +
    '(?:办公|辦公|上班|开放|開放|营业|營業|服务|服務|办理)?|全年无休|全年無休|全年不休|365天',
);
const HOLIDAY_OFF = y(
  '(?:国家)?(?:法定)?(?:节假日|節假日|节日|假日|公众假期|公眾假期|公共假期)(?:期间)?' +
    '(?:除外|休息|不办公|不辦公|不对外(?:办公|开放)?|闭馆|閉館|关闭|關閉|休假|休诊|休診|' +
    '不上班|不开放|(?:暂停|停止)(?:办公|办理|服务|开放|营业)?)',
);
const ALWAYS = y(
  '(?:全天)?(?:7\\s*[×xX*]\\s*)?24\\s*(?:小时|小時|h|H)' +
    '(?:自助)?(?:营业|營業|开放|開放|服务|服務|运行|运营|办理)?(?:全天候)?',
);
const SEASON = y('(?:夏季|冬季|春季|秋季|夏令|冬令|春夏季|秋冬季)(?:作息时间|作息|时间|時間)?');
const DATES = y(
  `(\\d{1,2})月(\\d{1,2})[日号號]?${RANGE}` +
    '(?:次年|翌年|来年|第二年)?(\\d{1,2})月(\\d{1,2})[日号號]?',
);
const DAY_RANGE = y(
  `${DAY_PREFIX}${DAY_CHAR_OR_DIGIT}(?:${RANGE}${DAY_PREFIX}?${DAY_CHAR_OR_DIGIT})?`,
);
const DAY_MORE = y(`${DAY_CHAR}(?:${RANGE}${DAY_PREFIX}?${DAY_CHAR})?`);
const DAY_WORD = y('(工作日)|(每天|每日|天天|全周)|(周末|週末|双休日|雙休日)');
const TIME = y(`${CLOCK}${RANGE}(次日|翌日|第二天)?\\s*${CLOCK}`);
const BREAK_BEFORE = y('(?:午休|午间休息|中午休息|午餐)(?:时间|時間)?');
const CLOSED = y(
  '休息|闭馆|閉館|闭厅|不办公|不辦公|不对外(?:办公|开放)?|不對外|关闭|關閉|休诊|休診|休馆|休館|' +
    '不开放|(?:暂停|停止)(?:办公|辦公|服务|办理)',
);
const EXTENDED = y('(?:延时|延時|延长|延長)(?:服务|服務|办公|辦公|办理|窗口)?');
const NOISE = y(
  '(?:对外|對外)?(?:办公|辦公|工作|服务|服務|营业|營業|开放|開放|受理|接待|办事|窗口)' +
    '(?:时间|時間|时段)?|时间|時間|作息|正常|全天|及|和|与|與|为|為|均|分别',
);

const PM = new Set(['下午', '晚上', '晚间', '夜间', '晚']);
const AFTERNOON = new Set([...PM, '中午', '午间']);
const DAY_NUMBER: Record<string, number> = {
  日: 0, 天: 0, 七: 0, 7: 0, 一: 1, 1: 1, 二: 2, 2: 2, 三: 3, 3: 3, 四: 4, 4: 4, 五: 5, 5: 5,
  六: 6, 6: 6,
};

interface Clause {
  dates: [number, number] | null;
  days: number;
  spans: HoursSpan[];
  breaks: HoursSpan[];
  off: boolean;
  extended: boolean;
}

export function readText(text: string): HoursSchedule | null {
  const source = text.normalize('NFKC');
  const clauses: Clause[] = [];
  const fresh = (dates: [number, number] | null): Clause => {
    const clause = { dates, days: 0, spans: [], breaks: [], off: false, extended: false };
    clauses.push(clause);
    return clause;
  };
  let clause = fresh(null);
  let holidays: HoursSchedule['holidays'] = null;
  let around = false;
  let season = false;
  let sealed = false;
  let last: 'day' | 'time' | 'break' | null = null;
  let at = 0;

  // a clause is complete once it has sessions or is closed; a new weekday
  // after that, or after a full stop, starts the next one
  const done = (c: Clause) => c.spans.length > 0 || c.off;
  const next = (): Clause => {
    if (done(clause) || sealed) clause = fresh(clause.dates);
    sealed = false;
    return clause;
  };
  const match = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = at;
    const found = re.exec(source);
    if (found) at = re.lastIndex;
    return found;
  };

  while (at < source.length) {
    let found: RegExpExecArray | null;

    // separators; a semicolon or a line ends a clause's weekdays (周一至周五 上午…；
    // 下午… still adds sessions to it)
    if ((found = match(SKIP))) {
      if (/[;\n。]/.test(found[0]) && done(clause)) sealed = true;
      continue;
    }

    // the holiday phrases, before any weekday word inside them
    if (match(HOLIDAY_OPEN)) {
      holidays ??= 'open';
      last = null;
      continue;
    }
    if ((found = match(HOLIDAY_OFF))) {
      holidays = 'off';
      // 周六、周日及法定节假日休息: the weekdays named with them close too
      if (last === 'day' && !found[0].endsWith('除外')) clause.off = true;
      last = null;
      continue;
    }

    if (match(ALWAYS)) {
      if (season) return null;
      const c = last === 'day' || last === 'time' ? clause : next();
      c.spans.push([0, FULL_DAY]);
      around = true;
      last = 'time';
      continue;
    }

    // a season must name its dates: 夏季 alone differs from place to place
    if (match(SEASON)) {
      season = true;
      continue;
    }
    if ((found = match(DATES))) {
      const from = monthDay(found[1], found[2]);
      const to = monthDay(found[3], found[4]);
      if (!from || !to) return null;
      clause = fresh([from, to]);
      season = false;
      last = null;
      continue;
    }

    // weekdays: ranges, lists (周一、三、五) and words
    const days = match(DAY_RANGE) ?? (last === 'day' ? match(DAY_MORE) : null);
    if (days) {
      if (season) return null;
      const c = last === 'day' ? clause : next();
      c.days |= dayMask(DAY_NUMBER[days[1]], DAY_NUMBER[days[2] ?? days[1]]);
      last = 'day';
      continue;
    }
    if ((found = match(DAY_WORD))) {
      if (season) return null;
      const c = last === 'day' ? clause : next();
      c.days |= found[1] ? 0b0111110 : found[2] ? EVERY_DAY : 0b1000001;
      last = 'day';
      continue;
    }

    if (match(BREAK_BEFORE)) {
      last = 'break';
      continue;
    }
    if ((found = match(TIME))) {
      if (season) return null;
      const span = timeSpan(found);
      if (!span) return null;
      if (last === 'break') clause.breaks.push(span);
      else (last === 'day' || last === 'time' ? clause : next()).spans.push(span);
      last = 'time';
      continue;
    }

    // 休息 after a session marks a break, after weekdays closes them
    if (match(CLOSED)) {
      if (last === 'time' && clause.spans.length > 1) {
        clause.breaks.push(clause.spans.pop()!);
      } else if (last === 'day') {
        clause.off = true;
      } else {
        last = 'break';
        continue;
      }
      last = null;
      continue;
    }

    // 延时服务 marks the clause it ends, or after a full stop the one it starts
    if (match(EXTENDED)) {
      if (sealed) {
        next().extended = true;
        last = null;
      } else {
        clause.extended = true;
      }
      continue;
    }
    if (match(NOISE)) continue;

    return null;
  }

  if (season || last === 'break') return null;
  if (around) holidays ??= 'open';
  return build(clauses, holidays);
}

/**
 * The clauses as a schedule. A clause adds to what an earlier one said about
 * its weekdays when their sessions do not meet (上午 on one line, 下午 on the
 * next) and replaces it when they do (每天 9-21, then 周六 9-12).
 */
function build(clauses: Clause[], holidays: HoursSchedule['holidays']): HoursSchedule | null {
  const builder = new ScheduleBuilder();
  builder.schedule.holidays = holidays;
  const said = new Map<string, HoursSpan[][]>();

  for (const clause of clauses) {
    if (!clause.days && !clause.spans.length && !clause.off) continue;
    if (!clause.spans.length && !clause.off) return null;
    const spans = clause.off
      ? []
      : cut(clause.spans, clause.breaks).map((s): HoursSpan =>
          clause.extended ? [s[0], s[1], true] : s,
        );
    if (!clause.off && spans.length === 0) return null;
    const days = clause.days || EVERY_DAY;

    // additive when no weekday of the clause already has sessions it meets
    const key = clause.dates ? clause.dates.join() : '';
    const week = said.get(key) ?? Array.from({ length: 7 }, (): HoursSpan[] => []);
    said.set(key, week);
    let additive = !clause.off;
    for (let day = 0; day < 7; day++) {
      if (days & (1 << day) && overlaps(week[day], spans)) additive = false;
    }
    for (let day = 0; day < 7; day++) {
      if (days & (1 << day)) week[day] = additive ? [...week[day], ...spans] : spans;
    }
    builder.add(clause.dates, days, spans, additive);
  }
  return builder.finish();
}

/** Sessions with the breaks taken out. */
function cut(spans: HoursSpan[], breaks: HoursSpan[]): HoursSpan[] {
  let out = spans.map((s): HoursSpan => [s[0], s[1]]);
  for (const [from, to] of breaks) {
    out = out.flatMap((s): HoursSpan[] => {
      if (to <= s[0] || from >= s[1]) return [s];
      const parts: HoursSpan[] = [];
      if (from > s[0]) parts.push([s[0], from]);
      if (to < s[1]) parts.push([to, s[1]]);
      return parts;
    });
  }
  return out;
}

/** Weekdays from one to another (wrapping past Sunday) as a bit mask. */
function dayMask(from: number, to: number): number {
  let mask = 0;
  for (let day = from; ; day = (day + 1) % 7) {
    mask |= 1 << day;
    if (day === to) return mask;
  }
}

function monthDay(month: string, day: string): number {
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? m * 100 + d : 0;
}

/** A session from the matched clock pair, or null when a clock is impossible. */
function timeSpan(found: RegExpExecArray): HoursSpan | null {
  const from = minutes(found[1], found[2], found[3] ?? found[4], found[5]);
  let to = minutes(found[7], found[8], found[9] ?? found[10], found[11]);
  if (from === null || to === null || from >= FULL_DAY) return null;
  // 下午2:00-5:30: an end without its own word is in the start's afternoon
  // when that puts it after the start (晚上8:00-2:00 still ends at 2:00)
  const shared = !found[7] && !found[6] && AFTERNOON.has(found[1] ?? '');
  if (shared && to < 720 && to + 720 > from) to += 720;
  // 00:00-24:00 is the whole day; an end at or before the start is the next day's
  return [from, to > from ? to : to + FULL_DAY];
}

function minutes(
  period: string | undefined,
  hourText: string,
  minuteText: string | undefined,
  half: string | undefined,
): number | null {
  let hour = Number(hourText);
  const minute = half ? 30 : Number(minuteText ?? 0);
  if (minute > 59 || hour > 24 || (hour === 24 && minute > 0)) return null;
  // 下午2:00 is 14:00, 中午1:00 is 13:00
  if (period && hour < 12 && (PM.has(period) || (AFTERNOON.has(period) && hour < 6))) {
    hour += 12;
  }
  return hour * 60 + minute;
}
