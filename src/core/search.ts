import { distance } from './geo.js';
import { lookup } from './lookup.js';
import {
  EVERYDAY,
  FIRST_TIME,
  LEADING_VERBS,
  QUESTION_WORDS,
  TRAILING_WORDS,
} from './search-words.js';
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
  /**
   * Loads what `query` needs and search lacks so far: the pinyin table for
   * Latin letters, the traditional-character table for a character the data
   * never uses. A promise to search again after, or null when nothing is
   * missing. Each table is downloaded once per page, only when needed.
   */
  prepare(query: string): Promise<void> | null;
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

// lazily loaded tables ---------------------------------------------------------

/**
 * The pinyin table, decoded: syllables in alphabetical order, so the
 * syllables a typed prefix may start are one range of codes; each character's
 * most common reading as a code (0x100 + its place), 0 when unknown.
 */
interface PinyinTable {
  syllables: string[];
  codeOf: Uint16Array;
  /** Characters with more than one reading, for which `words` may decide. */
  polyphonic: Uint8Array;
  /** Two-character words where a polyphonic character reads otherwise: [which, code]. */
  words: Map<string, [number, number]>;
  /** Every prefix of every syllable, for cutting Latin input into syllables. */
  prefixes: Set<string>;
}

/** The code of a unit with no syllable (Latin, digits, unknown characters). */
const NO_SYLLABLE = 1;
const SYLLABLE_BASE = 0x100;

let t2s: Map<number, string> | null = null;
let t2sLoading: Promise<void> | null = null;
let pinyinTable: PinyinTable | null = null;
let pinyinLoading: Promise<void> | null = null;

// each table is its own chunk: a page downloads it only when a query needs it
function loadT2s(): Promise<void> {
  return (t2sLoading ??= import('./t2s-table.js').then(({ T2S }) => {
    const map = new Map<number, string>();
    for (let i = 0; i < T2S.length; i += 2) map.set(T2S.charCodeAt(i), T2S[i + 1]);
    t2s = map;
  }));
}

function loadPinyin(): Promise<void> {
  return (pinyinLoading ??= import('./pinyin-table.js').then((table) => {
    // the generated order, then the alphabetical one this index uses
    const listed = table.SYLLABLES.split(' ');
    const syllables = [...listed].sort();
    const code = listed.map((s) => SYLLABLE_BASE + syllables.indexOf(s));
    const codeOf = new Uint16Array(65536);
    const polyphonic = new Uint8Array(65536);
    const readings = table.READINGS.split(',');
    for (let i = 0; i < table.CHARS.length; i++) {
      const char = table.CHARS.charCodeAt(i);
      codeOf[char] = code[readings[i].charCodeAt(0) - 0x100];
      polyphonic[char] = +(readings[i].length > 1);
    }
    const words = new Map<string, [number, number]>();
    for (const word of table.WORDS.split(' ')) {
      const at = syllables.indexOf(word.slice(3));
      if (word && at >= 0) words.set(word.slice(0, 2), [Number(word[2]), SYLLABLE_BASE + at]);
    }
    const prefixes = new Set<string>();
    for (const s of syllables) for (let n = 1; n <= s.length; n++) prefixes.add(s.slice(0, n));
    pinyinTable = { syllables, codeOf, polyphonic, words, prefixes };
  }));
}

/**
 * Loads both lazily loaded tables (pinyin, traditional characters) now, for
 * callers that search outside a page (Node, tests, benchmarks). Elements need
 * not: `prepare` loads what a query needs.
 */
export function loadSearchTables(): Promise<void> {
  return Promise.all([loadT2s(), loadPinyin()]).then(() => undefined);
}

const LATIN = /[a-z]/;
const ALL_LATIN = /^[a-z0-9]+$/;

// TODO(#4): only queries are made simplified; a document written in traditional
// characters (a Hong Kong list) is indexed as written, so a simplified query misses it.
/** The text with traditional characters made simplified, once that table is loaded. */
function simplify(text: string): string {
  if (!t2s) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) out += t2s.get(text.charCodeAt(i)) ?? text[i];
  return out;
}

/**
 * A folded text as syllable codes, one per unit (so offsets are the text's):
 * each character's reading, a polyphonic one as its word says (银行 hang).
 */
function syllablesOf(table: PinyinTable, text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    let code = table.codeOf[char] || NO_SYLLABLE;
    if (table.polyphonic[char]) {
      const before = i > 0 ? table.words.get(text.slice(i - 1, i + 1)) : undefined;
      const after = table.words.get(text.slice(i, i + 2));
      if (before?.[0] === 1) code = before[1];
      else if (after?.[0] === 0) code = after[1];
    }
    out += String.fromCharCode(code);
  }
  return out;
}

/** The full pinyin and the initials of a folded text, or null when a character has none. */
function spell(table: PinyinTable, text: string): { full: string; initials: string } | null {
  let full = '';
  let initials = '';
  for (const unit of syllablesOf(table, text)) {
    const code = unit.charCodeAt(0);
    if (code < SYLLABLE_BASE) return null;
    const syllable = table.syllables[code - SYLLABLE_BASE];
    full += syllable;
    initials += syllable[0];
  }
  return { full, initials };
}

/**
 * Latin input cut into syllables, greedily, the longest piece that starts
 * some syllable first (juzhuzheng → ju zhu zheng, jzz → j z z), each as the
 * range of codes of the syllables it may be: a whole syllable before the end
 * is itself, an initial or the last piece any syllable it starts. Null when
 * the input cannot be cut.
 */
function syllableRanges(table: PinyinTable, latin: string): [number, number][] | null {
  const ranges: [number, number][] = [];
  const { syllables, prefixes } = table;
  for (let i = 0; i < latin.length; ) {
    let n = Math.min(6, latin.length - i);
    while (n > 0 && !prefixes.has(latin.slice(i, i + n))) n--;
    if (!n) return null;
    const piece = latin.slice(i, i + n);
    i += n;
    // a whole syllable before the last piece is that syllable; the rest may start several
    const exact = i < latin.length ? syllables.indexOf(piece) : -1;
    if (exact >= 0) {
      ranges.push([SYLLABLE_BASE + exact, SYLLABLE_BASE + exact + 1]);
      continue;
    }
    let low = 0;
    let high = syllables.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (syllables[mid] < piece) low = mid + 1;
      else high = mid;
    }
    let end = low;
    while (end < syllables.length && syllables[end].startsWith(piece)) end++;
    ranges.push([SYLLABLE_BASE + low, SYLLABLE_BASE + end]);
  }
  return ranges;
}

// the n-gram index ---------------------------------------------------------------

/** What a field of a record holds; decides how good a match in it is. */
const enum Field {
  Name,
  Alias,
  Other,
}

interface FieldText {
  text: string;
  owner: number;
  kind: Field;
}

/**
 * Every field's folded text joined by NUL, with each position listed under
 * its character and, inside that, under the character after it: the
 * positions of any character (unigram) or pair (bigram) are one slice, and a
 * longer term is found from its rarest pair. Built with two counting sorts.
 * The same index over syllable codes instead of characters finds pinyin.
 */
class TextIndex {
  readonly joined: string;
  readonly codes: Uint16Array;
  readonly fieldStart: Int32Array;
  readonly fieldOwner: Int32Array;
  readonly fieldKind: Uint8Array;
  /** The field of each position. */
  readonly fieldOf: Int32Array;
  readonly order: Int32Array;
  readonly charStart: Int32Array;
  /** Marks of the fields already reported by the current `find`. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(fields: FieldText[]) {
    // the joined text and where each field starts (one sentinel start at the end)
    const parts: string[] = [];
    const starts = new Int32Array(fields.length + 1);
    let offset = 0;
    fields.forEach((field, i) => {
      parts.push('\u0000', field.text);
      starts[i] = offset + 1;
      offset += 1 + field.text.length;
    });
    parts.push('\u0000');
    starts[fields.length] = offset + 1;
    this.joined = parts.join('');
    this.fieldStart = starts;
    this.fieldOwner = Int32Array.from(fields, (f) => f.owner);
    this.fieldKind = Uint8Array.from(fields, (f) => f.kind);
    this.seen = new Uint32Array(fields.length);

    // character codes, with a NUL past the end so every position has a next
    const length = this.joined.length;
    const codes = (this.codes = new Uint16Array(length + 1));
    for (let i = 0; i < length; i++) codes[i] = this.joined.charCodeAt(i);
    const fieldOf = (this.fieldOf = new Int32Array(length));
    for (let f = 0; f < fields.length; f++) fieldOf.fill(f, starts[f], starts[f + 1]);

    // sort positions by the next character, then (stably) by their own
    const count = new Int32Array(65537);
    for (let i = 0; i < length; i++) count[codes[i + 1] + 1]++;
    for (let c = 1; c <= 65536; c++) count[c] += count[c - 1];
    const byNext = new Int32Array(length);
    for (let i = 0; i < length; i++) byNext[count[codes[i + 1]]++] = i;
    const charStart = (this.charStart = new Int32Array(65537));
    for (let i = 0; i < length; i++) charStart[codes[i] + 1]++;
    for (let c = 1; c <= 65536; c++) charStart[c] += charStart[c - 1];
    const fill = charStart.slice();
    const order = (this.order = new Int32Array(length));
    for (const position of byNext) order[fill[codes[position]]++] = position;
  }

  /** How often a character occurs. */
  count(code: number): number {
    return this.charStart[code + 1] - this.charStart[code];
  }

  /** The slice of `order` holding `a` followed by a character in `[low, high)`. */
  pair(a: number, low: number, high = low + 1): [number, number] {
    const { order, codes } = this;
    const first = (from: number, to: number, at: number): number => {
      while (from < to) {
        const mid = (from + to) >> 1;
        if (codes[order[mid] + 1] < at) from = mid + 1;
        else to = mid;
      }
      return from;
    };
    const from = first(this.charStart[a], this.charStart[a + 1], low);
    return [from, first(from, this.charStart[a + 1], high)];
  }

  /**
   * Where to look for a term: the slice of `order` of its rarest pair (or of
   * its one character), and that pair's place in the term.
   */
  private rarest(term: string): [number, number, number] {
    if (term.length === 1) {
      const code = term.charCodeAt(0);
      return [this.charStart[code], this.charStart[code + 1], 0];
    }
    let [from, to] = this.pair(term.charCodeAt(0), term.charCodeAt(1));
    let shift = 0;
    for (let i = 1; i + 1 < term.length && to > from; i++) {
      const [f, t] = this.pair(term.charCodeAt(i), term.charCodeAt(i + 1));
      if (t - f < to - from) [from, to, shift] = [f, t, i];
    }
    return [from, to, shift];
  }

  /** Starts a new round of `report`: each field is reported once per round. */
  private round(): number {
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /** Calls `visit(field, at)` for the first occurrence of `term` in each field holding it. */
  find(term: string, visit: (field: number, at: number) => void): void {
    if (!term) return;
    const { order, codes, fieldStart, fieldOf, seen } = this;
    const [from, to, shift] = this.rarest(term);
    const stamp = this.round();
    outer: for (let k = from; k < to; k++) {
      const start = order[k] - shift;
      if (start < 0) continue;
      for (let j = 0; j < term.length; j++) {
        if (codes[start + j] !== term.charCodeAt(j)) continue outer;
      }
      const field = fieldOf[start];
      if (seen[field] === stamp) continue;
      seen[field] = stamp;
      visit(field, start - fieldStart[field]);
    }
  }

  /**
   * Like `find`, for a run of code ranges (the syllables Latin input may
   * be): `visit(field, at)` where each unit of a stretch falls in its range.
   */
  findRanges(ranges: [number, number][], visit: (field: number, at: number) => void): void {
    const { order, codes, fieldStart, fieldOf, seen } = this;
    const stamp = this.round();
    const [low, high] = ranges[0];
    for (let a = low; a < high; a++) {
      const [from, to] =
        ranges.length > 1
          ? this.pair(a, ranges[1][0], ranges[1][1])
          : [this.charStart[a], this.charStart[a + 1]];
      outer: for (let k = from; k < to; k++) {
        const start = order[k];
        for (let j = 2; j < ranges.length; j++) {
          const code = codes[start + j];
          if (code < ranges[j][0] || code >= ranges[j][1]) continue outer;
        }
        const field = fieldOf[start];
        if (seen[field] === stamp) continue;
        seen[field] = stamp;
        visit(field, start - fieldStart[field]);
      }
    }
  }

  /**
   * Calls `visit(field, at, end)` for fields holding `term` with one
   * character wrong, missing or extra (`term` at least 3 long): one half of
   * the term is then exact, and the other is checked around it.
   */
  findNear(term: string, visit: (field: number, at: number, end: number) => void): void {
    const half = term.length >> 1;
    const left = term.slice(0, half);
    const right = term.slice(half);
    const reported = new Set<number>();
    const report = (field: number, at: number, end: number): void => {
      if (reported.has(field)) return;
      reported.add(field);
      visit(field, at - this.fieldStart[field], end - this.fieldStart[field]);
    };
    // the left half exact: the rest follows with one edit
    this.findAll(left, (start) => {
      const field = this.fieldOf[start];
      const end = this.nearAfter(right, start + half, this.fieldStart[field + 1] - 1);
      if (end >= 0) report(field, start, end);
    });
    // the right half exact: the rest precedes with one edit
    this.findAll(right, (start) => {
      const field = this.fieldOf[start];
      const from = this.nearBefore(left, start, this.fieldStart[field]);
      if (from >= 0) report(field, from, start + right.length);
    });
  }

  /** Every position where `term` occurs. */
  private findAll(term: string, visit: (start: number) => void): void {
    const { order, codes } = this;
    const [from, to, shift] = this.rarest(term);
    outer: for (let k = from; k < to; k++) {
      const start = order[k] - shift;
      if (start < 0) continue;
      for (let j = 0; j < term.length; j++) {
        if (codes[start + j] !== term.charCodeAt(j)) continue outer;
      }
      visit(start);
    }
  }

  /** Whether `term` from `i` on is written at `at`, within the field ending at `end`. */
  private holds(term: string, i: number, at: number, end: number): boolean {
    if (at < 0 || at + term.length - i > end) return false;
    for (let j = i; j < term.length; j++) {
      if (this.codes[at + j - i] !== term.charCodeAt(j)) return false;
    }
    return true;
  }

  /**
   * Where the text from `at` (a field ending at `end`) starts with `term` but
   * for one character wrong, missing or extra: the end of that stretch, or -1.
   */
  private nearAfter(term: string, at: number, end: number): number {
    let i = 0;
    while (i < term.length && at + i < end && this.codes[at + i] === term.charCodeAt(i)) i++;
    if (i === term.length) return at + i;
    const here = at + i;
    const rest = term.length - i - 1;
    if (here < end && this.holds(term, i + 1, here + 1, end)) return here + 1 + rest; // wrong
    if (this.holds(term, i + 1, here, end)) return here + rest; // extra in the term
    if (this.holds(term, i, here + 1, end)) return here + 1 + rest + 1; // missing
    return -1;
  }

  /** The mirror of `nearAfter`: where a stretch ending at `to` ends with `term`, or -1. */
  private nearBefore(term: string, to: number, start: number): number {
    const n = term.length;
    let i = 0;
    while (i < n && to - 1 - i >= start && this.codes[to - 1 - i] === term.charCodeAt(n - 1 - i)) {
      i++;
    }
    if (i === n) return to - n;
    const here = to - 1 - i; // the text's unit facing the term's mismatch
    const head = term.slice(0, n - i - 1);
    const within = (from: number): boolean => from >= start && this.holds(head, 0, from, to);
    if (here >= start && within(here - head.length)) return here - head.length; // wrong
    if (within(here + 1 - head.length)) return here + 1 - head.length; // extra in the term
    const longer = term.slice(0, n - i);
    if (here - longer.length >= start && this.holds(longer, 0, here - longer.length, to)) {
      return here - longer.length; // missing
    }
    return -1;
  }
}

// queries ---------------------------------------------------------------------------

/** One part of a query: what the citizen typed and what else it may mean. */
interface Term {
  /** As typed (folded); found as written, with the full rating. */
  text: string;
  /** Official terms for an everyday word; found with an everyday rating. */
  means: string[];
  /** Whether a record must hold it to count as a full match. */
  required: boolean;
}

/** The words table as lookups by first character, longest key first. */
interface Words {
  byFirst: Map<string, string[]>;
  means: Map<string, string[]>;
}

function wordsOf(extra: Record<string, string[]> | undefined): Words {
  const means = new Map<string, string[]>();
  const add = (table: Record<string, string[]>): void => {
    for (const [key, list] of Object.entries(table)) {
      const folded = foldText(key);
      if (!folded || !Array.isArray(list)) continue;
      const all = means.get(folded) ?? [];
      for (const term of list) {
        const official = typeof term === 'string' ? foldText(term) : '';
        if (official && !all.includes(official)) all.push(official);
      }
      means.set(folded, all);
    }
  };
  add(EVERYDAY);
  if (extra && typeof extra === 'object') add(extra);
  const byFirst = new Map<string, string[]>();
  for (const key of means.keys()) {
    const list = byFirst.get(key[0]) ?? [];
    list.push(key);
    byFirst.set(key[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return { byFirst, means };
}

const QUESTIONS = [...QUESTION_WORDS].sort((a, b) => b.length - a.length);

/**
 * A query cut into everyday words and the literal runs between them, with the
 * words of a question dropped: 办居住证需要什么材料 → [居住证].
 */
function termsOf(text: string, words: Words): Term[] {
  const terms: Term[] = [];
  let run = '';
  const flush = (): void => {
    if (run) terms.push({ text: run, means: [], required: true });
    run = '';
  };
  for (let i = 0; i < text.length; ) {
    const key = (words.byFirst.get(text[i]) ?? []).find((k) => text.startsWith(k, i)) ?? '';
    const question = QUESTIONS.find((q) => text.startsWith(q, i)) ?? '';
    if (question.length > key.length) {
      flush();
      i += question.length;
    } else if (key) {
      flush();
      terms.push({ text: key, means: words.means.get(key)!, required: true });
      i += key.length;
    } else run += text[i++];
  }
  flush();

  // a verb opening the question, a word closing it, when more remains
  const first = terms[0];
  const verb = first && !first.means.length && LEADING_VERBS.find((v) => first.text.startsWith(v));
  if (verb && (first.text.length - verb.length >= 2 || terms.length > 1)) {
    first.text = first.text.slice(verb.length);
  }
  const last = terms[terms.length - 1];
  if (last && !last.means.length) {
    const word = TRAILING_WORDS.find((w) => last.text.endsWith(w));
    if (word && last.text.length > word.length) last.text = last.text.slice(0, -word.length);
  }

  // a lone character between words tells little: counted, not required
  const kept = terms.filter((term) => term.text);
  for (const term of kept) if (!term.means.length && term.text.length === 1) term.required = false;
  return kept;
}

/** An everyday word that the term is with one character wrong (营业只照 → 营业执照). */
function nearWord(term: string, words: Words): string | null {
  if (term.length < 3) return null;
  for (const list of words.byFirst.values()) {
    for (const key of list) {
      if (key.length !== term.length) continue;
      let wrong = 0;
      for (let i = 0; i < key.length && wrong < 2; i++) if (key[i] !== term[i]) wrong++;
      if (wrong === 1) return key;
    }
  }
  return null;
}

// match quality ---------------------------------------------------------------------

/** Match quality, best highest; also the hit's `score`. */
const NAME_EXACT = 5;
const NAME_PREFIX = 4;
const NAME_SUBSTRING = 3;
const ALIAS_EXACT = 2;
const ALIAS_SUBSTRING = 1;
/** An everyday word's official term in a name: exact, at the start, inside. */
const EVERYDAY_EXACT = 2.2;
const EVERYDAY_PREFIX = 2.1;
const EVERYDAY_INSIDE = 1.9;
const EVERYDAY_ALIAS = 0.9;
const OTHER_FIELD = 0.6;
const HOMOPHONE = 0.55;
const NEAR_NAME = 0.5;
const NEAR_ALIAS = 0.45;
/** Partial matches score up to this, by how much of the query they hold. */
const PARTIAL = 0.4;

/** The rating of a term found at `at` in a field of `kind` (`whole`: the field is the term). */
function rate(kind: Field, at: number, whole: boolean, everyday: boolean): number {
  switch (kind) {
    case Field.Name:
      if (everyday) return whole ? EVERYDAY_EXACT : at === 0 ? EVERYDAY_PREFIX : EVERYDAY_INSIDE;
      return whole ? NAME_EXACT : at === 0 ? NAME_PREFIX : NAME_SUBSTRING;
    case Field.Alias:
      if (everyday) return EVERYDAY_ALIAS;
      return whole ? ALIAS_EXACT : ALIAS_SUBSTRING;
    default:
      return everyday ? OTHER_FIELD - 0.05 : whole ? OTHER_FIELD + 0.05 : OTHER_FIELD;
  }
}

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
  /** Whether the name says it is the first application (首次, 新办, 核发 …). */
  first: boolean;
}

/** Parts of a query that ask for a later step than the first application. */
const LATER_STEP = /补|换|注销|变更|延|挂失|丢|坏|过期|到期|迁|撤|遗失|停|歇|恢复|转/;

/** The pinyin side of an index, built when a query first finds the table loaded. */
interface Sounds {
  /** The names and aliases as syllable codes, unit for unit. */
  index: TextIndex;
  /** Name fields by the syllable code they start with, for one-syllable input. */
  startCode: Uint16Array;
  startOwner: Int32Array;
  /** Everyday words by their full pinyin and by their initials. */
  words: Map<string, string>;
}

const MAX_TERMS = 8;

/**
 * An index over matter names, aliases, departments and topics, bundle names
 * and aliases, and venue names and addresses, in the dataset's language
 * unless `lang` says otherwise. Chinese is matched by character pairs (so any
 * part of a name matches), everyday words are looked up in a built-in table
 * that the document's `words` extends, questions are reduced to their
 * subject, Latin letters match the pinyin of names (full or initials) once
 * `prepare` has loaded the pinyin table, traditional characters match once it
 * has loaded that table, and a term with one character wrong, missing or
 * extra still matches. Build it once per dataset.
 */
export function createSearchIndex(data: ServiceData, options: { lang?: string } = {}): SearchIndex {
  const lang = options.lang ?? data.lang;
  const found = lookup(data);
  const words = wordsOf(data.words);

  // the records and their fields: names, aliases (document pinyin keys too), the rest
  const entries: Entry[] = [];
  const fields: FieldText[] = [];
  const add = (kind: Entry['kind'], id: string, name: string, venues: number): number => {
    const index = entries.length;
    const folded = foldText(name);
    const first = FIRST_TIME.some((word) => folded.includes(word));
    entries.push({ kind, id, name, folded, map: null, venues, first });
    if (folded) fields.push({ text: folded, owner: index, kind: Field.Name });
    return index;
  };
  const more = (owner: number, texts: unknown[], kind: Field): void => {
    for (const text of texts) {
      const folded = typeof text === 'string' ? foldText(text) : '';
      if (folded) fields.push({ text: folded, owner, kind });
    }
  };
  // the data tool's pinyin of a name, found as an alias before the pinyin table loads
  const keys = (record: { pinyin?: { full: string; initials: string } }): string[] =>
    record.pinyin ? [record.pinyin.full, record.pinyin.initials] : [];

  // matters, bundles, venues: document order breaks the final ties
  for (const matter of data.matters) {
    const venues = found.venuesOf.get(matter.id)?.length ?? 0;
    const index = add('matter', matter.id, localize(matter.name, lang), venues);
    more(index, [...matter.aliases, ...keys(matter)], Field.Alias);
    more(index, [localize(matter.department, lang), ...matter.topics], Field.Other);
  }
  for (const bundle of data.bundles) {
    const venues = venuesHandlingAll(data, bundle.matters).length;
    const index = add('bundle', bundle.id, localize(bundle.name, lang), venues);
    more(index, bundle.aliases, Field.Alias);
  }
  for (const venue of data.venues) {
    const index = add('venue', venue.id, localize(venue.name, lang), 0);
    more(index, keys(venue), Field.Alias);
    more(index, [localize(venue.address, lang)], Field.Other);
  }
  const main = new TextIndex(fields);
  let sounds: Sounds | null = null;

  // per-search scratch, cleared after each search for the entries it touched
  const scoreOf = new Float64Array(entries.length);
  const termRating = new Float32Array(entries.length * MAX_TERMS);
  const marked = new Uint8Array(entries.length);
  const touched: number[] = [];
  // ranges found by fuzzy and pinyin matches, for the entries that have them
  const spansOf = new Map<number, [number, number][]>();

  /** Notes an entry as touched by this search, for scoring and clearing. */
  const mark = (owner: number): void => {
    if (!marked[owner]) {
      marked[owner] = 1;
      touched.push(owner);
    }
  };

  /** Keeps `rating` for the entry in `slot` when it is its best there; true when it is new. */
  const keep = (owner: number, slot: number, rating: number): boolean => {
    mark(owner);
    const cell = owner * MAX_TERMS + slot;
    const fresh = termRating[cell] <= 0;
    if (rating > termRating[cell]) termRating[cell] = rating;
    return fresh;
  };

  /** Rates every entry holding `needle` into `slot`; the number of entries new there. */
  const rateTerm = (needle: string, everyday: boolean, slot: number, single: boolean): number => {
    let hits = 0;
    main.find(needle, (field, at) => {
      const kind = main.fieldKind[field] as Field;
      // one character says little: names and aliases only
      if (single && kind === Field.Other) return;
      const length = main.fieldStart[field + 1] - 1 - main.fieldStart[field];
      const rating = rate(kind, at, at === 0 && needle.length === length, everyday);
      if (keep(main.fieldOwner[field], slot, rating)) hits++;
    });
    return hits;
  };

  /** Rates entries holding the term with one character off, into `slot`. */
  const rateNear = (needle: string, slot: number): number => {
    let hits = 0;
    main.findNear(needle, (field, at, end) => {
      const kind = main.fieldKind[field] as Field;
      if (kind === Field.Other) return;
      const owner = main.fieldOwner[field];
      if (keep(owner, slot, kind === Field.Name ? NEAR_NAME : NEAR_ALIAS)) hits++;
      if (kind === Field.Name && !spansOf.has(owner)) spansOf.set(owner, [[at, end]]);
    });
    return hits;
  };

  /** Pairs of the term found in an entry's names and aliases, as a share of its pairs. */
  const ratePairs = (needle: string, slot: number): void => {
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < needle.length; i++) pairs.add(needle.slice(i, i + 2));
    const share = 1 / pairs.size;
    const counted = new Set<number>();
    for (const pair of pairs) {
      // a pair held by most records tells nothing
      const [from, to] = main.pair(pair.charCodeAt(0), pair.charCodeAt(1));
      if (to - from > Math.max(50, entries.length / 4)) continue;
      counted.clear();
      main.find(pair, (field) => {
        const owner = main.fieldOwner[field];
        if (main.fieldKind[field] === Field.Other || counted.has(owner)) return;
        counted.add(owner);
        mark(owner);
        // partial shares are kept negative, apart from whole matches
        const cell = owner * MAX_TERMS + slot;
        if (termRating[cell] <= 0) termRating[cell] -= share;
      });
    }
  };

  /** The pinyin side, built the first time a query finds the table loaded. */
  const soundsOf = (): Sounds | null => {
    const table = pinyinTable;
    if (sounds || !table) return sounds;
    const spelled: FieldText[] = [];
    for (const field of fields) {
      if (field.kind === Field.Other) continue;
      spelled.push({ text: syllablesOf(table, field.text), owner: field.owner, kind: field.kind });
    }
    const names = spelled.filter((field) => field.kind === Field.Name);
    names.sort((a, b) => a.text.charCodeAt(0) - b.text.charCodeAt(0));
    const spelledWords = new Map<string, string>();
    for (const key of words.means.keys()) {
      const spelling = key.length > 1 ? spell(table, key) : null;
      if (!spelling) continue;
      if (!spelledWords.has(spelling.full)) spelledWords.set(spelling.full, key);
      if (!spelledWords.has(spelling.initials)) spelledWords.set(spelling.initials, key);
    }
    sounds = {
      index: new TextIndex(spelled),
      startCode: Uint16Array.from(names, (field) => field.text.charCodeAt(0)),
      startOwner: Int32Array.from(names, (field) => field.owner),
      words: spelledWords,
    };
    return sounds;
  };

  /** Keeps the span of a name that a pinyin match spells, for highlighting. */
  const noteSpan = (owner: number, kind: number, at: number, length: number): void => {
    if (kind === Field.Name && !spansOf.has(owner)) spansOf.set(owner, [[at, at + length]]);
  };

  /** Rates entries whose name sounds like the term (营业只照 → yingyezhizhao). */
  const rateHomophone = (needle: string, slot: number): number => {
    const side = soundsOf();
    if (!side || !pinyinTable) return 0;
    const spelled = syllablesOf(pinyinTable, needle);
    if (spelled.includes(String.fromCharCode(NO_SYLLABLE))) return 0;
    let hits = 0;
    const index = side.index;
    index.find(spelled, (field, at) => {
      if (index.fieldKind[field] !== Field.Name) return;
      const owner = index.fieldOwner[field];
      if (keep(owner, slot, HOMOPHONE)) hits++;
      noteSpan(owner, Field.Name, at, needle.length);
    });
    return hits;
  };

  /** Rates the entries for a query of Latin letters, by pinyin and as written. */
  const searchLatin = (needle: string, terms: Term[]): void => {
    terms.push({ text: needle, means: [], required: true });
    if (needle.length > 1) rateTerm(needle, false, 0, false);
    else {
      // one letter as written: names and aliases starting with it (ETC服务网点), no more
      main.find(needle, (field, at) => {
        const kind = main.fieldKind[field] as Field;
        const whole = main.fieldStart[field + 1] - main.fieldStart[field] === 2;
        if (at !== 0 || kind === Field.Other) return;
        keep(main.fieldOwner[field], 0, rate(kind, 0, whole, false));
      });
    }
    const side = soundsOf();
    const ranges = side && syllableRanges(pinyinTable!, needle);
    if (!side || !ranges) return;

    if (ranges.length === 1) {
      // one syllable or less (j, zh, jiu): names starting with it, not every name holding it
      const { startCode, startOwner } = side;
      let low = 0;
      let high = startCode.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (startCode[mid] < ranges[0][0]) low = mid + 1;
        else high = mid;
      }
      for (let k = low; k < startCode.length && startCode[k] < ranges[0][1]; k++) {
        keep(startOwner[k], 0, NAME_PREFIX);
        noteSpan(startOwner[k], Field.Name, 0, 1);
      }
    } else {
      // syllables or initials in a row, anywhere in a name or alias
      const index = side.index;
      index.findRanges(ranges, (field, at) => {
        const kind = index.fieldKind[field] as Field;
        const length = index.fieldStart[field + 1] - 1 - index.fieldStart[field];
        const owner = index.fieldOwner[field];
        keep(owner, 0, rate(kind, at, at === 0 && ranges.length === length, false));
        noteSpan(owner, kind, at, ranges.length);
      });
    }

    // an everyday word spelled out (yyzz, shebaoka): the word and its official terms
    const word = side.words.get(needle);
    if (word) {
      terms[0].means = [word, ...(words.means.get(word) ?? [])];
      for (const official of terms[0].means) rateTerm(official, true, 0, false);
    }
  };

  /** Rates the entries for a query of Chinese (or mixed) text. */
  const searchText = (needle: string, terms: Term[]): void => {
    // the query as typed, whole: exact names beat everything
    terms.push({ text: needle, means: [], required: true });
    const single = needle.length === 1;
    const whole = rateTerm(needle, false, 0, single);
    if (single) return;

    // the subject, cut into everyday words and literal runs
    const parts = termsOf(needle, words).slice(0, MAX_TERMS - 1);
    if (parts.length > 1 || parts[0]?.means.length || parts[0]?.text !== needle) {
      for (const part of parts) terms.push(part);
    }
    for (let slot = 1; slot < terms.length; slot++) {
      const term = terms[slot];
      let hits = rateTerm(term.text, false, slot, term.text.length === 1);
      for (const official of term.means) hits += rateTerm(official, true, slot, false);
      if (hits || term.text.length < 3) continue;

      // nothing holds it: an everyday word mistyped, a homophone, one character off
      const near = nearWord(term.text, words);
      if (near) {
        term.means = [near, ...(words.means.get(near) ?? [])];
        for (const official of term.means) hits += rateTerm(official, true, slot, false);
      }
      if (!hits) hits += rateHomophone(term.text, slot);
      if (!hits) hits += rateNear(term.text, slot);
      if (!hits) ratePairs(term.text, slot);
    }

    // the whole query with one character off, when nothing holds it whole
    if (whole || needle.length < 3) return;
    let near = 0;
    if (terms.length === 1) {
      const word = nearWord(needle, words);
      if (word) {
        terms[0].means = [word, ...(words.means.get(word) ?? [])];
        for (const official of terms[0].means) near += rateTerm(official, true, 0, false);
      }
    }
    if (!near) near += rateHomophone(needle, 0);
    if (!near) near += rateNear(needle, 0);
    if (!near && terms.length === 1) ratePairs(needle, 0);
  };

  /** The score of an entry from its ratings: the query whole, or all its parts. */
  const scoreEntry = (entry: number, terms: Term[]): number => {
    const base = entry * MAX_TERMS;
    const whole = termRating[base];
    if (terms.length === 1) return whole > 0 ? whole : PARTIAL * -whole;
    let weakest = Infinity;
    let all = true;
    let covered = 0;
    let weight = 0;
    for (let slot = 1; slot < terms.length; slot++) {
      const rating = termRating[base + slot];
      const term = terms[slot];
      // an everyday word says more than a literal run of the same length
      const w = !term.required ? 0.5 : term.text.length * (term.means.length ? 2 : 1);
      weight += w;
      if (rating > 0) {
        covered += w;
        if (term.required) weakest = Math.min(weakest, rating);
      } else {
        covered += w * -rating;
        if (term.required) all = false;
      }
    }
    const parts = all && weakest < Infinity ? weakest : PARTIAL * (covered / weight);
    return Math.max(whole > 0 ? whole : PARTIAL * -whole, parts);
  };

  /** The spans of the displayed name that the query's terms match. */
  const rangesOf = (index: number, terms: Term[]): [number, number][] => {
    const entry = entries[index];
    const name = (entry.map ??= fold(entry.name));
    const units: [number, number][] = [...(spansOf.get(index) ?? [])];
    const needles = new Set<string>();
    for (const term of terms) {
      needles.add(term.text);
      for (const official of term.means) needles.add(official);
    }
    for (const needle of needles) {
      const at = name.text.indexOf(needle);
      if (at >= 0) units.push([at, at + needle.length]);
    }
    // merge, then map folded units back to the displayed name
    units.sort((a, b) => a[0] - b[0]);
    const out: [number, number][] = [];
    for (const [from, to] of units) {
      for (const span of spans(name, from, Math.min(to, name.text.length))) {
        const last = out[out.length - 1];
        if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
        else out.push(span);
      }
    }
    return out;
  };

  return {
    search(query: string, searchOptions: SearchOptions = {}): SearchHit[] {
      const limit = Math.floor(searchOptions.limit ?? 10);
      const needle = simplify(foldText(query));
      if (!needle || !(limit > 0)) return [];
      const origin = searchOptions.origin ?? null;

      // rate, then score every entry touched
      const terms: Term[] = [];
      if (ALL_LATIN.test(needle) && LATIN.test(needle)) searchLatin(needle, terms);
      else searchText(needle, terms);
      const candidates: number[] = [];
      for (const entry of touched) {
        const score = scoreEntry(entry, terms);
        if (score > 0) {
          scoreOf[entry] = score;
          candidates.push(entry);
        }
      }

      // keep the best `limit`, build their hits, then clear the scratch
      const firstTime = !LATER_STEP.test(needle);
      const compare = comparator(data, entries, scoreOf, origin, firstTime);
      const top = best(candidates, limit, compare);
      const hits = top.map(
        (index): SearchHit => ({
          kind: entries[index].kind,
          id: entries[index].id,
          score: Math.round(scoreOf[index] * 1000) / 1000,
          ranges: rangesOf(index, terms),
        }),
      );
      for (const entry of touched) {
        scoreOf[entry] = 0;
        marked[entry] = 0;
        termRating.fill(0, entry * MAX_TERMS, entry * MAX_TERMS + MAX_TERMS);
      }
      touched.length = 0;
      spansOf.clear();
      return hits;
    },

    prepare(query: string): Promise<void> | null {
      const needle = foldText(query);
      const waits: Promise<void>[] = [];
      if (!pinyinTable && LATIN.test(needle)) waits.push(loadPinyin());
      // a character the data never uses may be a traditional one
      if (!t2s) {
        for (let i = 0; i < needle.length; i++) {
          const code = needle.charCodeAt(i);
          if (code >= 0x3400 && main.count(code) === 0) {
            waits.push(loadT2s());
            break;
          }
        }
      }
      return waits.length ? Promise.all(waits).then(() => undefined) : null;
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
 * The order of hits: score, then more venues handling it, then (when the
 * query asks for no later step) the first application, then the shorter
 * name, then (with an origin) the nearer venue, then document order
 * (matters, bundles, venues).
 */
function comparator(
  data: ServiceData,
  entries: Entry[],
  scoreOf: Float64Array,
  origin: LngLat | null,
  firstTime: boolean,
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
      scoreOf[b] - scoreOf[a] ||
      eb.venues - ea.venues ||
      (firstTime ? +eb.first - +ea.first : 0) ||
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
