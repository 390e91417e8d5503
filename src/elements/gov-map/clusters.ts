import KDBush from 'kdbush';

/**
 * Clusters of venues per zoom level, for maps of a district (thirty venues)
 * to a province (a hundred thousand).
 *
 * Each zoom level is clustered on its own, greedily: taking the points in
 * order, an unclustered point starts a cluster that takes every unclustered
 * point within `radius` screen pixels of it. One k-d tree (kdbush) over the
 * points answers those queries, so a level costs about one pass over the
 * points, and only the levels the map shows are ever computed. A level's
 * clusters are fixed for the whole world, so they do not jump while the map
 * pans. (supercluster nests the levels, building each from the one below;
 * that costs every level up front, which a map showing one zoom at a time
 * does not need.)
 *
 * Coordinates are Web Mercator metres (EPSG:3857), as the map draws them.
 */

/** Screen pixels within which the map's markers join a cluster. */
export const clusterRadius = 28;

/** Metres per pixel at zoom 0 for 256-pixel Web Mercator tiles. */
const resolution0 = 156543.03392804097;

/** Metres per pixel at a zoom level. */
export function resolutionAt(zoom: number): number {
  return resolution0 / 2 ** zoom;
}

/** The clusters of one zoom level. */
export interface ClusterLevel {
  readonly zoom: number;
  /** The number of clusters (single points included). */
  readonly count: number;
  /** The cluster of each point. */
  readonly owner: Int32Array;
  /** Cluster centres: the mean of their members. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Cluster `c` holds `members[start[c]] … members[start[c + 1] - 1]` (point indices). */
  readonly start: Uint32Array;
  readonly members: Uint32Array;
  /** The bounding box of each cluster's members: minX, minY, maxX, maxY, four per cluster. */
  readonly extent: Float64Array;
  /** A k-d tree over the centres, for the clusters in view. */
  readonly tree: KDBush;
}

export class ClusterIndex {
  /** The number of points. */
  readonly size: number;
  /** The bounding box of every point (minX, minY, maxX, maxY), or null with none. */
  readonly bbox: readonly [number, number, number, number] | null;

  private readonly tree: KDBush;
  private readonly levels = new Map<number, ClusterLevel>();
  private readonly pending = new Map<number, { owner: Int32Array; count: number; next: number }>();

  /**
   * @param x, y the points in EPSG:3857 metres, in the order seeds are taken
   * @param radius screen pixels within which points join a cluster
   */
  constructor(
    readonly x: Float64Array,
    readonly y: Float64Array,
    readonly radius: number,
  ) {
    const size = (this.size = x.length);

    // one k-d tree over the points serves every level
    this.tree = new KDBush(Math.max(size, 1));
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < size; i++) {
      this.tree.add(x[i], y[i]);
      if (x[i] < minX) minX = x[i];
      if (y[i] < minY) minY = y[i];
      if (x[i] > maxX) maxX = x[i];
      if (y[i] > maxY) maxY = y[i];
    }
    if (!size) this.tree.add(0, 0);
    this.tree.finish();
    this.bbox = size ? [minX, minY, maxX, maxY] : null;
  }

  /** Whether a level has been computed already. */
  has(zoom: number): boolean {
    return this.levels.has(Math.round(zoom));
  }

  /** The clusters at a (whole) zoom level, computed on first use. */
  level(zoom: number): ClusterLevel {
    const z = Math.round(zoom);
    let level = this.levels.get(z);
    if (!level) {
      this.prepare(z, () => false);
      level = this.levels.get(z)!;
    }
    return level;
  }

  /**
   * Works on a level until `stop` says so (checked every 2,048 points), so
   * the levels next to the one shown can be prepared in idle time without a
   * long task. Returns whether the level is ready.
   */
  prepare(zoom: number, stop: () => boolean): boolean {
    const z = Math.round(zoom);
    if (this.levels.has(z)) return true;
    const { size, x, y } = this;
    const reach = this.radius * resolutionAt(z);
    let job = this.pending.get(z);
    if (!job) {
      job = { owner: new Int32Array(size).fill(-1), count: 0, next: 0 };
      this.pending.set(z, job);
    }

    // greedy: each unclustered point takes its unclustered neighbours
    const owner = job.owner;
    let count = job.count;
    let i = job.next;
    while (i < size) {
      if (owner[i] === -1) {
        const near = this.tree.within(x[i], y[i], reach);
        for (let k = 0; k < near.length; k++) {
          if (owner[near[k]] === -1) owner[near[k]] = count;
        }
        count++;
      }
      i++;
      if ((i & 2047) === 0 && i < size && stop()) {
        job.count = count;
        job.next = i;
        return false;
      }
    }
    this.pending.delete(z);
    this.levels.set(z, this.finish(z, owner, count));
    return true;
  }

  /** The points inside a box. */
  pointsIn(minX: number, minY: number, maxX: number, maxY: number): number[] {
    return this.size ? this.tree.range(minX, minY, maxX, maxY) : [];
  }

  private finish(zoom: number, owner: Int32Array, count: number): ClusterLevel {
    const { size, x, y } = this;

    // members grouped by cluster (counting sort), in point order within each
    const start = new Uint32Array(count + 1);
    for (let i = 0; i < size; i++) start[owner[i] + 1]++;
    for (let c = 0; c < count; c++) start[c + 1] += start[c];
    const members = new Uint32Array(size);
    const cursor = start.slice(0, count);
    for (let i = 0; i < size; i++) members[cursor[owner[i]]++] = i;

    // centres and extents
    const cx = new Float64Array(count);
    const cy = new Float64Array(count);
    const extent = new Float64Array(count * 4);
    for (let c = 0; c < count; c++) {
      let sx = 0;
      let sy = 0;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let m = start[c]; m < start[c + 1]; m++) {
        const i = members[m];
        sx += x[i];
        sy += y[i];
        if (x[i] < minX) minX = x[i];
        if (y[i] < minY) minY = y[i];
        if (x[i] > maxX) maxX = x[i];
        if (y[i] > maxY) maxY = y[i];
      }
      const n = start[c + 1] - start[c];
      cx[c] = sx / n;
      cy[c] = sy / n;
      extent.set([minX, minY, maxX, maxY], c * 4);
    }

    const tree = new KDBush(Math.max(count, 1));
    for (let c = 0; c < count; c++) tree.add(cx[c], cy[c]);
    if (!count) tree.add(0, 0);
    tree.finish();
    return { zoom, count, owner, x: cx, y: cy, start, members, extent, tree };
  }
}

/** The clusters whose centres lie inside a box (none for an empty level). */
export function clustersIn(
  level: ClusterLevel,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): number[] {
  return level.count ? level.tree.range(minX, minY, maxX, maxY) : [];
}
