import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { citizenArea, servesArea } from './area.js';
import { distance } from './geo.js';
import { openState } from './hours.js';
import { areaWithin, lookup } from './lookup.js';
import { localize } from './text.js';
import type { LngLat, OpenState, RankedVenue, ServiceData, Venue } from './types.js';

export interface RankOptions {
  /** Where distance is measured from (WGS-84); without it, venues go by level, then name. */
  origin?: LngLat | null;
  /** The citizen's area, for 属地 eligibility; guessed from `origin` when absent. */
  area?: string | null;
  /** Keep venues serving this area: in it, inside it, or one of its ancestors. */
  within?: string | null;
  /** Keep venues that handle this matter. */
  matter?: string | null;
  /** Keep venues that handle every matter of this bundle (one trip). */
  bundle?: string | null;
  /** Keep venues of these levels (a list, or one comma-separated string). */
  levels?: string[] | string | null;
  /** The moment the open state is computed for; now by default. */
  at?: Date;
  /** At most this many venues. */
  limit?: number;
}

/** `['street']` or `'district, street'` as a set; null keeps every level. */
function levelSet(levels: string[] | string | null | undefined): Set<string> | null {
  if (!levels) return null;
  const list = typeof levels === 'string' ? levels.split(',') : levels;
  const set = new Set(list.map((level) => String(level).trim()).filter(Boolean));
  return set.size ? set : null;
}

/** The built-in levels in locator order; any other word sorts after them. */
const LEVEL_ORDER = new Map<string, number>([
  ['district', 0],
  ['street', 1],
  ['community', 2],
  ['self-service', 3],
]);
const OTHER_LEVEL = 4;

/**
 * A matter handled by more than one venue in this many is common: its venues
 * are found by walking the index with a filter rather than sorted one by one.
 */
const COMMON = 8;

/** What ranking needs of a dataset, built once and kept while the dataset lives. */
interface Prepared {
  /** Located venues; a venue's place here is its id in `index`. */
  located: Venue[];
  index: KDBush | null;
  /** Venues without a location, by level then name. */
  unlocated: Venue[];
  /** Every venue by level then name; built on first use without an origin. */
  sorted: Venue[] | null;
  compare: (a: Venue, b: Venue) => number;
}

const prepared = new WeakMap<ServiceData, Prepared>();

function prepare(data: ServiceData): Prepared {
  let found = prepared.get(data);
  if (found) return found;

  // names compare by pinyin under the zh-CN collation; one collator is far
  // cheaper than localeCompare on every comparison
  const collator = new Intl.Collator('zh-CN');
  const names = new Map<Venue, string>();
  const nameOf = (venue: Venue): string => {
    let name = names.get(venue);
    if (name === undefined) names.set(venue, (name = localize(venue.name, data.lang)));
    return name;
  };
  const compare = (a: Venue, b: Venue): number =>
    levelRank(a) - levelRank(b) ||
    collator.compare(nameOf(a), nameOf(b)) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  // split the venues, then index the located ones for nearest-first queries
  const located: Venue[] = [];
  const unlocated: Venue[] = [];
  for (const venue of data.venues) (isLocated(venue) ? located : unlocated).push(venue);
  let index: KDBush | null = null;
  if (located.length > 0) {
    index = new KDBush(located.length);
    for (const venue of located) index.add(venue.location![0], venue.location![1]);
    index.finish();
  }
  unlocated.sort(compare);

  found = { located, index, unlocated, sorted: null, compare };
  prepared.set(data, found);
  return found;
}

function levelRank(venue: Venue): number {
  return LEVEL_ORDER.get(venue.level) ?? OTHER_LEVEL;
}

function isLocated(venue: Venue): boolean {
  const at = venue.location;
  return !!at && Number.isFinite(at[0]) && Number.isFinite(at[1]);
}

function validOrigin(origin: LngLat | null | undefined): LngLat | null {
  if (!origin || !Number.isFinite(origin[0]) || !Number.isFinite(origin[1])) return null;
  return origin;
}

function validLimit(limit: number | undefined): number {
  if (limit === undefined || Number.isNaN(limit)) return Infinity;
  return Math.max(0, Math.floor(limit));
}

/** The venue's open state at a moment, in the document's timezone and calendar. */
function openStateOf(venue: Venue, at: Date, data: ServiceData): OpenState {
  // hours are read in Chinese: of a text by language, the Chinese one
  return openState(venue.hours === null ? null : localize(venue.hours, 'zh-CN'), at, {
    timezone: data.timezone,
    calendar: data.calendar,
    level: venue.level,
    closures: venue.closures,
    openingHours: venue.openingHours,
  });
}

/**
 * The venues, filtered and ranked for a locator or a matter's guide.
 *
 * With an `origin`, nearest first: located venues by distance, then those
 * without a location (distance null) by level and name. Without one, by level
 * (district, street, community, self-service, others) and then name.
 *
 * With a `matter` or `bundle`, `eligible` says whether the citizen's area may
 * use the venue: true for 通办 matters, and for 属地 matters when the venue's
 * area is the citizen's or one of its ancestors, false when neither area
 * holds the other; null when either area or the matter's scope is unknown, or
 * the venue's area lies inside the citizen's (see `servesArea`). The
 * citizen's area is `area`, else guessed from `origin` (see `citizenArea`).
 * Without a matter or bundle it is null.
 *
 * The dataset is treated as immutable: its spatial index is cached.
 */
export function rankVenues(data: ServiceData, options: RankOptions = {}): RankedVenue[] {
  const found = lookup(data);
  const ready = prepare(data);
  const origin = validOrigin(options.origin);
  const limit = validLimit(options.limit);
  const at = options.at ?? new Date();
  if (limit === 0) return [];

  // the matters every kept venue must handle
  const required: string[] = [];
  if (options.matter) required.push(options.matter);
  if (options.bundle) {
    const bundle = found.bundle.get(options.bundle);
    if (!bundle) return [];
    for (const id of bundle.matters) if (!required.includes(id)) required.push(id);
  }

  // level and area filters, as one test; area answers are memoised per call
  const levels = levelSet(options.levels);
  const within = options.within ?? null;
  const serves = new Map<string, boolean>();
  const servesWithin = (area: string): boolean => {
    let yes = serves.get(area);
    if (yes === undefined) {
      yes = areaWithin(data, area, within!) || areaWithin(data, within!, area);
      serves.set(area, yes);
    }
    return yes;
  };
  const keep = (venue: Venue): boolean =>
    (!levels || levels.has(venue.level)) &&
    (within === null || (venue.area !== null && servesWithin(venue.area)));

  // eligibility: the citizen's area, chosen or guessed from the origin, only
  // looked up when a 属地 matter needs it
  const scopes = required.map((id) => found.matter.get(id)?.scope ?? null);
  let citizen: string | null | undefined;
  const citizenId = (): string | null => {
    if (citizen === undefined) {
      citizen = citizenArea(data, { area: options.area, origin })?.id ?? null;
    }
    return citizen;
  };
  const eligibleAt = (venue: Venue): boolean | null => {
    if (required.length === 0) return null;
    let all = true;
    for (const scope of scopes) {
      if (scope === 'anywhere') continue;
      const area = scope === 'area' ? citizenId() : null;
      const serves =
        area === null || venue.area === null ? null : servesArea(data, venue.area, area);
      if (serves === false) return false;
      if (serves === null) all = false;
    }
    return all ? true : null;
  };

  const rank = (venue: Venue, metres: number | null): RankedVenue => ({
    venue,
    distance: metres,
    open: openStateOf(venue, at, data),
    eligible: eligibleAt(venue),
  });

  // with matters to handle, the venues of the rarest one are usually few:
  // filter and sort them directly, which beats a filtered nearest search
  let pass = keep;
  if (required.length > 0) {
    let candidates: string[] | undefined;
    for (const id of required) {
      const list = found.venuesOf.get(id);
      if (!list) return [];
      if (!candidates || list.length < candidates.length) candidates = list;
    }
    if (candidates!.length * COMMON < data.venues.length) {
      const venues: Venue[] = [];
      for (const id of candidates!) {
        const venue = found.venue.get(id);
        if (venue && keep(venue) && handlesAll(venue, required)) venues.push(venue);
      }
      return rankList(venues, origin, limit, ready.compare).map(([v, d]) => rank(v, d));
    }
    // a matter most venues handle is a filter like the others
    pass = (venue) => keep(venue) && handlesAll(venue, required);
  }
  const filtered = pass !== keep || levels !== null || within !== null;

  // without an origin, the venues in their standing order
  if (!origin) {
    ready.sorted ??= [...data.venues].sort(ready.compare);
    const out: RankedVenue[] = [];
    for (const venue of ready.sorted) {
      if (out.length >= limit) break;
      if (pass(venue)) out.push(rank(venue, null));
    }
    return out;
  }

  // with an origin, nearest first from the index, then the unlocated venues
  const ids = ready.index
    ? around(
        ready.index,
        origin[0],
        origin[1],
        limit,
        Infinity,
        filtered ? (id: number) => pass(ready.located[id]) : undefined,
      )
    : [];
  const near = ids.map((id): [Venue, number] => {
    const venue = ready.located[id];
    return [venue, distance(origin, venue.location!)];
  });
  // equal distances (one building, several venues) go by level, then name
  near.sort((a, b) => a[1] - b[1] || ready.compare(a[0], b[0]));
  const out = near.map(([venue, metres]) => rank(venue, metres));
  for (const venue of ready.unlocated) {
    if (out.length >= limit) break;
    if (pass(venue)) out.push(rank(venue, null));
  }
  return out;
}

function handlesAll(venue: Venue, matters: string[]): boolean {
  if (matters.length === 1) return venue.matters.some((m) => m.matter === matters[0]);
  const handled = new Set(venue.matters.map((m) => m.matter));
  return matters.every((id) => handled.has(id));
}

/** A short list ranked: by distance when there is an origin, else by level and name. */
function rankList(
  venues: Venue[],
  origin: LngLat | null,
  limit: number,
  compare: (a: Venue, b: Venue) => number,
): [Venue, number | null][] {
  const ranked = venues.map((venue): [Venue, number | null] => [
    venue,
    origin && isLocated(venue) ? distance(origin, venue.location!) : null,
  ]);
  ranked.sort(([a, da], [b, db]) => {
    if (da !== null && db !== null) return da - db || compare(a, b);
    if (da !== null) return -1;
    if (db !== null) return 1;
    return compare(a, b);
  });
  return ranked.length > limit ? ranked.slice(0, limit) : ranked;
}
