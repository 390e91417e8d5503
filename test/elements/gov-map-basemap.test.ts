import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type TileLayer from 'ol/layer/Tile.js';
import type XYZ from 'ol/source/XYZ.js';
import { get as getProjection, fromLonLat } from 'ol/proj.js';
import '../../src/elements/gov-map/define.js';
import type { GovMap } from '../../src/elements/gov-map/define.js';
import { templateTileUrl, tiandituTileUrl } from '../../src/elements/gov-map/basemaps.js';
import type { GovBasemapErrorEvent } from '../../src/elements/gov-map/events.js';
import type { GovOriginChangeEvent } from '../../src/shared/events.js';
import { captureWarnings, freshGroup, shadow } from '../helpers/elements.js';
import {
  MAP_DATA,
  clickAt,
  clickVenue,
  clientPoint,
  colourCentre,
  handles,
  layerNamed,
  setup,
} from '../helpers/gov-map.js';

/**
 * A WGS-84 point in Wuhan and its GCJ-02 position: the pair the location-crs
 * test of gov-map.test.ts takes from outside the project (GCJ-02 114.4, 30.5
 * is WGS-84 114.394459, 30.502308 to a millionth of a degree, ~0.1 m).
 */
const WGS: [number, number] = [114.394459, 30.502308];
const GCJ: [number, number] = [114.4, 30.5];

/** One street venue at the WGS-84 point. */
const GCJ_DATA = {
  version: 1,
  venues: [{ id: 'v-gcj', name: '坐标测试点', level: 'street', location: WGS }],
};

/** #1d5fbf, the street markers' fill. */
const STREET: [number, number, number] = [29, 95, 191];

/** A hidden Tianditu map whose tiles are redirected to the test server (no network). */
async function tiandituMap(tiles: string, attribution?: string) {
  const box = await fixture<HTMLDivElement>(html`
    <div hidden>
      <gov-map
        style="width:600px;height:400px"
        basemap="tianditu"
        basemap-key="test-key"
        attribution=${attribution ?? ''}
        src=${MAP_DATA}
        group=${freshGroup()}
      ></gov-map>
    </div>
  `);
  const el = box.querySelector<GovMap>('gov-map')!;
  expect(await el.ready).to.equal('ready');
  const layers = el
    .map!.getLayers()
    .getArray()
    .filter((layer) => layer.get('name') === 'basemap') as TileLayer[];
  for (const layer of layers) {
    (layer.getSource() as XYZ).setTileUrlFunction(([z, x, y]) => `${tiles}/${z}/${x}/${y}.png`);
  }
  return { box, el, root: shadow(el), layers };
}

describe('<gov-map> base maps', () => {
  describe('when building tile URLs', () => {
    it('should build a Tianditu Web Mercator tile URL as documented', () => {
      // host t3: (13400 + 6755) mod 8 = 20155 mod 8 = 3
      expect(tiandituTileUrl('vec', 'abc123', 14, 13400, 6755)).to.equal(
        'https://t3.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0' +
          '&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=14&TILEROW=6755' +
          '&TILECOL=13400&tk=abc123',
      );
      expect(tiandituTileUrl('cia', 'a b', 3, 6, 2)).to.equal(
        'https://t0.tianditu.gov.cn/cia_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0' +
          '&LAYER=cia&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=3&TILEROW=2' +
          '&TILECOL=6&tk=a%20b',
      );
    });

    it('should fill a custom template as documented', () => {
      expect(templateTileUrl('https://tiles.example.cn/{z}/{x}/{y}.png', 5, 26, 12)).to.equal(
        'https://tiles.example.cn/5/26/12.png',
      );
      // TMS rows count from the bottom: 2^3 - 1 - 2 = 5
      expect(templateTileUrl('/tms/{z}/{x}/{-y}.png', 3, 6, 2)).to.equal('/tms/3/6/5.png');
      // hosts: (1 + 3) mod 3 = 1 → b; (2 + 3) mod 4 = 1 → 1
      expect(templateTileUrl('https://{a-c}.t.example/{z}/{x}/{y}', 2, 1, 3)).to.equal(
        'https://b.t.example/2/1/3',
      );
      expect(templateTileUrl('https://m{0-3}.example/{z}-{x}-{y}', 4, 2, 3)).to.equal(
        'https://m1.example/4-2-3',
      );
    });

    it('should give the imagery map and its annotations annotations above', async () => {
      const warnings = captureWarnings();
      const box = await fixture<HTMLDivElement>(html`
        <div hidden>
          <gov-map
            basemap="tianditu-img"
            basemap-key="k 1"
            src=${MAP_DATA}
            group=${freshGroup()}
          ></gov-map>
        </div>
      `);
      const el = box.querySelector<GovMap>('gov-map')!;
      await el.ready;
      warnings.restore();

      const layers = el
        .map!.getLayers()
        .getArray()
        .filter((layer) => layer.get('name') === 'basemap') as TileLayer[];
      const urls = layers.map((layer) =>
        (layer.getSource() as XYZ).getTileUrlFunction()(
          [14, 13400, 6755],
          1,
          getProjection('EPSG:3857')!,
        ),
      );

      expect(urls).to.deep.equal([
        'https://t3.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0' +
          '&LAYER=img&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=14&TILEROW=6755' +
          '&TILECOL=13400&tk=k%201',
        'https://t3.tianditu.gov.cn/cia_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0' +
          '&LAYER=cia&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=14&TILEROW=6755' +
          '&TILECOL=13400&tk=k%201',
      ]);
      expect(layers[1].getZIndex()).to.be.greaterThan(layers[0].getZIndex()!);
      expect(warnings.messages).to.deep.equal([
        '[gov-map] put the 审图号 Tianditu publishes in attribution="审图号：GS(…)号".',
      ]);
    });
  });

  describe('when the base map is Tianditu', () => {
    it('should credit Tianditu, then the configured 审图号, then the data', async () => {
      const { box, root } = await tiandituMap('/__tiles__', '审图号：GS(2024)0568号');

      box.hidden = false;
      await waitUntil(() => root.querySelectorAll('.ol-attribution li').length === 3);

      const credits = [...root.querySelectorAll('.ol-attribution li')].map((li) => li.textContent);
      expect(credits).to.deep.equal(['天地图', '审图号：GS(2024)0568号', '地图测试数据']);
    });

    it('should explain a refusal (key or domain) in words and keep the venues', async () => {
      const warnings = captureWarnings();
      const { box, el, root } = await tiandituMap('/__tiles__/fail');
      const failed = oneEvent(el, 'gov-basemap-error') as Promise<GovBasemapErrorEvent>;

      box.hidden = false;
      const event = await failed;
      await el.updateComplete;
      warnings.restore();

      expect(event.detail).to.deep.equal({ basemap: 'tianditu', cause: 'refused' });
      expect(root.querySelector('[part="basemap-notice"]')!.textContent!.trim()).to.equal(
        '天地图拒绝提供底图：请网站管理员检查天地图密钥是否有效、是否超出调用限额，' +
          '以及本网站域名是否已加入该密钥的白名单。场所标注、弹窗和列表仍可正常使用',
      );
      expect(warnings.messages).to.deep.equal([
        '[gov-map] put the 审图号 Tianditu publishes in attribution="审图号：GS(…)号".',
        "[gov-map] Tianditu refuses the tiles: check that basemap-key is a valid 浏览器端 key " +
          "with quota left and that it allows this site's domain (console.tianditu.gov.cn).",
      ]);
      expect(el.map!.getLayers().getArray().find((l) => l.get('name') === 'venues')).to.exist;
    });
  });

  describe('when Tianditu cannot be reached at all', () => {
    it('should say the base map is unavailable, not that the key is refused', async () => {
      const warnings = captureWarnings();
      // port 9 is one Chromium never connects to: every request fails, as on a page offline
      const { box, el, root } = await tiandituMap('http://127.0.0.1:9/tiles');
      const failed = oneEvent(el, 'gov-basemap-error') as Promise<GovBasemapErrorEvent>;

      box.hidden = false;
      const event = await failed;
      await el.updateComplete;
      warnings.restore();

      expect(event.detail).to.deep.equal({ basemap: 'tianditu', cause: 'unavailable' });
      expect(root.querySelector('[part="basemap-notice"]')!.textContent!.trim()).to.equal(
        '底图暂时无法加载；场所标注、弹窗和列表仍可正常使用',
      );
    });
  });

  describe('when tiles are answered with errors', () => {
    it('should show the notice while the markers still respond', async () => {
      const warnings = captureWarnings();
      const errors: GovBasemapErrorEvent[] = [];
      const listen = (event: Event) => errors.push(event as GovBasemapErrorEvent);
      document.addEventListener('gov-basemap-error', listen);
      const h = await setup({ basemapUrl: '/__tiles__/fail/{z}/{x}/{y}.png' });

      await waitUntil(() => h.root.querySelector('[part="basemap-notice"]'), 'no notice');
      const event = await clickVenue(h, 'v-east');
      document.removeEventListener('gov-basemap-error', listen);
      warnings.restore();

      expect(h.root.querySelector('[part="basemap-notice"]')!.textContent!.trim()).to.equal(
        '底图暂时无法加载；场所标注、弹窗和列表仍可正常使用',
      );
      expect(errors.map((e) => e.detail)).to.deep.equal([{ basemap: 'xyz', cause: 'unavailable' }]);
      expect(event.detail.id).to.equal('v-east');
      expect(h.popup()!.querySelector('[part="popup-title"]')!.textContent).to.equal(
        '东街道便民服务中心',
      );
    });

    it('should not show the notice when the tiles load', async () => {
      const h = await setup({ basemapUrl: '/__tiles__/{z}/{x}/{y}.png' });

      await h.el.ready;

      expect(h.root.querySelector('[part="basemap-notice"]')).to.equal(null);
      expect(layerNamed(h.map, 'basemap')).to.exist;
    });
  });

  describe('when the base map is GCJ-02', () => {
    async function gcjMap() {
      const el = await fixture<GovMap>(html`
        <gov-map
          style="width:600px;height:400px"
          basemap-url="/__tiles__/{z}/{x}/{y}.png"
          basemap-crs="GCJ02"
          center=${WGS.join(',')}
          zoom="15"
          group=${freshGroup()}
          .data=${GCJ_DATA}
        ></gov-map>
      `);
      expect(await el.ready).to.equal('ready');
      return handles(el);
    }

    it('should draw a WGS-84 venue on its GCJ-02 position, far from its WGS-84 one', async () => {
      const { map } = await gcjMap();

      const expected = map.getPixelFromCoordinate(fromLonLat(GCJ));
      const unshifted = map.getPixelFromCoordinate(fromLonLat(WGS));
      const drawn = colourCentre(map, expected, STREET);

      expect(map.getView().getZoom()).to.be.at.least(14);
      expect(drawn, 'no marker near the GCJ-02 position').to.not.equal(null);
      expect(Math.abs(drawn![0] - expected[0])).to.be.at.most(2);
      expect(Math.abs(drawn![1] - expected[1])).to.be.at.most(2);
      expect(Math.hypot(unshifted[0] - expected[0], unshifted[1] - expected[1])).to.be.above(50);
      expect(colourCentre(map, unshifted, STREET, 10)).to.equal(null);
    });

    it('should convert a point chosen on the map back to WGS-84', async () => {
      const { el, map, root } = await gcjMap();
      root.querySelector<HTMLButtonElement>('[part~="choose-button"]')!.click();
      await el.updateComplete;

      const changed = oneEvent(el, 'gov-origin-change') as Promise<GovOriginChangeEvent>;
      // beside the marker, so the click lands on the map and not on the venue
      const spot = clientPoint(map, [GCJ[0] + 0.001, GCJ[1]]);
      clickAt(root, spot);
      const [lng, lat] = (await changed).detail.origin!;

      expect(lng).to.be.closeTo(WGS[0] + 0.001, 0.00001);
      expect(lat).to.be.closeTo(WGS[1], 0.00001);
    });

    it('should draw the browser position shifted as well', async () => {
      const geolocation = navigator.geolocation;
      geolocation.getCurrentPosition = (ok) =>
        setTimeout(() =>
          ok({
            coords: { longitude: WGS[0], latitude: WGS[1], accuracy: 30 },
          } as GeolocationPosition),
        );
      try {
        const { el, root, origin } = await gcjMap();

        root.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
        await oneEvent(el, 'gov-origin-change');
        await el.updateComplete;

        const [x, y] = origin.getSource()!.getFeatures()[0].getGeometry()!.getCoordinates();
        expect(x).to.be.closeTo(fromLonLat(GCJ)[0], 1);
        expect(y).to.be.closeTo(fromLonLat(GCJ)[1], 1);
      } finally {
        Reflect.deleteProperty(geolocation, 'getCurrentPosition');
      }
    });
  });
});
