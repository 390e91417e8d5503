import { citizenArea } from './area.js';
import { distance } from './geo.js';
import { lookup } from './lookup.js';
import { rankVenues } from './rank.js';
import type { RankOptions } from './rank.js';
import type { LngLat, Matter, MatterPlan, RankedVenue, ServiceData } from './types.js';

export interface PlanOptions {
  /** Where distance is measured from (WGS-84). */
  origin?: LngLat | null;
  /** The citizen's area for 属地 matters; guessed from `origin` when absent. */
  area?: string | null;
  /** When the citizen means to go: the open states are computed for it; now by default. */
  at?: Date;
  /** At most this many venues in `venues`; all by default. `oneTrip` and `cover` ignore it. */
  limit?: number;
}

/**
 * A cover is searched over bit masks of a bundle's matters; a life event
 * (一件事) has a handful, so thirty is far beyond any real one.
 */
const MAX_COVERED = 30;

/**
 * The best way to get a matter or a life event (一件事) done (最优办事方案):
 *
 * - `online`: the matter's online link when it needs no visit (`visits: 0`);
 *   for a bundle, when every matter is so, the first matter's link.
 * - `venues`: the venues that handle it (a bundle: every one of its matters)
 *   and are not ineligible for the citizen's area, nearest first, each with
 *   its open state at `at`. Venues whose eligibility is unknown stay in.
 * - `oneTrip` (bundles): the first of `venues`, the nearest venue where the
 *   whole life event is done in one trip (最多跑一次).
 * - `cover` (bundles without a one-trip venue): the fewest venues that
 *   together handle every matter, each eligible for the matters it covers.
 *   The minimum is exact, not a greedy guess; among covers of that size,
 *   the one with the fewest unlocated venues, then the least `distance`:
 *   the sum of the venues' distances from the origin (0 without an origin;
 *   unlocated venues add nothing). Null when no set of venues covers it.
 *
 * An unknown id gives a plan of kind `matter` with no venues; it never throws.
 */
export function planMatter(data: ServiceData, id: string, options: PlanOptions = {}): MatterPlan {
  const found = lookup(data);
  const query = {
    origin: options.origin ?? null,
    area: options.area ?? null,
    at: options.at ?? new Date(),
  };
  const limit =
    options.limit === undefined || Number.isNaN(options.limit)
      ? Infinity
      : Math.max(0, Math.floor(options.limit));

  // a single matter
  const matter = found.matter.get(id);
  if (matter) {
    const venues = eligibleVenues(data, { ...query, matter: id }, limit);
    return { kind: 'matter', id, online: onlineWay([matter]), venues, oneTrip: null, cover: null };
  }

  // a life event: its known matters, once each
  const bundle = found.bundle.get(id);
  const matters: Matter[] = [];
  for (const matterId of bundle?.matters ?? []) {
    const known = found.matter.get(matterId);
    if (known && !matters.includes(known)) matters.push(known);
  }
  if (!bundle || matters.length === 0) {
    const kind = bundle ? 'bundle' : 'matter';
    return { kind, id, online: null, venues: [], oneTrip: null, cover: null };
  }

  // one trip when a venue handles everything, else the smallest cover
  const whole = { ...query, bundle: id };
  const venues = eligibleVenues(data, whole, limit);
  const oneTrip = (limit > 0 ? venues : eligibleVenues(data, whole, 1))[0] ?? null;
  const cover = oneTrip ? null : smallestCover(data, matters, query);
  return { kind: 'bundle', id, online: onlineWay(matters), venues, oneTrip, cover };
}

/** The online way when every matter has a link and needs no visit. */
function onlineWay(matters: Matter[]): MatterPlan['online'] {
  const online = matters.every((matter) => matter.online && matter.visits === 0);
  return online ? { url: matters[0].online! } : null;
}

/**
 * The ranked venues that are not ineligible, at most `limit`. Ineligible
 * venues are dropped after ranking, so a short cut may hold too few: the
 * cut is widened fourfold until enough are kept or none are left.
 */
function eligibleVenues(data: ServiceData, query: RankOptions, limit: number): RankedVenue[] {
  if (limit === 0) return [];
  for (let cut = limit; ; cut *= 4) {
    const ranked = rankVenues(data, { ...query, limit: cut });
    const kept = ranked.filter((r) => r.eligible !== false);
    if (kept.length >= limit || ranked.length < cut) return kept.slice(0, limit);
  }
}

/** A venue that may take part in a cover: the matters it may handle, as bits. */
interface Candidate {
  ranked: RankedVenue;
  mask: number;
  /** Whether it is eligible (not merely not ineligible) for all of them. */
  eligible: boolean;
  /** 1 when the distance is unknown though there is an origin, else 0. */
  unlocated: number;
  metres: number;
  /** Its place in the standing order, to break ties. */
  order: number;
}

/**
 * The fewest venues that together handle every matter, by an exact search:
 * venues another one outdoes (it handles all they do, and is no farther)
 * are dropped, then covers of one venue, two, three … are searched, each
 * time branching on the matter the fewest venues handle and pruning covers
 * that cannot be smaller or shorter than the best one found.
 */
function smallestCover(
  data: ServiceData,
  matters: Matter[],
  query: RankOptions,
): MatterPlan['cover'] {
  // TODO(#3): a bundle of more than thirty matters gets no cover.
  if (matters.length > MAX_COVERED) return null;
  const origin = query.origin;
  const from = origin && Number.isFinite(origin[0]) && Number.isFinite(origin[1]) ? origin : null;
  const full = (1 << matters.length) - 1;

  // each matter's venues that may handle it for this citizen. Every one of
  // them is needed, not the nearest few, so they are listed in the standing
  // order (a pass over the venues) with the citizen's area fixed beforehand,
  // and measured here, rather than sorted by distance once per matter
  const standing: RankOptions = {
    area: citizenArea(data, { area: query.area, origin: from })?.id ?? null,
    at: query.at,
  };
  const byVenue = new Map<string, Candidate>();
  matters.forEach((matter, bit) => {
    for (const ranked of rankVenues(data, { ...standing, matter: matter.id })) {
      if (ranked.eligible === false) continue;
      let candidate = byVenue.get(ranked.venue.id);
      if (!candidate) {
        const at = ranked.venue.location;
        const metres =
          from && at && Number.isFinite(at[0]) && Number.isFinite(at[1]) ? distance(from, at) : null;
        candidate = {
          ranked: { ...ranked, distance: metres },
          mask: 0,
          eligible: true,
          unlocated: from && metres === null ? 1 : 0,
          metres: metres ?? 0,
          order: byVenue.size,
        };
        byVenue.set(ranked.venue.id, candidate);
      }
      candidate.mask |= 1 << bit;
      if (ranked.eligible !== true) candidate.eligible = false;
    }
  });

  // a matter no venue may handle leaves the bundle uncovered
  let handled = 0;
  for (const candidate of byVenue.values()) handled |= candidate.mask;
  if (handled !== full) return null;

  // keep the best venue of each set of matters, then drop those a venue with
  // more matters outdoes; sorted best first, so the search tries them first
  const cheaper = (a: Candidate, b: Candidate): number =>
    a.unlocated - b.unlocated || a.metres - b.metres;
  const before = (a: Candidate, b: Candidate): number => cheaper(a, b) || a.order - b.order;
  const sorted = [...byVenue.values()].sort(cheaper);
  const bestOfMask = new Map<number, Candidate>();
  for (const candidate of sorted) {
    if (!bestOfMask.has(candidate.mask)) bestOfMask.set(candidate.mask, candidate);
  }
  const distinct = [...bestOfMask.values()];
  const outdoes = (b: Candidate, a: Candidate): boolean =>
    b !== a && (a.mask & b.mask) === a.mask && cheaper(b, a) <= 0;
  const candidates = distinct.filter((a) => !distinct.some((b) => outdoes(b, a)));

  // the venues handling each matter, best first
  const handlers: Candidate[][] = matters.map((_, bit) =>
    candidates.filter((candidate) => candidate.mask & (1 << bit)),
  );
  let widest = 0;
  for (const candidate of candidates) widest = Math.max(widest, bits(candidate.mask));

  // covers of k venues for k = 1, 2, …: the first k with any cover is the
  // minimum; within it, the search keeps the cheapest
  let best: Candidate[] | null = null;
  let bestUnlocated = 0;
  let bestMetres = 0;
  // whether a partial cover already costs no less than the best one: costs
  // only grow as venues are added
  const beaten = (unlocated: number, metres: number): boolean =>
    best !== null &&
    (unlocated > bestUnlocated || (unlocated === bestUnlocated && metres >= bestMetres));
  const chosen: Candidate[] = [];
  const search = (covered: number, k: number, unlocated: number, metres: number): void => {
    if (beaten(unlocated, metres)) return;
    if (covered === full) {
      best = [...chosen];
      bestUnlocated = unlocated;
      bestMetres = metres;
      return;
    }
    const left = k - chosen.length;
    if (left === 0 || Math.ceil(bits(full & ~covered) / widest) > left) return;

    // branch on the uncovered matter with the fewest venues
    let branch = -1;
    for (let bit = 0; bit < matters.length; bit++) {
      if (covered & (1 << bit)) continue;
      if (branch < 0 || handlers[bit].length < handlers[branch].length) branch = bit;
    }
    for (const more of handlers[branch]) {
      chosen.push(more);
      search(covered | more.mask, k, unlocated + more.unlocated, metres + more.metres);
      chosen.pop();
    }
  };
  for (let k = 1; k <= matters.length && !best; k++) search(0, k, 0, 0);
  if (!best) return null;

  // nearest first, each eligible when it is so for every matter it covers
  const venues = (best as Candidate[])
    .sort(before)
    .map((c) => ({ ...c.ranked, eligible: c.eligible ? true : null }));
  return { venues, distance: bestMetres };
}

/** The number of set bits. */
function bits(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
