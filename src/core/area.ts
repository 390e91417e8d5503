import { areaAt } from './geo.js';
import { lookup } from './lookup.js';
import type { LngLat, ServiceData } from './types.js';

export interface CitizenAreaOptions {
  /** The area the citizen chose: where they live or are registered. */
  area?: string | null;
  /** Where the citizen is, or the start point they chose (WGS-84). */
  origin?: LngLat | null;
}

/** The citizen's area and whether it was guessed from the origin. */
export interface CitizenArea {
  id: string;
  /** True when no area was chosen and the origin's area stands in for it. */
  guessed: boolean;
}

/**
 * The citizen's area for 属地 (jurisdiction) rules: the one they chose, else
 * the deepest area whose boundary holds the origin (a guess the elements
 * label as such), else null. A chosen id is taken as given, even when the
 * document does not list it; eligibility is then unknown wherever it would
 * need the area's parents.
 */
export function citizenArea(
  data: ServiceData,
  options: CitizenAreaOptions = {},
): CitizenArea | null {
  const chosen = options.area?.trim();
  if (chosen) return { id: chosen, guessed: false };

  const origin = options.origin;
  if (!origin || !Number.isFinite(origin[0]) || !Number.isFinite(origin[1])) return null;
  const found = areaAt(data, origin);
  return found ? { id: found.id, guessed: true } : null;
}

/** An area's line of parents, itself first, and whether the line is known to its root. */
interface Line {
  ids: Set<string>;
  complete: boolean;
}

function lineOf(data: ServiceData, id: string): Line {
  const areas = lookup(data).area;
  const ids = new Set<string>();
  for (let at: string | null = id; at !== null; ) {
    // a loop of parents, or an area the document does not list: the line
    // above this point is unknown
    if (ids.has(at)) return { ids, complete: false };
    ids.add(at);
    const area = areas.get(at);
    if (!area) return { ids, complete: false };
    at = area.parent;
  }
  return { ids, complete: true };
}

/**
 * Whether a venue of `venueArea` serves a citizen of `citizenArea` for a 属地
 * matter: true when the venue's area is the citizen's or holds it (a street
 * centre serves its communities, the district centre the whole district);
 * false when both lines of parents are known and neither area holds the
 * other; null when it cannot be told. That includes a venue whose area lies
 * inside the citizen's (the citizen named only their street, the venue is a
 * community station of it): they may or may not live in its part.
 */
export function servesArea(
  data: ServiceData,
  venueArea: string,
  citizenArea: string,
): boolean | null {
  const citizen = lineOf(data, citizenArea);
  if (citizen.ids.has(venueArea)) return true;
  const venue = lineOf(data, venueArea);
  if (venue.ids.has(citizenArea)) return null;
  return citizen.complete && venue.complete ? false : null;
}
