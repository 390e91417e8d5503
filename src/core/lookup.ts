import type { Area, Bundle, Matter, ServiceData, Venue } from './types.js';

/** Id lookups and the venue lists of each matter, built once per dataset. */
export interface Lookup {
  venue: Map<string, Venue>;
  matter: Map<string, Matter>;
  bundle: Map<string, Bundle>;
  area: Map<string, Area>;
  /** Venue ids that handle each matter, in document order. */
  venuesOf: Map<string, string[]>;
}

const cache = new WeakMap<ServiceData, Lookup>();

/** The lookups of a dataset; cached, so treat the dataset as immutable. */
export function lookup(data: ServiceData): Lookup {
  let found = cache.get(data);
  if (found) return found;

  const venuesOf = new Map<string, string[]>();
  for (const venue of data.venues) {
    for (const { matter } of venue.matters) {
      const list = venuesOf.get(matter);
      if (list) list.push(venue.id);
      else venuesOf.set(matter, [venue.id]);
    }
  }
  found = {
    venue: new Map(data.venues.map((v) => [v.id, v])),
    matter: new Map(data.matters.map((m) => [m.id, m])),
    bundle: new Map(data.bundles.map((b) => [b.id, b])),
    area: new Map(data.areas.map((a) => [a.id, a])),
    venuesOf,
  };
  cache.set(data, found);
  return found;
}

/** Whether `area` is `ancestor` or lies inside it, following `parent`. */
export function areaWithin(data: ServiceData, area: string, ancestor: string): boolean {
  const areas = lookup(data).area;
  const seen = new Set<string>();
  for (let id: string | null = area; id && !seen.has(id); ) {
    if (id === ancestor) return true;
    seen.add(id);
    id = areas.get(id)?.parent ?? null;
  }
  return false;
}
