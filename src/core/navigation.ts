import { convert, inMainlandChina } from './crs.js';
import { localize } from './text.js';
import type { LngLat, Venue } from './types.js';

export type NavigationProvider = 'amap' | 'baidu' | 'tencent' | 'apple' | 'google' | 'osm';
export type NavigationMode = 'walk' | 'drive' | 'transit' | 'ride';

/** A link that opens a map app (or its web page) on the way to a venue. */
export interface NavigationLink {
  provider: NavigationProvider;
  /** The provider's name in the chosen language, for the menu. */
  label: string;
  url: string;
}

export interface NavigationOptions {
  /**
   * The start point (WGS-84). Pass it only when the citizen chose it; without
   * it each app starts from the phone's own position.
   */
  origin?: LngLat | null;
  /** How the citizen travels; `drive` by default. */
  mode?: NavigationMode;
  /** `zh-CN` (default) or `en`: the labels, and the venue's name in the links. */
  lang?: string;
  /** Who is calling, for the providers that ask (Amap `src`, Baidu `src`, Tencent `referer`). */
  source?: string;
}

const LABELS: Record<'zh' | 'en', Record<NavigationProvider, string>> = {
  zh: {
    amap: '高德地图',
    baidu: '百度地图',
    tencent: '腾讯地图',
    apple: 'Apple 地图',
    google: 'Google 地图',
    osm: 'OpenStreetMap',
  },
  en: {
    amap: 'Amap',
    baidu: 'Baidu Maps',
    tencent: 'Tencent Maps',
    apple: 'Apple Maps',
    google: 'Google Maps',
    osm: 'OpenStreetMap',
  },
};

/** What a place is called in a link when its own name is empty. */
const PLACEHOLDER = {
  zh: { start: '起点', end: '终点' },
  en: { start: 'Start', end: 'Destination' },
};

const TRAVEL: readonly NavigationMode[] = ['walk', 'drive', 'transit', 'ride'];

/** Each provider's word for each mode, from its URL documentation. */
const MODES = {
  amap: { drive: 'car', walk: 'walk', transit: 'bus', ride: 'ride' },
  baidu: { drive: 'driving', walk: 'walking', transit: 'transit', ride: 'riding' },
  tencent: { drive: 'drive', walk: 'walk', transit: 'bus', ride: 'bike' },
  // Apple's map links know no cycling flag: Maps then uses the citizen's own choice
  apple: { drive: 'd', walk: 'w', transit: 'r', ride: null },
  google: { drive: 'driving', walk: 'walking', transit: 'transit', ride: 'bicycling' },
  // openstreetmap.org routes no public transport: its page then keeps its own engine
  osm: {
    drive: 'fossgis_osrm_car',
    walk: 'fossgis_osrm_foot',
    transit: null,
    ride: 'fossgis_osrm_bicycle',
  },
} as const;

/**
 * Links that open the way to a venue in Amap (高德), Baidu, Tencent (腾讯),
 * Apple Maps, Google Maps and OpenStreetMap, in that order, each given the
 * coordinates it expects:
 *
 * - amap: `uri.amap.com/navigation?to=lng,lat,name&mode=…`, GCJ-02 `lng,lat`;
 * - baidu: `api.map.baidu.com/direction?destination=latlng:lat,lng|name:…`
 *   with `coord_type=wgs84`: WGS-84 `lat,lng`, the system declared;
 * - tencent: `apis.map.qq.com/uri/v1/routeplan?to=…&tocoord=lat,lng`, GCJ-02;
 * - apple: `maps.apple.com/?daddr=lat,lng&dirflg=…`, GCJ-02 inside mainland
 *   China (Apple's map there is drawn in it), WGS-84 elsewhere;
 * - google: `www.google.com/maps/dir/?api=1&destination=lat,lng`, WGS-84;
 * - osm: `www.openstreetmap.org/directions?route=;lat,lng`, WGS-84.
 *
 * Every link is `https:`, so it opens inside WeChat. Coordinates carry six
 * decimals (about 0.1 m). The venue's name goes where a provider shows it;
 * the separators providers parse inside a value (`,` `;` `|`) are replaced
 * in it by their full-width forms (，；｜), so no name can break a link.
 *
 * A venue without a location gets what each provider offers for a text (its
 * address, else its name): a keyword search in Amap and Tencent, an address
 * lookup in Baidu, and a route to the text in Apple, Google and OpenStreetMap.
 * A venue with neither location nor text gets no links.
 */
export function navigationLinks(venue: Venue, options: NavigationOptions = {}): NavigationLink[] {
  const lang = options.lang?.toLowerCase().startsWith('en') ? 'en' : 'zh';
  const mode = options.mode && TRAVEL.includes(options.mode) ? options.mode : 'drive';
  const source = options.source?.trim() || 'gov-service-map';
  const origin = validPoint(options.origin);
  const words = PLACEHOLDER[lang];
  const link = (provider: NavigationProvider, url: string): NavigationLink => ({
    provider,
    label: LABELS[lang][provider],
    url,
  });

  // a venue without a location: a search or a route by its words
  const target = validPoint(venue.location);
  if (!target) {
    const text = clean(localize(venue.address, lang)) || clean(localize(venue.name, lang));
    if (!text) return [];
    return textLinks(text, { origin, mode, source, link });
  }

  // the destination and the start in each system, and the name made safe
  const name = safeName(localize(venue.name, lang)) || words.end;
  const wgs = target;
  const gcj = convert(target, 'WGS84', 'GCJ02');
  const apple = inMainlandChina(target) ? gcj : wgs;
  const from = origin && {
    wgs: origin,
    gcj: convert(origin, 'WGS84', 'GCJ02'),
    apple: inMainlandChina(origin) ? convert(origin, 'WGS84', 'GCJ02') : origin,
  };
  const e = encodeURIComponent;

  return [
    link(
      'amap',
      build('https://uri.amap.com/navigation', [
        ['from', from && lngLat(from.gcj)],
        ['to', `${lngLat(gcj)},${e(name)}`],
        ['mode', MODES.amap[mode]],
        ['src', e(source)],
        ['coordinate', 'gaode'],
        ['callnative', '1'],
      ]),
    ),
    link(
      'baidu',
      build('https://api.map.baidu.com/direction', [
        ['origin', from && `latlng:${latLng(from.wgs)}|name:${e(words.start)}`],
        ['destination', `latlng:${latLng(wgs)}|name:${e(name)}`],
        ['mode', MODES.baidu[mode]],
        ['coord_type', 'wgs84'],
        ['output', 'html'],
        ['src', e(`webapp.${source}`)],
      ]),
    ),
    link(
      'tencent',
      build('https://apis.map.qq.com/uri/v1/routeplan', [
        ['type', MODES.tencent[mode]],
        ['from', from && e(words.start)],
        ['fromcoord', from && latLng(from.gcj)],
        ['to', e(name)],
        ['tocoord', latLng(gcj)],
        ['referer', e(source)],
      ]),
    ),
    link(
      'apple',
      build('https://maps.apple.com/', [
        ['saddr', from && latLng(from.apple)],
        ['daddr', latLng(apple)],
        ['dirflg', MODES.apple[mode]],
      ]),
    ),
    // TODO(#3): Google draws mainland China's streets in GCJ-02 too, so a
    // WGS-84 pin (DESIGN §5) may sit some 500 m off them there; to be decided.
    link(
      'google',
      build('https://www.google.com/maps/dir/', [
        ['api', '1'],
        ['origin', from && latLng(from.wgs)],
        ['destination', latLng(wgs)],
        ['travelmode', MODES.google[mode]],
      ]),
    ),
    link(
      'osm',
      build('https://www.openstreetmap.org/directions', [
        ['engine', MODES.osm[mode]],
        ['route', `${from ? latLng(from.wgs) : ''};${latLng(wgs)}`],
      ]),
    ),
  ];
}

interface TextContext {
  origin: LngLat | null;
  mode: NavigationMode;
  source: string;
  link: (provider: NavigationProvider, url: string) => NavigationLink;
}

/** The links for a venue known only by words (an address or a name). */
function textLinks(text: string, { origin, mode, source, link }: TextContext): NavigationLink[] {
  const e = encodeURIComponent;
  const apple = origin && (inMainlandChina(origin) ? convert(origin, 'WGS84', 'GCJ02') : origin);
  return [
    link(
      'amap',
      build('https://uri.amap.com/search', [
        ['keyword', e(text)],
        ['view', 'map'],
        ['src', e(source)],
        ['callnative', '1'],
      ]),
    ),
    link(
      'baidu',
      build('https://api.map.baidu.com/geocoder', [
        ['address', e(text)],
        ['output', 'html'],
        ['src', e(`webapp.${source}`)],
      ]),
    ),
    link(
      'tencent',
      build('https://apis.map.qq.com/uri/v1/search', [
        ['keyword', e(text)],
        ['referer', e(source)],
      ]),
    ),
    link(
      'apple',
      build('https://maps.apple.com/', [
        ['saddr', apple && latLng(apple)],
        ['daddr', e(text)],
        ['dirflg', MODES.apple[mode]],
      ]),
    ),
    link(
      'google',
      build('https://www.google.com/maps/dir/', [
        ['api', '1'],
        ['origin', origin && latLng(origin)],
        ['destination', e(text)],
        ['travelmode', MODES.google[mode]],
      ]),
    ),
    link(
      'osm',
      build('https://www.openstreetmap.org/directions', [
        ['engine', MODES.osm[mode]],
        ['route', origin && `${latLng(origin)};`],
        ['to', e(text)],
      ]),
    ),
  ];
}

/**
 * A URL from its base and its parameters, already encoded; a parameter
 * whose value is null is left out. The separators a value is built with
 * (`,` `:` `;` `|`) stay as written, as the providers' own examples show.
 */
function build(base: string, params: [string, string | null | undefined][]): string {
  const query = params
    .filter((param): param is [string, string] => param[1] != null)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  return `${base}?${query}`;
}

function validPoint(point: LngLat | null | undefined): LngLat | null {
  if (!point || !Number.isFinite(point[0]) || !Number.isFinite(point[1])) return null;
  return point;
}

/** A coordinate with at most six decimals and no trailing zeros. */
function decimal(value: number): string {
  return String(Number(value.toFixed(6)));
}

const lngLat = (point: LngLat): string => `${decimal(point[0])},${decimal(point[1])}`;
const latLng = (point: LngLat): string => `${decimal(point[1])},${decimal(point[0])}`;

/** Text on one line: control characters and runs of spaces become one space. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', '|': '｜' };

/** A name that cannot break a provider's value: its separators made full-width. */
function safeName(text: string): string {
  return clean(text).replace(/[,;|]/g, (mark) => FULL_WIDTH[mark]);
}
