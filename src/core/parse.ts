/**
 * `parseServiceData`: checks a service-map document (format version 1, or a
 * GeoJSON FeatureCollection of venues) and normalises it into `ServiceData`.
 * It never throws: every fault becomes a `Problem` with a JSON pointer, a
 * stable code and one sentence a webmaster can act on, and the data keeps
 * everything that could be read.
 *
 * Problem codes (the README copies this table):
 *
 * | code                   | severity | meaning                                                   |
 * | ---------------------- | -------- | --------------------------------------------------------- |
 * | `invalid-json`         | error    | a string that is not JSON was given; the data is empty    |
 * | `not-a-document`       | error    | not an object (null, a list, a number …); data empty      |
 * | `version-missing`      | error    | no `version`; read as version 1 anyway                    |
 * | `version-invalid`      | error    | `version` is not a whole number ≥ 1; read as version 1    |
 * | `version-newer`        | warning  | `version` above 1; read as well as version 1 allows       |
 * | `no-venues`            | error    | the venue list is missing, not a list, or ends up empty   |
 * | `crs-unknown`          | warning  | `crs` is not WGS84, CGCS2000/EPSG:4490, GCJ02 or BD09     |
 * | `invalid-record`       | warning  | a top-level list entry is not an object; dropped          |
 * | `invalid-value`        | warning  | a field of the wrong type or value; its default is used   |
 * | `id-missing`           | warning  | no id; one is generated from the position (see below)     |
 * | `id-invalid`           | warning  | an id neither text nor a number; one is generated         |
 * | `id-not-string`        | info     | a number id; its decimal text is used                     |
 * | `duplicate-id`         | warning  | an id used before; the later record becomes `id~2`, `~3`  |
 * | `name-missing`         | warning  | no usable name; a placeholder is shown (see below)        |
 * | `level-missing`        | warning  | a venue without a usable `level`; it becomes `''`         |
 * | `location-missing`     | info     | a venue without a location; kept, not drawn               |
 * | `location-invalid`     | warning  | not `[lng, lat]` numbers in range, or not a Point; null   |
 * | `location-swapped`     | warning  | latitude out of range but fits as longitude; null         |
 * | `location-placeholder` | warning  | `[0, 0]`; null                                            |
 * | `location-rough`       | warning  | whole degrees on both axes, a likely placeholder; kept    |
 * | `location-text`        | info     | `["114.3", "30.5"]` or `"114.3,30.5"`; read as numbers    |
 * | `invalid-link`         | warning  | not `http:`/`https:` (appointments: or `tel:`); dropped    |
 * | `unknown-matter`       | warning  | a venue or bundle names a missing matter; dropped         |
 * | `unknown-area`         | warning  | a venue `area` or area `parent` that is missing; null     |
 * | `area-cycle`           | warning  | an area is its own ancestor; its parent set to none        |
 * | `duplicate-reference`  | info     | a matter listed twice in one venue or bundle; kept once   |
 * | `bundle-empty`         | warning  | a bundle left with no known matter; kept                  |
 * | `unknown-field`        | info     | a field the format lacks; ignored (one problem per name   |
 * |                        |          | and kind of record; its message counts the repeats)       |
 * | `internal-error`       | error    | a fault in this parser; the data read so far is returned  |
 *
 * `$schema` is allowed silently. Generated ids are the record's 1-based
 * position in its list: `venue-4` for `/venues/3` (or `/features/3`),
 * `matter-N`, `bundle-N`, `area-N`. Placeholder names: `（未命名场所）` (venue),
 * `（未命名事项）` (matter), `（未命名一件事）` (bundle), `（未命名辖区）` (area).
 * Unknown level words are kept as written without a problem.
 */
import { convert } from './crs.js';
import { localize } from './text.js';
import type {
  Area,
  Bundle,
  Calendar,
  Closure,
  Crs,
  Faq,
  LngLat,
  Material,
  Matter,
  MultiPolygon,
  ParseResult,
  Pinyin,
  Polygon,
  Problem,
  ServiceData,
  Severity,
  Text,
  Venue,
  VenueMatter,
} from './types.js';

type Json = Record<string, unknown>;
type Kind = 'venue' | 'matter' | 'bundle' | 'area';

/** The newest format version this library reads in full. */
const FORMAT_VERSION = 1;

const PLACEHOLDER: Record<Kind, string> = {
  venue: '（未命名场所）',
  matter: '（未命名事项）',
  bundle: '（未命名一件事）',
  area: '（未命名辖区）',
};

const NOUN: Record<Kind, string> = {
  venue: 'Venue',
  matter: 'Matter',
  bundle: 'Bundle',
  area: 'Area',
};

const TOP_KEYS = new Set([
  '$schema', 'version', 'title', 'lang', 'crs', 'timezone', 'updated', 'attribution',
  'areas', 'venues', 'matters', 'bundles', 'calendar', 'words',
]);
const GEOJSON_TOP_KEYS = new Set([...TOP_KEYS, 'type', 'features', 'bbox']);
GEOJSON_TOP_KEYS.delete('venues');
const FEATURE_KEYS = new Set(['type', 'id', 'geometry', 'properties', 'bbox']);
const VENUE_KEYS = new Set([
  'id', 'name', 'level', 'area', 'address', 'location', 'phone', 'hours', 'openingHours',
  'closures', 'matters', 'appointment', 'queue', 'facilities', 'note', 'updated', 'pinyin',
]);
const VENUE_MATTER_KEYS = new Set(['matter', 'window', 'hours', 'phone', 'code', 'appointment']);
const CLOSURE_KEYS = new Set(['from', 'to', 'note']);
const MATTER_KEYS = new Set([
  'id', 'name', 'aliases', 'code', 'type', 'department', 'audience', 'topics', 'scope',
  'visits', 'online', 'promised', 'legal', 'fee', 'conditions', 'materials', 'steps', 'basis',
  'phone', 'complaintPhone', 'faq', 'pinyin',
]);
const MATERIAL_KEYS = new Set(['name', 'required', 'form', 'copies', 'note']);
const FAQ_KEYS = new Set(['q', 'a']);
const BUNDLE_KEYS = new Set(['id', 'name', 'aliases', 'matters']);
const AREA_KEYS = new Set(['id', 'name', 'level', 'parent', 'center', 'boundary']);
const CALENDAR_KEYS = new Set(['region', 'years', 'off', 'work']);

const KNOWN_LEVELS = new Set(['district', 'street', 'community', 'self-service']);
// a scheme, then a host without spaces; a full URL parse costs more than the rest of a venue
const HTTP_LINK = /^https?:\/\/[^\s/?#]+([/?#].*)?$/is;
/** Booking by phone is a real practice, so appointment links may be `tel:`. */
const TEL_LINK = /^tel:\+?[\d\-, ]{3,}$/i;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const CRS_NOISE = /[\s_-]/g;
const TILDE = /~/g;
const SLASH = /\//g;

/** Timezones of mainland China, where the built-in (mainland) holiday calendar applies. */
const MAINLAND_ZONES = new Set([
  'Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'Asia/Urumqi',
  'Asia/Kashgar', 'PRC',
]);

/**
 * Checks and normalises a service-map document. Accepts the document object,
 * its JSON text, or a GeoJSON FeatureCollection of venues. Never throws.
 */
export function parseServiceData(json: unknown): ParseResult {
  const parser = new Parser();
  try {
    parser.run(json);
  } catch (error) {
    // a bug here must not take the page down: say so and keep what was read
    parser.internalError(error);
  }
  return parser.result();
}

/** The document every field defaults to; also the data of a failed parse. */
function emptyData(): ServiceData {
  return {
    version: FORMAT_VERSION,
    title: null,
    lang: 'zh-CN',
    crs: 'WGS84',
    timezone: 'Asia/Shanghai',
    updated: null,
    attribution: null,
    areas: [],
    venues: [],
    matters: [],
    bundles: [],
    calendar: { region: 'CN', years: [], off: [], work: [] },
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6901: `~` becomes `~0` and `/` becomes `~1`. */
function escapePointer(key: string): string {
  if (key.indexOf('~') < 0 && key.indexOf('/') < 0) return key;
  return key.replace(TILDE, '~0').replace(SLASH, '~1');
}

/** A short, safe rendering of any value for a message. */
function show(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Array.isArray(value) ? 'a list' : typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A number from a number or a numeric string; NaN otherwise. */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value.trim());
  return NaN;
}

/** A CRS name as documents and GeoJSON write it, or null when unknown. */
function crsOf(name: string): Crs | null {
  const key = name.toUpperCase().replace(CRS_NOISE, '');
  if (key === 'WGS84' || key.endsWith('CRS84') || key.endsWith('4326')) return 'WGS84';
  if (key === 'CGCS2000' || key.endsWith('4490')) return 'CGCS2000';
  if (key === 'GCJ02') return 'GCJ02';
  if (key === 'BD09' || key === 'BD09LL') return 'BD09';
  return null;
}

interface MatterSlot {
  stamp: number;
  ref: VenueMatter;
}

interface UnknownField {
  problem: Problem;
  base: string;
  count: number;
}

/**
 * One parse, in a single pass over each list. The fields `kind` … `infix`
 * describe the record being read, so that messages and JSON pointers are
 * built only when a problem needs them, without a closure per record.
 */
/** `{ "type": "Point", "coordinates": [lng, lat] }`. */
function isPointGeometry(value: unknown): value is { type: 'Point'; coordinates: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'Point' &&
    Array.isArray((value as { coordinates?: unknown }).coordinates)
  );
}

class Parser {
  private readonly problems: Problem[] = [];
  private readonly data = emptyData();

  private crs: Crs = 'WGS84';
  /** Whether locations need converting to WGS-84. */
  private shift = false;
  private geojson = false;

  private kind: Kind | null = null;
  private index = 0;
  private recName: string | null = null;
  private recId: string | null = null;
  /** The list of the record (`/venues`, `/features`). */
  private listPath = '';
  /** Between the record and its fields: `/properties` in GeoJSON, else ''. */
  private infix = '';

  private readonly venueIds = new Map<string, number>();
  /** Matters and bundles share one id space. */
  private readonly matterIds = new Map<string, number>();
  private readonly areaIds = new Map<string, number>();
  /**
   * The matters of the document, each with the stamp of the last list that
   * named it, so one map lookup tells known from unknown and repeated.
   */
  private readonly matterSlots = new Map<string, MatterSlot>();
  private stamp = 0;
  private readonly bundleSet = new Set<string>();
  private readonly areaSet = new Set<string>();
  private readonly unknown = new Map<string, UnknownField>();

  run(json: unknown): void {
    // a JSON text is read first; a bad one leaves the empty data
    let doc = json;
    if (typeof json === 'string') {
      const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
      try {
        doc = JSON.parse(text);
      } catch (error) {
        const reason = error instanceof Error ? ` (${error.message})` : '';
        this.add('', 'error', 'invalid-json', `The data is not valid JSON${reason}.`);
        return;
      }
    }

    if (!isObject(doc)) {
      const what = Array.isArray(doc)
        ? 'a list'
        : doc == null
          ? String(doc)
          : `a ${typeof doc}`;
      this.add(
        '',
        'error',
        'not-a-document',
        `The data is ${what}, not a service-map document (an object with a "venues" list).`,
      );
      return;
    }

    // a FeatureCollection of venues is the same thing; it implies version 1
    this.geojson =
      doc.type === 'FeatureCollection' || (doc.venues === undefined && Array.isArray(doc.features));

    // document-wide settings come first: messages and locations depend on them
    this.version(doc.version);
    this.readCrs(doc.crs);
    this.readLang(doc.lang);
    this.readTimezone(doc.timezone);
    const data = this.data;
    data.title = this.text(doc.title, 'title', '');
    data.updated = this.str(doc.updated, 'updated', '');
    data.attribution = this.text(doc.attribution, 'attribution', '');
    this.calendar(doc.calendar);
    if (doc.words !== undefined) this.words(doc.words);

    // areas before venues, matters before bundles and venues, so references resolve
    this.areas(doc.areas);
    this.matters(doc.matters);
    this.bundles(doc.bundles);
    if (this.geojson) this.features(doc.features);
    else this.venues(doc.venues);
    this.areaParents();

    // fields the format does not define, reported once each
    this.kind = null;
    const known = this.geojson ? GEOJSON_TOP_KEYS : TOP_KEYS;
    for (const key in doc) {
      if (!known.has(key)) this.unknownField(key, '', '', 'top');
    }
  }

  internalError(error: unknown): void {
    const reason = error instanceof Error ? error.message : show(error);
    this.add(
      '',
      'error',
      'internal-error',
      `Reading the data stopped early because of a fault in gov-service-map (${reason}); ` +
        'please report it.',
    );
  }

  result(): ParseResult {
    // say how often each unknown field occurred, on its first problem
    for (const entry of this.unknown.values()) {
      entry.problem.message =
        entry.count === 1
          ? `${entry.base}; it was ignored.`
          : `${entry.base}; it was ignored here and in ${entry.count - 1} more ` +
            `place${entry.count === 2 ? '' : 's'}.`;
    }
    return { data: this.data, problems: this.problems };
  }

  // ---- problems and messages ----

  private add(path: string, severity: Severity, code: string, message: string): void {
    this.problems.push({ path, severity, code, message });
  }

  /** The record being read, as a message starts: `Venue "关山街道政务服务中心"`. */
  private label(): string {
    if (this.kind === null) return 'The document';
    const noun = NOUN[this.kind];
    if (this.recName !== null) return `${noun} "${this.recName}"`;
    if (this.recId !== null) return `${noun} "${this.recId}"`;
    return `${noun} no. ${this.index + 1}`;
  }

  private at(base: string, key: string): string {
    return `${base === '' && this.kind !== null ? this.fieldPath : base}/${key}`;
  }

  private invalid(path: string, key: string, expected: string, value: unknown): void {
    this.add(
      path,
      'warning',
      'invalid-value',
      `${this.label()}: "${key}" should be ${expected} but is ${show(value)}; it was ignored.`,
    );
  }

  private unknownField(key: string, base: string, where: string, group: string): void {
    const id = `${group}\n${key}`;
    const seen = this.unknown.get(id);
    if (seen) {
      seen.count++;
      return;
    }
    const problem: Problem = {
      path: this.at(base, escapePointer(key)),
      severity: 'info',
      code: 'unknown-field',
      message: '',
    };
    this.problems.push(problem);
    const base1 = `${this.label()} has a field "${key}"${where} that the format does not define`;
    this.unknown.set(id, { problem, base: base1, count: 1 });
  }

  private checkKeys(raw: Json, known: Set<string>, base: string, where: string, group: string) {
    for (const key in raw) {
      if (!known.has(key)) this.unknownField(key, base, where, group);
    }
  }

  // ---- field readers: `base` '' means the current record's fields ----

  /** A string or an object of strings by language; '' and null give null. */
  private text(value: unknown, key: string, base: string, name = key): Text | null {
    if (value == null) return null;
    if (typeof value === 'string') return value.trim() === '' ? null : value;
    if (isObject(value)) {
      let good = 0;
      let bad = false;
      for (const lang in value) {
        if (typeof value[lang] === 'string') good++;
        else bad = true;
      }
      if (!bad && good > 0) return value as Record<string, string>;
      if (good > 0) {
        // keep the languages that are text, report the others
        const kept: Record<string, string> = {};
        for (const lang in value) {
          const entry = value[lang];
          if (typeof entry === 'string') {
            if (lang !== '__proto__') kept[lang] = entry;
          } else {
            this.invalid(
              `${this.at(base, key)}/${escapePointer(lang)}`,
              `${name}.${lang}`,
              'text',
              entry,
            );
          }
        }
        return kept;
      }
    }
    this.invalid(this.at(base, key), name, 'text or an object of texts by language', value);
    return null;
  }

  /** A plain string; numbers are taken as their decimal text (phones, codes). */
  private str(value: unknown, key: string, base: string): string | null {
    if (value == null) return null;
    if (typeof value === 'string') return value.trim() === '' ? null : value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    this.invalid(this.at(base, key), key, 'text', value);
    return null;
  }

  private strList(value: unknown, key: string, base: string): string[] {
    const out: string[] = [];
    if (value == null) return out;
    if (typeof value === 'string') {
      if (value.trim() !== '') out.push(value);
      return out;
    }
    if (!Array.isArray(value)) {
      this.invalid(this.at(base, key), key, 'a list of texts', value);
      return out;
    }
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item === 'string') {
        if (item.trim() !== '') out.push(item);
      } else {
        this.invalid(`${this.at(base, key)}/${i}`, `${key}[${i}]`, 'text', item);
      }
    }
    return out;
  }

  private textList(value: unknown, key: string, base: string): Text[] {
    const out: Text[] = [];
    if (value == null) return out;
    if (!Array.isArray(value)) {
      // one text where a list was expected is read as a list of one
      const one = this.text(value, key, base);
      if (one !== null) out.push(one);
      return out;
    }
    const path = this.at(base, key);
    for (let i = 0; i < value.length; i++) {
      const item = this.text(value[i], String(i), path, `${key}[${i}]`);
      if (item !== null) out.push(item);
    }
    return out;
  }

  /** An `http:`/`https:` address (or `tel:`), else dropped with `invalid-link`. */
  private link(
    value: unknown,
    key: string,
    base: string,
    what: string,
    tel = false,
  ): string | null {
    if (value == null || value === '') return null;
    if (typeof value === 'string') {
      const url = value.trim();
      if (HTTP_LINK.test(url) || (tel && TEL_LINK.test(url))) return url;
    }
    this.add(
      this.at(base, key),
      'warning',
      'invalid-link',
      `${this.label()} has ${what} that is not an http: or https: address ` +
        `(${show(value)}); the link was dropped.`,
    );
    return null;
  }

  /**
   * `[lng, lat]` in the document's CRS, returned in WGS-84, or null.
   * `key` is where it sits under the record (`location`, `geometry`, `center`);
   * `missing` says whether an absent location deserves an info problem.
   */
  private location(value: unknown, key: string, missing: boolean): LngLat | null {
    if (value == null) {
      if (missing) {
        this.add(
          this.rec(key),
          'info',
          'location-missing',
          `${this.label()} has no location, so it is not drawn on the map and ranks after ` +
            'the venues that have one.',
        );
      }
      return null;
    }

    // numbers, or numbers written as text
    let lngRaw: unknown;
    let latRaw: unknown;
    if (typeof value === 'string') {
      // Chinese editors often type the full-width comma
      const comma = value.search(/[,，]/);
      if (comma >= 0) {
        lngRaw = value.slice(0, comma);
        latRaw = value.slice(comma + 1);
      }
    } else if (isPointGeometry(value)) {
      // a GeoJSON Point where a position was expected
      lngRaw = value.coordinates[0];
      latRaw = value.coordinates[1];
    } else if (Array.isArray(value) && (value.length === 2 || value.length === 3)) {
      lngRaw = value[0];
      latRaw = value[1];
    }
    const lng = toNumber(lngRaw);
    const lat = toNumber(latRaw);
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
      this.add(
        this.rec(key),
        'warning',
        'location-invalid',
        `${this.label()} is not drawn: its location ${show(value)} should be ` +
          '[longitude, latitude] in numbers.',
      );
      return null;
    }

    // faults a webmaster can fix
    if (lng === 0 && lat === 0) {
      this.add(
        this.rec(key),
        'warning',
        'location-placeholder',
        `${this.label()} is not drawn: its location [0, 0] is a placeholder, not a real place.`,
      );
      return null;
    }
    if (lat < -90 || lat > 90) {
      const swapped = lng >= -90 && lng <= 90 && lat >= -180 && lat <= 180;
      this.add(
        this.rec(key),
        'warning',
        swapped ? 'location-swapped' : 'location-invalid',
        `${this.label()} is not drawn: latitude ${lat} is out of range` +
          (swapped ? ' — are longitude and latitude swapped?' : '.'),
      );
      return null;
    }
    if (lng < -180 || lng > 180) {
      this.add(
        this.rec(key),
        'warning',
        'location-invalid',
        `${this.label()} is not drawn: longitude ${lng} is out of range.`,
      );
      return null;
    }

    // readable but doubtful
    if (typeof lngRaw === 'string' || typeof latRaw === 'string') {
      this.add(
        this.rec(key),
        'info',
        'location-text',
        `${this.label()} gives its location as text ${show(value)}; it was read as ` +
          `[${lng}, ${lat}], but numbers are expected.`,
      );
    }
    if (Number.isInteger(lng) && Number.isInteger(lat)) {
      this.add(
        this.rec(key),
        'warning',
        'location-rough',
        `${this.label()} is placed at [${lng}, ${lat}] in whole degrees, which looks like a ` +
          'placeholder; check its location.',
      );
    }
    const point: LngLat = [lng, lat];
    return this.shift ? convert(point, this.crs, 'WGS84') : point;
  }

  // ---- document settings ----

  private version(value: unknown): void {
    if (value === undefined) {
      if (this.geojson) return;
      this.add(
        '/version',
        'error',
        'version-missing',
        'The document has no "version"; it was read as format version 1 (add "version": 1).',
      );
      return;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      this.add(
        '/version',
        'error',
        'version-invalid',
        `The document's "version" is ${show(value)}, not a whole number from 1 up; ` +
          'it was read as format version 1.',
      );
      return;
    }
    this.data.version = value;
    if (value > FORMAT_VERSION) {
      this.add(
        '/version',
        'warning',
        'version-newer',
        `The document is format version ${value}, newer than the version ${FORMAT_VERSION} ` +
          'this library reads, so newer fields are ignored.',
      );
    }
  }

  private readCrs(value: unknown): void {
    if (value == null) return;
    // GeoJSON 2008 wrote {"type": "name", "properties": {"name": "urn:ogc:def:crs:…"}}
    let name: unknown = value;
    if (isObject(value) && isObject(value.properties)) name = value.properties.name;
    const crs = typeof name === 'string' ? crsOf(name) : null;
    if (crs === null) {
      this.add(
        '/crs',
        'warning',
        'crs-unknown',
        `The document's "crs" ${show(value)} is not WGS84, CGCS2000, GCJ02 or BD09; its ` +
          'coordinates were read as WGS84 and may be misplaced.',
      );
      return;
    }
    this.crs = crs;
    this.data.crs = crs;
    this.shift = crs === 'GCJ02' || crs === 'BD09';
  }

  private readLang(value: unknown): void {
    if (value == null) return;
    let ok = typeof value === 'string' && value !== '';
    if (ok) {
      try {
        Intl.getCanonicalLocales(value as string);
      } catch {
        ok = false;
      }
    }
    if (ok) this.data.lang = value as string;
    else this.invalid('/lang', 'lang', 'a language tag such as "zh-CN"', value);
  }

  private readTimezone(value: unknown): void {
    if (value != null) {
      let ok = typeof value === 'string' && value !== '';
      if (ok) {
        try {
          new Intl.DateTimeFormat('en', { timeZone: value as string });
        } catch {
          ok = false;
        }
      }
      if (ok) this.data.timezone = value as string;
      else this.invalid('/timezone', 'timezone', 'an IANA timezone such as "Asia/Shanghai"', value);
    }

    // the built-in holiday calendar is mainland China's: other places default to their own
    const zone = this.data.timezone;
    this.data.calendar.region = MAINLAND_ZONES.has(zone)
      ? 'CN'
      : zone === 'Asia/Hong_Kong' || zone === 'Hongkong'
        ? 'HK'
        : zone === 'Asia/Macau' || zone === 'Asia/Macao'
          ? 'MO'
          : 'none';
  }

  private calendar(value: unknown): void {
    if (value == null) return;
    if (!isObject(value)) {
      this.invalid('/calendar', 'calendar', 'an object', value);
      return;
    }
    const calendar: Calendar = this.data.calendar;

    // region: one of four words, any case
    const region = value.region;
    if (region != null) {
      const upper = typeof region === 'string' ? region.toUpperCase() : '';
      if (upper === 'CN' || upper === 'HK' || upper === 'MO') calendar.region = upper;
      else if (upper === 'NONE') calendar.region = 'none';
      else this.invalid('/calendar/region', 'region', 'CN, HK, MO or none', region);
    }

    // years: whole numbers
    const years = value.years;
    if (Array.isArray(years)) {
      for (let i = 0; i < years.length; i++) {
        const year = years[i];
        if (typeof year === 'number' && Number.isInteger(year) && year > 1900 && year < 2200) {
          calendar.years.push(year);
        } else {
          this.invalid(`/calendar/years/${i}`, `years[${i}]`, 'a year such as 2027', year);
        }
      }
    } else if (years != null) {
      this.invalid('/calendar/years', 'years', 'a list of years', years);
    }

    calendar.off = this.dateList(value.off, '/calendar/off', 'off');
    calendar.work = this.dateList(value.work, '/calendar/work', 'work');
    this.checkKeys(value, CALENDAR_KEYS, '/calendar', ' in its calendar', 'calendar');
  }

  private dateList(value: unknown, path: string, key: string): string[] {
    const out: string[] = [];
    if (value == null) return out;
    if (!Array.isArray(value)) {
      this.invalid(path, key, 'a list of dates', value);
      return out;
    }
    for (let i = 0; i < value.length; i++) {
      const date = value[i];
      if (typeof date === 'string' && DATE.test(date)) out.push(date);
      else this.invalid(`${path}/${i}`, `${key}[${i}]`, 'a date as YYYY-MM-DD', date);
    }
    return out;
  }

  // ---- records ----

  /** The top-level list named `key`, or null (reported) when it is not a list. */
  private list(value: unknown, key: string): unknown[] | null {
    if (value == null) return null;
    if (Array.isArray(value)) return value;
    this.invalid(`/${key}`, key, 'a list', value);
    return null;
  }

  /** Starts a record: sets what messages name it by. */
  private begin(kind: Kind, index: number, listPath: string, infix: string): void {
    this.kind = kind;
    this.index = index;
    this.listPath = listPath;
    this.infix = infix;
    this.recName = null;
    this.recId = null;
  }

  // pointers are built only when a problem needs one

  /** Pointer of the record (`/venues/3`, `/features/3`). */
  private get recPath(): string {
    return `${this.listPath}/${this.index}`;
  }

  /** Pointer of `key` under the record: `rec('geometry')` is `/features/3/geometry`. */
  private rec(key: string): string {
    return `${this.listPath}/${this.index}/${key}`;
  }

  /** Pointer its fields hang from (`/venues/3`, `/features/3/properties`). */
  private get fieldPath(): string {
    return `${this.listPath}/${this.index}${this.infix}`;
  }

  private dropRecord(path: string, noun: string, value: unknown): void {
    this.add(
      path,
      'warning',
      'invalid-record',
      `Entry ${path} should be a ${noun} object but is ${show(value)}; it was dropped.`,
    );
  }

  /** The name first, so that id problems can name the record; null when unusable. */
  private peekName(value: unknown): Text | null {
    if (typeof value === 'string') return value.trim() === '' ? null : value;
    if (isObject(value)) {
      let good = false;
      for (const lang in value) {
        if (typeof value[lang] !== 'string') return null;
        good = true;
      }
      return good ? (value as Record<string, string>) : null;
    }
    return null;
  }

  /** Sets the record's name, or its placeholder with a problem. */
  private name(name: Text | null, raw: unknown): Text {
    if (name !== null) return name;
    const placeholder = PLACEHOLDER[this.kind as Kind];
    const why =
      raw == null || typeof raw === 'string'
        ? 'has no name'
        : `has a name ${show(raw)} that is not text`;
    this.add(
      `${this.fieldPath}/name`,
      'warning',
      'name-missing',
      `${this.label()} ${why}; it is shown as "${placeholder}".`,
    );
    return placeholder;
  }

  /**
   * The record's id, made unique in `taken`: a missing one is generated from
   * the position, a repeated one gets `~2`, `~3` ….
   */
  private id(raw: unknown, key: string, taken: Map<string, number>, prefix: string): string {
    // what the document gave
    let id: string | null = null;
    if (typeof raw === 'string' && raw.trim() !== '') {
      id = raw;
    } else if (typeof raw === 'number' && Number.isFinite(raw)) {
      id = String(raw);
      this.add(
        this.rec(key),
        'info',
        'id-not-string',
        `${this.label()} has the number ${id} as its id; it was read as the text "${id}".`,
      );
    }

    // a missing id comes from the position
    if (id === null) {
      const final = claim(`${prefix}-${this.index + 1}`, taken);
      const invalid = raw != null && typeof raw !== 'string';
      this.add(
        this.rec(key),
        'warning',
        invalid ? 'id-invalid' : 'id-missing',
        invalid
          ? `${this.label()} has an id ${show(raw)} that is not text; it was given "${final}".`
          : `${this.label()} has no id; it was given "${final}".`,
      );
      this.recId = final;
      return final;
    }

    // a repeated id is renamed, so both records stay
    const final = claim(id, taken);
    if (final !== id) {
      this.add(
        this.rec(key),
        'warning',
        'duplicate-id',
        `${this.label()} uses the id "${id}" of an earlier ` +
          `${prefix === 'venue' || prefix === 'area' ? prefix : 'matter or bundle'}; it was ` +
          `renamed "${final}".`,
      );
    }
    this.recId = final;
    return final;
  }

  private areas(value: unknown): void {
    const list = this.list(value, 'areas');
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const raw = list[i];
      if (!isObject(raw)) {
        this.dropRecord(`/areas/${i}`, 'area', raw);
        continue;
      }
      this.begin('area', i, '/areas', '');

      // identity
      const name = this.peekName(raw.name);
      if (name !== null) this.recName = localize(name, this.data.lang);
      const id = this.id(raw.id, 'id', this.areaIds, 'area');

      const area: Area = {
        id,
        name: this.name(name, raw.name),
        level: this.str(raw.level, 'level', ''),
        parent: this.str(raw.parent, 'parent', ''),
        center: this.location(raw.center, 'center', false),
        boundary: this.boundary(raw.boundary),
      };
      this.checkKeys(raw, AREA_KEYS, '', '', 'area');
      this.areaSet.add(id);
      this.data.areas.push(area);
    }
  }

  /** Parents are checked once every area is known. */
  private areaParents(): void {
    const areas = this.data.areas;
    for (let i = 0; i < areas.length; i++) {
      const area = areas[i];
      if (area.parent === null) continue;
      if (this.areaSet.has(area.parent) && area.parent !== area.id) continue;
      this.begin('area', i, '/areas', '');
      this.recName = localize(area.name, this.data.lang);
      const self = area.parent === area.id;
      this.add(
        `/areas/${i}/parent`,
        'warning',
        'unknown-area',
        self
          ? `${this.label()} names itself as its parent area; the parent was set to none.`
          : `${this.label()} names parent area "${area.parent}", which no area in the ` +
              'document has; the parent was set to none.',
      );
      area.parent = null;
    }

    // a loop of parents (x → y → x) would make "inside" meaningless: cut it
    const byId = new Map(areas.map((area) => [area.id, area]));
    for (let i = 0; i < areas.length; i++) {
      const seen = new Set<string>();
      let at: Area | undefined = areas[i];
      while (at?.parent && !seen.has(at.id)) {
        seen.add(at.id);
        at = byId.get(at.parent);
      }
      if (!at?.parent || at !== areas[i]) continue;
      this.begin('area', i, '/areas', '');
      this.recName = localize(areas[i].name, this.data.lang);
      this.add(
        `/areas/${i}/parent`,
        'warning',
        'area-cycle',
        `${this.label()} is its own ancestor through its parents (${[...seen].join(' → ')} → ` +
          `${areas[i].id}); its parent was set to none.`,
      );
      areas[i].parent = null;
    }
  }

  private boundary(value: unknown): Polygon | MultiPolygon | null {
    if (value == null) return null;
    if (isObject(value)) {
      if (value.type === 'Polygon') {
        const rings = this.rings(value.coordinates);
        if (rings) return { type: 'Polygon', coordinates: rings };
      } else if (value.type === 'MultiPolygon' && Array.isArray(value.coordinates)) {
        const polygons: LngLat[][][] = [];
        for (const polygon of value.coordinates) {
          const rings = this.rings(polygon);
          if (!rings) {
            polygons.length = 0;
            break;
          }
          polygons.push(rings);
        }
        if (polygons.length > 0) return { type: 'MultiPolygon', coordinates: polygons };
      }
    }
    this.invalid(
      `${this.fieldPath}/boundary`,
      'boundary',
      'a GeoJSON Polygon or MultiPolygon of [longitude, latitude] points',
      value,
    );
    return null;
  }

  /** Polygon rings in WGS-84, or null when any point is not a valid position. */
  private rings(value: unknown): LngLat[][] | null {
    if (!Array.isArray(value) || value.length === 0) return null;
    const rings: LngLat[][] = [];
    for (const ring of value) {
      if (!Array.isArray(ring) || ring.length < 4) return null;
      const out: LngLat[] = [];
      for (const point of ring) {
        if (!Array.isArray(point)) return null;
        const lng = point[0];
        const lat = point[1];
        if (typeof lng !== 'number' || typeof lat !== 'number') return null;
        if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) return null;
        out.push(this.shift ? convert([lng, lat], this.crs, 'WGS84') : [lng, lat]);
      }
      rings.push(out);
    }
    return rings;
  }

  private matters(value: unknown): void {
    const list = this.list(value, 'matters');
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const raw = list[i];
      if (!isObject(raw)) {
        this.dropRecord(`/matters/${i}`, 'matter', raw);
        continue;
      }
      this.begin('matter', i, '/matters', '');

      // identity
      const name = this.peekName(raw.name);
      if (name !== null) this.recName = localize(name, this.data.lang);
      const id = this.id(raw.id, 'id', this.matterIds, 'matter');

      // the guide
      const matter: Matter = {
        id,
        name: this.name(name, raw.name),
        aliases: this.strList(raw.aliases, 'aliases', ''),
        code: this.str(raw.code, 'code', ''),
        type: this.str(raw.type, 'type', ''),
        department: this.text(raw.department, 'department', ''),
        audience: this.strList(raw.audience, 'audience', ''),
        topics: this.strList(raw.topics, 'topics', ''),
        scope: this.scope(raw.scope),
        visits: this.visits(raw.visits),
        online: this.link(raw.online, 'online', '', 'an online link'),
        promised: this.text(raw.promised, 'promised', ''),
        legal: this.text(raw.legal, 'legal', ''),
        fee: this.text(raw.fee, 'fee', ''),
        conditions: this.text(raw.conditions, 'conditions', ''),
        materials: this.materials(raw.materials),
        steps: this.textList(raw.steps, 'steps', ''),
        basis: this.textList(raw.basis, 'basis', ''),
        phone: this.str(raw.phone, 'phone', ''),
        complaintPhone: this.str(raw.complaintPhone, 'complaintPhone', ''),
        faq: this.faq(raw.faq),
      };
      const pinyin = this.pinyin(raw.pinyin);
      if (pinyin) matter.pinyin = pinyin;
      this.checkKeys(raw, MATTER_KEYS, '', '', 'matter');
      this.matterSlots.set(id, { stamp: 0, ref: { matter: id } });
      this.data.matters.push(matter);
    }
  }

  private scope(value: unknown): 'anywhere' | 'area' | null {
    if (value == null) return null;
    if (value === 'anywhere' || value === 'area') return value;
    this.invalid(`${this.fieldPath}/scope`, 'scope', '"anywhere" or "area"', value);
    return null;
  }

  private visits(value: unknown): number | null {
    if (value == null) return null;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    this.invalid(`${this.fieldPath}/visits`, 'visits', 'a whole number from 0 up', value);
    return null;
  }

  private materials(value: unknown): Material[] {
    const out: Material[] = [];
    if (value == null) return out;
    const path = `${this.fieldPath}/materials`;
    if (!Array.isArray(value)) {
      this.invalid(path, 'materials', 'a list', value);
      return out;
    }
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const itemPath = `${path}/${i}`;

      // a plain string is a required material with nothing more said
      if (typeof item === 'string') {
        if (item.trim() !== '') {
          out.push({ name: item, required: true, form: null, copies: null, note: null });
        }
        continue;
      }
      if (!isObject(item)) {
        this.invalid(itemPath, `materials[${i}]`, 'a text or an object with a name', item);
        continue;
      }
      const name = this.text(item.name, 'name', itemPath);
      if (name === null) {
        this.invalid(`${itemPath}/name`, `materials[${i}].name`, 'the material name', item.name);
        continue;
      }
      let required = true;
      if (typeof item.required === 'boolean') required = item.required;
      else if (item.required != null) {
        this.invalid(`${itemPath}/required`, 'required', 'true or false', item.required);
      }
      let copies: number | null = null;
      if (typeof item.copies === 'number' && Number.isInteger(item.copies) && item.copies >= 0) {
        copies = item.copies;
      } else if (item.copies != null) {
        this.invalid(`${itemPath}/copies`, 'copies', 'a whole number', item.copies);
      }
      out.push({
        name,
        required,
        form: this.text(item.form, 'form', itemPath),
        copies,
        note: this.text(item.note, 'note', itemPath),
      });
      this.checkKeys(item, MATERIAL_KEYS, itemPath, ' in a material', 'material');
    }
    return out;
  }

  private faq(value: unknown): Faq[] {
    const out: Faq[] = [];
    if (value == null) return out;
    const path = `${this.fieldPath}/faq`;
    if (!Array.isArray(value)) {
      this.invalid(path, 'faq', 'a list', value);
      return out;
    }
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const itemPath = `${path}/${i}`;
      if (!isObject(item)) {
        this.invalid(itemPath, `faq[${i}]`, 'an object with "q" and "a"', item);
        continue;
      }
      const q = this.text(item.q, 'q', itemPath);
      const a = this.text(item.a, 'a', itemPath);
      if (q === null || a === null) {
        this.invalid(itemPath, `faq[${i}]`, 'a question "q" with an answer "a"', item);
        continue;
      }
      out.push({ q, a });
      this.checkKeys(item, FAQ_KEYS, itemPath, ' in a question', 'faq');
    }
    return out;
  }

  private bundles(value: unknown): void {
    const list = this.list(value, 'bundles');
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const raw = list[i];
      const path = `/bundles/${i}`;
      if (!isObject(raw)) {
        this.dropRecord(path, 'bundle', raw);
        continue;
      }
      this.begin('bundle', i, '/bundles', '');

      // identity
      const name = this.peekName(raw.name);
      if (name !== null) this.recName = localize(name, this.data.lang);
      const id = this.id(raw.id, 'id', this.matterIds, 'bundle');

      // the matters of the life event, known ones only
      const matters: string[] = [];
      const refs = raw.matters;
      if (Array.isArray(refs)) {
        const stamp = ++this.stamp;
        for (let j = 0; j < refs.length; j++) {
          const ref = this.matterRef(refs[j], `${path}/matters/${j}`, stamp);
          if (ref !== null) matters.push(ref);
        }
      } else if (refs != null) {
        this.invalid(`${path}/matters`, 'matters', 'a list of matter ids', refs);
      }

      const bundle: Bundle = {
        id,
        name: this.name(name, raw.name),
        aliases: this.strList(raw.aliases, 'aliases', ''),
        matters,
      };
      if (matters.length === 0) {
        this.add(
          `${path}/matters`,
          'warning',
          'bundle-empty',
          `${this.label()} lists no matter of the document, so it cannot be planned.`,
        );
      }
      this.checkKeys(raw, BUNDLE_KEYS, '', '', 'bundle');
      this.bundleSet.add(id);
      this.data.bundles.push(bundle);
    }
  }

  /**
   * A reference to a matter of the document, or null (reported) when it is
   * unknown or already named in the list that `stamp` marks.
   */
  private matterRef(value: unknown, path: string, stamp: number): string | null {
    const id = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    if (typeof id !== 'string') {
      this.invalid(path, 'matters', 'a matter id', value);
      return null;
    }
    const slot = this.matterSlots.get(id);
    if (slot !== undefined && slot.stamp === stamp) {
      this.add(
        path,
        'info',
        'duplicate-reference',
        `${this.label()} lists matter "${id}" more than once; it was kept once.`,
      );
      return null;
    }
    if (slot !== undefined) {
      slot.stamp = stamp;
      return id;
    }
    this.add(
      path,
      'warning',
      'unknown-matter',
      this.bundleSet.has(id)
        ? `${this.label()} lists "${id}", which is a bundle, not a matter; the reference ` +
            'was dropped.'
        : `${this.label()} lists matter "${id}", which no matter in the document has; the ` +
            'reference was dropped.',
    );
    return null;
  }

  private venues(value: unknown): void {
    // a document without venues has nothing to show
    if (!Array.isArray(value)) {
      this.add(
        '/venues',
        'error',
        'no-venues',
        value == null
          ? 'The document has no "venues" list, so there is nothing to show.'
          : `The document's "venues" is ${show(value)}, not a list, so there is nothing to show.`,
      );
      return;
    }
    for (let i = 0; i < value.length; i++) {
      const raw = value[i];
      if (!isObject(raw)) {
        this.dropRecord(`/venues/${i}`, 'venue', raw);
        continue;
      }
      this.begin('venue', i, '/venues', '');
      const name = this.peekName(raw.name);
      if (name !== null) this.recName = localize(name, this.data.lang);
      const id = this.id(raw.id, 'id', this.venueIds, 'venue');
      this.venue(raw, id, name, this.location(raw.location, 'location', true));
      this.checkKeys(raw, VENUE_KEYS, '', '', 'venue');
    }
    this.noVenuesLeft('/venues', value.length);
  }

  private features(value: unknown): void {
    // a collection without features has nothing to show
    if (!Array.isArray(value)) {
      this.add(
        '/features',
        'error',
        'no-venues',
        value == null
          ? 'The FeatureCollection has no "features" list, so there is nothing to show.'
          : `The FeatureCollection's "features" is ${show(value)}, not a list, so there is ` +
              'nothing to show.',
      );
      return;
    }
    for (let i = 0; i < value.length; i++) {
      const feature = value[i];
      if (!isObject(feature)) {
        this.dropRecord(`/features/${i}`, 'Feature', feature);
        continue;
      }
      const rawProps = feature.properties;
      const props: Json = isObject(rawProps) ? rawProps : {};
      this.begin('venue', i, '/features', '/properties');
      if (rawProps != null && !isObject(rawProps)) {
        this.invalid(`${this.recPath}/properties`, 'properties', 'an object', rawProps);
      }

      // identity: the Feature's own id first, then the venue field
      const name = this.peekName(props.name);
      if (name !== null) this.recName = localize(name, this.data.lang);
      const ownId = feature.id != null;
      const id = this.id(
        ownId ? feature.id : props.id,
        ownId ? 'id' : 'properties/id',
        this.venueIds,
        'venue',
      );

      // the position is the Point geometry (a `location` property stands in without one)
      const location = this.featureLocation(feature.geometry, props.location);
      this.venue(props, id, name, location);
      this.checkKeys(props, VENUE_KEYS, '', '', 'venue');
      this.checkKeys(feature, FEATURE_KEYS, this.recPath, ' in its Feature', 'feature');
    }
    this.noVenuesLeft('/features', value.length);
  }

  private featureLocation(geometry: unknown, fallback: unknown): LngLat | null {
    if (geometry == null) {
      return fallback != null
        ? this.location(fallback, 'properties/location', true)
        : this.location(null, 'geometry', true);
    }
    if (isObject(geometry) && geometry.type === 'Point') {
      return this.location(geometry.coordinates, 'geometry', true);
    }
    const type = isObject(geometry) && typeof geometry.type === 'string' ? geometry.type : null;
    this.add(
      `${this.recPath}/geometry`,
      'warning',
      'location-invalid',
      `${this.label()} is not drawn: its geometry is ${type ? `a ${type}` : show(geometry)}, ` +
        'not a Point.',
    );
    return null;
  }

  private noVenuesLeft(path: string, length: number): void {
    if (this.data.venues.length > 0) return;
    this.kind = null;
    this.add(
      path,
      'error',
      'no-venues',
      length === 0
        ? 'The document lists no venues, so there is nothing to show.'
        : 'None of the document\'s venues could be read, so there is nothing to show.',
    );
  }

  /** Search keys (#4): `{ full, initials }` pinyin of a name; absent stays absent. */
  private pinyin(value: unknown): Pinyin | undefined {
    if (value === undefined) return undefined;
    const path = this.at('', 'pinyin');
    if (!isObject(value)) {
      this.invalid(path, 'pinyin', 'an object { full, initials }', value);
      return undefined;
    }
    const full = this.str(value.full, 'full', path) ?? '';
    const initials = this.str(value.initials, 'initials', path) ?? '';
    return full || initials ? { full, initials } : undefined;
  }

  /** The document's everyday words for search (#4): `{ "everyday": ["official", …] }`. */
  private words(value: unknown): void {
    if (!isObject(value)) {
      this.invalid('/words', 'words', 'an object of word lists', value);
      return;
    }
    const words: Record<string, string[]> = {};
    for (const [key, list] of Object.entries(value)) {
      const terms = this.strList(list, key, 'words');
      if (key.trim() && terms.length) words[key] = terms;
    }
    this.data.words = words;
  }

  /** The venue fields after id, name and location. */
  private venue(raw: Json, id: string, name: Text | null, location: LngLat | null): void {
    // level: a known word in any case, or any other word as written
    let level = '';
    const rawLevel = raw.level;
    if (typeof rawLevel === 'string') {
      if (KNOWN_LEVELS.has(rawLevel)) level = rawLevel;
      else if (rawLevel.trim() !== '') {
        const lower = rawLevel.trim().toLowerCase();
        level = KNOWN_LEVELS.has(lower) ? lower : rawLevel;
      }
    }

    const venue: Venue = {
      id,
      name: this.name(name, raw.name),
      level,
      area: this.areaRef(raw.area),
      address: this.text(raw.address, 'address', ''),
      location,
      phone: this.str(raw.phone, 'phone', ''),
      hours: this.text(raw.hours, 'hours', ''),
      openingHours: this.str(raw.openingHours, 'openingHours', ''),
      closures: this.closures(raw.closures),
      matters: this.venueMatters(raw.matters),
      appointment: this.link(raw.appointment, 'appointment', '', 'an appointment link', true),
      queue: this.link(raw.queue, 'queue', '', 'a queue link'),
      facilities: this.strList(raw.facilities, 'facilities', ''),
      note: this.text(raw.note, 'note', ''),
      updated: this.str(raw.updated, 'updated', ''),
    };
    const pinyin = this.pinyin(raw.pinyin);
    if (pinyin) venue.pinyin = pinyin;
    if (level === '') {
      this.add(
        `${this.fieldPath}/level`,
        'warning',
        'level-missing',
        `${this.label()} has ${rawLevel == null ? 'no level' : `the level ${show(rawLevel)}`}; ` +
          'give district, street, community, self-service or another word.',
      );
    }
    this.data.venues.push(venue);
  }

  private areaRef(value: unknown): string | null {
    const id = this.str(value, 'area', '');
    if (id === null || this.areaSet.has(id)) return id;
    this.add(
      `${this.fieldPath}/area`,
      'warning',
      'unknown-area',
      `${this.label()} names area "${id}", which no area in the document has; the area was ` +
        'set to none.',
    );
    return null;
  }

  private closures(value: unknown): Closure[] {
    const out: Closure[] = [];
    if (value == null) return out;
    const path = `${this.fieldPath}/closures`;
    if (!Array.isArray(value)) {
      this.invalid(path, 'closures', 'a list', value);
      return out;
    }
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const itemPath = `${path}/${i}`;
      const from = isObject(item) ? item.from : undefined;
      const to = isObject(item) ? (item.to ?? from) : undefined;
      if (
        !isObject(item) ||
        typeof from !== 'string' ||
        typeof to !== 'string' ||
        !DATE.test(from) ||
        !DATE.test(to) ||
        to < from
      ) {
        this.invalid(itemPath, `closures[${i}]`, 'dates "from" and "to" as YYYY-MM-DD', item);
        continue;
      }
      out.push({ from, to, note: this.text(item.note, 'note', itemPath) });
      this.checkKeys(item, CLOSURE_KEYS, itemPath, ' in a closure', 'closure');
    }
    return out;
  }

  private venueMatters(value: unknown): VenueMatter[] {
    const out: VenueMatter[] = [];
    if (value == null) return out;
    if (!Array.isArray(value)) {
      this.invalid(`${this.fieldPath}/matters`, 'matters', 'a list of matter ids', value);
      return out;
    }
    const stamp = ++this.stamp;
    const slots = this.matterSlots;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];

      // the common case, a known id named once: no path, and one shared
      // `{ matter }` object per matter (the dataset is treated as immutable)
      if (typeof item === 'string') {
        const slot = slots.get(item);
        if (slot !== undefined && slot.stamp !== stamp) {
          slot.stamp = stamp;
          out.push(slot.ref);
          continue;
        }
      }

      // an object adds facts for this venue and matter
      const itemPath = `${this.fieldPath}/matters/${i}`;
      const extra = isObject(item) ? item : null;
      const id = this.matterRef(
        extra ? extra.matter : item,
        extra ? `${itemPath}/matter` : itemPath,
        stamp,
      );
      if (id === null) continue;
      const entry: VenueMatter = { matter: id };
      if (extra) {
        const window = this.str(extra.window, 'window', itemPath);
        if (window !== null) entry.window = window;
        const hours = this.text(extra.hours, 'hours', itemPath);
        if (hours !== null) entry.hours = hours;
        const phone = this.str(extra.phone, 'phone', itemPath);
        if (phone !== null) entry.phone = phone;
        const code = this.str(extra.code, 'code', itemPath);
        if (code !== null) entry.code = code;
        const appointment = this.link(
          extra.appointment,
          'appointment',
          itemPath,
          `an appointment link for matter "${id}"`,
          true,
        );
        if (appointment !== null) entry.appointment = appointment;
        const where = ` in its matter "${id}"`;
        this.checkKeys(extra, VENUE_MATTER_KEYS, itemPath, where, 'venue-matter');
      }
      out.push(entry);
    }
    return out;
  }
}

/** Takes `id` in `taken`, or the first free `id~2`, `id~3` … when it is taken. */
function claim(id: string, taken: Map<string, number>): string {
  const last = taken.get(id);
  if (last === undefined) {
    taken.set(id, 1);
    return id;
  }
  let n = last + 1;
  let candidate = `${id}~${n}`;
  while (taken.has(candidate)) candidate = `${id}~${++n}`;
  taken.set(id, n);
  taken.set(candidate, 1);
  return candidate;
}
