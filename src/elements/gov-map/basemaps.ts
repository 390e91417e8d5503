import { convert, crsNamed } from '../../core/crs.js';
import type { Crs, LngLat } from '../../core/types.js';

/**
 * Base maps of `<gov-map>`, as plain data: which tiles to draw, how their
 * URLs are built, whose credit they carry and how the venues must be shifted
 * to sit on them. No OpenLayers here, so the element can decide all this
 * before the map code has loaded, and tests can check the URLs exactly.
 */

/** A resolved base map. */
export type BasemapConfig =
  | { kind: 'none' | 'osm' }
  | { kind: 'tianditu' | 'tianditu-img'; key: string }
  | { kind: 'xyz'; url: string; crs: Crs };

export type BasemapKind = BasemapConfig['kind'];

/** The names `basemap` accepts. */
export const basemapNames = ['none', 'tianditu', 'tianditu-img', 'osm'] as const;

/** The layers of each Tianditu base map: the map itself, then its annotation (注记). */
export const tiandituLayers = {
  tianditu: ['vec', 'cva'],
  'tianditu-img': ['img', 'cia'],
} as const;

/** Tianditu serves tiles to zoom 18; OpenLayers magnifies them beyond. */
export const tiandituMaxZoom = 18;

/**
 * The URL of one Tianditu Web Mercator tile (tile matrix set `w`) through its
 * WMTS key-value endpoint, on host `t0`…`t7` chosen by `(x + y) mod 8` so
 * neighbouring tiles load in parallel:
 *
 * `https://t{h}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0`
 * `&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}`
 * `&TILECOL={x}&tk={key}`
 */
export function tiandituTileUrl(
  layer: string,
  key: string,
  z: number,
  x: number,
  y: number,
): string {
  const host = (((x + y) % 8) + 8) % 8;
  return (
    `https://t${host}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile` +
    `&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles` +
    `&TILEMATRIX=${z}&TILEROW=${y}&TILECOL=${x}&tk=${encodeURIComponent(key)}`
  );
}

/**
 * The URL of one tile of an XYZ template. Placeholders: `{z}`, `{x}`, `{y}`,
 * `{-y}` (the TMS row, 2^z − 1 − y) and a host range such as `{a-c}` or
 * `{0-3}`, one character at each end, picked by `(x + y) mod` its length.
 * Anything else is left as written.
 */
export function templateTileUrl(template: string, z: number, x: number, y: number): string {
  return template.replace(/\{(z|x|y|-y|([a-z0-9])-([a-z0-9]))\}/gi, (all, name, from, to) => {
    if (name === 'z') return String(z);
    if (name === 'x') return String(x);
    if (name === 'y') return String(y);
    if (name === '-y') return String(2 ** z - 1 - y);
    const first = (from as string).charCodeAt(0);
    const count = (to as string).charCodeAt(0) - first + 1;
    if (count < 1) return all;
    return String.fromCharCode(first + ((((x + y) % count) + count) % count));
  });
}

export interface BasemapAttributes {
  basemap: string | null;
  key: string | null;
  url: string | null;
  crs: string | null;
}

/**
 * The base map the attributes ask for. The default is none, or Tianditu when
 * a key is given, or the template when one is given. Misuse is reported
 * through `warn` and falls back to no base map; nothing throws.
 */
export function resolveBasemap(
  attributes: BasemapAttributes,
  warn: (message: string) => void,
): BasemapConfig {
  const { basemap, key, url } = attributes;
  const kind = basemap ?? (url ? 'xyz' : key ? 'tianditu' : 'none');
  if (kind === 'xyz' && url) {
    let crs = attributes.crs ? crsNamed(attributes.crs) : 'WGS84';
    if (!crs) {
      warn(`basemap-crs "${attributes.crs}" is not WGS84 or GCJ02; WGS84 is used.`);
      crs = 'WGS84';
    }
    // Baidu's tiles use their own projection and grid, not Web Mercator XYZ
    if (crs === 'BD09') {
      warn('basemap-crs "BD09" is not supported (Baidu tiles use their own grid); WGS84 is used.');
      crs = 'WGS84';
    }
    return { kind, url, crs };
  }
  if (kind === 'tianditu' || kind === 'tianditu-img') {
    if (key) return { kind, key };
    warn(`basemap "${kind}" needs basemap-key; no base map is drawn.`);
    return { kind: 'none' };
  }
  if (!(basemapNames as readonly string[]).includes(kind)) {
    warn(`basemap "${kind}" is not one of ${basemapNames.join(', ')}; none is drawn.`);
    return { kind: 'none' };
  }
  return { kind: kind as 'none' | 'osm' };
}

/** Moves WGS-84 points onto a base map drawn in another CRS, and back. */
export interface Shift {
  /** The CRS the base map is drawn in. */
  crs: Crs;
  /** WGS-84 → the base map's CRS. */
  to(point: LngLat): LngLat;
  /** The base map's CRS → WGS-84. */
  from(point: LngLat): LngLat;
}

/**
 * The shift a base map needs, or null when its tiles are WGS-84 (Tianditu,
 * OSM, CGCS2000 templates). Points outside mainland China are never shifted
 * (the core's `convert` knows the outline).
 */
export function shiftFor(config: BasemapConfig): Shift | null {
  if (config.kind !== 'xyz' || config.crs === 'WGS84' || config.crs === 'CGCS2000') return null;
  const crs = config.crs;
  return {
    crs,
    to: (point) => convert(point, 'WGS84', crs),
    from: (point) => convert(point, crs, 'WGS84'),
  };
}

/** Whether a base map is Tianditu, whose refusals have known causes. */
export function isTianditu(config: BasemapConfig): boolean {
  return config.kind === 'tianditu' || config.kind === 'tianditu-img';
}
