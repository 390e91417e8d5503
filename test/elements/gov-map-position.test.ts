import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type Feature from 'ol/Feature.js';
import type CircleGeometry from 'ol/geom/Circle.js';
import type VectorLayer from 'ol/layer/Vector.js';
import type VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import '../../src/elements/gov-map/define.js';
import type { GovMap } from '../../src/elements/gov-map/define.js';
import type { GovOriginChangeEvent } from '../../src/shared/events.js';
import { captureWarnings, freshGroup } from '../helpers/elements.js';
import { handles, layerNamed, setup } from '../helpers/gov-map.js';

type AccuracyLayer = VectorLayer<VectorSource<Feature<CircleGeometry>>>;

const geolocation = navigator.geolocation;

function position(lng: number, lat: number, accuracy = 20): GeolocationPosition {
  return { coords: { longitude: lng, latitude: lat, accuracy } } as GeolocationPosition;
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

/** Own properties over the browser's, put back after each test. */
const stubs: [object, string, PropertyDescriptor | undefined][] = [];
function stub(target: object, name: string, value: unknown) {
  stubs.push([target, name, Object.getOwnPropertyDescriptor(target, name)]);
  Object.defineProperty(target, name, { value, configurable: true, writable: true });
}

/** A data document with two areas, for the fallback of choosing an area. */
const AREA_DATA = {
  version: 1,
  areas: [
    { id: 'a-east', name: '东街道', level: 'street', center: [114.4, 30.5] },
    { id: 'a-west', name: '西街道', level: 'street', center: [114.28, 30.49] },
    // one community name in two streets, as real districts have
    { id: 'c-east-lake', name: '南湖社区', parent: 'a-east', center: [114.41, 30.51] },
    { id: 'c-west-lake', name: '南湖社区', parent: 'a-west', center: [114.29, 30.48] },
  ],
  venues: [
    { id: 'v-east', name: '东街道便民服务中心', level: 'street', location: [114.4, 30.5] },
    { id: 'v-west', name: '西街道便民服务中心', level: 'street', location: [114.28, 30.49] },
  ],
};

function noticeText(root: ShadowRoot): string {
  return root.querySelector('[part="notice"]')!.textContent!.trim();
}

describe('<gov-map> and the citizen’s position', () => {
  afterEach(() => {
    for (const [target, name, own] of stubs.splice(0).reverse()) {
      if (own) Object.defineProperty(target, name, own);
      else Reflect.deleteProperty(target, name);
    }
  });

  describe('when following the position', () => {
    it('should follow it, draw its accuracy, and stop when pressed again', async () => {
      let report: PositionCallback = () => {};
      const cleared: number[] = [];
      stub(geolocation, 'watchPosition', (ok: PositionCallback) => {
        report = ok;
        return 7;
      });
      stub(geolocation, 'clearWatch', (id: number) => cleared.push(id));
      const { el, root, origin, map } = await setup({ follow: true });
      const button = root.querySelector<HTMLButtonElement>('[part~="locate-button"]')!;
      const accuracy = layerNamed<AccuracyLayer>(map, 'accuracy');

      button.click();
      await el.updateComplete;
      const first = oneEvent(el, 'gov-origin-change') as Promise<GovOriginChangeEvent>;
      report(position(114.38, 30.51, 50));
      expect((await first).detail.origin).to.deep.equal([114.38, 30.51]);
      const second = oneEvent(el, 'gov-origin-change') as Promise<GovOriginChangeEvent>;
      report(position(114.39, 30.5, 50));
      expect((await second).detail.origin).to.deep.equal([114.39, 30.5]);
      await el.updateComplete;
      const pressed = button.getAttribute('aria-pressed');
      const circle = accuracy.getSource()!.getFeatures()[0].getGeometry()!;
      const drawn = origin.getSource()!.getFeatures()[0].getGeometry()!.getCoordinates();
      button.click();
      await el.updateComplete;

      expect(button.getAttribute('aria-label')).to.equal('持续显示我的位置');
      expect(pressed).to.equal('true');
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(cleared).to.deep.equal([7]);
      // 50 m on the ground at 30.5°N: 50 / cos(30.5°) = 58.03 Web Mercator metres
      expect(circle.getRadius()).to.be.closeTo(58.03, 0.01);
      expect(circle.getCenter()[0]).to.be.closeTo(fromLonLat([114.39, 30.5])[0], 0.01);
      expect(drawn[0]).to.be.closeTo(fromLonLat([114.39, 30.5])[0], 0.01);
    });
  });

  describe('when the position cannot be had', () => {
    it('should say an http page cannot locate, without asking', async () => {
      let asked = false;
      stub(window, 'isSecureContext', false);
      stub(geolocation, 'getCurrentPosition', () => (asked = true));
      const { root } = await setup();

      root.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
      await waitUntil(() => root.querySelector('[part="notice"] [role="alert"]'));

      expect(noticeText(root)).to.equal(
        '本页面不是安全连接（https），浏览器不允许定位；请在地图上选择起点',
      );
      expect(asked).to.equal(false);
    });

    it('should say an iframe was not allowed to locate', async () => {
      const warnings = captureWarnings();
      const policy = { allowsFeature: (feature: string) => feature !== 'geolocation' };
      stub(document, 'permissionsPolicy', policy);
      stub(document, 'featurePolicy', policy);
      const { root } = await setup();

      root.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
      await waitUntil(() => root.querySelector('[part="notice"] [role="alert"]'));
      warnings.restore();

      expect(noticeText(root)).to.equal(
        '本页面嵌在其他网站中，未获准使用定位；请选择所在区域或在地图上选择起点',
      );
      expect(warnings.messages).to.deep.equal([
        '[gov-map] locating is blocked by the permissions policy: the iframe needs ' +
          'allow="geolocation".',
      ]);
    });

    it('should say the position is unavailable', async () => {
      stub(geolocation, 'getCurrentPosition', (_ok: unknown, fail: PositionErrorCallback) =>
        setTimeout(() => fail(failure(2))),
      );
      const { root } = await setup();

      root.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
      await waitUntil(() => root.querySelector('[part="notice"] [role="alert"]'));

      expect(noticeText(root)).to.equal('暂时无法获取您的位置，请稍后再试或在地图上选择起点');
    });

    it('should offer choosing an area or a point instead', async () => {
      stub(geolocation, 'getCurrentPosition', (_ok: unknown, fail: PositionErrorCallback) =>
        setTimeout(() => fail(failure(1))),
      );
      const el = await fixture<GovMap>(html`
        <gov-map
          style="width:600px;height:400px"
          basemap="none"
          group=${freshGroup()}
          .data=${AREA_DATA}
        ></gov-map>
      `);
      await el.ready;
      const { root } = handles(el);

      root.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
      await waitUntil(() => root.querySelector('[part="area-select"]'));
      const select = root.querySelector<HTMLSelectElement>('[part="area-select"]')!;
      const options = [...select.options].map((option) => option.textContent);
      const changed = oneEvent(el, 'gov-origin-change') as Promise<GovOriginChangeEvent>;
      select.value = 'a-west';
      select.dispatchEvent(new Event('change'));
      const event = await changed;

      // each street a group of itself and its communities, so the two 南湖社区 are told apart
      expect(options).to.deep.equal(['请选择街道或社区', '东街道', '南湖社区', '西街道', '南湖社区']);
      expect(
        [...select.querySelectorAll('optgroup')].map((group) => [
          group.label,
          [...group.querySelectorAll('option')].map((option) => option.value),
        ]),
      ).to.deep.equal([
        ['东街道', ['a-east', 'c-east-lake']],
        ['西街道', ['a-west', 'c-west-lake']],
      ]);
      expect(event.detail).to.deep.equal({ origin: [114.28, 30.49], source: 'area' });
      await el.updateComplete;
      expect(root.querySelector('[part="notice"]')).to.equal(null);
    });

    it('should offer choosing the start point on the map', async () => {
      stub(geolocation, 'getCurrentPosition', (_ok: unknown, fail: PositionErrorCallback) =>
        setTimeout(() => fail(failure(3))),
      );
      const { el, root } = await setup();

      root.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
      await waitUntil(() => root.querySelector('[part="fallback-pick"]'));
      root.querySelector<HTMLButtonElement>('[part="fallback-pick"]')!.click();
      await el.updateComplete;

      expect(noticeText(root)).to.equal('请在地图上点击选择起点（键盘：方向键移动地图，回车选定中心十字处），按 Esc 取消');
      expect(
        root.querySelector('[part~="choose-button"]')!.getAttribute('aria-pressed'),
      ).to.equal('true');
    });
  });
});
