import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Feature from 'ol/Feature.js';
import Overlay from 'ol/Overlay.js';
import Point from 'ol/geom/Point.js';
import CircleGeometry from 'ol/geom/Circle.js';
import VectorLayer from 'ol/layer/Vector.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorSource from 'ol/source/Vector.js';
import OSM from 'ol/source/OSM.js';
import XYZ from 'ol/source/XYZ.js';
import type UrlTile from 'ol/source/UrlTile.js';
import Attribution from 'ol/control/Attribution.js';
import { Circle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style.js';
import type { StyleFunction } from 'ol/style/Style.js';
import { asArray } from 'ol/color.js';
import { equals } from 'ol/array.js';
import { buffer, containsCoordinate, containsExtent, getHeight, getWidth } from 'ol/extent.js';
import type { Extent } from 'ol/extent.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { unByKey } from 'ol/Observable.js';
import type { EventsKey } from 'ol/events.js';
import type MapBrowserEvent from 'ol/MapBrowserEvent.js';
import type { Coordinate } from 'ol/coordinate.js';
import type { LngLat, Venue } from '../../core/types.js';
import { levelClass } from '../../shared/format.js';
import { shiftFor, templateTileUrl, tiandituLayers, tiandituMaxZoom, tiandituTileUrl } from './basemaps.js';
import type { BasemapConfig, Shift } from './basemaps.js';
import { ClusterIndex, clusterRadius, clustersIn, resolutionAt } from './clusters.js';
import type { ClusterLevel } from './clusters.js';
import { cooperativeInteractions } from './gestures.js';
import type { GestureHint } from './gestures.js';

/**
 * Everything of `<gov-map>` that touches OpenLayers, in one module that the
 * element loads with a dynamic import, so a page without a map never
 * downloads it. A plain class: the element hands it data and choices, and
 * hears clicks, hovers and tile failures back through callbacks.
 *
 * Venues are drawn as clusters where they crowd (see clusters.ts); only the
 * clusters of the zoom level shown, near the view, become OpenLayers
 * features, so the number of features stays near what fits on the screen
 * whether the data holds thirty venues or a hundred thousand.
 */

/** Marker colours, read from the host's custom properties once at start. */
export interface MarkerColors {
  district: string;
  street: string;
  community: string;
  'self-service': string;
  other: string;
  accent: string;
  halo: string;
}

export type { BasemapConfig } from './basemaps.js';
export type { GestureHint } from './gestures.js';

/** A cluster as the map drew it: its zoom level and number there. */
export interface ClusterRef {
  zoom: number;
  index: number;
}

export interface MapClick {
  /** The clicked point, WGS-84 (shifted back from a GCJ-02 base map). */
  point: LngLat;
  /** The venue under the pointer, if any. */
  venue: string | null;
  /** The cluster under the pointer, if any. */
  cluster: ClusterRef | null;
}

export interface MapViewOptions {
  /** The element OpenLayers draws into (a div in the shadow root); it takes the keys. */
  target: HTMLElement;
  /** The popup's element; the caller renders its content. */
  popup: HTMLElement;
  colors: MarkerColors;
  /** The font family of cluster counts. */
  font: string;
  basemap: BasemapConfig;
  /** Credits (base map, page, data) as plain text; escaped before OpenLayers sees them. */
  credit: string[];
  /** A view to start from (a map moved in the page keeps its place). */
  start?: { center: Coordinate; zoom: number } | null;
  /** Whether the citizen has activated the map (see gestures.ts). */
  isActive(): boolean;
  onClick(click: MapClick): void;
  onHover(venue: string | null): void;
  /**
   * The base map's tiles started failing (true, with the URL of a tile that
   * failed) or came back (false).
   */
  onTiles(failing: boolean, url?: string): void;
  onHint(kind: GestureHint): void;
  onMoveEnd(): void;
}

const markerZoom = 16;
const maxZoom = 19;
const fitPadding = [48, 48, 48, 48];
/** A level with more clusters than this is drawn near the view only. */
const wholeLevel = 3000;
/** Tile failures in a row (none loading in between) before the base map is given up. */
const tileFailures = 4;

/** A drawn set of venues: positions on the base map, clusters, ids. */
interface VenueIndex {
  ids: string[];
  levels: string[];
  byId: Map<string, number>;
  clusters: ClusterIndex;
}

// indexes are shared by maps drawing the same venues on the same kind of base map
const indexes = new WeakMap<readonly Venue[], Map<string, VenueIndex>>();

function venueIndex(venues: readonly Venue[], shift: Shift | null): VenueIndex {
  const key = shift?.crs ?? 'WGS84';
  let byShift = indexes.get(venues);
  if (!byShift) indexes.set(venues, (byShift = new Map()));
  let index = byShift.get(key);
  if (index) return index;

  // positions in Web Mercator metres, on the base map's streets
  const located = venues.filter((venue) => venue.location);
  const x = new Float64Array(located.length);
  const y = new Float64Array(located.length);
  const ids: string[] = [];
  const levels: string[] = [];
  const byId = new Map<string, number>();
  located.forEach((venue, i) => {
    const [px, py] = fromLonLat(shift ? shift.to(venue.location!) : venue.location!);
    x[i] = px;
    y[i] = py;
    ids.push(venue.id);
    levels.push(levelClass(venue.level));
    byId.set(venue.id, i);
  });
  index = { ids, levels, byId, clusters: new ClusterIndex(x, y, clusterRadius) };
  byShift.set(key, index);
  return index;
}

type MarkerState = 'normal' | 'selected' | 'hover' | 'dimmed';

/** The map of venues: base layers, venue markers and clusters, the origin and a popup. */
export class MapView {
  readonly map: OlMap;

  private readonly view: View;
  private readonly venueSource = new VectorSource<Feature<Point>>();
  private readonly venueLayer: VectorLayer<VectorSource<Feature<Point>>>;
  private readonly originLayer: VectorLayer<VectorSource<Feature<Point>>>;
  private readonly accuracyLayer: VectorLayer<VectorSource<Feature<CircleGeometry>>>;
  private readonly originSource = new VectorSource<Feature<Point>>();
  private readonly accuracySource = new VectorSource<Feature<CircleGeometry>>();
  private readonly overlay: Overlay;
  private readonly options: MapViewOptions;
  private readonly styles = new Map<string, Style>();
  private readonly keys: EventsKey[] = [];
  private readonly resizeObserver: ResizeObserver;
  private baseLayers: TileLayer[] = [];
  private shift: Shift | null;
  private venues: readonly Venue[] = [];
  private index: VenueIndex | null = null;
  private features = new Map<string, Feature<Point>>();
  /** The level and box whose clusters are features now. */
  private drawn: { level: ClusterLevel; box: Extent | null } | null = null;
  private selected: string | null = null;
  private hovered: string | null = null;
  private handling: ReadonlySet<string> | null = null;
  private matched: Uint8Array | null = null;
  private origin: { point: LngLat; accuracy: number | null } | null = null;
  private popupAt: { venue: string } | { coordinate: Coordinate } | null = null;
  private fitPending = false;
  private fitZoom: number | undefined;
  private tileErrors = 0;
  private tilesFailing = false;
  private idle = 0;
  private disposed = false;

  constructor(options: MapViewOptions) {
    this.options = options;
    this.shift = shiftFor(options.basemap);

    // the venues, styled by level and by the element's choices; the origin above them
    this.venueLayer = new VectorLayer({
      source: this.venueSource,
      style: this.venueStyle,
      zIndex: 10,
      renderBuffer: 120,
      properties: { name: 'venues' },
    });
    const accuracyLayer = (this.accuracyLayer = new VectorLayer({
      source: this.accuracySource,
      style: this.accuracyStyle(),
      zIndex: 19,
      properties: { name: 'accuracy' },
    }));
    const originLayer = (this.originLayer = new VectorLayer({
      source: this.originSource,
      style: this.originStyles(),
      zIndex: 20,
      properties: { name: 'origin' },
    }));
    this.setCredit(options.credit);

    // the popup sits in OpenLayers' stop-event container, so clicks in it never reach the map
    this.overlay = new Overlay({
      element: options.popup,
      positioning: 'bottom-center',
      offset: [0, -16],
      stopEvent: true,
      // 52 px: clear of the controls on the right and the list's toggle on the left
      autoPan: { animation: { duration: 200 }, margin: 52 },
    });

    this.view = new View({
      center: options.start?.center ?? fromLonLat([104, 35]),
      zoom: options.start?.zoom ?? 4,
      maxZoom,
      constrainResolution: true,
      enableRotation: false,
    });
    this.map = new OlMap({
      target: options.target,
      view: this.view,
      layers: [this.venueLayer, accuracyLayer, originLayer],
      overlays: [this.overlay],
      controls: [new Attribution({ collapsible: false })],
      interactions: cooperativeInteractions({
        isActive: () => options.isActive(),
        hint: (kind) => options.onHint(kind),
      }),
      // keys act on the map only while it has the focus, not in the list or a popup
      keyboardEventTarget: options.target,
    });
    this.setBasemap(options.basemap);

    // listeners, kept so dispose can remove them
    this.keys.push(
      this.map.on('singleclick', (event) => this.handleClick(event)),
      this.map.on('pointermove', (event) => this.handleHover(event)),
      this.map.on('moveend', () => this.handleMoveEnd()),
      this.map.on('change:size', () => {
        if (this.fitPending) this.fit(this.fitZoom);
        else this.draw();
      }),
    );

    // OpenLayers watches its target too; this one also covers a container
    // that was hidden when the map started and is shown later
    this.resizeObserver = new ResizeObserver(() => this.map.updateSize());
    this.resizeObserver.observe(options.target);
  }

  /** Draws these venues (those without a location are skipped). */
  setVenues(venues: readonly Venue[]): void {
    this.venues = venues;
    this.reindex();
  }

  /**
   * The venues handling the chosen matter, or null without one; the others
   * are drawn faded, and so are clusters with none of them.
   */
  setHandling(ids: ReadonlySet<string> | null): void {
    // the element hands over the same set while the matter stays
    if (ids === this.handling) return;
    this.handling = ids;
    this.matchIndex();
    this.draw(true);
  }

  /** The venue drawn as selected, apart from any cluster. */
  setSelected(id: string | null): void {
    if (id === this.selected) return;
    this.selected = id;
    this.draw(true);
  }

  /** The venue drawn as hovered; a venue inside a cluster lights its cluster up. */
  setHovered(id: string | null): void {
    const i = id === null ? undefined : this.index?.byId.get(id);
    const level = this.drawn?.level;
    const key =
      i !== undefined && level && !this.venueSource.getFeatureById(id!)
        ? `cluster:${level.zoom}:${level.owner[i]}`
        : id;
    if (key === this.hovered) return;
    this.hovered = key;
    this.venueLayer.changed();
  }

  /** Draws the origin (WGS-84) and, for a browser position, its accuracy in metres. */
  setOrigin(point: LngLat | null, accuracy: number | null = null): void {
    const same =
      this.origin && point && equals(this.origin.point, point) && this.origin.accuracy === accuracy;
    if (same || (!this.origin && !point)) return;
    this.origin = point ? { point, accuracy } : null;
    this.drawOrigin();
  }

  /**
   * Fits the view to the drawn venues (then sets `zoom`, when given), now or
   * once the map has a size: fitting into a hidden container has no meaning.
   */
  fit(zoom?: number): void {
    const bbox = this.index?.clusters.bbox;
    if (!bbox) return;
    if (!this.hasSize()) {
      this.fitPending = true;
      this.fitZoom = zoom;
      return;
    }
    this.fitPending = false;
    this.view.fit([...bbox], { padding: fitPadding, maxZoom: markerZoom });
    if (zoom !== undefined) this.view.setZoom(zoom);
    this.draw();
  }

  /** Centres the view on a WGS-84 point; `zoom` defaults to the current one. */
  setCenter(point: LngLat, zoom?: number): void {
    this.fitPending = false;
    this.view.setCenter(this.toMap(point));
    if (zoom !== undefined) this.view.setZoom(zoom);
    this.draw();
  }

  /** The centre of the view (WGS-84), where a keyboard chooses a point. */
  center(): LngLat | null {
    const center = this.view.getCenter();
    return center ? this.fromMap(center) : null;
  }

  /** New marker colours (the theme changed): every style is made again. */
  setColors(colors: MarkerColors): void {
    const old = this.options.colors;
    if ((Object.keys(colors) as (keyof MarkerColors)[]).every((k) => colors[k] === old[k])) return;
    this.options.colors = colors;
    this.styles.clear();
    this.originLayer.setStyle(this.originStyles());
    this.accuracyLayer.setStyle(this.accuracyStyle());
    this.venueLayer.changed();
  }

  /** Moves the view to a point, zooming in to street level when far out. */
  panTo(point: LngLat, done?: () => void): void {
    this.fitPending = false;
    const zoom = Math.max(this.view.getZoom() ?? markerZoom, markerZoom - 1);
    this.view.cancelAnimations();
    this.view.animate({ center: this.toMap(point), zoom, duration: 250 }, () => done?.());
  }

  /** Pans (without zooming) when a point leaves the middle of the view. */
  keepInView(point: LngLat): void {
    const extent = this.view.calculateExtent(this.map.getSize());
    const coordinate = this.toMap(point);
    const inner = buffer(extent, -getWidth(extent) / 4);
    if (containsCoordinate(inner, coordinate)) return;
    this.view.animate({ center: coordinate, duration: 250 });
  }

  setZoom(zoom: number): void {
    this.view.setZoom(zoom);
  }

  zoomBy(delta: number): void {
    const zoom = this.view.getZoom();
    if (zoom === undefined) return;
    this.view.animate({ zoom: zoom + delta, duration: 200 });
  }

  /** The centre and zoom, to start a later map from. */
  viewState(): { center: Coordinate; zoom: number } | null {
    const center = this.view.getCenter();
    const zoom = this.view.getZoom();
    return center && zoom !== undefined && !this.fitPending ? { center, zoom } : null;
  }

  /** Whether a venue is drawn. */
  has(id: string): boolean {
    return !!this.index?.byId.has(id);
  }

  /** The venues of a cluster, and whether zooming in would split them. */
  cluster(ref: ClusterRef): { ids: string[]; splits: boolean } | null {
    const index = this.index;
    if (!index) return null;
    const level = index.clusters.level(ref.zoom);
    if (ref.index >= level.count) return null;
    const ids: string[] = [];
    for (let m = level.start[ref.index]; m < level.start[ref.index + 1]; m++) {
      ids.push(index.ids[level.members[m]]);
    }
    // members closer than the radius at the deepest zoom never split: one address
    const [minX, minY, maxX, maxY] = level.extent.subarray(ref.index * 4, ref.index * 4 + 4);
    const span = Math.hypot(maxX - minX, maxY - minY);
    const splits = ref.zoom < maxZoom && span > clusterRadius * resolutionAt(maxZoom);
    return { ids, splits };
  }

  /** Zooms to a cluster's venues. */
  zoomToCluster(ref: ClusterRef): void {
    const level = this.index?.clusters.level(ref.zoom);
    if (!level) return;
    const extent = [...level.extent.subarray(ref.index * 4, ref.index * 4 + 4)];
    this.view.fit(extent, { padding: fitPadding, duration: 300, maxZoom });
  }

  /** Opens the popup at a venue's marker (panning it into view when needed). */
  openPopup(id: string): void {
    this.popupAt = this.has(id) ? { venue: id } : null;
    this.placePopup();
  }

  /** Opens the popup at a cluster (its list of venues at one address). */
  openClusterPopup(ref: ClusterRef): void {
    const level = this.index?.clusters.level(ref.zoom);
    if (!level || ref.index >= level.count) return;
    this.popupAt = { coordinate: [level.x[ref.index], level.y[ref.index]] };
    this.placePopup();
  }

  isPopupOpen(id: string): boolean {
    return !!this.popupAt && 'venue' in this.popupAt && this.popupAt.venue === id;
  }

  closePopup(): void {
    if (!this.popupAt) return;
    this.popupAt = null;
    this.overlay.setPosition(undefined);
  }

  /**
   * The located venues in view, nearest the centre first (at most `limit`),
   * and how many are in view: the list alternative for a large map.
   */
  venuesInView(limit: number): { ids: string[]; total: number } {
    const index = this.index;
    const size = this.map.getSize();
    if (!index || !size || !this.hasSize()) return { ids: [], total: 0 };
    const [minX, minY, maxX, maxY] = this.view.calculateExtent(size);
    const inView = index.clusters.pointsIn(minX, minY, maxX, maxY);
    const [cx, cy] = this.view.getCenter()!;
    const { x, y } = index.clusters;
    const away = (i: number) => (x[i] - cx) ** 2 + (y[i] - cy) ** 2;
    const ids = inView
      .map((i) => [away(i), i] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .slice(0, limit)
      .map(([, i]) => index.ids[i]);
    return { ids, total: inView.length };
  }

  /** Replaces the base layers; a base map in another CRS moves every marker onto it. */
  setBasemap(config: BasemapConfig): void {
    for (const layer of this.baseLayers) {
      this.map.removeLayer(layer);
      layer.getSource()?.dispose();
    }
    this.tileErrors = 0;
    if (this.tilesFailing) {
      this.tilesFailing = false;
      this.options.onTiles(false);
    }
    this.baseLayers = baseLayers(config);
    this.baseLayers.forEach((layer, index) => {
      layer.setZIndex(index);
      // every base map here (XYZ, OSM) builds its tiles' URLs
      const source = layer.getSource() as UrlTile;
      source.on('tileloaderror', (event) => {
        // the URL of the failed tile, for the element to ask the server itself
        const coord = source.getTileCoordForTileUrlFunction(event.tile.tileCoord);
        const urlOf = source.getTileUrlFunction();
        this.tileLoaded(false, coord ? urlOf(coord, 1, this.view.getProjection()) : undefined);
      });
      source.on('tileloadend', () => this.tileLoaded(true));
      this.map.addLayer(layer);
    });

    // a base map in another CRS: the same streets sit elsewhere on the screen
    const shift = shiftFor(config);
    if (shift?.crs !== this.shift?.crs) {
      const center = this.view.getCenter();
      const wgs = center && this.fromMap(center);
      this.shift = shift;
      if (wgs) this.view.setCenter(this.toMap(wgs));
      this.reindex();
      this.drawOrigin();
    }
  }

  /** The data's and page's credits, shown with the base map's. */
  setCredit(credit: readonly string[]): void {
    this.venueSource.setAttributions(credit.length ? credit.map(escapeHtml) : undefined);
  }

  /**
   * Resolves after the next frame that shows everything (tiles included),
   * or at once when the map has no size to draw in.
   */
  rendered(): Promise<void> {
    if (this.disposed || !this.hasSize()) return Promise.resolve();
    return new Promise((resolve) => {
      this.map.once('rendercomplete', () => resolve());
      this.map.render();
    });
  }

  /** Detaches the map from the page and drops every listener. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.idle);
    this.resizeObserver.disconnect();
    unByKey(this.keys);
    this.keys.length = 0;
    this.map.setTarget(undefined);
    this.map.dispose();
  }

  // drawing the venues

  private reindex(): void {
    this.index = this.venues.length ? venueIndex(this.venues, this.shift) : null;
    this.features = new Map();
    this.matchIndex();
    this.draw(true);
    this.placePopup();
  }

  private matchIndex(): void {
    const index = this.index;
    const handling = this.handling;
    if (!index || !handling) {
      this.matched = null;
      return;
    }
    const matched = new Uint8Array(index.ids.length);
    for (let i = 0; i < matched.length; i++) matched[i] = handling.has(index.ids[i]) ? 1 : 0;
    this.matched = matched;
  }

  /**
   * Makes features of the clusters at the zoom level shown: the whole level
   * when it is small, else those near the view. Again only when the level or
   * the place changed, unless `force`d by a new choice.
   */
  private draw(force = false): void {
    const index = this.index;
    if (!index) {
      this.venueSource.clear(true);
      this.drawn = null;
      return;
    }
    const size = this.map.getSize();
    if (!size || !this.hasSize()) return;
    const level = index.clusters.level(this.levelZoom());
    const extent = this.view.calculateExtent(size);
    const drawn = this.drawn;
    if (
      !force &&
      drawn?.level === level &&
      (!drawn.box || containsExtent(drawn.box, extent))
    ) {
      return;
    }

    // a box half a view wider on each side, so a pan does not reach its edge at once
    const box =
      level.count > wholeLevel
        ? buffer(extent, (Math.max(getWidth(extent), getHeight(extent)) / 2))
        : null;
    const clusters = box ? clustersIn(level, ...(box as [number, number, number, number])) : null;
    const features: Feature<Point>[] = [];
    const chosen = this.selected === null ? -1 : (index.byId.get(this.selected) ?? -1);
    const chosenCluster = chosen === -1 ? -1 : level.owner[chosen];
    const count = clusters ? clusters.length : level.count;
    for (let k = 0; k < count; k++) {
      const c = clusters ? clusters[k] : k;
      this.addCluster(features, level, c, c === chosenCluster ? chosen : -1);
    }

    // the selected venue is drawn by itself, out of its cluster, wherever it is
    if (chosen !== -1) features.push(this.venueFeature(chosen));
    this.venueSource.clear(true);
    this.venueSource.addFeatures(features);
    this.drawn = { level, box };
    this.prepareNext(level.zoom);
  }

  /** Adds one cluster's feature: a venue marker for one venue, a counted circle for more. */
  private addCluster(
    features: Feature<Point>[],
    level: ClusterLevel,
    c: number,
    without: number,
  ): void {
    const { start, members } = level;
    const matched = this.matched;
    let size = start[c + 1] - start[c];
    let single = members[start[c]];
    if (without !== -1) {
      size--;
      if (size === 0) return;
      single = members[start[c]] === without ? members[start[c] + 1] : members[start[c]];
    }
    if (size === 1) {
      features.push(this.venueFeature(single));
      return;
    }

    // a cluster is faded when none of its venues handles the chosen matter
    let handling = 0;
    if (matched) {
      for (let m = start[c]; m < start[c + 1]; m++) {
        if (members[m] !== without) handling += matched[members[m]];
      }
    }
    const key = `cluster:${level.zoom}:${c}`;
    let feature = this.features.get(key);
    if (!feature) {
      feature = new Feature({ geometry: new Point([level.x[c], level.y[c]]) });
      feature.setId(key);
      this.features.set(key, feature);
    }
    feature.set('cluster', { zoom: level.zoom, index: c } satisfies ClusterRef, true);
    feature.set('count', size, true);
    feature.set('dimmed', !!matched && handling === 0, true);
    features.push(feature);
  }

  private venueFeature(i: number): Feature<Point> {
    const index = this.index!;
    const id = index.ids[i];
    let feature = this.features.get(id);
    if (!feature) {
      const { x, y } = index.clusters;
      feature = new Feature({ geometry: new Point([x[i], y[i]]), level: index.levels[i] });
      feature.set('point', i, true);
      feature.setId(id);
      this.features.set(id, feature);
    }
    return feature;
  }

  /** The zoom level whose clusters are drawn: the view's, rounded. */
  private levelZoom(): number {
    return Math.max(0, Math.min(maxZoom, Math.round(this.view.getZoom() ?? 0)));
  }

  /**
   * Prepares the levels around the one shown in idle slices of a few
   * milliseconds, so zooming in or out finds its clusters ready.
   */
  private prepareNext(zoom: number): void {
    const clusters = this.index?.clusters;
    if (!clusters || clusters.size < 2000 || this.disposed) return;
    const next = [zoom + 1, zoom - 1, zoom + 2, zoom - 2].filter(
      (z) => z >= 0 && z <= maxZoom && !clusters.has(z),
    );
    if (!next.length) return;
    clearTimeout(this.idle);
    this.idle = window.setTimeout(() => {
      const until = performance.now() + 6;
      clusters.prepare(next[0], () => performance.now() > until);
      if (clusters === this.index?.clusters) this.prepareNext(zoom);
    }, 30);
  }

  private drawOrigin(): void {
    const origin = this.origin;
    const feature = this.originSource.getFeatures()[0];
    if (!origin) {
      this.originSource.clear();
      this.accuracySource.clear();
      return;
    }
    const coordinate = this.toMap(origin.point);
    const geometry = feature?.getGeometry();
    if (!geometry) this.originSource.addFeature(new Feature(new Point(coordinate)));
    else if (!equals(geometry.getCoordinates(), coordinate)) geometry.setCoordinates(coordinate);

    // the accuracy circle: metres on the ground are 1/cos(lat) metres in Web Mercator
    this.accuracySource.clear();
    if (origin.accuracy) {
      const radius = origin.accuracy / Math.cos((origin.point[1] * Math.PI) / 180);
      this.accuracySource.addFeature(new Feature(new CircleGeometry(coordinate, radius)));
    }
  }

  private placePopup(): void {
    const at = this.popupAt;
    if (!at) return;
    if ('coordinate' in at) {
      // the same place again would pan the map into view again
      const now = this.overlay.getPosition();
      if (!now || !equals(now, at.coordinate)) this.overlay.setPosition(at.coordinate);
      return;
    }
    const i = this.index?.byId.get(at.venue);
    if (i === undefined) {
      this.closePopup();
      return;
    }
    const { x, y } = this.index!.clusters;
    this.overlay.setPosition([x[i], y[i]]);
  }

  // events

  private handleClick(event: MapBrowserEvent): void {
    const hit = this.hitAt(event.pixel);
    this.options.onClick({
      point: this.fromMap(event.coordinate),
      venue: hit && !hit.get('cluster') ? String(hit.getId()) : null,
      cluster: (hit?.get('cluster') as ClusterRef | undefined) ?? null,
    });
  }

  private handleHover(event: MapBrowserEvent): void {
    if (event.dragging) return;
    const hit = this.hitAt(event.pixel);
    const target = this.map.getTargetElement();
    if (target) target.style.cursor = hit ? 'pointer' : '';
    const id = hit ? String(hit.getId()) : null;
    if (id === this.hovered) return;
    this.setHovered(id);
    this.options.onHover(hit && !hit.get('cluster') ? id : null);
  }

  private handleMoveEnd(): void {
    this.draw();
    this.options.onMoveEnd();
  }

  private hitAt(pixel: number[]): Feature<Point> | null {
    const hit = this.map.forEachFeatureAtPixel(pixel, (feature) => feature, {
      layerFilter: (layer) => layer === this.venueLayer,
      hitTolerance: 4,
    });
    return (hit as Feature<Point> | undefined) ?? null;
  }

  // TODO(#5): an image tile tells no HTTP status, so a refusal (Tianditu answers 403) is
  // told from an outage only by the kind of base map.
  private tileLoaded(ok: boolean, url?: string): void {
    if (ok) {
      this.tileErrors = 0;
      if (this.tilesFailing) {
        this.tilesFailing = false;
        this.options.onTiles(false);
      }
      return;
    }
    this.tileErrors++;
    if (this.tileErrors >= tileFailures && !this.tilesFailing) {
      this.tilesFailing = true;
      this.options.onTiles(true, url);
    }
  }

  // coordinates: WGS-84 outside, the base map's CRS in Web Mercator inside

  private toMap(point: LngLat): Coordinate {
    return fromLonLat(this.shift ? this.shift.to(point) : point);
  }

  private fromMap(coordinate: Coordinate): LngLat {
    const [lng, lat] = toLonLat(coordinate);
    return this.shift ? this.shift.from([lng, lat]) : [lng, lat];
  }

  private hasSize(): boolean {
    const size = this.map.getSize();
    return !!size && size[0] > 0 && size[1] > 0;
  }

  // styles: one cached Style per level and state, so redraws allocate nothing

  private venueStyle: StyleFunction = (feature) => {
    const id = String(feature.getId());
    const count = feature.get('count') as number | undefined;
    if (count !== undefined && feature.get('cluster')) {
      const dimmed = feature.get('dimmed') as boolean;
      return this.clusterStyle(count, dimmed, id === this.hovered);
    }
    const level = String(feature.get('level'));
    const point = feature.get('point') as number;
    const state: MarkerState =
      id === this.selected
        ? 'selected'
        : id === this.hovered
          ? 'hover'
          : this.matched && !this.matched[point]
            ? 'dimmed'
            : 'normal';
    const key = `${level}|${state}`;
    let style = this.styles.get(key);
    if (!style) this.styles.set(key, (style = this.markerStyle(level, state)));
    return style;
  };

  private markerStyle(level: string, state: MarkerState): Style {
    const colors = this.options.colors;
    const color = colors[level as keyof MarkerColors] ?? colors.other;

    // the level shows in colour and in size or shape, for readers who cannot tell colours apart
    const radius = { district: 9, street: 7.5, community: 6.5, 'self-service': 7 }[level] ?? 6;
    const grow = state === 'selected' ? 4 : state === 'hover' ? 2 : 0;
    const quarter = Math.PI / 4;
    const fill = new Fill({ color: state === 'dimmed' ? withAlpha(color, 0.3) : color });
    const stroke =
      state === 'selected' || state === 'hover'
        ? new Stroke({ color: colors.accent, width: state === 'selected' ? 3 : 2 })
        : new Stroke({ color: withAlpha(colors.halo, state === 'dimmed' ? 0.5 : 1), width: 2 });
    const image =
      level === 'self-service'
        ? new RegularShape({ points: 4, radius: radius + 1 + grow, angle: quarter, fill, stroke })
        : new Circle({ radius: radius + grow, fill, stroke });
    const zIndex = state === 'selected' ? 4 : state === 'hover' ? 3 : state === 'dimmed' ? 0 : 1;
    return new Style({ image, zIndex });
  }

  private clusterStyle(count: number, dimmed: boolean, hover: boolean): Style {
    const text = count > 9999 ? '9999+' : String(count);
    const key = `cluster|${text}|${dimmed}|${hover}`;
    let style = this.styles.get(key);
    if (style) return style;
    const { accent, halo } = this.options.colors;
    const radius = Math.min(26, 11 + 3.2 * Math.log10(count)) + (hover ? 2 : 0);
    style = new Style({
      image: new Circle({
        radius,
        fill: new Fill({ color: withAlpha(accent, dimmed ? 0.3 : 0.9) }),
        stroke: new Stroke({ color: withAlpha(halo, dimmed ? 0.5 : 1), width: hover ? 3 : 2 }),
      }),
      text: new Text({
        text,
        font: `600 12px ${this.options.font}`,
        fill: new Fill({ color: withAlpha(halo, dimmed ? 0.7 : 1) }),
      }),
      zIndex: dimmed ? 0 : 2,
    });
    this.styles.set(key, style);
    return style;
  }

  private originStyles(): Style[] {
    const { accent, halo } = this.options.colors;
    return [
      new Style({
        image: new Circle({ radius: 14, fill: new Fill({ color: withAlpha(accent, 0.18) }) }),
      }),
      new Style({
        image: new Circle({
          radius: 6,
          fill: new Fill({ color: accent }),
          stroke: new Stroke({ color: halo, width: 3 }),
        }),
      }),
    ];
  }

  private accuracyStyle(): Style {
    const { accent } = this.options.colors;
    return new Style({
      fill: new Fill({ color: withAlpha(accent, 0.1) }),
      stroke: new Stroke({ color: withAlpha(accent, 0.45), width: 1 }),
    });
  }
}

/**
 * The tile layers of a base map; `none` has none (the container's colour
 * shows). Credits other than OSM's own live on the venue layer's source.
 */
function baseLayers(config: BasemapConfig): TileLayer[] {
  switch (config.kind) {
    case 'none':
      return [];
    case 'osm':
      return [new TileLayer({ source: new OSM() })];
    case 'tianditu':
    case 'tianditu-img':
      return tiandituLayers[config.kind].map((layer) =>
        tileLayer(tiandituMaxZoom, (z, x, y) => tiandituTileUrl(layer, config.key, z, x, y)),
      );
    case 'xyz':
      return [tileLayer(maxZoom, (z, x, y) => templateTileUrl(config.url, z, x, y))];
  }
}

function tileLayer(sourceMaxZoom: number, url: (z: number, x: number, y: number) => string) {
  const source = new XYZ({
    maxZoom: sourceMaxZoom,
    tileUrlFunction: ([z, x, y]) => url(z, x, y),
  });
  return new TileLayer({ source, properties: { name: 'basemap' } });
}

function withAlpha(color: string, alpha: number): number[] {
  const [r, g, b, a] = asArray(color);
  return [r, g, b, a * alpha];
}

/** OpenLayers writes attributions as HTML; ours are text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
