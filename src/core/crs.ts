import gcoord from 'gcoord';
import type { Crs, LngLat } from './types.js';

// gcoord is CommonJS with an ESM build whose only export is a default object;
// a default import reads it the same way in rollup's bundle and under esbuild.
const { transform, WGS84, GCJ02, BD09 } = gcoord;

/**
 * The project's own coarse outline of mainland China, WGS-84 `[lng, lat]`,
 * read with the even-odd rule: outer rings (the mainland with Hainan, the
 * Xisha islands) and holes (Hong Kong, Macau, Kinmen, Matsu). Taiwan, Penghu
 * and the Diaoyu islands lie outside the outer ring. Land borders are drawn to
 * within some 20 km; the Pearl River estuary, where cities face each other
 * across a river, to within a few hundred metres. Nansha (Spratly) islands are
 * not covered yet.
 *
 * gcoord's own test is a rectangle from Kazakhstan to Japan, which would shift
 * Seoul, Osaka, Hong Kong and Taipei; this outline is why they stay put.
 */
const OUTLINE: LngLat[][] = [
  // the mainland with Hainan, anticlockwise from the Beilun river mouth
  [
    // vietnam, laos, myanmar
    [108.03, 21.45], [107.35, 21.6], [106.72, 21.97], [106.55, 22.45], [106.0, 22.85],
    [105.3, 23.4], [104.4, 22.8], [103.96, 22.5], [102.13, 22.4], [101.75, 21.15],
    [101.15, 21.55], [100.2, 21.45], [99.2, 22.1], [99.5, 22.9], [98.7, 24.1],
    [97.7, 23.9], [97.55, 24.75], [97.8, 25.3], [98.65, 25.9], [98.7, 27.5],
    // india, bhutan, the chumbi valley, sikkim, nepal
    [97.35, 28.2], [95.9, 27.5], [94.4, 27.55], [92.1, 26.9], [92.1, 27.8],
    [91.6, 27.95], [90.3, 28.25], [89.25, 27.9], [89.0, 27.25], [88.83, 27.4],
    [88.9, 27.9], [88.1, 27.9], [86.9, 28.0], [85.3, 28.3], [84.1, 29.3],
    [82.0, 30.3], [81.0, 30.25],
    // india (west), pakistan, afghanistan, tajikistan, kyrgyzstan
    [79.5, 30.95], [78.75, 31.85], [78.4, 32.6], [78.3, 33.5], [78.0, 34.5],
    [77.8, 35.5], [76.5, 35.9], [75.4, 36.85], [74.9, 37.25], [73.6, 39.45],
    [73.9, 39.75], [74.9, 40.5], [75.6, 40.6], [76.5, 40.4], [77.6, 41.0],
    [78.5, 41.6], [80.2, 42.2],
    // kazakhstan, russia (altai), mongolia
    [80.2, 43.0], [80.35, 44.2], [80.8, 45.0], [82.5, 45.3], [82.3, 45.6],
    [83.0, 47.2], [85.5, 47.1], [85.7, 48.4], [87.3, 49.1], [87.8, 49.17],
    [88.6, 48.2], [90.0, 47.9], [91.0, 46.6], [90.7, 45.5], [93.5, 44.95],
    [95.4, 44.3], [96.4, 42.75], [100.0, 42.6], [101.8, 42.5], [104.9, 41.7],
    [106.8, 42.3], [110.4, 42.7], [111.95, 43.7], [113.6, 44.7], [116.0, 45.7],
    [117.4, 46.6], [119.0, 46.6], [119.9, 46.8], [118.4, 47.95], [115.6, 47.9],
    [116.7, 49.85],
    // russia (argun, amur, ussuri, khanka), north korea
    [117.8, 49.55], [119.3, 50.3], [120.1, 51.7], [121.6, 53.3], [122.4, 53.5],
    [123.6, 53.55], [125.6, 53.05], [127.0, 51.5], [127.6, 50.15], [130.6, 48.9],
    [132.5, 47.7], [134.75, 48.4], [134.2, 47.3], [133.1, 45.9], [132.9, 45.05],
    [131.9, 45.3], [131.1, 44.9], [131.25, 44.0], [131.05, 43.0], [130.6, 42.42],
    [130.0, 42.95], [129.2, 42.4], [128.1, 41.95], [126.8, 41.7], [125.9, 40.9],
    [124.35, 39.9],
    // at sea: yellow sea, east china sea, taiwan strait (penghu east of it)
    [123.8, 39.0], [123.0, 37.5], [123.0, 28.0], [120.6, 25.6], [119.9, 24.6],
    [118.9, 23.5],
    // south china sea: off guangdong, round hainan, the gulf of tonkin
    [117.8, 22.6], [115.5, 22.0], [114.6, 21.9], [113.5, 21.5], [111.6, 21.2],
    [111.6, 19.6], [110.8, 18.0], [109.3, 17.9], [108.4, 18.5], [108.4, 19.5],
    [108.3, 21.0],
  ],
  // xisha (paracel) islands, part of hainan province
  [[111.0, 15.6], [113.0, 15.6], [113.0, 17.3], [111.0, 17.3]],
  // hole: hong kong, along the shenzhen river and through deep bay and mirs bay
  [
    [113.82, 22.135], [113.82, 22.4], [113.85, 22.42], [114.03, 22.51], [114.08, 22.515],
    [114.11, 22.535], [114.16, 22.555], [114.22, 22.56], [114.45, 22.56], [114.46, 22.45],
    [114.51, 22.4], [114.51, 22.135],
  ],
  // hole: macau, west of it hengqin and wanzai (zhuhai), north of it gongbei
  [
    [113.549, 22.1], [113.549, 22.16], [113.53, 22.18], [113.528, 22.217],
    [113.553, 22.217], [113.56, 22.21], [113.62, 22.19], [113.62, 22.1],
  ],
  // holes: kinmen (off xiamen), matsu (off fuzhou) and dongyin
  [[118.215, 24.38], [118.48, 24.38], [118.48, 24.53], [118.215, 24.53]],
  [[119.89, 25.93], [120.06, 25.93], [120.06, 26.27], [119.89, 26.27]],
  [[120.42, 26.33], [120.53, 26.33], [120.53, 26.41], [120.42, 26.41]],
];

// the outline's bounding box, so most foreign points are rejected at once
const WEST = 73.6;
const EAST = 134.75;
const SOUTH = 15.6;
const NORTH = 53.55;

/**
 * The outline made quick to test, built on first use. Loading a large
 * document converts every point, and the polygon test was most of that work.
 *
 * - `cells`: half-degree cells over the bounding box. A cell no edge comes
 *   near is wholly inside or wholly outside, so a point there is answered by
 *   one lookup (most of the mainland, and the open sea).
 * - `rows`: for each half-degree band of latitude, the edges that reach into
 *   it. The ray cast east from a point only meets edges spanning its
 *   latitude, so a point in a cell the outline crosses (a border, a coast)
 *   is tested against a dozen edges of its band rather than all of them.
 *   Crossings are counted over every ring together: their parity is the
 *   even-odd rule over the rings.
 */
interface Prepared {
  cells: Uint8Array;
  rows: Float64Array[];
}

const CELL = 0.5;
const COLUMNS = Math.ceil((EAST - WEST) / CELL);
const ROWS = Math.ceil((NORTH - SOUTH) / CELL);
const OUTSIDE = 0;
const INSIDE = 1;
const CROSSED = 2;
let prepared: Prepared | null = null;

const columnOf = (lng: number): number =>
  Math.min(COLUMNS - 1, Math.max(0, Math.floor((lng - WEST) / CELL)));
const rowOf = (lat: number): number =>
  Math.min(ROWS - 1, Math.max(0, Math.floor((lat - SOUTH) / CELL)));

function prepare(): Prepared {
  const cells = new Uint8Array(COLUMNS * ROWS);
  const edges: number[][] = Array.from({ length: ROWS }, () => []);

  // each edge goes to the bands it reaches, and the cells its bounding box
  // touches need the full test; the margin gives an edge along a cell's side
  // to both cells
  const MARGIN = 1e-9;
  for (const ring of OUTLINE) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[j];
      const c0 = columnOf(Math.min(x1, x2) - MARGIN);
      const c1 = columnOf(Math.max(x1, x2) + MARGIN);
      const r0 = rowOf(Math.min(y1, y2) - MARGIN);
      const r1 = rowOf(Math.max(y1, y2) + MARGIN);
      for (let r = r0; r <= r1; r++) {
        edges[r].push(x1, y1, x2, y2);
        for (let c = c0; c <= c1; c++) cells[r * COLUMNS + c] = CROSSED;
      }
    }
  }
  const rows = edges.map((list) => Float64Array.from(list));

  // no edge enters the other cells, so their centre speaks for all of them
  for (let r = 0; r < ROWS; r++) {
    const lat = SOUTH + (r + 0.5) * CELL;
    for (let c = 0; c < COLUMNS; c++) {
      const at = r * COLUMNS + c;
      if (cells[at] !== CROSSED) {
        cells[at] = bandContains(rows[r], WEST + (c + 0.5) * CELL, lat) ? INSIDE : OUTSIDE;
      }
    }
  }
  return { cells, rows };
}

/** The even-odd rule over the edges of one band, by a ray cast east. */
function bandContains(edges: Float64Array, lng: number, lat: number): boolean {
  let inside = false;
  for (let k = 0; k < edges.length; k += 4) {
    const xi = edges[k];
    const yi = edges[k + 1];
    const xj = edges[k + 2];
    const yj = edges[k + 3];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/**
 * Whether a WGS-84 point lies in mainland China (Hainan included; Hong Kong,
 * Macau and Taiwan not), where maps use the GCJ-02 and BD-09 offsets. Coarse:
 * trust it to a few hundred metres around Shenzhen and Zhuhai, some 20 km on
 * land borders.
 */
export function inMainlandChina(point: LngLat): boolean {
  const [lng, lat] = point;
  if (!(lng >= WEST && lng <= EAST && lat >= SOUTH && lat <= NORTH)) return false;
  prepared ??= prepare();
  const row = rowOf(lat);
  const cell = prepared.cells[row * COLUMNS + columnOf(lng)];
  if (cell !== CROSSED) return cell === INSIDE;
  return bandContains(prepared.rows[row], lng, lat);
}

const GCOORD = { WGS84, CGCS2000: WGS84, GCJ02, BD09 } as const;

/** The spellings people write for the four systems, to their `Crs` names. */
const CRS_NAMES: Record<string, Crs> = {
  WGS84: 'WGS84',
  'WGS-84': 'WGS84',
  'EPSG:4326': 'WGS84',
  CGCS2000: 'CGCS2000',
  'EPSG:4490': 'CGCS2000',
  GCJ02: 'GCJ02',
  'GCJ-02': 'GCJ02',
  BD09: 'BD09',
  'BD-09': 'BD09',
};

/** A coordinate system's name in any common spelling (`GCJ-02`, `EPSG:4490` …), or null. */
export function crsNamed(name: string): Crs | null {
  return CRS_NAMES[String(name).trim().toUpperCase()] ?? null;
}

/** A coordinate system's name in any common spelling; throws, naming the choices, if unknown. */
function crsName(name: string): Crs {
  const found = crsNamed(name);
  if (!found) {
    throw new RangeError(
      `Unknown coordinate system "${name}": use WGS84, CGCS2000 (EPSG:4490), GCJ02 or BD09.`,
    );
  }
  return found;
}

/**
 * The point in another coordinate system. CGCS2000 is treated as WGS-84 (they
 * differ by centimetres). Outside mainland China the GCJ-02 and BD-09 offsets
 * do not apply, so there the four systems coincide and the point comes back
 * unchanged. The outline is tested with the point as given (GCJ-02 or BD-09
 * when converting from those), so a point within a kilometre of the outline
 * may be judged either way.
 */
export function convert(point: LngLat, from: Crs, to: Crs): LngLat {
  const source = GCOORD[crsName(from)];
  const target = GCOORD[crsName(to)];
  if (!Array.isArray(point) || !Number.isFinite(point[0]) || !Number.isFinite(point[1])) {
    throw new TypeError(`convert() takes a [lng, lat] point of finite numbers; got ${point}.`);
  }
  if (source === target || !inMainlandChina(point)) return [point[0], point[1]];
  const [lng, lat] = transform([point[0], point[1]], source, target);
  return [lng, lat];
}
