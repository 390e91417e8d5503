/**
 * The data model of gov-service-map, as the core hands it to the elements
 * after `parseServiceData` has checked and normalised a document (format
 * version 1, see the README). Coordinates here are always WGS-84.
 */

/** A point as `[longitude, latitude]`, WGS-84 unless a `Crs` says otherwise. */
export type LngLat = [number, number];

/** Coordinate systems a document, a tile source or a WebView may use. */
export type Crs = 'WGS84' | 'CGCS2000' | 'GCJ02' | 'BD09';

/** A text that is either one string or one string per language tag. */
export type Text = string | Record<string, string>;

/** The built-in venue levels; any other word is kept and shown as written. */
export type KnownLevel = 'district' | 'street' | 'community' | 'self-service';
export type Level = KnownLevel | (string & {});

export type Severity = 'error' | 'warning' | 'info';

/** One fault found in a document: where (a JSON pointer) and what, in words. */
export interface Problem {
  path: string;
  severity: Severity;
  code: string;
  message: string;
}

export interface Polygon {
  type: 'Polygon';
  coordinates: LngLat[][];
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: LngLat[][][];
}

/** A jurisdiction (辖区): the district, a street, a community. */
export interface Area {
  id: string;
  name: Text;
  level: string | null;
  parent: string | null;
  center: LngLat | null;
  boundary: Polygon | MultiPolygon | null;
}

/** A dated closure of a venue, both ends inclusive, `YYYY-MM-DD`. */
export interface Closure {
  from: string;
  to: string;
  note: Text | null;
}

/** What one venue adds to one matter it handles (window, own hours …). */
export interface VenueMatter {
  matter: string;
  window?: string;
  hours?: Text;
  phone?: string;
  code?: string;
  appointment?: string;
}

/**
 * Search keys in a document's venues and matters (`"pinyin": { "full": "juzhuzheng",
 * "initials": "jzz" }`), written by the data tool. The parser carries it into
 * `Venue.pinyin` and `Matter.pinyin`, where search uses it (#4).
 */
export interface Pinyin {
  full: string;
  initials: string;
}

/** A place where matters are handled (办事场所/网点). */
export interface Venue {
  id: string;
  name: Text;
  level: Level;
  area: string | null;
  address: Text | null;
  /** WGS-84, or null when the document gave none or a bad one. */
  location: LngLat | null;
  phone: string | null;
  hours: Text | null;
  openingHours: string | null;
  closures: Closure[];
  matters: VenueMatter[];
  appointment: string | null;
  queue: string | null;
  facilities: string[];
  note: Text | null;
  updated: string | null;
  /** The name's pinyin for search, when the document gives it. */
  pinyin?: Pinyin;
}

export interface Material {
  name: Text;
  required: boolean;
  form: Text | null;
  copies: number | null;
  note: Text | null;
}

export interface Faq {
  q: Text;
  a: Text;
}

/** A government service matter (事项) with its service guide (办事指南). */
export interface Matter {
  id: string;
  name: Text;
  aliases: string[];
  code: string | null;
  type: string | null;
  department: Text | null;
  audience: string[];
  topics: string[];
  /** `anywhere` (通办) or `area` (属地); null when the document is silent. */
  scope: 'anywhere' | 'area' | null;
  visits: number | null;
  online: string | null;
  promised: Text | null;
  legal: Text | null;
  fee: Text | null;
  conditions: Text | null;
  materials: Material[];
  steps: Text[];
  basis: Text[];
  phone: string | null;
  complaintPhone: string | null;
  faq: Faq[];
  /** The name's pinyin for search, when the document gives it. */
  pinyin?: Pinyin;
}

/** A life event (一件事): several matters handled together. */
export interface Bundle {
  id: string;
  name: Text;
  aliases: string[];
  matters: string[];
}

/** Holiday corrections and years the built-in calendar lacks. */
export interface Calendar {
  region: 'CN' | 'HK' | 'MO' | 'none';
  years: number[];
  off: string[];
  work: string[];
}

/** A parsed, checked document. Lists keep the document's order. */
export interface ServiceData {
  version: number;
  title: Text | null;
  lang: string;
  /** The coordinate system the document was written in (now converted). */
  crs: Crs;
  timezone: string;
  updated: string | null;
  attribution: Text | null;
  areas: Area[];
  venues: Venue[];
  matters: Matter[];
  bundles: Bundle[];
  calendar: Calendar;
  /** Everyday words for search, `{ "everyday": ["official term", …] }`, beside the built-in ones. */
  words?: Record<string, string[]>;
}

export interface ParseResult {
  data: ServiceData;
  problems: Problem[];
}

/** Whether a venue is open at a moment, and when that next changes. */
export interface OpenState {
  status: 'open' | 'closed' | 'unknown';
  changesAt: Date | null;
  note: string | null;
}

export interface RankedVenue {
  venue: Venue;
  /** Metres from the origin, or null without an origin or a location. */
  distance: number | null;
  open: OpenState;
  /** Whether the citizen's area may use this venue; null when unknown. */
  eligible: boolean | null;
}

export interface MatterPlan {
  kind: 'matter' | 'bundle';
  id: string;
  online: { url: string } | null;
  venues: RankedVenue[];
  oneTrip: RankedVenue | null;
  cover: { venues: RankedVenue[]; distance: number } | null;
}

export interface SearchHit {
  kind: 'matter' | 'bundle' | 'venue';
  id: string;
  score: number;
  /** Matched spans `[start, end)` of the displayed name, in UTF-16 units. */
  ranges: [number, number][];
}
