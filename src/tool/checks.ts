/**
 * The rules the tool adds to the core's checks: faults that a document can
 * carry while being perfectly well-formed, found in real lists kept by hand.
 * None is tuned to one list: the thresholds are in degrees, metres and counts
 * that hold for any district or city.
 *
 * | code                     | severity | meaning                                                |
 * | ------------------------ | -------- | ------------------------------------------------------ |
 * | `location-round`         | warning  | a whole degree on one axis, or tenths on both          |
 * | `location-shared`        | warning  | one point on 3+ venues not all at one address          |
 * | `location-area-centre`   | warning  | exactly an area's centre: pasted, not measured         |
 * | `location-outside-china` | warning  | Chinese data, a point outside China (HK, MO, TW ok)    |
 * | `location-maybe-swapped` | warning  | far off, but [lat, lng] would fit                      |
 * | `location-outlier`       | warning  | far outside the cluster of the others (median/MAD)     |
 * | `duplicate-venue`        | warning  | the same name at the same address as an earlier venue  |
 * | `phone-incomplete`       | warning  | `0531-`, an area code alone, too few digits            |
 * | `phone-malformed`        | warning  | letters among digits, too many digits, no known form   |
 * | `hours-unreadable`       | warning  | hours the hours engine cannot read; shown as written   |
 * | `hours-contradict`       | warning  | openingHours and the hours text disagree in a week     |
 * | `link-not-web`           | warning  | an http(s) link without a host name, or with spaces    |
 * | `text-garbled`           | warning  | `?` or `�` where an encoding lost a character          |
 * | `pinyin-invalid`         | warning  | `pinyin` not `{ full, initials }` in [a-z0-9]          |
 * | `matter-unhandled`       | warning  | no venue lists the matter (and it is not online-only)  |
 * | `venue-no-matters`       | warning  | a venue listing no matter, in a document with matters  |
 * | `no-matters`             | info     | the document lists no matters at all                   |
 */
import { inMainlandChina } from '../core/crs.js';
import { distance } from '../core/geo.js';
import { hoursToOpeningHours, openState, readHours } from '../core/hours.js';
import { localize } from '../core/text.js';
import type { LngLat, ParseResult, Problem, ServiceData, Text, Venue } from '../core/types.js';
import { phoneFaults } from './phone.js';

type Json = Record<string, unknown>;

/** A venue of the parsed data with where it sits in the raw document. */
interface VenueSite {
  venue: Venue;
  raw: Json;
  /** The pointer its fields hang from: `/venues/3` or `/features/3/properties`. */
  base: string;
  /** The pointer of its position: `/venues/3/location` or `/features/3/geometry`. */
  locationPath: string;
  /** The position as the document wrote it (before any CRS conversion), when numeric. */
  rawPoint: [number, number] | null;
}

/** Hong Kong, Macau and Taiwan (with Penghu, Kinmen, Matsu) and the Nansha islands. */
const NEAR_MAINLAND: [number, number, number, number][] = [
  [113.5, 22.05, 114.55, 22.6], // hong kong and macau
  [118.1, 21.8, 122.2, 26.45], // taiwan, penghu, kinmen, matsu
  [109.5, 3.3, 118.0, 15.7], // nansha (spratly) and zhongsha
];

/** Points from the median beyond this many scaled MADs (and these floors) are outliers. */
const OUTLIER_MADS = 6;
const OUTLIER_FLOOR_FACTOR = 4;
const OUTLIER_FLOOR_METRES = 80_000;
const MAD_SCALE = 1.4826;

const HTTP = /^https?:\/\//i;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const PINYIN_KEY = /^[a-z0-9]*$/;
const GARBLED = /\uFFFD|\?[\p{Script=Han}]|[\p{Script=Han}]\?|\?{2,}/u;

/**
 * The tool's extra problems for a document: `raw` is the document as given
 * (object or GeoJSON), `result` what `parseServiceData` made of it.
 */
export function checkDocument(
  raw: unknown,
  result: ParseResult,
  progress?: (done: number, total: number) => void,
): Problem[] {
  const out: Problem[] = [];
  const data = result.data;
  if (!isObject(raw)) return out;
  const sites = venueSites(raw, data);
  const lang = data.lang;

  // positions first: the placeholder rules, then the spatial ones on what is left
  const coreFlagged = new Set(
    result.problems
      .filter((p) => p.code === 'location-rough' || p.code === 'location-placeholder')
      .map((p) => p.path),
  );
  const placeholder = placeholderProblems(sites, data, coreFlagged, lang);
  const spatial = spatialProblems(sites, data, coreFlagged, placeholder, lang);

  // areas whose names lost a character
  const rawAreas = Array.isArray(raw.areas) ? raw.areas : [];
  let areaIndex = 0;
  for (let i = 0; i < rawAreas.length; i++) {
    if (!isObject(rawAreas[i])) continue;
    const area = data.areas[areaIndex++];
    if (area) garbled(out, `/areas/${i}/name`, `Area "${area.id}"`, 'name', area.name);
  }

  // each venue, every rule in a fixed order, so reports read venue by venue
  const seen = new Map<string, number>();
  for (let k = 0; k < sites.length; k++) {
    const site = sites[k];
    progress?.(k + 1, sites.length);
    const { venue, base } = site;
    const label = venueLabel(site, lang);
    const own = placeholder.get(k);
    if (own) out.push(own);
    const far = spatial.get(k);
    if (far) out.push(far);

    // the same name at the same address, twice
    const address = venue.address === null ? '' : squeeze(localize(venue.address, lang));
    if (address !== '') {
      const key = `${squeeze(localize(venue.name, lang))}\n${address}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const other = sites[first];
        out.push({
          path: `${base}/name`,
          severity: 'warning',
          code: 'duplicate-venue',
          message: `${label} has the same name and address as venue "${other.venue.id}" ` +
            `(${other.base}); is it listed twice?`,
        });
      } else {
        seen.set(key, k);
      }
    }

    garbled(out, `${base}/name`, label, 'name', venue.name);
    garbled(out, `${base}/address`, label, 'address', venue.address);
    pinyinKeys(out, `${base}/pinyin`, label, site.raw.pinyin);
    phone(out, `${base}/phone`, label, 'phone', site.raw.phone);
    hours(out, base, label, site.raw, data.timezone);
    link(out, `${base}/appointment`, label, 'appointment link', site.raw.appointment);
    link(out, `${base}/queue`, label, 'queue link', site.raw.queue);

    // what one venue says about one matter
    const pairs = Array.isArray(site.raw.matters) ? site.raw.matters : [];
    for (let j = 0; j < pairs.length; j++) {
      const pair = pairs[j];
      if (!isObject(pair)) continue;
      const where = `${label}, matter "${String(pair.matter)}",`;
      phone(out, `${base}/matters/${j}/phone`, where, 'phone', pair.phone);
      hours(out, `${base}/matters/${j}`, where, { level: site.raw.level, ...pair }, data.timezone);
      link(out, `${base}/matters/${j}/appointment`, where, 'appointment link', pair.appointment);
    }

    if (data.matters.length > 0 && venue.matters.length === 0) {
      out.push({
        path: `${base}/matters`,
        severity: 'warning',
        code: 'venue-no-matters',
        message: `${label} lists no matter, so a search for what can be done there finds ` +
          'nothing; list the matters it handles.',
      });
    }
  }

  // matters: phones, links, and whether any venue handles them
  const handled = new Set<string>();
  for (const venue of data.venues) for (const pair of venue.matters) handled.add(pair.matter);
  const rawMatters = Array.isArray(raw.matters) ? raw.matters : [];
  let matterIndex = 0;
  for (let i = 0; i < rawMatters.length; i++) {
    const rawMatter = rawMatters[i];
    if (!isObject(rawMatter)) continue;
    const matter = data.matters[matterIndex++];
    if (!matter) break;
    const base = `/matters/${i}`;
    const label = `Matter "${localize(matter.name, lang)}"`;
    garbled(out, `${base}/name`, label, 'name', matter.name);
    pinyinKeys(out, `${base}/pinyin`, label, rawMatter.pinyin);
    phone(out, `${base}/phone`, label, 'phone', rawMatter.phone);
    phone(out, `${base}/complaintPhone`, label, 'complaint phone', rawMatter.complaintPhone);
    link(out, `${base}/online`, label, 'online link', rawMatter.online);
    if (!handled.has(matter.id) && !(matter.online !== null && matter.visits === 0)) {
      out.push({
        path: base,
        severity: 'warning',
        code: 'matter-unhandled',
        message: `${label} is handled at no venue, so "where to go" finds nothing for it; ` +
          (matter.online !== null
            ? 'list it on the venues that handle it, or give "visits": 0 if it is done ' +
              'only online.'
            : 'list it on the venues that handle it.'),
      });
    }
  }

  if (data.matters.length === 0 && data.venues.length > 0) {
    out.push({
      path: '/matters',
      severity: 'info',
      code: 'no-matters',
      message: 'The document lists no matters, so citizens can find venues only by name; ' +
        'add the matters the venues handle.',
    });
  }
  return out;
}

// ---- positions ----

/** The placeholder rules, at most one problem per venue: round degrees, shared, centre. */
function placeholderProblems(
  sites: VenueSite[],
  data: ServiceData,
  coreFlagged: Set<string>,
  lang: string,
): Map<number, Problem> {
  const found = new Map<number, Problem>();

  // points held by several venues
  const byPoint = new Map<string, number[]>();
  for (let k = 0; k < sites.length; k++) {
    const point = sites[k].venue.location;
    if (!point) continue;
    const key = `${point[0]},${point[1]}`;
    const list = byPoint.get(key);
    if (list) list.push(k);
    else byPoint.set(key, [k]);
  }

  for (let k = 0; k < sites.length; k++) {
    const site = sites[k];
    const point = site.venue.location;
    if (!point || coreFlagged.has(site.locationPath)) continue;
    const label = venueLabel(site, lang);
    const shown = site.rawPoint ?? point;
    const at = `[${shown[0]}, ${shown[1]}]`;

    // whole degrees on one axis, or tenths of a degree on both
    if (site.rawPoint) {
      const [lng, lat] = site.rawPoint;
      const whole = Number.isInteger(lng) ? 'longitude' : Number.isInteger(lat) ? 'latitude' : null;
      if (whole || (isTenth(lng) && isTenth(lat))) {
        found.set(k, {
          path: site.locationPath,
          severity: 'warning',
          code: 'location-round',
          message: `${label} is placed at ${at}, ` +
            (whole ? `a whole degree of ${whole}` : 'a round tenth of a degree on both axes') +
            ', which looks like a placeholder (a tenth of a degree is some 10 km); check its ' +
            'location.',
        });
        continue;
      }
    }

    // the same point on three or more venues that are not all at one address
    const group = byPoint.get(`${point[0]},${point[1]}`) ?? [];
    if (group.length >= 3) {
      const addresses = new Set(
        group.map((j) => {
          const address = sites[j].venue.address;
          return address === null ? `\n${j}` : squeeze(localize(address, lang));
        }),
      );
      if (addresses.size > 1) {
        const others = group.filter((j) => j !== k).map((j) => sites[j]);
        const named = others.slice(0, 3).map((o) => `"${localize(o.venue.name, lang)}"`);
        found.set(k, {
          path: site.locationPath,
          severity: 'warning',
          code: 'location-shared',
          message: `${label} is placed at ${at}, the same point as ${others.length} other ` +
            `venue${others.length === 1 ? '' : 's'} not at its address (${named.join(', ')}` +
            `${others.length > 3 ? ' …' : ''}); a point pasted onto several venues is ` +
            'usually a placeholder.',
        });
        continue;
      }
    }

    // exactly the centre of an area
    const area = data.areas.find(
      (a) => a.center !== null && a.center[0] === point[0] && a.center[1] === point[1],
    );
    if (area) {
      found.set(k, {
        path: site.locationPath,
        severity: 'warning',
        code: 'location-area-centre',
        message: `${label} is placed exactly at the centre of area ` +
          `"${localize(area.name, lang)}", which is where a point is pasted when the real ` +
          'one is not known; check its location.',
      });
    }
  }
  return found;
}

/**
 * Points outside China (for Chinese data) and points far from the others;
 * either may be a swapped pair. Placeholders are left out of the cluster.
 */
function spatialProblems(
  sites: VenueSite[],
  data: ServiceData,
  coreFlagged: Set<string>,
  placeholder: Map<number, Problem>,
  lang: string,
): Map<number, Problem> {
  const found = new Map<number, Problem>();
  const chinese = data.lang.toLowerCase().startsWith('zh') || data.calendar.region === 'CN';

  // outside China: a point no Chinese list should have
  const candidates: number[] = [];
  for (let k = 0; k < sites.length; k++) {
    const site = sites[k];
    const point = site.venue.location;
    if (!point || placeholder.has(k) || coreFlagged.has(site.locationPath)) continue;
    if (chinese && !inChina(point)) {
      const swapped: LngLat = [point[1], point[0]];
      const label = venueLabel(site, lang);
      found.set(k, {
        path: site.locationPath,
        severity: 'warning',
        code: inChina(swapped) ? 'location-maybe-swapped' : 'location-outside-china',
        message: inChina(swapped)
          ? `${label} is placed at [${point[0]}, ${point[1]}], outside China, but ` +
            `[${point[1]}, ${point[0]}] is inside; are longitude and latitude swapped?`
          : `${label} is placed at [${point[0]}, ${point[1]}], outside China, in a ` +
            'Chinese list; check its location.',
      });
      continue;
    }
    candidates.push(k);
  }
  if (candidates.length < 5) return found;

  // the cluster: the coordinate-wise median, and the spread of distances from it (MAD)
  const points = candidates.map((k) => sites[k].venue.location as LngLat);
  const centre: LngLat = [median(points.map((p) => p[0])), median(points.map((p) => p[1]))];
  const distances = points.map((p) => distance(centre, p));
  const typical = median(distances);
  const mad = median(distances.map((d) => Math.abs(d - typical))) * MAD_SCALE;
  const limit = Math.max(
    typical + OUTLIER_MADS * mad,
    OUTLIER_FLOOR_FACTOR * typical,
    OUTLIER_FLOOR_METRES,
  );

  for (let c = 0; c < candidates.length; c++) {
    if (distances[c] <= limit) continue;
    const k = candidates[c];
    const site = sites[k];
    const point = points[c];
    const label = venueLabel(site, lang);
    const swapped: LngLat = [point[1], point[0]];
    const fits = Math.abs(swapped[1]) <= 90 && distance(centre, swapped) <= limit;
    found.set(k, {
      path: site.locationPath,
      severity: 'warning',
      code: fits ? 'location-maybe-swapped' : 'location-outlier',
      message: fits
        ? `${label} is placed at [${point[0]}, ${point[1]}], ${km(distances[c])} from the ` +
          `other venues, but [${point[1]}, ${point[0]}] lies among them; are longitude and ` +
          'latitude swapped?'
        : `${label} is placed ${km(distances[c])} from the middle of the other venues, ` +
          `most of which lie within ${km(typical)} of it; check its location.`,
    });
  }
  return found;
}

function inChina(point: LngLat): boolean {
  if (inMainlandChina(point)) return true;
  const [lng, lat] = point;
  return NEAR_MAINLAND.some(([w, s, e, n]) => lng >= w && lng <= e && lat >= s && lat <= n);
}

function isTenth(value: number): boolean {
  return Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
}

function km(metres: number): string {
  const k = metres / 1000;
  return k < 10 ? `${k.toFixed(1)} km` : `${Math.round(k).toLocaleString('en')} km`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ---- fields ----

function phone(out: Problem[], path: string, label: string, what: string, value: unknown): void {
  if (typeof value !== 'string' && typeof value !== 'number') return;
  const faults = phoneFaults(String(value));
  for (const kind of ['incomplete', 'malformed'] as const) {
    const mine = faults.filter((f) => f.kind === kind);
    if (mine.length === 0) continue;
    const parts = mine.map((f) => `"${f.part}" ${f.why}`).join('; ');
    out.push({
      path,
      severity: 'warning',
      code: kind === 'incomplete' ? 'phone-incomplete' : 'phone-malformed',
      message: `${label} has the ${what} ${JSON.stringify(String(value))}: ${parts}; ` +
        (kind === 'incomplete' ? 'complete the number.' : 'correct the number.'),
    });
  }
}

/** The machine form when there is one (it wins), else the display text. */
function hours(out: Problem[], base: string, label: string, raw: Json, timezone?: string): void {
  const machine = raw.openingHours;
  if (typeof machine === 'string' && machine.trim() !== '') {
    if (readHours(machine) !== null) {
      const text = typeof raw.hours === 'string'
        ? raw.hours
        : isObject(raw.hours)
          ? Object.values(raw.hours).find((v): v is string => typeof v === 'string')
          : undefined;
      const level = typeof raw.level === 'string' ? raw.level : undefined;
      const differ = text !== undefined && readHours(text) !== null
        ? firstDifference(text, machine, level, timezone)
        : null;
      if (differ) {
        out.push({
          path: `${base}/openingHours`,
          severity: 'warning',
          code: 'hours-contradict',
          message: `${label} has the hours ${JSON.stringify(text)} and "openingHours" ` +
            `${JSON.stringify(machine)}, which disagree: on ${differ.day} at ${differ.time} ` +
            `the hours say ${differ.text} and "openingHours" says ${differ.machine}. ` +
            '"openingHours" wins on the map, so correct whichever is wrong.',
        });
      }
    }
    if (readHours(machine) === null) {
      out.push({
        path: `${base}/openingHours`,
        severity: 'warning',
        code: 'hours-unreadable',
        message: `${label} has "openingHours" ${JSON.stringify(machine)}, which the hours ` +
          'engine cannot read, so its open-now state is unknown.',
      });
    }
    return;
  }
  const text = raw.hours;
  const texts: [string, string][] =
    typeof text === 'string'
      ? [['hours', text]]
      : isObject(text)
        ? Object.entries(text)
            .filter((e): e is [string, string] => typeof e[1] === 'string')
            .map(([lang, value]) => [`hours/${lang}`, value])
        : [];
  for (const [key, value] of texts) {
    if (value.trim() === '' || readHours(value) !== null) continue;
    out.push({
      path: `${base}/${key}`,
      severity: 'warning',
      code: 'hours-unreadable',
      message: `${label} has hours ${JSON.stringify(value)} that the hours engine cannot ` +
        'read; they are shown as written and the open-now state is unknown (write them as ' +
        '"周一至周五 9:00-12:00，13:30-17:30" or give "openingHours").',
    });
  }
}

/**
 * The first moment of an ordinary week (one in March and one in July, for
 * seasonal hours; no holidays in either) where the hours text and the machine
 * form give another state, in 15-minute steps; null when they agree.
 */
function firstDifference(
  text: string,
  machine: string,
  level: string | undefined,
  timezone = 'Asia/Shanghai',
): { day: string; time: string; text: string; machine: string } | null {
  // what convert writes from the text agrees with it by construction
  const written = hoursToOpeningHours(text);
  if (written !== null && written.replace(/\s/g, '') === machine.replace(/\s/g, '')) return null;
  const key = `${text}\n${machine}\n${level}\n${timezone}`;
  if (!DIFFERENCES.has(key)) {
    if (DIFFERENCES.size > 1000) DIFFERENCES.clear();
    DIFFERENCES.set(key, sampleDifference(text, machine, level, timezone));
  }
  return DIFFERENCES.get(key) ?? null;
}

type Difference = { day: string; time: string; text: string; machine: string };
const DIFFERENCES = new Map<string, Difference | null>();

function sampleDifference(
  text: string,
  machine: string,
  level: string | undefined,
  timezone: string,
): Difference | null {
  // from Mondays 2025-03-10 and 2025-07-07, midnight in Beijing; the day and time
  // shown are read in the document's zone, where the states are computed
  for (const monday of [Date.UTC(2025, 2, 9, 16), Date.UTC(2025, 6, 6, 16)]) {
    for (let step = 0; step < 7 * 96; step++) {
      const at = new Date(monday + step * 15 * 60_000);
      const byText = openState(text, at, { timezone, level }).status;
      const byMachine = openState(null, at, { timezone, level, openingHours: machine }).status;
      if (byText === 'unknown' || byMachine === 'unknown' || byText === byMachine) continue;
      const parts = new Intl.DateTimeFormat('en-GB', {
        timeZone: timezone,
        weekday: 'long',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(at);
      const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      return {
        day: part('weekday'),
        time: `${part('hour')}:${part('minute')}`,
        text: byText,
        machine: byMachine,
      };
    }
  }
  return null;
}

/** A link the core keeps (http or https) whose host is no host name, or with spaces. */
function link(out: Problem[], path: string, label: string, what: string, value: unknown): void {
  if (typeof value !== 'string' || !HTTP.test(value.trim())) return;
  const url = value.trim();
  let why: string | null = null;
  if (/\s/.test(url)) {
    why = 'has spaces in it (is it a link followed by words?)';
  } else {
    // templates such as {venue} are filled in before the link is opened
    const host = hostOf(url.replace(/\{[a-z]+\}/g, 'x'));
    const authority = url.replace(HTTP, '').split(/[/?#]/)[0];
    const written = authority.replace(/^[^@]*@/, '').replace(/:\d*$/, '');
    if (host === null) why = 'cannot be read as an address';
    else if (!validHost(host)) {
      why = `has "${written}" where a host name such as www.gov.cn belongs`;
    }
  }
  if (why === null) return;
  out.push({
    path,
    severity: 'warning',
    code: 'link-not-web',
    message: `${label} has the ${what} ${JSON.stringify(url)}, which ${why}; it will not open.`,
  });
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

function validHost(host: string): boolean {
  if (IPV4.test(host) || host.startsWith('[') || host === 'localhost') return true;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((l) => DOMAIN_LABEL.test(l))) return false;
  const top = labels[labels.length - 1];
  return /^[a-z]{2,}$/.test(top) || top.startsWith('xn--');
}

/** `pinyin` as the tool writes it: `{ full, initials }` in lower-case letters and digits. */
function pinyinKeys(out: Problem[], path: string, label: string, value: unknown): void {
  if (value === undefined) return;
  const key = (v: unknown) => typeof v === 'string' && PINYIN_KEY.test(v);
  if (isObject(value) && key(value.full) && key(value.initials)) return;
  out.push({
    path,
    severity: 'warning',
    code: 'pinyin-invalid',
    message: `${label} has pinyin keys ${JSON.stringify(value)}; they should be ` +
      '{ "full": …, "initials": … } in lower-case letters and digits (convert writes them).',
  });
}

function garbled(out: Problem[], path: string, label: string, what: string, text: Text | null) {
  if (text === null) return;
  const values = typeof text === 'string' ? [text] : Object.values(text);
  const bad = values.find((value) => GARBLED.test(value));
  if (bad === undefined) return;
  out.push({
    path,
    severity: 'warning',
    code: 'text-garbled',
    message: `${label} has the ${what} ${JSON.stringify(bad)}, with "?" or "\uFFFD" where a ` +
      'character should be; it was probably saved in an encoding that lost it.',
  });
}

// ---- the document's venues, as parsed and as written ----

function venueSites(raw: Json, data: ServiceData): VenueSite[] {
  const geojson =
    raw.type === 'FeatureCollection' || (raw.venues === undefined && Array.isArray(raw.features));
  const list = geojson ? raw.features : raw.venues;
  const sites: VenueSite[] = [];
  if (!Array.isArray(list)) return sites;
  let k = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isObject(item)) continue;
    const venue = data.venues[k++];
    if (!venue) break;
    if (geojson) {
      const props = isObject(item.properties) ? item.properties : {};
      const geometry = item.geometry;
      const useGeometry = geometry != null || props.location == null;
      sites.push({
        venue,
        raw: props,
        base: `/features/${i}/properties`,
        locationPath: `/features/${i}/${useGeometry ? 'geometry' : 'properties/location'}`,
        rawPoint: numericPoint(
          useGeometry ? (isObject(geometry) ? geometry.coordinates : null) : props.location,
        ),
      });
    } else {
      sites.push({
        venue,
        raw: item,
        base: `/venues/${i}`,
        locationPath: `/venues/${i}/location`,
        rawPoint: numericPoint(item.location),
      });
    }
  }
  return sites;
}

function numericPoint(value: unknown): [number, number] | null {
  let parts: unknown[] | null = null;
  if (Array.isArray(value)) parts = value;
  else if (typeof value === 'string') parts = value.split(',');
  if (!parts || parts.length < 2) return null;
  const lng = Number(parts[0]);
  const lat = Number(parts[1]);
  return Number.isFinite(lng) && Number.isFinite(lat) ? [lng, lat] : null;
}

function venueLabel(site: VenueSite, lang: string): string {
  const name = site.raw.name;
  const usable = typeof name === 'string' ? name.trim() !== '' : isObject(name);
  return `Venue "${usable ? localize(site.venue.name, lang) : site.venue.id}"`;
}

/** Text compared as people mean it: NFKC, no spaces or punctuation. */
function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}]/gu, '');
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
