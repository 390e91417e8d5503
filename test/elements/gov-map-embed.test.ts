import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/elements/gov-map/define.js';
import type { GovMap } from '../../src/elements/gov-map/define.js';
import type { GovOriginChangeEvent, GovVenueSelectEvent } from '../../src/shared/events.js';
import type { SelectionState } from '../../src/shared/store.js';
import { freshGroup } from '../helpers/elements.js';
import {
  LOCATED,
  MAP_DATA,
  blankSpot,
  clickAt,
  clickElement,
  clickVenue,
  clientPoint,
  handles,
  pressKey,
  setup,
} from '../helpers/gov-map.js';

/** The shared selection as the element sees it (a protected getter, read for the test). */
function chosen(el: GovMap): SelectionState {
  return (el as unknown as { chosen: SelectionState }).chosen;
}

function pointer(type: string, x: number, y: number, init: PointerEventInit = {}) {
  return new PointerEvent(type, {
    bubbles: true,
    composed: true,
    cancelable: true,
    clientX: x,
    clientY: y,
    button: 0,
    buttons: type === 'pointerup' ? 0 : 1,
    isPrimary: true,
    pointerType: 'touch',
    ...init,
  });
}

/** A drag by some fingers from their starts, moved by dx in steps, as touch pointer events. */
async function drag(target: Element, starts: [number, number][], dx: number) {
  starts.forEach(([x, y], i) =>
    target.dispatchEvent(pointer('pointerdown', x, y, { pointerId: 40 + i, isPrimary: i === 0 })),
  );
  for (let step = 1; step <= 5; step++) {
    starts.forEach(([x, y], i) =>
      target.dispatchEvent(
        pointer('pointermove', x + (dx * step) / 5, y, { pointerId: 40 + i, isPrimary: i === 0 }),
      ),
    );
    await new Promise((done) => requestAnimationFrame(done));
  }
  starts.forEach(([x, y], i) =>
    target.dispatchEvent(
      pointer('pointerup', x + dx, y, { pointerId: 40 + i, isPrimary: i === 0 }),
    ),
  );
}

function wheel(target: Element, [x, y]: [number, number], init: WheelEventInit = {}) {
  const event = new WheelEvent('wheel', {
    bubbles: true,
    composed: true,
    cancelable: true,
    clientX: x,
    clientY: y,
    deltaY: -120,
    deltaMode: 0,
    ...init,
  });
  target.dispatchEvent(event);
  return event;
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Counts what the page holds on to: event listeners still registered on
 * targets that live on (window, document and other non-node targets, and
 * nodes still in the page; listeners on nodes that left the page go with
 * them), and every observation of every observer, wherever its target is.
 */
function trackRegistrations() {
  const proto = EventTarget.prototype;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  const live = new Map<EventTarget, Set<string>>();
  const ids = new WeakMap<object, number>();
  let next = 0;
  const keyOf = (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) => {
    if (!listener) return null;
    let id = ids.get(listener);
    if (id === undefined) ids.set(listener, (id = ++next));
    const capture = typeof options === 'boolean' ? options : !!options?.capture;
    return `${type}|${capture}|${id}`;
  };
  proto.addEventListener = function (this: EventTarget, type, listener, options) {
    const key = keyOf(type, listener, options);
    const once = typeof options === 'object' && options?.once;
    if (key && !once) {
      let keys = live.get(this);
      if (!keys) live.set(this, (keys = new Set()));
      keys.add(key);
    }
    return add.call(this, type, listener, options);
  };
  proto.removeEventListener = function (this: EventTarget, type, listener, options) {
    const key = keyOf(type, listener, options);
    if (key) live.get(this)?.delete(key);
    return remove.call(this, type, listener, options);
  };

  const observing = new Map<object, Set<Node>>();
  const restores = [ResizeObserver, IntersectionObserver, MutationObserver].map((Observer) => {
    const p = Observer.prototype as {
      observe(target: Node, ...rest: unknown[]): void;
      unobserve?(target: Node): void;
      disconnect(): void;
    };
    const { observe, unobserve, disconnect } = p;
    p.observe = function (target, ...rest) {
      let targets = observing.get(this);
      if (!targets) observing.set(this, (targets = new Set()));
      targets.add(target);
      return observe.call(this, target, ...rest);
    };
    if (unobserve) {
      p.unobserve = function (target) {
        observing.get(this)?.delete(target);
        return unobserve.call(this, target);
      };
    }
    p.disconnect = function () {
      observing.delete(this);
      return disconnect.call(this);
    };
    return () => Object.assign(p, { observe, unobserve, disconnect });
  });

  return {
    counts() {
      let listeners = 0;
      for (const [target, keys] of live) {
        if (!(target instanceof Node) || target.isConnected) listeners += keys.size;
      }
      let observations = 0;
      for (const targets of observing.values()) observations += targets.size;
      return { listeners, observations };
    },
    restore() {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
      restores.forEach((restore) => restore());
    },
  };
}

describe('<gov-map> embedded in a page', () => {
  describe('when it starts inside a closed <details>', () => {
    it('should size its canvas to the container once opened', async () => {
      const details = await fixture<HTMLDetailsElement>(html`
        <details>
          <summary>地图</summary>
          <div style="width:480px">
            <gov-map
              style="height:300px"
              basemap="none"
              src=${MAP_DATA}
              group=${freshGroup()}
            ></gov-map>
          </div>
        </details>
      `);
      const el = details.querySelector<GovMap>('gov-map')!;
      expect(await el.ready).to.equal('ready');
      const container = details.querySelector('div')!;

      const opened = performance.now();
      details.open = true;
      const canvas = () => el.map!.getViewport()!.querySelector('canvas');
      await waitUntil(
        () => canvas()?.width === container.clientWidth * devicePixelRatio,
        'the canvas never took the container width',
        { timeout: 3000, interval: 10 },
      );
      const took = performance.now() - opened;
      console.log(`[gov-map test] canvas as wide as the container in ${took.toFixed(0)} ms`);

      expect(container.clientWidth).to.equal(480);
      expect(canvas()!.getBoundingClientRect().width).to.equal(480);
    });
  });

  describe('when a popup button is clicked', () => {
    it('should change neither the origin nor the selection', async () => {
      const h = await setup();
      await clickVenue(h, 'v-east');
      const origins: GovOriginChangeEvent[] = [];
      h.el.addEventListener('gov-origin-change', (e) => origins.push(e));
      const choose = h.root.querySelector<HTMLButtonElement>('[part~="choose-button"]')!;
      choose.click();
      await h.el.updateComplete;

      // the guide button, pressed with a real pointer sequence while choosing on the map
      const guide = oneEvent(h.el, 'gov-venue-select') as Promise<GovVenueSelectEvent>;
      clickElement(h.popup()!.querySelector('[part="guide-button"]')!);
      expect((await guide).detail.id).to.equal('v-east');
      await pause(400);

      expect(origins).to.have.length(0);
      expect(chosen(h.el).venue).to.equal('v-east');
      expect(chosen(h.el).origin).to.equal(null);
      expect(choose.getAttribute('aria-pressed')).to.equal('true');
    });
  });

  describe('when the page scrolls under it', () => {
    it('should leave the wheel to the page until Ctrl is held or the map is clicked', async () => {
      const h = await setup();
      const view = h.map.getView();
      const zoom = view.getZoom()!;
      const viewport = h.map.getViewport()!;
      const spot = blankSpot(h.map);

      const free = wheel(viewport, spot);
      await pause(400);
      expect(free.defaultPrevented).to.equal(false);
      expect(view.getZoom()).to.equal(zoom);
      expect(h.root.querySelector('[part="gesture-hint"]')!.textContent!.trim()).to.equal(
        '按住 Ctrl 键并滚动鼠标滚轮可缩放地图',
      );

      const held = wheel(viewport, spot, { ctrlKey: true });
      await waitUntil(() => view.getZoom()! > zoom && !view.getAnimating(), 'Ctrl+wheel');
      expect(held.defaultPrevented).to.equal(true);

      const zoomed = view.getZoom()!;
      clickAt(h.root, spot);
      wheel(viewport, spot);
      await waitUntil(() => view.getZoom()! > zoomed && !view.getAnimating(), 'wheel after click');
    });

    it('should let one finger scroll the page until the map is tapped', async () => {
      const h = await setup();
      const view = h.map.getView();
      const [x, y] = blankSpot(h.map);
      const target = h.root.elementFromPoint(x, y)!;
      const center = view.getCenter()!;

      await drag(target, [[x, y - 100]], 80);
      await pause(100);
      expect(view.getCenter()).to.deep.equal(center);
      expect(h.root.querySelector('[part="gesture-hint"]')!.textContent!.trim()).to.equal(
        '请用两根手指移动地图',
      );

      await drag(target, [[x, y - 100], [x + 60, y - 100]], 80);
      await waitUntil(() => view.getCenter()![0] < center[0], 'two fingers did not pan');

      const moved = view.getCenter()!;
      clickAt(h.root, [x, y]);
      await drag(target, [[x, y - 100]], 80);
      await waitUntil(() => view.getCenter()![0] < moved[0], 'one finger after a tap');
    });
  });

  describe('when an ancestor scales it with transform: scale()', () => {
    it('should select the marker under the click', async () => {
      const box = await fixture<HTMLDivElement>(html`
        <div style="transform:scale(0.5);transform-origin:0 0">
          <gov-map
            style="width:600px;height:400px"
            basemap="none"
            src=${MAP_DATA}
            group=${freshGroup()}
          ></gov-map>
        </div>
      `);
      const el = box.querySelector<GovMap>('gov-map')!;
      await el.ready;
      const h = handles(el);

      for (const id of ['v-east', 'v-park', 'v-kiosk']) {
        const selected = oneEvent(el, 'gov-venue-select') as Promise<GovVenueSelectEvent>;
        clickAt(h.root, clientPoint(h.map, LOCATED[id]));
        expect((await selected).detail.id).to.equal(id);

        // the popup may cover the next marker: close it
        await waitUntil(h.popupVisible);
        pressKey(h.popup()!, 'Escape');
        await waitUntil(() => !h.popupVisible());
      }
      expect(h.map.getViewport()!.getBoundingClientRect().width).to.equal(300);
      expect(h.map.getSize()).to.deep.equal([600, 400]);
    });
  });

  describe('when several maps share a page', () => {
    it('should keep each view its own, and share the selection only within a group', async () => {
      const group = freshGroup();
      const a = await setup({ group });
      const b = await setup({ group });
      const c = await setup();
      const zoomB = b.map.getView().getZoom()!;

      a.root.querySelector<HTMLButtonElement>('[part~="zoom-in"]')!.click();
      await waitUntil(() => a.map.getView().getZoom() === zoomB + 1);
      const zoomAfter = b.map.getView().getZoom();
      await clickVenue(a, 'v-center');
      await waitUntil(b.popupVisible);

      expect(zoomAfter).to.equal(zoomB);
      expect(chosen(b.el).venue).to.equal('v-center');
      expect(chosen(c.el).venue).to.equal(null);
      expect(c.popupVisible()).to.equal(false);
    });
  });

  describe('when it is removed, added and moved', () => {
    it('should leave no listeners or observers after 100 cycles and 20 moves', async function () {
      this.timeout(120000);
      const group = freshGroup();
      const first = await fixture<HTMLDivElement>(html`<div></div>`);
      const second = document.createElement('div');
      first.after(second);
      const make = () => {
        const el = document.createElement('gov-map');
        el.setAttribute('basemap', 'none');
        el.setAttribute('src', MAP_DATA);
        el.setAttribute('group', group);
        el.style.cssText = 'width:600px;height:300px';
        return el;
      };

      // one cycle first: the map code, the data and the group are loaded once per page
      const warm = make();
      first.append(warm);
      await warm.ready;
      warm.remove();
      const tracker = trackRegistrations();
      try {
        const start = tracker.counts();
        for (let i = 0; i < 100; i++) {
          const el = make();
          first.append(el);
          expect(await el.ready).to.equal('ready');
          el.remove();
        }
        const afterCycles = tracker.counts();

        const el = make();
        first.append(el);
        await el.ready;
        const placed = tracker.counts();
        for (let i = 0; i < 20; i++) {
          (i % 2 ? first : second).append(el);
          await el.ready;
        }
        const afterMoves = tracker.counts();
        el.remove();
        const end = tracker.counts();

        expect(start.observations).to.equal(0);
        expect(afterCycles).to.deep.equal(start);
        expect(placed.listeners).to.be.greaterThan(start.listeners);
        expect(afterMoves).to.deep.equal(placed);
        expect(end).to.deep.equal(start);
      } finally {
        tracker.restore();
        second.remove();
      }
    });

    it('should keep working and keep its view when moved', async () => {
      const h = await setup();
      const parent = h.el.parentElement!;
      const other = document.createElement('div');
      parent.after(other);
      h.root.querySelector<HTMLButtonElement>('[part~="zoom-in"]')!.click();
      const view = h.map.getView();
      await waitUntil(() => !view.getAnimating());
      const { center, zoom } = { center: view.getCenter()!, zoom: view.getZoom()! };

      other.append(h.el);
      await h.el.ready;
      const moved = handles(h.el);
      const movedView = moved.map.getView();
      const restored = { center: movedView.getCenter(), zoom: movedView.getZoom() };
      await clickVenue(moved, 'v-center');
      const title = moved.popup()!.querySelector('h3')!.textContent;
      other.remove();

      expect(moved.map).to.not.equal(h.map);
      expect(restored).to.deep.equal({ center, zoom });
      expect(title).to.equal('测试区政务服务中心');
    });
  });

  describe('when a venue is chosen from the list', () => {
    it('should close the list so the popup shows, and bring the focus back to the list', async () => {
      const { el, root, popupVisible } = await setup();
      const list = root.querySelector<HTMLDetailsElement>('[part="venue-list"]')!;
      list.open = true;
      await waitUntil(() => root.querySelector('[data-venue="v-east"]'));
      const button = root.querySelector<HTMLButtonElement>('[data-venue="v-east"]')!;
      button.focus();
      button.click();
      await waitUntil(popupVisible, 'the popup opens', { timeout: 3000 });
      await waitUntil(() => root.activeElement?.classList.contains('popup-body'));

      expect(list.open).to.equal(false);
      const title = root.querySelector<HTMLElement>('[part="popup-title"]')!;
      const r = title.getBoundingClientRect();
      expect(title.textContent).to.equal('东街道便民服务中心');
      expect(root.elementFromPoint(r.left + 4, r.top + r.height / 2)).to.equal(title);

      pressKey(root.activeElement!, 'Escape');
      await el.updateComplete;
      expect(root.activeElement).to.equal(list.querySelector('summary'));
    });
  });

  describe('when the map is small', () => {
    it('should keep the popup, its buttons and the list inside the map', async () => {
      const el = await fixture<GovMap>(html`
        <gov-map
          style="width:260px;height:200px"
          basemap="none"
          src=${MAP_DATA}
          group=${freshGroup()}
          venue="v-east"
        ></gov-map>
      `);
      expect(await el.ready).to.equal('ready');
      const { root, popupVisible } = handles(el);
      await waitUntil(popupVisible, 'the popup opens', { timeout: 3000 });
      const frame = root.querySelector('[part="frame"]')!.getBoundingClientRect();
      const inside = (r: DOMRect) =>
        r.left >= frame.left - 1 &&
        r.right <= frame.right + 1 &&
        r.top >= frame.top - 1 &&
        r.bottom <= frame.bottom + 1;

      // the map pans the popup into view: wait until it has
      const body = () => root.querySelector<HTMLElement>('.popup-body')!;
      await waitUntil(() => inside(body().getBoundingClientRect()), 'popup inside', {
        timeout: 3000,
      });
      const guide = root.querySelector<HTMLElement>('[part="guide-button"]')!;
      const g = guide.getBoundingClientRect();
      expect(inside(g), 'the guide button is inside the map').to.equal(true);
      expect(root.elementFromPoint(g.left + g.width / 2, g.top + g.height / 2)).to.equal(guide);

      const list = root.querySelector<HTMLDetailsElement>('[part="venue-list"]')!;
      list.open = true;
      await waitUntil(() => root.querySelector('[part="venue-button"]'));
      const rows = root.querySelector('.venue-list ul')!.getBoundingClientRect();
      expect(rows.bottom).to.be.at.most(frame.bottom);
    });
  });

  describe('when its theme changes after the map has started', () => {
    it('should draw the markers in the new colours', async () => {
      const { el, styleOf } = await setup();
      const halo = () => (styleOf('v-east').getImage() as unknown as {
        getStroke(): { getColor(): number[] };
      }).getStroke().getColor();
      expect(halo()).to.deep.equal([255, 255, 255, 1]);

      el.setAttribute('theme', 'dark');
      // #161b22, the dark surface
      await waitUntil(() => halo().join() === [22, 27, 34, 1].join(), 'recoloured', {
        timeout: 3000,
      });
    });
  });

  describe('when used with a keyboard and a screen reader', () => {
    it('should announce the selected venue by name, wherever it was chosen', async () => {
      const group = freshGroup();
      const a = await setup({ group });
      const b = await setup({ group });
      const live = (h: typeof a) => h.root.querySelector('[aria-live="polite"]')!;

      await clickVenue(a, 'v-east');
      await waitUntil(() => live(b).textContent === '已选择：东街道便民服务中心');

      expect(live(a).textContent).to.equal('已选择：东街道便民服务中心');
      expect(live(a).getAttribute('role')).to.equal('status');
    });

    it('should describe its keys, and leave arrow keys in the list to the list', async () => {
      const { map, root } = await setup();
      const container = root.querySelector<HTMLElement>('[part="map"]')!;
      const list = root.querySelector<HTMLDetailsElement>('[part="venue-list"]')!;
      const center = map.getView().getCenter()!;

      list.open = true;
      await waitUntil(() => root.querySelector('[part="venue-button"]'));
      const button = root.querySelector<HTMLButtonElement>('[part="venue-button"]')!;
      button.focus();
      pressKey(button, 'ArrowDown');
      await pause(300);

      const describedBy = container.getAttribute('aria-describedby')!;
      expect(root.getElementById(describedBy)!.textContent).to.equal(
        '方向键平移地图，加号和减号键缩放；场所列表中可逐个选择场所',
      );
      expect(map.getView().getCenter()).to.deep.equal(center);
    });
  });
});
