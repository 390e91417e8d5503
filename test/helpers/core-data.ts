// Small builders of normalised records for core tests: every field present,
// as parseServiceData leaves them, so a table row names only what it tests.
import type {
  Area,
  Bundle,
  LngLat,
  Matter,
  ServiceData,
  Venue,
  VenueMatter,
} from '../../src/core/types.js';

/** A closed rectangle ring, anticlockwise from the south-west corner. */
export function box(west: number, south: number, east: number, north: number): LngLat[] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

export function area(
  id: string,
  name: string,
  parent: string | null,
  ring: LngLat[] | null = null,
): Area {
  const boundary = ring ? { type: 'Polygon' as const, coordinates: [ring] } : null;
  return { id, name, level: null, parent, center: null, boundary };
}

export function venue(
  id: string,
  fields: Omit<Partial<Venue>, 'matters'> & { matters?: (string | VenueMatter)[] } = {},
): Venue {
  const { matters = [], ...rest } = fields;
  return {
    id,
    name: id,
    level: 'street',
    area: null,
    address: null,
    location: null,
    phone: null,
    hours: null,
    openingHours: null,
    closures: [],
    appointment: null,
    queue: null,
    facilities: [],
    note: null,
    updated: null,
    ...rest,
    matters: matters.map((m) => (typeof m === 'string' ? { matter: m } : m)),
  };
}

export function matter(id: string, fields: Partial<Matter> = {}): Matter {
  return {
    id,
    name: id,
    aliases: [],
    code: null,
    type: null,
    department: null,
    audience: [],
    topics: [],
    scope: 'anywhere',
    visits: null,
    online: null,
    promised: null,
    legal: null,
    fee: null,
    conditions: null,
    materials: [],
    steps: [],
    basis: [],
    phone: null,
    complaintPhone: null,
    faq: [],
    ...fields,
  };
}

export function bundle(id: string, matters: string[]): Bundle {
  return { id, name: id, aliases: [], matters };
}

export function dataset(parts: Partial<ServiceData> = {}): ServiceData {
  return {
    version: 1,
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
    ...parts,
  };
}
