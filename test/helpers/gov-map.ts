import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type OlMap from 'ol/Map.js';
import type Feature from 'ol/Feature.js';
import type Point from 'ol/geom/Point.js';
import type VectorLayer from 'ol/layer/Vector.js';
import type VectorSource from 'ol/source/Vector.js';
import type Style from 'ol/style/Style.js';
import type { StyleFunction } from 'ol/style/Style.js';
import { fromLonLat } from 'ol/proj.js';
import '../../src/elements/gov-map/define.js';
import type { GovMap } from '../../src/elements/gov-map/define.js';
import type { GovVenueSelectEvent } from '../../src/shared/events.js';
import type { LngLat } from '../../src/core/types.js';
import { freshGroup, shadow } from './elements.js';

/** Shared handles and gestures of the `<gov-map>` tests. */

/** Five located venues (one per level, two streets) and one without a location. */
export const MAP_DATA = '/test/fixtures/gov-map.json';

export const LOCATED: Record<string, LngLat> = {
  'v-center': [114.34, 30.5],
  'v-east': [114.4, 30.5],
  'v-west': [114.28, 30.49],
  'v-park': [114.41, 30.52],
  'v-kiosk': [114.36, 30.47],
};

export interface Options {
  src?: string;
  group?: string;
  venue?: string;
  matter?: string;
  levels?: string;
  origin?: string;
  locationCrs?: string;
  venueUrl?: string;
  basemapUrl?: string;
  basemapCrs?: string;
  center?: string;
  zoom?: number;
  follow?: boolean;
  unmatched?: string;
}

export type VenueLayer = VectorLayer<VectorSource<Feature<Point>>>;

/** A ready `<gov-map>` in a fixed box, with handles to its OpenLayers parts. */
export async function setup(options: Options = {}) {
  const el = await fixture<GovMap>(html`
    <gov-map
      style="width:600px;height:400px"
      basemap=${ifDefined(options.basemapUrl ? undefined : 'none')}
      basemap-url=${ifDefined(options.basemapUrl)}
      basemap-crs=${ifDefined(options.basemapCrs)}
      center=${ifDefined(options.center)}
      zoom=${ifDefined(options.zoom)}
      ?follow=${!!options.follow}
      unmatched=${ifDefined(options.unmatched)}
      src=${options.src ?? MAP_DATA}
      group=${options.group ?? freshGroup()}
      venue=${ifDefined(options.venue)}
      matter=${ifDefined(options.matter)}
      levels=${ifDefined(options.levels)}
      origin=${ifDefined(options.origin)}
      location-crs=${ifDefined(options.locationCrs)}
      venue-url=${ifDefined(options.venueUrl)}
    ></gov-map>
  `);
  expect(await el.ready).to.equal('ready');
  return handles(el);
}

export function handles(el: GovMap) {
  const map = el.map as OlMap;
  const layer = (name: string) =>
    map
      .getLayers()
      .getArray()
      .find((l) => l.get('name') === name) as VenueLayer;
  const venues = layer('venues');
  const root = shadow(el);
  return {
    el,
    map,
    root,
    venues,
    origin: layer('origin'),
    popup: () => root.querySelector<HTMLElement>('.popup-body'),
    popupVisible: () => {
      const body = root.querySelector<HTMLElement>('.popup-body');
      return !!body && body.getClientRects().length > 0;
    },
    styleOf: (id: string) => styleOf(venues, id, map),
  };
}

export function styleOf(layer: VenueLayer, id: string, map: OlMap): Style {
  const feature = layer.getSource()!.getFeatureById(id)!;
  const style = (layer.getStyleFunction() as StyleFunction)(
    feature,
    map.getView().getResolution()!,
  );
  return style as Style;
}

/** The page position of a WGS-84 point on the map (under any CSS scale of the page). */
export function clientPoint(map: OlMap, point: LngLat): [number, number] {
  const [x, y] = map.getPixelFromCoordinate(fromLonLat(point));
  const rect = map.getViewport()!.getBoundingClientRect();
  const scale = rect.width / map.getSize()![0];
  return [rect.left + x * scale, rect.top + y * scale];
}

/** A layer of the map by its `name` property. */
export function layerNamed<T = VenueLayer>(map: OlMap, name: string): T {
  return map
    .getLayers()
    .getArray()
    .find((l) => l.get('name') === name) as T;
}

/**
 * The centre of the pixels of one colour drawn near a map pixel (within
 * `reach`), read from the map's canvases as the screen shows them (the
 * topmost opaque canvas pixel wins), or null when there are none.
 */
export function colourCentre(
  map: OlMap,
  [px, py]: number[],
  [r, g, b]: [number, number, number],
  reach = 30,
): [number, number] | null {
  const canvases = [...map.getViewport()!.querySelectorAll('canvas')];
  const ratio = devicePixelRatio;
  const left = Math.round(px - reach);
  const top = Math.round(py - reach);
  const side = 2 * reach + 1;
  const layers = canvases.map(
    (canvas) =>
      canvas
        .getContext('2d')!
        .getImageData(left * ratio, top * ratio, side * ratio, side * ratio).data,
  );
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = 0; y < side * ratio; y++) {
    for (let x = 0; x < side * ratio; x++) {
      const at = (y * side * ratio + x) * 4;
      let shown: Uint8ClampedArray | null = null;
      for (const data of layers) if (data[at + 3] === 255) shown = data;
      if (!shown) continue;
      const near =
        Math.abs(shown[at] - r) <= 3 &&
        Math.abs(shown[at + 1] - g) <= 3 &&
        Math.abs(shown[at + 2] - b) <= 3;
      if (!near) continue;
      sx += x / ratio;
      sy += y / ratio;
      n++;
    }
  }
  return n ? [left + sx / n, top + sy / n] : null;
}

/**
 * A mouse click as the browser sends it: pointer down and up, then click,
 * on whatever element is on top at that spot (a marker's canvas, the popup).
 */
export function clickAt(root: ShadowRoot, [x, y]: [number, number]): Element {
  const target = root.elementFromPoint(x, y);
  if (!target) throw new Error(`nothing at ${x},${y}`);
  const init = {
    bubbles: true,
    composed: true,
    cancelable: true,
    clientX: x,
    clientY: y,
    button: 0,
    pointerId: 1,
    pointerType: 'mouse',
    isPrimary: true,
  };
  target.dispatchEvent(new PointerEvent('pointerdown', { ...init, buttons: 1 }));
  target.dispatchEvent(new PointerEvent('pointerup', { ...init, buttons: 0 }));
  target.dispatchEvent(new MouseEvent('click', init));
  return target;
}

export function clickElement(element: Element): void {
  const rect = element.getBoundingClientRect();
  const root = element.getRootNode() as ShadowRoot;
  clickAt(root, [rect.left + rect.width / 2, rect.top + rect.height / 2]);
}

export function pressKey(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
}

/** Resolves with the event's detail, or with 'none' when it does not come in time. */
export function eventOrNone<T extends Event>(
  el: Element,
  name: string,
  ms = 600,
): Promise<T | 'none'> {
  return Promise.race([
    oneEvent(el, name) as Promise<T>,
    new Promise<'none'>((done) => setTimeout(() => done('none'), ms)),
  ]);
}

/** Clicks a venue's marker and waits for the selection it makes. */
export async function clickVenue(h: ReturnType<typeof handles>, id: string) {
  const selected = oneEvent(h.el, 'gov-venue-select') as Promise<GovVenueSelectEvent>;
  clickAt(h.root, clientPoint(h.map, LOCATED[id]));
  const event = await selected;
  await h.el.updateComplete;
  await waitUntil(h.popupVisible, 'the popup did not open');
  return event;
}

/** A blank spot of the map: west of every venue, inside the view. */
export function blankSpot(map: OlMap): [number, number] {
  const rect = map.getViewport()!.getBoundingClientRect();
  return [rect.left + 20, rect.top + rect.height - 20];
}
