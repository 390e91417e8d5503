import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { containsCoordinate } from 'ol/extent.js';
import { fromLonLat } from 'ol/proj.js';
import '../../src/elements/gov-map/define.js';
import { GovMap } from '../../src/elements/gov-map/define.js';
import type { GovOriginChangeEvent, GovVenueSelectEvent } from '../../src/shared/events.js';
import { captureWarnings, freshGroup, shadow } from '../helpers/elements.js';
import {
  LOCATED,
  MAP_DATA,
  blankSpot,
  clickAt,
  clickElement,
  clickVenue,
  clientPoint,
  eventOrNone,
  handles,
  pressKey,
  setup,
} from '../helpers/gov-map.js';

describe('<gov-map>', () => {
  describe('when the data has loaded', () => {
    it('should draw a feature for every located venue and none for the unlocated one', async () => {
      const { venues } = await setup();

      const ids = venues
        .getSource()!
        .getFeatures()
        .map((f) => f.getId())
        .sort();

      expect(ids).to.deep.equal(['v-center', 'v-east', 'v-kiosk', 'v-park', 'v-west']);
      expect(venues.getSource()!.getFeatureById('v-nowhere')).to.equal(null);
    });

    it('should place each feature at its venue in Web Mercator', async () => {
      const { venues } = await setup();

      const east = venues.getSource()!.getFeatureById('v-east')!.getGeometry()!.getCoordinates();

      expect(east[0]).to.be.closeTo(12734949.7, 0.1);
      expect(east[1]).to.be.closeTo(3567983.5, 0.1);
    });

    it('should style the markers by level in the theme colours', async () => {
      const { styleOf } = await setup();

      const fill = (id: string) =>
        (styleOf(id).getImage() as unknown as { getFill(): { getColor(): unknown } })
          .getFill()
          .getColor();

      expect(fill('v-center')).to.equal('#c8102e');
      expect(fill('v-east')).to.equal('#1d5fbf');
      expect(fill('v-park')).to.equal('#0f8a6c');
      expect(fill('v-kiosk')).to.equal('#8a5a00');
      expect(styleOf('v-center').getImage()!.getSize()).to.not.deep.equal(
        styleOf('v-park').getImage()!.getSize(),
      );
    });

    it('should take marker colours from the --gov-color-* tokens', async () => {
      const el = await fixture<GovMap>(html`
        <gov-map
          style="width:600px;height:400px;--gov-color-street:#123456"
          basemap="none"
          src=${MAP_DATA}
          group=${freshGroup()}
        ></gov-map>
      `);
      await el.ready;
      const { styleOf } = handles(el);

      const image = styleOf('v-west').getImage() as unknown as {
        getFill(): { getColor(): unknown };
      };

      expect(image.getFill().getColor()).to.equal('#123456');
    });

    it('should fit the view to every venue', async () => {
      const { map } = await setup();

      const extent = map.getView().calculateExtent(map.getSize());

      for (const point of Object.values(LOCATED)) {
        expect(containsCoordinate(extent, fromLonLat(point)), String(point)).to.equal(true);
      }
      expect(map.getView().getZoom()).to.be.at.most(16);
    });

    it('should label the map and make it focusable', async () => {
      const { root } = await setup();

      const container = root.querySelector('[part="map"]')!;

      expect(container.getAttribute('aria-label')).to.equal('政务服务场所地图');
      expect(container.getAttribute('tabindex')).to.equal('0');
      expect(container.getAttribute('role')).to.not.equal('application');
    });

    it('should list the located venues as buttons that select them', async () => {
      const { el, root, popup } = await setup();
      const list = root.querySelector<HTMLDetailsElement>('[part="venue-list"]')!;

      list.open = true;
      await waitUntil(() => root.querySelectorAll('[part="venue-button"]').length > 0);
      const buttons = [...root.querySelectorAll<HTMLButtonElement>('[part="venue-button"]')];
      const selected = oneEvent(el, 'gov-venue-select') as Promise<GovVenueSelectEvent>;
      buttons[3].click();
      const event = await selected;

      expect(list.querySelector('summary')!.textContent!.trim()).to.equal('场所列表 (5)');
      expect(buttons.map((b) => b.querySelector('.name')!.textContent)).to.deep.equal([
        '测试区政务服务中心',
        '东街道便民服务中心',
        '西街道便民服务中心',
        '公园社区党群服务中心',
        '广场24小时自助服务区',
      ]);
      expect(event.detail.id).to.equal('v-park');
      await waitUntil(() => popup()?.querySelector('h3')?.textContent === '公园社区党群服务中心');
      await waitUntil(() => root.activeElement === popup(), 'the popup did not take the focus');
    });

    it('should pan with the arrow keys and zoom with + and -', async () => {
      const { map, root } = await setup();
      const container = root.querySelector<HTMLElement>('[part="map"]')!;
      const view = map.getView();
      const [x0] = view.getCenter()!;
      const zoom = view.getZoom()!;

      container.focus();
      pressKey(container, 'ArrowRight');
      await waitUntil(() => view.getCenter()![0] > x0 && !view.getAnimating());
      pressKey(container, '+');
      await waitUntil(() => view.getZoom() === zoom + 1 && !view.getAnimating());
      pressKey(container, '-');

      await waitUntil(() => view.getZoom() === zoom && !view.getAnimating());
    });

    it('should zoom with its buttons', async () => {
      const { map, root } = await setup();
      const view = map.getView();
      const zoom = view.getZoom()!;

      root.querySelector<HTMLButtonElement>('[part~="zoom-in"]')!.click();
      await waitUntil(() => view.getZoom() === zoom + 1 && !view.getAnimating());
      root.querySelector<HTMLButtonElement>('[part~="zoom-out"]')!.click();

      await waitUntil(() => view.getZoom() === zoom && !view.getAnimating());
    });

    it('should draw an icon in every control', async () => {
      const { root } = await setup();

      const shapes = [...root.querySelectorAll('[part~="control"] svg > *')];

      expect(shapes.length).to.be.greaterThan(3);
      for (const shape of shapes) {
        expect(shape.namespaceURI).to.equal('http://www.w3.org/2000/svg');
        expect((shape as SVGGraphicsElement).getBBox().width).to.be.greaterThan(0);
      }
    });

    it('should pass an accessibility check', async () => {
      const { el } = await setup();

      await expect(el).to.be.accessible();
    });

    it('should credit the data on the map', async () => {
      const { root } = await setup();

      await waitUntil(() => root.querySelector('.ol-attribution li'));

      expect(root.querySelector('.ol-attribution li')!.textContent).to.equal('地图测试数据');
    });
  });

  describe('when a marker is clicked', () => {
    it('should open its popup and select the venue', async () => {
      const h = await setup();

      const event = await clickVenue(h, 'v-east');

      await expect(h.el).to.be.accessible();
      expect(event.detail.id).to.equal('v-east');
      expect(h.popup()!.querySelector('[part="popup-title"]')!.textContent).to.equal(
        '东街道便民服务中心',
      );
      expect(h.popup()!.textContent).to.contain('东路8号');
      expect(h.popup()!.textContent).to.contain('街道便民服务中心');
    });

    it('should draw the selected venue differently', async () => {
      const h = await setup();
      const before = h.styleOf('v-east');

      await clickVenue(h, 'v-east');

      expect(h.styleOf('v-east')).to.not.equal(before);
      expect((h.styleOf('v-east').getImage() as unknown as { getRadius(): number }).getRadius())
        .to.equal(11.5);
    });

    it('should show the phone as a tel: link and the hours', async () => {
      const h = await setup();

      await clickVenue(h, 'v-center');

      expect(h.popup()!.querySelector('a[href^="tel:"]')!.getAttribute('href')).to.equal(
        'tel:027-87000001',
      );
      expect(h.popup()!.textContent).to.contain('周一至周五 9:00-12:00，13:30-17:30');
    });

    it('should show the distance from a known origin', async () => {
      const h = await setup({ origin: '114.34,30.50' });

      await clickVenue(h, 'v-east');

      expect(h.popup()!.querySelector('.distance')!.textContent).to.equal('5.7 公里');
    });

    it('should not change the origin or the selection for clicks in the popup', async () => {
      const h = await setup();
      await clickVenue(h, 'v-east');
      const origins: GovOriginChangeEvent[] = [];
      const selections: GovVenueSelectEvent[] = [];
      h.el.addEventListener('gov-origin-change', (e) => origins.push(e));
      h.el.addEventListener('gov-venue-select', (e) => selections.push(e));

      // a click on the popup's text and one in choose-on-map mode
      clickElement(h.popup()!.querySelector('[part="popup-title"]')!);
      h.root.querySelector<HTMLButtonElement>('[part~="choose-button"]')!.click();
      await h.el.updateComplete;
      clickElement(h.popup()!.querySelector('[part="popup-title"]')!);
      await new Promise((done) => setTimeout(done, 400));

      expect(origins).to.have.length(0);
      expect(selections).to.have.length(0);
      expect(h.popupVisible()).to.equal(true);
    });

    it('should close the popup with its close button and with Esc', async () => {
      const h = await setup();
      await clickVenue(h, 'v-east');

      h.popup()!.querySelector<HTMLButtonElement>('[part="popup-close"]')!.click();
      await waitUntil(() => !h.popupVisible(), 'the close button did not close it');
      await clickVenue(h, 'v-west');
      pressKey(h.popup()!, 'Escape');

      await waitUntil(() => !h.popupVisible(), 'Esc did not close it');
    });

    it('should announce the venue again from the guide button', async () => {
      const h = await setup();
      await clickVenue(h, 'v-west');

      const selected = oneEvent(h.el, 'gov-venue-select') as Promise<GovVenueSelectEvent>;
      h.popup()!.querySelector<HTMLButtonElement>('button[part="guide-button"]')!.click();

      expect((await selected).detail.id).to.equal('v-west');
    });

    it('should make the guide button a link with venue-url', async () => {
      const h = await setup({ venueUrl: '/guide.html?venue={venue}' });

      await clickVenue(h, 'v-west');

      const link = h.popup()!.querySelector('[part="guide-button"]')!;
      expect(link.localName).to.equal('a');
      expect(link.getAttribute('href')).to.equal('/guide.html?venue=v-west');
      expect(link.textContent!.trim()).to.equal('查看办事指南');
    });
  });

  describe('when choosing the start point on the map', () => {
    it('should leave the origin alone on an ordinary click', async () => {
      const { el, map, root } = await setup();
      const changed = eventOrNone(el, 'gov-origin-change');

      clickAt(root, blankSpot(map));

      expect(await changed).to.equal('none');
      expect(root.querySelector('[part="origin"]')).to.equal(null);
      expect(map.getLayers().getArray().find((l) => l.get('name') === 'origin')).to.exist;
    });

    it('should set the origin from the next click and leave the mode', async () => {
      const { el, map, root, origin } = await setup();
      const button = root.querySelector<HTMLButtonElement>('[part~="choose-button"]')!;
      const spot = blankSpot(map);

      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      const changed = oneEvent(el, 'gov-origin-change') as Promise<GovOriginChangeEvent>;
      clickAt(root, spot);
      const event = await changed;
      await el.updateComplete;

      const rect = map.getViewport()!.getBoundingClientRect();
      const expected = map.getCoordinateFromPixel([spot[0] - rect.left, spot[1] - rect.top]);
      expect(event.detail.source).to.equal('map');
      expect(fromLonLat(event.detail.origin!)[0]).to.be.closeTo(expected[0], 1);
      expect(fromLonLat(event.detail.origin!)[1]).to.be.closeTo(expected[1], 1);
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(origin.getSource()!.getFeatures()).to.have.length(1);
      expect(await eventOrNone(el, 'gov-origin-change')).to.equal('none');
    });

    it('should not select a venue when the click lands on a marker', async () => {
      const h = await setup();
      const selections: GovVenueSelectEvent[] = [];
      h.el.addEventListener('gov-venue-select', (e) => selections.push(e));

      h.root.querySelector<HTMLButtonElement>('[part~="choose-button"]')!.click();
      await h.el.updateComplete;
      const changed = oneEvent(h.el, 'gov-origin-change') as Promise<GovOriginChangeEvent>;
      clickAt(h.root, clientPoint(h.map, LOCATED['v-east']));
      const event = await changed;

      expect(event.detail.source).to.equal('map');
      expect(selections).to.have.length(0);
    });

    it('should take the centre of the map with Enter, for keyboards', async () => {
      const { el, map, root } = await setup();
      const container = root.querySelector<HTMLElement>('[part="map"]')!;
      root.querySelector<HTMLButtonElement>('[part~="choose-button"]')!.click();
      await el.updateComplete;
      expect(root.activeElement).to.equal(container);

      const changed = oneEvent(el, 'gov-origin-change') as Promise<GovOriginChangeEvent>;
      pressKey(container, 'Enter');
      const event = await changed;

      const center = map.getView().getCenter()!;
      expect(event.detail.source).to.equal('map');
      expect(fromLonLat(event.detail.origin!)[0]).to.be.closeTo(center[0], 1);
      expect(fromLonLat(event.detail.origin!)[1]).to.be.closeTo(center[1], 1);
      await el.updateComplete;
      expect(root.querySelector('[part~="choose-button"]')!.getAttribute('aria-pressed')).to.equal(
        'false',
      );
    });

    it('should zoom in with = as with +, while the map has the focus', async () => {
      const { map, root } = await setup();
      const container = root.querySelector<HTMLElement>('[part="map"]')!;
      const zoom = map.getView().getZoom()!;

      container.focus();
      pressKey(container, '=');
      await waitUntil(() => map.getView().getZoom() === zoom + 1, 'zoomed in', { timeout: 3000 });
    });

    it('should cancel the mode with Esc', async () => {
      const { el, map, root } = await setup();
      const button = root.querySelector<HTMLButtonElement>('[part~="choose-button"]')!;

      button.click();
      await el.updateComplete;
      expect(root.querySelector('[part="notice"]')!.textContent).to.contain(
        '请在地图上点击选择起点（键盘：方向键移动地图，回车选定中心十字处），按 Esc 取消',
      );
      pressKey(root.querySelector('[part="map"]')!, 'Escape');
      await el.updateComplete;
      const changed = eventOrNone(el, 'gov-origin-change');
      clickAt(root, blankSpot(map));

      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(await changed).to.equal('none');
    });
  });

  describe('when locating the citizen', () => {
    const geolocation = navigator.geolocation;

    afterEach(() => {
      // the stub is an own property over the prototype's method
      Reflect.deleteProperty(geolocation, 'getCurrentPosition');
    });

    function stub(answer: (ok: PositionCallback, fail: PositionErrorCallback) => void) {
      geolocation.getCurrentPosition = (ok, fail) => setTimeout(() => answer(ok, fail!), 10);
    }

    function position(lng: number, lat: number): GeolocationPosition {
      return { coords: { longitude: lng, latitude: lat, accuracy: 20 } } as GeolocationPosition;
    }

    function failure(code: number): GeolocationPositionError {
      return {
        code,
        message: 'stubbed',
        PERMISSION_DENIED: 1,
        POSITION_UNAVAILABLE: 2,
        TIMEOUT: 3,
      } as GeolocationPositionError;
    }

    it('should set the origin from the browser and draw it', async () => {
      stub((ok) => ok(position(114.38, 30.51)));
      const { el, root, origin } = await setup();

      const changed = oneEvent(el, 'gov-origin-change') as Promise<GovOriginChangeEvent>;
      root.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
      const event = await changed;
      await el.updateComplete;

      expect(event.detail).to.deep.equal({ origin: [114.38, 30.51], source: 'geolocation' });
      const drawn = origin.getSource()!.getFeatures()[0].getGeometry()!.getCoordinates();
      expect(drawn[0]).to.be.closeTo(fromLonLat([114.38, 30.51])[0], 0.01);
    });

    it('should convert a GCJ-02 position with location-crs', async () => {
      stub((ok) => ok(position(114.4, 30.5)));
      const { el, root } = await setup({ locationCrs: 'GCJ02' });

      const changed = oneEvent(el, 'gov-origin-change') as Promise<GovOriginChangeEvent>;
      root.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
      const [lng, lat] = (await changed).detail.origin!;

      expect(lng).to.be.closeTo(114.394459, 0.000001);
      expect(lat).to.be.closeTo(30.502308, 0.000001);
    });

    it('should say so in words when the permission is denied', async () => {
      stub((_ok, fail) => fail(failure(1)));
      const { el, root } = await setup();

      root.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
      await waitUntil(() => root.querySelector('[part="notice"] [role="alert"]'));

      expect(root.querySelector('[part="notice"]')!.textContent!.trim()).to.equal(
        '定位权限被拒绝，请在浏览器设置中允许本网站获取位置',
      );
      expect(await eventOrNone(el, 'gov-origin-change', 100)).to.equal('none');
    });

    it('should say so in words when locating times out', async () => {
      stub((_ok, fail) => fail(failure(3)));
      const { root } = await setup();

      root.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
      await waitUntil(() => root.querySelector('[part="notice"] [role="alert"]'));

      expect(root.querySelector('[part="notice"]')!.textContent!.trim()).to.equal(
        '定位超时，请稍后再试或在地图上选择起点',
      );
    });
  });

  describe('when two maps share a src', () => {
    it('should open the venue in a map of the same group', async () => {
      const group = freshGroup();
      const a = await setup({ group });
      const b = await setup({ group });

      await clickVenue(a, 'v-park');

      await waitUntil(b.popupVisible, 'the second map did not open the popup');
      expect(b.popup()!.querySelector('h3')!.textContent).to.equal('公园社区党群服务中心');
    });

    it('should not open it in a map of another group', async () => {
      const a = await setup();
      const b = await setup();

      await clickVenue(a, 'v-park');
      await new Promise((done) => setTimeout(done, 400));

      expect(b.popupVisible()).to.equal(false);
      expect(b.popup()).to.equal(null);
    });
  });

  describe('when a venue, matter or levels are preset', () => {
    it('should pan to the venue and open its popup', async () => {
      const h = await setup({ venue: 'v-kiosk' });

      await waitUntil(h.popupVisible, 'the popup did not open');
      await h.el.ready;

      const center = h.map.getView().getCenter()!;
      const kiosk = fromLonLat(LOCATED['v-kiosk']);
      expect(h.popup()!.querySelector('h3')!.textContent).to.equal('广场24小时自助服务区');
      expect(containsCoordinate(h.map.getView().calculateExtent(h.map.getSize()), kiosk)).to
        .be.true;
      expect(Math.hypot(center[0] - kiosk[0], center[1] - kiosk[1])).to.be.below(500);
    });

    it('should dim the venues that do not handle the matter', async () => {
      const h = await setup({ matter: 'm-permit' });

      const alpha = (id: string) =>
        (
          (h.styleOf(id).getImage() as unknown as { getFill(): { getColor(): number[] } })
            .getFill()
            .getColor() as number[]
        )[3];

      expect(typeof (h.styleOf('v-center').getImage() as unknown as {
        getFill(): { getColor(): unknown };
      }).getFill().getColor()).to.equal('string');
      expect(alpha('v-west')).to.equal(0.3);
      expect(alpha('v-park')).to.equal(0.3);
      expect(alpha('v-kiosk')).to.equal(0.3);
    });

    it('should draw only the listed levels', async () => {
      const { venues } = await setup({ levels: 'street,self-service' });

      const ids = venues
        .getSource()!
        .getFeatures()
        .map((f) => f.getId())
        .sort();

      expect(ids).to.deep.equal(['v-east', 'v-kiosk', 'v-west']);
    });
  });

  describe('when it starts in a hidden container', () => {
    it('should be ready at once and fit the venues once shown', async () => {
      const box = await fixture<HTMLDivElement>(html`
        <div hidden>
          <gov-map
            style="width:600px;height:400px"
            basemap="none"
            src=${MAP_DATA}
            group=${freshGroup()}
          ></gov-map>
        </div>
      `);
      const el = box.querySelector('gov-map')!;
      expect(await el.ready).to.equal('ready');
      const map = el.map!;

      box.hidden = false;
      await waitUntil(() => map.getSize()?.[0] === 600, 'the map never got its size');
      await el.ready;

      const extent = map.getView().calculateExtent(map.getSize());
      for (const point of Object.values(LOCATED)) {
        expect(containsCoordinate(extent, fromLonLat(point)), String(point)).to.equal(true);
      }
    });
  });

  describe('when it is removed from the page', () => {
    it('should dispose the map and build it again when put back', async () => {
      const { el, map } = await setup();
      const parent = el.parentElement!;

      el.remove();

      expect(map.getTargetElement()).to.equal(null);
      expect(el.map).to.equal(null);
      parent.append(el);
      expect(await el.ready).to.equal('ready');
      expect(el.map).to.not.equal(null);
      expect(el.map).to.not.equal(map);
      expect(el.map!.getTargetElement()).to.equal(shadow(el).querySelector('[part="map"]'));
    });
  });

  describe('when the map code cannot be loaded', () => {
    it('should show the map error state and load again on retry', async () => {
      const warnings = captureWarnings();
      let attempts = 0;
      class OfflineMap extends GovMap {
        protected override importMapView() {
          attempts++;
          return attempts === 1 ? Promise.reject(new Error('offline')) : super.importMapView();
        }
      }
      customElements.define('offline-gov-map', OfflineMap);
      const el = await fixture<GovMap>(html`
        <offline-gov-map
          style="width:600px;height:400px"
          basemap="none"
          src=${MAP_DATA}
          group=${freshGroup()}
        ></offline-gov-map>
      `);

      expect(await el.ready).to.equal('ready');
      await el.updateComplete;
      warnings.restore();

      const root = shadow(el);
      expect(root.querySelector('[part="map-error"]')!.textContent).to.contain('地图组件加载失败');
      expect(el.map).to.equal(null);
      expect(warnings.messages).to.deep.equal([
        '[offline-gov-map] the map code could not be loaded: Error: offline',
      ]);
      root.querySelector<HTMLButtonElement>('[part="map-error"] [part="retry-button"]')!.click();
      expect(await el.ready).to.equal('ready');
      expect(el.map).to.not.equal(null);
      expect(root.querySelector('[part="map-error"]')).to.equal(null);
    });
  });

  describe('when the data cannot be loaded', () => {
    it('should show the error state with a retry button and build no map', async () => {
      const warnings = captureWarnings();
      const el = await fixture<GovMap>(html`
        <gov-map
          style="width:600px;height:400px"
          basemap="none"
          src="/__test__/status/500"
          group=${freshGroup()}
        ></gov-map>
      `);

      expect(await el.ready).to.equal('error');
      await el.updateComplete;

      const root = shadow(el);
      expect(root.querySelector('[part="error"]')!.textContent).to.contain('数据加载失败');
      expect(root.querySelector('[part="retry-button"]')!.textContent!.trim()).to.equal('重试');
      expect(el.map).to.equal(null);
      root.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      expect(await el.ready).to.equal('error');
      warnings.restore();
      const url = new URL('/__test__/status/500', location.href).href;
      const message = `[gov-map] Loading ${url} failed: the server answered HTTP 500 Internal Server Error.`;
      expect(warnings.messages).to.deep.equal([message, message]);
    });
  });
});
