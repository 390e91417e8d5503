import { distance } from './geo.js';
import { lookup } from './lookup.js';
import { localize } from './text.js';
import type { LngLat, SearchHit, ServiceData, Venue } from './types.js';

export interface SearchOptions {
  /** At most this many hits; 10 by default. */
  limit?: number;
  /** Breaks the last ties: the nearer venue (or nearest venue handling it) first. */
  origin?: LngLat | null;
}

export interface SearchIndex {
  /** The best hits for what the citizen typed, best first; [] for an empty query. */
  search(query: string, options?: SearchOptions): SearchHit[];
}

/** A text folded for matching, and where each of its UTF-16 units came from. */
export interface Folded {
  text: string;
  /** For each unit of `text`, the span `[start, end)` of the source it came from. */
  starts: number[];
  ends: number[];
}

// spaces, punctuation (Chinese included: ，。、（）《》“” …) and invisible controls
const DROP = /[\p{P}\p{Z}\p{Cc}\p{Cf}]/u;
const MARK = /\p{M}/u;

/**
 * Folds a text for matching: NFKC (full-width letters and digits become
 * ASCII), lower case, without spaces and punctuation. Each character is
 * folded with its combining marks, so every folded unit maps back to a span
 * of the source text and matches can be shown on the name as written.
 */
export function fold(source: string): Folded {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const length = source.length;
  let i = 0;
  while (i < length) {
    const code = source.charCodeAt(i);
    const next = source.charCodeAt(i + 1);
    const plain = !(next >= 0x300); // no combining mark can follow (NaN at the end)

    // fast paths: common CJK ideographs and ASCII, which NFKC leaves alone
    if (plain && code >= 0x4e00 && code <= 0x9fff) {
      text += source[i];
      starts.push(i);
      ends.push(i + 1);
      i++;
      continue;
    }
    if (plain && code < 0x80) {
      const char = source[i];
      if (!DROP.test(char)) {
        text += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : char;
        starts.push(i);
        ends.push(i + 1);
      }
      i++;
      continue;
    }

    // everything else: a code point with its combining marks, folded together
    let end = i + (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1);
    while (end < length) {
      const mark = source.codePointAt(end)!;
      if (!MARK.test(String.fromCodePoint(mark))) break;
      end += mark > 0xffff ? 2 : 1;
    }
    for (const char of source.slice(i, end).normalize('NFKC').toLowerCase()) {
      if (DROP.test(char)) continue;
      text += char;
      for (let unit = 0; unit < char.length; unit++) {
        starts.push(i);
        ends.push(end);
      }
    }
    i = end;
  }
  return { text, starts, ends };
}

/** Match quality, best highest; also the hit's `score`. */
const NAME_EXACT = 5;
const NAME_PREFIX = 4;
const NAME_SUBSTRING = 3;
const ALIAS_EXACT = 2;
const ALIAS_SUBSTRING = 1;

/** One searchable record: a matter, a bundle or a venue. */
interface Entry {
  kind: SearchHit['kind'];
  id: string;
  name: Folded;
  /** Venues that handle it (all of a bundle's matters); 0 for a venue. */
  venues: number;
}

/**
 * Where a search looks: the folded names and aliases of all records, joined
 * by a separator no folded text contains, so one `indexOf` pass over a single
 * string finds every record that holds the query.
 */
interface Haystack {
  joined: string;
  /** Start of each field in `joined`, ascending, then the end of the last. */
  offsets: number[];
  /** The entry each field belongs to, and whether it is an alias. */
  owner: number[];
  alias: boolean[];
}

const SEPARATOR = '\u0000';

/**
 * An index over matter names and aliases, bundle names and aliases, and venue
 * names, in the dataset's language unless `lang` says otherwise. Substring
 * matching on folded text; scores go exact name, name prefix, name substring,
 * exact alias, alias substring. Build it once per dataset: it folds every
 * text up front.
 */
export function createSearchIndex(data: ServiceData, options: { lang?: string } = {}): SearchIndex {
  const lang = options.lang ?? data.lang;
  const found = lookup(data);
  const entries: Entry[] = [];
  const parts: string[] = [];
  const offsets: number[] = [];
  const owner: number[] = [];
  const alias: boolean[] = [];
  let offset = 0;

  const addField = (text: string, entry: number, isAlias: boolean): void => {
    if (!text) return;
    parts.push(SEPARATOR, text);
    offset += SEPARATOR.length;
    offsets.push(offset);
    owner.push(entry);
    alias.push(isAlias);
    offset += text.length;
  };
  const addEntry = (
    kind: Entry['kind'],
    id: string,
    name: string,
    aliases: string[],
    venues: number,
  ): void => {
    const index = entries.length;
    const folded = fold(name);
    entries.push({ kind, id, name: folded, venues });
    addField(folded.text, index, false);
    for (const text of aliases) addField(fold(text).text, index, true);
  };

  // matters, bundles, venues: document order breaks the final ties
  for (const matter of data.matters) {
    const venues = found.venuesOf.get(matter.id)?.length ?? 0;
    addEntry('matter', matter.id, localize(matter.name, lang), matter.aliases, venues);
  }
  for (const bundle of data.bundles) {
    const venues = venuesHandlingAll(data, bundle.matters).length;
    addEntry('bundle', bundle.id, localize(bundle.name, lang), bundle.aliases, venues);
  }
  for (const venue of data.venues) {
    addEntry('venue', venue.id, localize(venue.name, lang), [], 0);
  }
  parts.push(SEPARATOR);
  offsets.push(offset + SEPARATOR.length);
  const haystack: Haystack = { joined: parts.join(''), offsets, owner, alias };

  return {
    search(query: string, searchOptions: SearchOptions = {}): SearchHit[] {
      const limit = searchOptions.limit ?? 10;
      const needle = fold(query).text;
      if (!needle || !(limit > 0)) return [];
      const best = bestMatches(haystack, needle);
      return rankHits(data, entries, best, needle.length, limit, searchOptions.origin ?? null);
    },
  };
}

/** The venues that handle every one of `matters`, found from the rarest one's list. */
function venuesHandlingAll(data: ServiceData, matters: string[]): Venue[] {
  const found = lookup(data);
  if (matters.length === 0) return [];
  let rarest: string[] | undefined;
  for (const id of matters) {
    const list = found.venuesOf.get(id) ?? [];
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  const out: Venue[] = [];
  for (const id of rarest!) {
    const venue = found.venue.get(id);
    if (!venue) continue;
    const handled = new Set(venue.matters.map((m) => m.matter));
    if (matters.every((m) => handled.has(m))) out.push(venue);
  }
  return out;
}

/** The best match of each entry: its quality and where in its name it lies. */
interface Match {
  tier: number;
  /** Start of the match in the folded name, or -1 for an alias match. */
  at: number;
}

function bestMatches(haystack: Haystack, needle: string): Map<number, Match> {
  const { joined, offsets, owner, alias } = haystack;
  const best = new Map<number, Match>();
  let pos = joined.indexOf(needle);
  while (pos !== -1) {
    // the field holding this occurrence: the last whose start is at or before it
    let low = 0;
    let high = offsets.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (offsets[mid] <= pos) low = mid;
      else high = mid - 1;
    }
    const field = low;
    const start = pos - offsets[field];
    const whole = start === 0 && needle.length === offsets[field + 1] - 1 - offsets[field];

    // rate it; the first occurrence in a field is its best, so skip the rest
    const tier = alias[field]
      ? whole
        ? ALIAS_EXACT
        : ALIAS_SUBSTRING
      : whole
        ? NAME_EXACT
        : start === 0
          ? NAME_PREFIX
          : NAME_SUBSTRING;
    const entry = owner[field];
    const known = best.get(entry);
    if (!known || tier > known.tier) best.set(entry, { tier, at: alias[field] ? -1 : start });
    pos = joined.indexOf(needle, offsets[field + 1]);
  }
  return best;
}

function rankHits(
  data: ServiceData,
  entries: Entry[],
  best: Map<number, Match>,
  length: number,
  limit: number,
  origin: LngLat | null,
): SearchHit[] {
  // nearest venue of each entry, worked out only when a tie needs it
  const near = new Map<number, number>();
  const nearest = (index: number): number => {
    let metres = near.get(index);
    if (metres === undefined) {
      metres = origin ? nearestVenue(data, entries[index], origin) : Infinity;
      near.set(index, metres);
    }
    return metres;
  };

  // quality, then venues handling it, then shorter names, then nearer, then
  // document order (matters, bundles, venues)
  const order = [...best.keys()];
  order.sort((a, b) => {
    const ea = entries[a];
    const eb = entries[b];
    return (
      best.get(b)!.tier - best.get(a)!.tier ||
      eb.venues - ea.venues ||
      ea.name.text.length - eb.name.text.length ||
      (origin ? nearest(a) - nearest(b) || 0 : 0) ||
      a - b
    );
  });

  return order.slice(0, limit).map((index) => {
    const entry = entries[index];
    const match = best.get(index)!;
    return {
      kind: entry.kind,
      id: entry.id,
      score: match.tier,
      ranges: match.at < 0 ? [] : spans(entry.name, match.at, match.at + length),
    };
  });
}

/** Metres from the origin to the entry's venue, or to the nearest venue handling it. */
function nearestVenue(data: ServiceData, entry: Entry, origin: LngLat): number {
  const found = lookup(data);
  let venues: Venue[];
  if (entry.kind === 'venue') venues = [found.venue.get(entry.id)!];
  else if (entry.kind === 'matter') {
    venues = (found.venuesOf.get(entry.id) ?? []).map((id) => found.venue.get(id)!);
  } else venues = venuesHandlingAll(data, found.bundle.get(entry.id)?.matters ?? []);
  let metres = Infinity;
  for (const venue of venues) {
    if (venue?.location) metres = Math.min(metres, distance(origin, venue.location));
  }
  return metres;
}

/**
 * The spans of the displayed name behind folded units `[from, to)`: one span
 * per run of adjacent characters, so skipped punctuation is not highlighted.
 */
function spans(name: Folded, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (let unit = from; unit < to; unit++) {
    const start = name.starts[unit];
    const end = name.ends[unit];
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}
