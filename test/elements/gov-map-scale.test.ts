import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type Feature from 'ol/Feature.js';
import type Point from 'ol/geom/Point.js';
import type Style from 'ol/style/Style.js';
import type { StyleFunction } from 'ol/style/Style.js';
import { toLonLat } from 'ol/proj.js';
import '../../src/elements/gov-map/define.js';
import type { GovMap } from '../../src/elements/gov-map/define.js';
import type { GovVenueHoverEvent } from '../../src/elements/gov-map/events.js';
import type { GovVenueSelectEvent } from '../../src/shared/events.js';
import type { LngLat } from '../../src/core/types.js';
import { ClusterIndex } from '../../src/elements/gov-map/clusters.js';
import { freshGroup, shadow } from '../helpers/elements.js';
import { LOCATED, MAP_DATA, clickAt, clientPoint, handles, setup } from '../helpers/gov-map.js';

/**
 * Forty venues on a 50 m grid (5 × 8, around 114.30, 30.50), three venues at
 * one address (114.36, 30.52) and one lone venue (114.45, 30.45).
 */
function denseData() {
  const venues: object[] = [];
  for (let i = 0; i < 40; i++) {
    const location: LngLat = [114.3 + (i % 5) * 0.0005, 30.5 + Math.floor(i / 5) * 0.0005];
    venues.push({ id: `v-grid-${i}`, name: `网格点${i}`, level: 'community', location });
  }
  for (const n of [1, 2, 3]) {
    venues.push({
      id: `v-same-${n}`,
      name: `同址场所${n}`,
      level: 'street',
      location: [114.36, 30.52],
      matters: n === 1 ? ['m-one'] : [],
    });
  }
  venues.push({
    id: 'v-lone',
    name: '独立场所',
    level: 'district',
    location: [114.45, 30.45],
    matters: ['m-lone'],
  });
  return {
    version: 1,
    venues,
    matters: [
      { id: 'm-lone', name: '只在独立场所办理' },
      { id: 'm-one', name: '只在同址场所1办理' },
    ],
  };
}

/** Twenty thousand venues spread over a 1° square (a seeded generator, so every run is alike). */
function manyVenues() {
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const venues = Array.from({ length: 20000 }, (_, i) => ({
    id: `v${i}`,
    name: `场所${i}`,
    level: 'community',
    location: [113.8 + random(), 30.0 + random()],
  }));
  return { version: 1, venues };
}

interface MapAttributes {
  center?: string;
  zoom?: number;
  group?: string;
}

async function mapOf(data: object, attributes: MapAttributes = {}) {
  const el = await fixture<GovMap>(html`
    <gov-map
      style="width:600px;height:400px"
      basemap="none"
      center=${attributes.center ?? '114.37,30.49'}
      zoom=${attributes.zoom ?? 11}
      group=${attributes.group ?? freshGroup()}
      .data=${data}
    ></gov-map>
  `);
  expect(await el.ready).to.equal('ready');
  return handles(el);
}

type Handles = Awaited<ReturnType<typeof mapOf>>;

function drawn(h: Handles) {
  const features = h.venues.getSource()!.getFeatures();
  const clusters = features.filter((f) => f.get('cluster'));
  return {
    features,
    counts: clusters.map((f) => f.get('count') as number).sort((a, b) => a - b),
    venues: features
      .filter((f) => !f.get('cluster'))
      .map((f) => String(f.getId()))
      .sort(),
  };
}

function clusterWith(h: Handles, count: number): Feature<Point> {
  return drawn(h).features.find((f) => f.get('count') === count)!;
}

function styleFor(h: Handles, feature: Feature<Point>): Style {
  const resolution = h.map.getView().getResolution()!;
  return (h.venues.getStyleFunction() as StyleFunction)(feature, resolution) as Style;
}

function clickFeature(h: Handles, feature: Feature<Point>) {
  const [lng, lat] = toLonLat(feature.getGeometry()!.getCoordinates());
  clickAt(h.root, clientPoint(h.map, [lng, lat]));
}

describe('ClusterIndex', () => {
  it('should join points within 32 px at a zoom and part them deeper', () => {
    // three points on a line, Web Mercator metres: 0, 100 and 1,000 m
    const index = new ClusterIndex(new Float64Array([0, 100, 1000]), new Float64Array(3), 32);

    // 32 px is 4,892 m at zoom 10, 305.7 m at zoom 14 and 38.2 m at zoom 17
    const z14 = index.level(14);

    expect(index.level(10).count).to.equal(1);
    expect(z14.count).to.equal(2);
    expect([...z14.members.subarray(z14.start[0], z14.start[1])]).to.deep.equal([0, 1]);
    expect(z14.x[0]).to.equal(50);
    expect([...z14.extent.subarray(0, 4)]).to.deep.equal([0, 0, 100, 0]);
    expect(index.level(17).count).to.equal(3);
  });

  it('should prepare a level in slices to the same clusters', () => {
    // 2,500 pairs 10 m apart, the pairs 10 km apart: at zoom 14 (305.7 m), 2,500 clusters of 2
    const x = new Float64Array(5000);
    const y = new Float64Array(5000);
    for (let i = 0; i < 5000; i++) {
      x[i] = Math.floor(i / 2) * 10000 + (i % 2) * 10;
    }
    const index = new ClusterIndex(x, y, 32);

    let slices = 1;
    while (!index.prepare(14, () => true)) slices++;
    const level = index.level(14);

    expect(slices).to.equal(3);
    expect(level.count).to.equal(2500);
    expect(level.start[2500]).to.equal(5000);
    expect(Array.from({ length: 2500 }, (_, c) => level.start[c + 1] - level.start[c])).to.satisfy(
      (sizes: number[]) => sizes.every((size) => size === 2),
    );
  });
});

describe('<gov-map> at scale', () => {
  describe('when venues crowd', () => {
    it('should draw counted clusters, and a lone venue as its own marker', async () => {
      const h = await mapOf(denseData());

      const { counts, venues } = drawn(h);

      expect(counts).to.deep.equal([3, 40]);
      expect(venues).to.deep.equal(['v-lone']);
    });

    it('should zoom in to split a cluster that can split', async () => {
      const h = await mapOf(denseData());
      const view = h.map.getView();

      clickFeature(h, clusterWith(h, 40));
      await waitUntil(() => !view.getAnimating() && view.getZoom()! > 11, 'no zoom');
      await h.el.ready;

      // the forty now show as several markers or clusters, none holding all of them
      const grid = drawn(h).features.filter(
        (f) => f.get('cluster') || String(f.getId()).startsWith('v-grid-'),
      );
      expect(view.getZoom()).to.be.at.least(15);
      expect(grid.length).to.be.above(1);
      expect(drawn(h).counts.every((count) => count < 40)).to.equal(true);
    });

    it('should open the venues at one address as a list, each opening its own popup', async () => {
      const h = await mapOf(denseData());
      const zoom = h.map.getView().getZoom();

      clickFeature(h, clusterWith(h, 3));
      await waitUntil(() => h.root.querySelector('.cluster-list'), 'no list');
      const title = h.popup()!.querySelector('[part="popup-title"]')!.textContent;
      const names = [...h.root.querySelectorAll('.cluster-list .name')].map((n) => n.textContent);
      const selected = oneEvent(h.el, 'gov-venue-select') as Promise<GovVenueSelectEvent>;
      h.root.querySelector<HTMLButtonElement>('.cluster-list [data-venue="v-same-2"]')!.click();

      expect((await selected).detail.id).to.equal('v-same-2');
      expect(title).to.equal('此处有 3 个办事场所');
      expect(names).to.deep.equal(['同址场所1', '同址场所2', '同址场所3']);
      expect(h.map.getView().getZoom()).to.equal(zoom);
      await waitUntil(() => h.popup()?.querySelector('h3')?.textContent === '同址场所2');
    });

    it('should draw the selected venue apart from its cluster', async () => {
      const h = await mapOf(denseData());

      const list = h.root.querySelector<HTMLDetailsElement>('[part="venue-list"]')!;
      list.open = true;
      await waitUntil(() => h.root.querySelector('[data-venue="v-grid-7"]'));
      h.root.querySelector<HTMLButtonElement>('[data-venue="v-grid-7"]')!.click();
      await waitUntil(() => h.venues.getSource()!.getFeatureById('v-grid-7'), 'not drawn apart');
      await waitUntil(() => !h.map.getView().getAnimating());

      const total = drawn(h)
        .features.map((f) => (f.get('cluster') ? (f.get('count') as number) : 1))
        .reduce((a, b) => a + b, 0);
      expect(total).to.equal(44);
      const chosen = h.venues.getSource()!.getFeatureById('v-grid-7')!;
      expect(styleFor(h, chosen).getZIndex()).to.equal(4);
    });

    it('should fade a cluster none of whose venues handles the chosen matter', async () => {
      const el = await fixture<GovMap>(html`
        <gov-map
          style="width:600px;height:400px"
          basemap="none"
          center="114.37,30.49"
          zoom="11"
          matter="m-one"
          group=${freshGroup()}
          .data=${denseData()}
        ></gov-map>
      `);
      await el.ready;
      const h = handles(el);

      const fillAlpha = (count: number) =>
        (
          (
            styleFor(h, clusterWith(h, count)).getImage() as unknown as {
              getFill(): { getColor(): number[] };
            }
          )
            .getFill()
            .getColor() as number[]
        )[3];

      expect(fillAlpha(40)).to.equal(0.3);
      expect(fillAlpha(3)).to.equal(0.9);
    });
  });

  describe('when a filter hides the others', () => {
    it('should draw only the venues handling the matter', async () => {
      const { venues } = await setup({ matter: 'm-permit', unmatched: 'hide' });

      const ids = venues
        .getSource()!
        .getFeatures()
        .map((f) => f.getId())
        .sort();

      expect(ids).to.deep.equal(['v-center', 'v-east']);
    });
  });

  describe('when there are twenty thousand venues', () => {
    it('should draw each venue once, in as many features as fit a screen', async function () {
      this.timeout(30000);
      const h = await mapOf(manyVenues(), { center: '114.3,30.5', zoom: 9 });
      const view = h.map.getView();

      for (const zoom of [9, 11, 13]) {
        view.setZoom(zoom);
        await h.el.ready;
        const { features, counts } = drawn(h);
        expect(features.length, `zoom ${zoom}`).to.be.below(3100);
        if (zoom === 9) {
          const singles = features.length - counts.length;
          expect(counts.reduce((a, b) => a + b, 0) + singles).to.equal(20000);
        }
      }
    });

    it('should list the venues nearest the centre of the view', async function () {
      this.timeout(30000);
      const h = await mapOf(manyVenues(), { center: '114.3,30.5', zoom: 13 });

      const list = h.root.querySelector<HTMLDetailsElement>('[part="venue-list"]')!;
      list.open = true;
      await waitUntil(() => h.root.querySelectorAll('[part="venue-button"]').length === 100);

      expect(list.querySelector('summary')!.textContent!.trim()).to.equal('场所列表 (20000)');
      expect(list.querySelector('.list-note')!.textContent).to.match(
        /^地图范围内共 \d+ 个，列出离中心最近的 100 个$/,
      );
    });
  });

  describe('when a venue is hovered', () => {
    it('should light up the marker of a venue hovered in a guide of the same group', async () => {
      const group = freshGroup();
      const h = await setup({ group });
      const guide = await fixture(html`<venue-guide src=${MAP_DATA} group=${group}></venue-guide>`);
      const other = await fixture(html`<venue-guide src=${MAP_DATA}></venue-guide>`);
      await waitUntil(() => shadow(guide).querySelector('[data-venue="v-east"]'));
      await waitUntil(() => shadow(other).querySelector('[data-venue="v-east"]'));
      const radius = () =>
        (h.styleOf('v-east').getImage() as unknown as { getRadius(): number }).getRadius();

      const row = shadow(guide).querySelector('[data-venue="v-east"]')!;
      row.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      const lit = radius();
      document.body.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      const unlit = radius();
      const foreign = shadow(other).querySelector('[data-venue="v-east"]')!;
      foreign.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));

      expect(lit).to.equal(9.5);
      expect(unlit).to.equal(7.5);
      expect(radius()).to.equal(7.5);
    });

    it('should tell the page which marker the pointer is on', async () => {
      const h = await setup();
      const [x, y] = clientPoint(h.map, LOCATED['v-park']);

      const hovered = oneEvent(h.el, 'gov-venue-hover') as Promise<GovVenueHoverEvent>;
      h.root.elementFromPoint(x, y)!.dispatchEvent(
        new PointerEvent('pointermove', {
          bubbles: true,
          composed: true,
          clientX: x,
          clientY: y,
          pointerType: 'mouse',
        }),
      );

      expect((await hovered).detail.id).to.equal('v-park');
    });
  });
});
