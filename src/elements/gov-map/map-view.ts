import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Feature from 'ol/Feature.js';
import Overlay from 'ol/Overlay.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorSource from 'ol/source/Vector.js';
import OSM from 'ol/source/OSM.js';
import XYZ from 'ol/source/XYZ.js';
import Attribution from 'ol/control/Attribution.js';
import { defaults as defaultInteractions } from 'ol/interaction/defaults.js';
import { Circle, Fill, RegularShape, Stroke, Style } from 'ol/style.js';
import type { StyleFunction } from 'ol/style/Style.js';
import { asArray } from 'ol/color.js';
import { equals } from 'ol/array.js';
import { boundingExtent } from 'ol/extent.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { unByKey } from 'ol/Observable.js';
import type { EventsKey } from 'ol/events.js';
import type MapBrowserEvent from 'ol/MapBrowserEvent.js';
import type { Coordinate } from 'ol/coordinate.js';
import type { Crs, LngLat, Venue } from '../../core/types.js';
import { levelClass } from '../../shared/format.js';

/**
 * Everything of `<gov-map>` that touches OpenLayers, in one module that the
 * element loads with a dynamic import, so a page without a map never
 * downloads it. A plain class: the element hands it data and choices, and
 * hears clicks back through callbacks.
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

/** A resolved base map. */
export type BasemapConfig =
  | { kind: 'none' | 'osm' }
  | { kind: 'tianditu' | 'tianditu-img'; key: string }
  | { kind: 'xyz'; url: string; crs: Crs };

export interface MapClick {
  /** The clicked point, WGS-84. */
  point: LngLat;
  /** The venue under the pointer, if any. */
  venue: string | null;
}

export interface MapViewOptions {
  /** The element OpenLayers draws into (a div in the shadow root). */
  target: HTMLElement;
  /** The popup's element; the caller renders its content. */
  popup: HTMLElement;
  colors: MarkerColors;
  basemap: BasemapConfig;
  /** Credits (base map, page, data) as plain text; escaped before OpenLayers sees them. */
  credit: string[];
  onClick: (click: MapClick) => void;
}

const tiandituHosts = '{0-7}';
const markerZoom = 16;
const fitPadding = [48, 48, 48, 48];

/** The map of venues: base layers, venue markers, the origin and a popup. */
export class MapView {
  readonly map: OlMap;

  /** Tiles that failed to load; they never throw, the count is kept for later use. */
  tileErrors = 0;

  private readonly view: View;
  private readonly venueSource = new VectorSource<Feature<Point>>();
  private readonly venueLayer: VectorLayer<VectorSource<Feature<Point>>>;
  private readonly originSource = new VectorSource<Feature<Point>>();
  private readonly overlay: Overlay;
  private readonly colors: MarkerColors;
  private readonly onClick: (click: MapClick) => void;
  private readonly styles = new Map<string, Style>();
  private readonly keys: EventsKey[] = [];
  private readonly resizeObserver: ResizeObserver;
  private baseLayers: TileLayer[] = [];
  private selected: string | null = null;
  private dimmed: ReadonlySet<string> | null = null;
  private fitPending = false;
  private fitZoom: number | undefined;
  private popupId: string | null = null;
  private disposed = false;

  constructor(options: MapViewOptions) {
    this.colors = options.colors;
    this.onClick = options.onClick;

    // the venues, styled by level and by the element's choices
    this.venueLayer = new VectorLayer({
      source: this.venueSource,
      style: this.venueStyle,
      zIndex: 10,
      properties: { name: 'venues' },
    });
    const originLayer = new VectorLayer({
      source: this.originSource,
      style: this.originStyles(),
      zIndex: 20,
      properties: { name: 'origin' },
    });
    this.setCredit(options.credit);

    // the popup sits in OpenLayers' stop-event container, so clicks in it never reach the map
    this.overlay = new Overlay({
      element: options.popup,
      positioning: 'bottom-center',
      offset: [0, -16],
      stopEvent: true,
      autoPan: { animation: { duration: 200 }, margin: 12 },
    });

    // rotation off: a rotated service map confuses more people than it helps
    this.view = new View({
      center: fromLonLat([104, 35]),
      zoom: 4,
      maxZoom: 19,
      constrainResolution: true,
      enableRotation: false,
    });
    this.map = new OlMap({
      target: options.target,
      view: this.view,
      layers: [this.venueLayer, originLayer],
      overlays: [this.overlay],
      controls: [new Attribution({ collapsible: false })],
      interactions: defaultInteractions({ altShiftDragRotate: false, pinchRotate: false }),
    });
    this.setBasemap(options.basemap);

    // listeners, kept so dispose can remove them
    this.keys.push(
      this.map.on('singleclick', (event) => this.handleClick(event)),
      this.map.on('pointermove', (event) => this.handleHover(event)),
      this.map.on('change:size', () => {
        if (this.fitPending) this.fit(this.fitZoom);
      }),
    );

    // OpenLayers watches its target too; this one also covers a container
    // that was hidden when the map started and is shown later
    this.resizeObserver = new ResizeObserver(() => this.map.updateSize());
    this.resizeObserver.observe(options.target);
  }

  /** Draws these venues (those without a location are skipped). */
  setVenues(venues: readonly Venue[]): void {
    const features: Feature<Point>[] = [];
    for (const venue of venues) {
      if (!venue.location) continue;
      const feature = new Feature({
        geometry: new Point(fromLonLat(venue.location)),
        level: levelClass(venue.level),
      });
      feature.setId(venue.id);
      features.push(feature);
    }
    this.venueSource.clear(true);
    this.venueSource.addFeatures(features);
  }

  /** Venues drawn faded (they do not handle the chosen matter); null for none. */
  setDimmed(ids: ReadonlySet<string> | null): void {
    if (sameSet(ids, this.dimmed)) return;
    this.dimmed = ids;
    this.venueLayer.changed();
  }

  /** The venue drawn as selected. */
  setSelected(id: string | null): void {
    if (id === this.selected) return;
    this.selected = id;
    this.venueLayer.changed();
  }

  /** Draws the origin (WGS-84), or removes it. */
  setOrigin(point: LngLat | null): void {
    const feature = this.originSource.getFeatures()[0];
    if (!point) {
      this.originSource.clear();
      return;
    }
    const coordinate = fromLonLat(point);
    const geometry = feature?.getGeometry();
    if (!geometry) this.originSource.addFeature(new Feature(new Point(coordinate)));
    else if (!equals(geometry.getCoordinates(), coordinate)) geometry.setCoordinates(coordinate);
  }

  /**
   * Fits the view to the drawn venues (then sets `zoom`, when given), now or
   * once the map has a size: fitting into a hidden container has no meaning.
   */
  fit(zoom?: number): void {
    const size = this.map.getSize();
    const features = this.venueSource.getFeatures();
    if (!features.length) return;
    if (!size || !size[0] || !size[1]) {
      this.fitPending = true;
      this.fitZoom = zoom;
      return;
    }
    this.fitPending = false;
    const coordinates = features.map((f) => f.getGeometry()!.getCoordinates());
    this.view.fit(boundingExtent(coordinates), { padding: fitPadding, maxZoom: markerZoom });
    if (zoom !== undefined) this.view.setZoom(zoom);
  }

  /** Centres the view on a WGS-84 point; `zoom` defaults to the current one. */
  setCenter(point: LngLat, zoom?: number): void {
    this.fitPending = false;
    this.view.setCenter(fromLonLat(point));
    if (zoom !== undefined) this.view.setZoom(zoom);
  }

  /** Moves the view to a point, zooming in to street level when far out. */
  panTo(point: LngLat, done?: () => void): void {
    this.fitPending = false;
    const zoom = Math.max(this.view.getZoom() ?? markerZoom, markerZoom - 1);
    this.view.cancelAnimations();
    this.view.animate({ center: fromLonLat(point), zoom, duration: 250 }, () => done?.());
  }

  setZoom(zoom: number): void {
    this.view.setZoom(zoom);
  }

  zoomBy(delta: number): void {
    const zoom = this.view.getZoom();
    if (zoom === undefined) return;
    this.view.animate({ zoom: zoom + delta, duration: 200 });
  }

  /** Whether a venue is drawn. */
  has(id: string): boolean {
    return !!this.venueSource.getFeatureById(id);
  }

  /** Opens the popup at a venue's marker (panning it into view when needed). */
  openPopup(id: string): void {
    const feature = this.venueSource.getFeatureById(id);
    this.popupId = feature ? id : null;
    this.overlay.setPosition(feature?.getGeometry()?.getCoordinates());
  }

  isPopupOpen(id: string): boolean {
    return this.popupId === id;
  }

  closePopup(): void {
    if (this.popupId === null) return;
    this.popupId = null;
    this.overlay.setPosition(undefined);
  }

  /** Replaces the base layers. */
  setBasemap(config: BasemapConfig): void {
    for (const layer of this.baseLayers) {
      this.map.removeLayer(layer);
      layer.getSource()?.dispose();
    }
    this.baseLayers = baseLayers(config);
    this.baseLayers.forEach((layer, index) => {
      layer.setZIndex(index);
      layer.getSource()?.on('tileloaderror', () => this.tileErrors++);
      this.map.addLayer(layer);
    });
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
    const size = this.map.getSize();
    if (this.disposed || !size || !size[0] || !size[1]) return Promise.resolve();
    return new Promise((resolve) => {
      this.map.once('rendercomplete', () => resolve());
      this.map.render();
    });
  }

  /** Detaches the map from the page and drops every listener. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.resizeObserver.disconnect();
    unByKey(this.keys);
    this.keys.length = 0;
    this.map.setTarget(undefined);
    this.map.dispose();
  }

  // events

  private handleClick(event: MapBrowserEvent): void {
    const venue = this.venueAt(event.pixel);
    this.onClick({ point: lngLat(event.coordinate), venue });
  }

  private handleHover(event: MapBrowserEvent): void {
    if (event.dragging) return;
    const target = this.map.getTargetElement();
    if (target) target.style.cursor = this.venueAt(event.pixel) ? 'pointer' : '';
  }

  private venueAt(pixel: number[]): string | null {
    const hit = this.map.forEachFeatureAtPixel(pixel, (feature) => feature.getId(), {
      layerFilter: (layer) => layer === this.venueLayer,
      hitTolerance: 4,
    });
    return hit === undefined ? null : String(hit);
  }

  // styles: one cached Style per level and state, so redraws allocate nothing

  private venueStyle: StyleFunction = (feature) => {
    const id = String(feature.getId());
    const level = String(feature.get('level'));
    const state =
      id === this.selected ? 'selected' : this.dimmed?.has(id) ? 'dimmed' : 'normal';
    const key = `${level}|${state}`;
    let style = this.styles.get(key);
    if (!style) this.styles.set(key, (style = this.markerStyle(level, state)));
    return style;
  };

  private markerStyle(level: string, state: 'normal' | 'selected' | 'dimmed'): Style {
    const colors = this.colors;
    const color = colors[level as keyof MarkerColors] ?? colors.other;

    // the level shows in colour and in size or shape, for readers who cannot tell colours apart
    const radius = { district: 9, street: 7.5, community: 6.5, 'self-service': 7 }[level] ?? 6;
    const grow = state === 'selected' ? 4 : 0;
    const quarter = Math.PI / 4;
    const fill = new Fill({ color: state === 'dimmed' ? withAlpha(color, 0.3) : color });
    const stroke =
      state === 'selected'
        ? new Stroke({ color: colors.accent, width: 3 })
        : new Stroke({ color: withAlpha(colors.halo, state === 'dimmed' ? 0.5 : 1), width: 2 });
    const image =
      level === 'self-service'
        ? new RegularShape({ points: 4, radius: radius + 1 + grow, angle: quarter, fill, stroke })
        : new Circle({ radius: radius + grow, fill, stroke });
    const zIndex = state === 'selected' ? 3 : state === 'dimmed' ? 0 : 1;
    return new Style({ image, zIndex });
  }

  private originStyles(): Style[] {
    const { accent, halo } = this.colors;
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
}

/** The tile layers of a base map; `none` has none (the container's colour shows). */
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
      return [tiandituLayer('vec', config.key), tiandituLayer('cva', config.key)];
    case 'tianditu-img':
      return [tiandituLayer('img', config.key), tiandituLayer('cia', config.key)];
    case 'xyz':
      // TODO(#5): a GCJ-02 template (basemap-crs="GCJ02") needs the venues, the
      // origin and clicks shifted onto it; it is drawn unshifted for now.
      return [new TileLayer({ source: new XYZ({ url: config.url, maxZoom: 19 }) })];
  }
}

/** One Tianditu Web-Mercator (`_w`) layer through its WMTS KVP endpoint. */
function tiandituLayer(layer: string, key: string): TileLayer {
  const url =
    `https://t${tiandituHosts}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile` +
    `&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles` +
    `&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`;
  return new TileLayer({ source: new XYZ({ url, maxZoom: 18 }) });
}

function lngLat(coordinate: Coordinate): LngLat {
  const [lng, lat] = toLonLat(coordinate);
  return [lng, lat];
}

function withAlpha(color: string, alpha: number): number[] {
  const [r, g, b, a] = asArray(color);
  return [r, g, b, a * alpha];
}

/** OpenLayers writes attributions as HTML; ours are text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sameSet(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}
