import { lookup } from './lookup.js';
import type { Area, LngLat, MultiPolygon, Polygon, ServiceData } from './types.js';

/** The mean Earth radius (IUGG), the one the README promises. */
const EARTH_RADIUS = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres between two WGS-84 points (haversine). */
export function distance(a: LngLat, b: LngLat): number {
  if (!isPoint(a) || !isPoint(b)) {
    throw new TypeError(
      `distance() takes two [lng, lat] points of finite numbers; got ${show(a)} and ${show(b)}.`,
    );
  }
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  // min() keeps rounding from pushing antipodal points past asin's domain
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
}

function isPoint(p: unknown): p is LngLat {
  return (
    Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1])
  );
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Whether a ring holds the point, by casting a ray towards the east. The ring
 * may or may not repeat its first vertex; either way the closing edge counts.
 */
export function ringContains(ring: readonly LngLat[], lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/** Whether a GeoJSON polygon (outer ring, then holes) holds the point. */
function polygonContains(rings: readonly LngLat[][], lng: number, lat: number): boolean {
  if (rings.length === 0 || !ringContains(rings[0], lng, lat)) return false;
  for (let i = 1; i < rings.length; i++) if (ringContains(rings[i], lng, lat)) return false;
  return true;
}

/** An area with a boundary, ready to test: its depth and bounding box. */
interface Bounded {
  area: Area;
  depth: number;
  polygons: LngLat[][][];
  west: number;
  south: number;
  east: number;
  north: number;
}

const boundedCache = new WeakMap<ServiceData, Bounded[]>();

/** The number of ancestors of an area, following `parent` and stopping on a loop. */
function depthOf(data: ServiceData, area: Area): number {
  const areas = lookup(data).area;
  const seen = new Set<string>([area.id]);
  let depth = 0;
  for (let id = area.parent; id && !seen.has(id); id = areas.get(id)?.parent ?? null) {
    seen.add(id);
    depth++;
  }
  return depth;
}

function polygonsOf(boundary: Polygon | MultiPolygon): LngLat[][][] {
  return boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
}

/** The areas with a boundary, deepest first (document order among equals); cached. */
function boundedAreas(data: ServiceData): Bounded[] {
  let found = boundedCache.get(data);
  if (found) return found;

  found = [];
  for (const area of data.areas) {
    if (!area.boundary) continue;
    const polygons = polygonsOf(area.boundary);
    let west = Infinity;
    let south = Infinity;
    let east = -Infinity;
    let north = -Infinity;
    // the outer rings bound the holes, so they alone give the box
    for (const rings of polygons) {
      for (const [lng, lat] of rings[0] ?? []) {
        if (lng < west) west = lng;
        if (lng > east) east = lng;
        if (lat < south) south = lat;
        if (lat > north) north = lat;
      }
    }
    found.push({ area, depth: depthOf(data, area), polygons, west, south, east, north });
  }
  // Array#sort is stable, so document order decides between equal depths
  found.sort((a, b) => b.depth - a.depth);
  boundedCache.set(data, found);
  return found;
}

/**
 * The deepest area (the one with the most ancestors: a community before its
 * street, a street before its district) whose boundary holds the point, or
 * null when none does. Areas without a boundary are never found.
 */
export function areaAt(data: ServiceData, point: LngLat): Area | null {
  const [lng, lat] = point;
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return null;
  for (const bounded of boundedAreas(data)) {
    if (lng < bounded.west || lng > bounded.east) continue;
    if (lat < bounded.south || lat > bounded.north) continue;
    for (const rings of bounded.polygons) {
      if (polygonContains(rings, lng, lat)) return bounded.area;
    }
  }
  return null;
}
