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

// ascii characters that folding drops, looked up instead of tested
const ASCII_DROP = new Uint8Array(0x80).map((_, code) => +DROP.test(String.fromCharCode(code)));

// names repeat the same few hundred characters, so fold each one only once
const clusters = new Map<string, string>();

function foldCluster(cluster: string): string {
  let folded = clusters.get(cluster);
  if (folded === undefined) {
    folded = '';
    for (const char of cluster.normalize('NFKC').toLowerCase()) {
      if (!DROP.test(char)) folded += char;
    }
    if (clusters.size >= 10_000) clusters.clear();
    clusters.set(cluster, folded);
  }
  return folded;
}

/**
 * Folds a text for matching: NFKC (full-width letters and digits become
 * ASCII), lower case, without spaces and punctuation. Each character is
 * folded with its combining marks, so every folded unit maps back to a span
 * of the source text and matches can be shown on the name as written.
 */
export function fold(source: string): Folded {
  const starts: number[] = [];
  const ends: number[] = [];
  const text = walk(source, (start, end) => {
    starts.push(start);
    ends.push(end);
  });
  return { text, starts, ends };
}

/** The folded text alone, for aliases and queries, which need no way back. */
export function foldText(source: string): string {
  return walk(source, null);
}

// texts that fold to themselves: lower-case ASCII letters, digits, CJK ideographs
const FOLDED = /^[0-9a-z\u4e00-\u9fff]*$/;

/** Folds `source`, telling `unit` the source span of each folded UTF-16 unit. */
function walk(source: string, unit: ((start: number, end: number) => void) | null): string {
  if (!unit && FOLDED.test(source)) return source;
  let text = '';
  // characters kept as they are gather into a run, copied in one slice
  let run = 0;
  const length = source.length;
  let i = 0;
  while (i < length) {
    const code = source.charCodeAt(i);
    const next = source.charCodeAt(i + 1);
    const plain = !(next >= 0x300); // no combining mark can follow (NaN at the end)

    // fast paths: common CJK ideographs and ASCII, which NFKC leaves alone
    const cjk = code >= 0x4e00 && code <= 0x9fff;
    if (plain && (cjk || (code < 0x80 && !ASCII_DROP[code] && !(code >= 0x41 && code <= 0x5a)))) {
      unit?.(i, i + 1);
      i++;
      continue;
    }
    text += source.slice(run, i);
    if (plain && code < 0x80) {
      // an upper-case letter is lowered, anything else here is dropped
      if (!ASCII_DROP[code]) {
        text += String.fromCharCode(code + 32);
        unit?.(i, i + 1);
      }
      run = ++i;
      continue;
    }

    // everything else: a code point with its combining marks, folded together
    let end = i + (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1);
    while (end < length) {
      const mark = source.codePointAt(end)!;
      if (!MARK.test(String.fromCodePoint(mark))) break;
      end += mark > 0xffff ? 2 : 1;
    }
    const folded = foldCluster(source.slice(i, end));
    text += folded;
    if (unit) for (let k = 0; k < folded.length; k++) unit(i, end);
    run = i = end;
  }
  return text + source.slice(run);
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
  /** The name as displayed, and folded. */
  name: string;
  folded: string;
  /** The way back from folded to displayed, made when a hit first needs it. */
  map: Folded | null;
  /** Venues that handle it (all of a bundle's matters); 0 for a venue. */
  venues: number;
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

  // every folded name and alias, joined by a separator no folded text holds,
  // so one indexOf pass over one string finds every record holding the query
  const entries: Entry[] = [];
  const parts: string[] = [];
  const starts: number[] = [];
  const owners: number[] = [];
  const aliases: boolean[] = [];
  let offset = 0;
  const addField = (text: string, entry: number, alias: boolean): void => {
    if (!text) return;
    parts.push(SEPARATOR, text);
    offset += SEPARATOR.length;
    starts.push(offset);
    owners.push(entry);
    aliases.push(alias);
    offset += text.length;
  };
  const addEntry = (
    kind: Entry['kind'],
    id: string,
    name: string,
    more: string[],
    venues: number,
  ): void => {
    const index = entries.length;
    const folded = foldText(name);
    entries.push({ kind, id, name, folded, map: null, venues });
    addField(folded, index, false);
    for (const text of more) addField(foldText(text), index, true);
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
  for (const venue of data.venues) addEntry('venue', venue.id, localize(venue.name, lang), [], 0);
  parts.push(SEPARATOR);
  starts.push(offset + SEPARATOR.length);

  const joined = parts.join('');
  const fieldStart = Int32Array.from(starts);
  const fieldOwner = Int32Array.from(owners);
  const fieldAlias = Uint8Array.from(aliases, Number);
  // per-search scratch, cleared after each search for the entries it touched
  const tierOf = new Uint8Array(entries.length);
  const atOf = new Int32Array(entries.length);

  /** The best match of every entry holding the needle; the entries, in any order. */
  const match = (needle: string): number[] => {
    const touched: number[] = [];
    let field = 0;
    let pos = joined.indexOf(needle);
    while (pos !== -1) {
      // the field holding this occurrence: the last starting at or before it
      let high = fieldStart.length - 2;
      while (field < high) {
        const mid = (field + high + 1) >> 1;
        if (fieldStart[mid] <= pos) field = mid;
        else high = mid - 1;
      }
      const at = pos - fieldStart[field];
      const whole = at === 0 && needle.length === fieldStart[field + 1] - 1 - fieldStart[field];

      // rate it; the first occurrence in a field is its best, so skip the rest
      let tier: number;
      if (fieldAlias[field]) tier = whole ? ALIAS_EXACT : ALIAS_SUBSTRING;
      else tier = whole ? NAME_EXACT : at === 0 ? NAME_PREFIX : NAME_SUBSTRING;
      const entry = fieldOwner[field];
      if (tierOf[entry] === 0) touched.push(entry);
      if (tier > tierOf[entry]) {
        tierOf[entry] = tier;
        atOf[entry] = fieldAlias[field] ? -1 : at;
      }
      pos = joined.indexOf(needle, fieldStart[field + 1]);
    }
    return touched;
  };

  return {
    search(query: string, searchOptions: SearchOptions = {}): SearchHit[] {
      const limit = Math.floor(searchOptions.limit ?? 10);
      const needle = foldText(query);
      if (!needle || !(limit > 0)) return [];
      const origin = searchOptions.origin ?? null;

      // find, then keep the best `limit` entries
      const touched = match(needle);
      const compare = comparator(data, entries, tierOf, origin);
      const top = best(touched, limit, compare);

      // build the hits, then clear the scratch for the next search
      const hits = top.map((index): SearchHit => {
        const entry = entries[index];
        const at = atOf[index];
        return {
          kind: entry.kind,
          id: entry.id,
          score: tierOf[index],
          ranges: at < 0 ? [] : spans((entry.map ??= fold(entry.name)), at, at + needle.length),
        };
      });
      for (const index of touched) tierOf[index] = 0;
      return hits;
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

/**
 * The order of hits: match quality, then more venues handling it, then the
 * shorter name, then (with an origin) the nearer venue, then document order
 * (matters, bundles, venues).
 */
function comparator(
  data: ServiceData,
  entries: Entry[],
  tierOf: Uint8Array,
  origin: LngLat | null,
): (a: number, b: number) => number {
  // nearest venue of each entry, worked out only when a tie needs it
  const near = new Map<number, number>();
  const nearest = (index: number): number => {
    let metres = near.get(index);
    if (metres === undefined) {
      metres = nearestVenue(data, entries[index], origin!);
      near.set(index, metres);
    }
    return metres;
  };
  return (a, b) => {
    const ea = entries[a];
    const eb = entries[b];
    return (
      tierOf[b] - tierOf[a] ||
      eb.venues - ea.venues ||
      ea.folded.length - eb.folded.length ||
      (origin ? nearest(a) - nearest(b) || 0 : 0) || // Infinity - Infinity is NaN
      a - b
    );
  };
}

/** The first `limit` items in order; a bounded insertion beats sorting many hits. */
function best(items: number[], limit: number, compare: (a: number, b: number) => number): number[] {
  if (items.length <= limit || limit * 8 > items.length) {
    return items.sort(compare).slice(0, limit);
  }
  const top: number[] = [];
  for (const item of items) {
    if (top.length === limit && compare(item, top[limit - 1]) >= 0) continue;
    let i = top.length === limit ? limit - 1 : top.length;
    while (i > 0 && compare(item, top[i - 1]) < 0) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = item;
  }
  return top;
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
