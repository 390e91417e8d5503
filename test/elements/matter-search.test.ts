import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadSearchTables } from '../../src/core/search.js';
import type { MatterSearch } from '../../src/elements/matter-search/define.js';
import { DISTRICT, freshGroup, shadow, texts, venueIds } from '../helpers/elements.js';

async function setup(attrs: { origin?: string; lang?: string } = {}) {
  const el = await fixture<MatterSearch>(html`
    <matter-search
      src=${DISTRICT}
      group=${freshGroup()}
      origin=${attrs.origin ?? ''}
      lang=${attrs.lang ?? ''}
      now="2026-12-03T10:00:00+08:00"
    ></matter-search>
  `);
  expect(await el.ready).to.equal('ready');
  const input = shadow(el).querySelector('input')!;
  const type = async (text: string) => {
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
  };
  const press = async (key: string) => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    await el.updateComplete;
  };
  const options = () => texts(el, '[role="option"]');
  return { el, input, type, press, options };
}

describe('<matter-search>', () => {
  describe('when the citizen types', () => {
    it('should offer the matching matter with the matched part marked', async () => {
      const { el, input, type, options } = await setup();

      await type('居住证');

      expect(input.getAttribute('aria-expanded')).to.equal('true');
      expect(options()).to.deep.equal(['居住证首次申领']);
      expect(texts(el, '[role="option"] mark')).to.deep.equal(['居住证']);
    });

    it('should find a matter by an everyday alias', async () => {
      const { type, options } = await setup();

      await type('暂住证');

      expect(options()).to.deep.equal(['居住证首次申领']);
    });

    it('should group suggestions by kind', async () => {
      const { el, type } = await setup();

      await type('东');

      const groups = texts(el, '[role="group"] > .group-label');
      expect(groups).to.deep.equal(['办事场所']);
      expect(texts(el, '[role="option"]')).to.have.members([
        '东街道便民服务中心',
        '东一社区党群服务中心',
      ]);
    });

    it('should suggest what to try when nothing matches', async () => {
      const { el, type, options } = await setup();

      await type('qqqq');

      // the fixture's matters handled by the most venues (6, 3 and 2), to choose instead
      expect(options()).to.deep.equal(['老年人优待证办理', '居住证首次申领', '个体工商户设立登记']);
      expect(texts(el, '.empty')[0]).to.contain('没有找到“qqqq”');
    });
  });

  describe('when the citizen uses the keyboard', () => {
    it('should move through the options and choose one with Enter', async () => {
      const { el, input, type, press } = await setup();
      await type('居住证');

      await press('ArrowDown');
      const active = input.getAttribute('aria-activedescendant')!;
      expect(shadow(el).getElementById(active)!.getAttribute('aria-selected')).to.equal('true');

      const selected = oneEvent(el, 'gov-matter-select');
      await press('Enter');
      expect((await selected).detail).to.deep.equal({ kind: 'matter', id: 'm-permit' });
      await el.updateComplete;

      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.value).to.equal('居住证首次申领');
      expect(texts(el, '[part="materials"] strong')).to.include('居民身份证');
      expect(venueIds(el)).to.deep.equal(['v-district', 'v-east', 'v-west']);
    });

    it('should keep the text when a real Escape key closes the list', async () => {
      const { el, input, type } = await setup();
      await type('居住证');

      // a key as the browser sends it, whose default action would empty a search box
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;

      expect(input.value).to.equal('居住证');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
    });

    it('should put the kind of the best answer first: a life event named exactly', async () => {
      const el = await fixture<MatterSearch>(html`
        <matter-search
          group=${freshGroup()}
          .data=${{
            version: 1,
            venues: [{ id: 'v', name: '区政务服务中心', level: 'district', matters: ['m1', 'm2'] }],
            matters: [
              { id: 'm1', name: '退休养老金申领' },
              { id: 'm2', name: '职工退休审批' },
            ],
            bundles: [{ id: 'b1', name: '退休一件事', matters: ['m1', 'm2'] }],
          }}
        ></matter-search>
      `);
      expect(await el.ready).to.equal('ready');
      const input = shadow(el).querySelector('input')!;
      input.focus();
      input.value = '退休一件事';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;

      expect(texts(el, '[role="group"] > .group-label')).to.deep.equal(['一件事', '事项']);
      expect(texts(el, '[role="option"]')[0]).to.equal('退休一件事');
    });

    it('should close the list with Escape, then clear the text', async () => {
      const { input, type, press } = await setup();
      await type('居住证');

      await press('Escape');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.value).to.equal('居住证');

      await press('Escape');
      expect(input.value).to.equal('');
    });
  });

  describe('when a matter is chosen', () => {
    it('should show its whole guide', async () => {
      const { el, type, press } = await setup();
      await type('居住证');
      await press('Enter');

      const guide = shadow(el).querySelector('[part="guide"]')!.textContent!;
      expect(guide).to.contain('在本市居住半年以上');
      expect(guide).to.contain('《居住证暂行条例》');
      expect(guide).to.contain('15个工作日');
      expect(guide).to.contain('不收费');
      const phone = shadow(el).querySelector<HTMLAnchorElement>('.facts a[href^="tel:"]')!;
      expect(phone.getAttribute('href')).to.equal('tel:027-12345');
    });

    it('should list the venues nearest first when an origin is known', async () => {
      const { el, type, press } = await setup({ origin: '114.30,30.50' });
      await type('食品经营');
      await press('Enter');

      expect(venueIds(el)).to.deep.equal(['v-district', 'v-east']);
      expect(texts(el, '[part="distance"]')).to.deep.equal(['3.8 公里', '9.6 公里']);
    });

    it('should leave out venues not serving the area guessed from the origin', async () => {
      const { el, type, press } = await setup({ origin: '114.30,30.50' });
      await type('居住证');
      await press('Enter');

      expect(venueIds(el)).to.deep.equal(['v-west', 'v-district']);
      expect(texts(el, '[part="area-guess"]')).to.deep.equal(['（根据位置推测）']);
    });

    it('should offer the online way for a matter done online', async () => {
      const { el, type, press } = await setup();
      await type('营业执照');
      await press('Enter');

      const online = shadow(el).querySelector<HTMLAnchorElement>('[part="online"] a')!;
      expect(online.href).to.equal('https://zwfw.example.cn/shop');
    });
  });

  describe('when a venue is chosen', () => {
    it('should show what can be done there', async () => {
      const { el, type, press } = await setup();
      await type('东街道');

      const selected = oneEvent(el, 'gov-venue-select');
      await press('Enter');
      expect((await selected).detail).to.deep.equal({ id: 'v-east' });
      await el.updateComplete;

      expect(texts(el, '[part="venue-title"]')[0]).to.contain('东街道便民服务中心');
      expect(texts(el, '.venue-matters button')).to.deep.equal([
        '居住证首次申领',
        '个体工商户设立登记',
        '食品经营许可',
        '老年人优待证办理',
      ]);
    });
  });

  describe('when a life event is chosen', () => {
    it('should show its matters and the venues that handle all of them', async () => {
      const { el, type, press } = await setup();
      await type('开办');

      const selected = oneEvent(el, 'gov-matter-select');
      await press('Enter');
      expect((await selected).detail).to.deep.equal({ kind: 'bundle', id: 'b-shop' });
      await el.updateComplete;

      expect(texts(el, '.bundle-matters button')).to.deep.equal([
        '个体工商户设立登记',
        '食品经营许可',
      ]);
      expect(venueIds(el)).to.deep.equal(['v-district', 'v-east']);
    });
  });

  it('should be accessible with the list open', async () => {
    const { el, type } = await setup();
    await type('居住证');

    await expect(el).to.be.accessible();
  });
});

describe('<matter-search> combobox', () => {
  const RECENT_KEY = 'gov-service-map:recent-searches';
  beforeEach(() => localStorage.removeItem(RECENT_KEY));

  describe('when the citizen types quickly, then stops', () => {
    it('should show suggestions for the final text only', async () => {
      const { el, input, options } = await setup();

      // each text but the last would suggest something else; pinyin answers come late
      input.focus();
      for (const text of ['l', 'ln', '社', 'g', 'j', 'jz', 'jzz']) {
        input.value = text;
        input.dispatchEvent(new Event('input'));
      }
      await waitUntil(() => options().join() === '居住证首次申领', 'suggestions for jzz');

      // every late answer has arrived by now, and none replaced the last text's
      await loadSearchTables();
      await el.updateComplete;
      expect(input.value).to.equal('jzz');
      expect(options()).to.deep.equal(['居住证首次申领']);
    });
  });

  describe('when only the keyboard is used', () => {
    it('should offer recent searches and popular matters in the empty box', async () => {
      const { el, input, type, press, options } = await setup();
      await type('暂住证');
      await press('Enter');
      await press('Escape');
      expect(input.value).to.equal('');

      await press('ArrowDown');

      // what the citizen typed, not the official name; then the fixture's busiest matters
      expect(texts(el, '[role="group"] > .group-label')).to.deep.equal(['最近搜索', '常办事项']);
      expect(options()).to.deep.equal([
        '暂住证',
        '清除搜索记录',
        '老年人优待证办理',
        '居住证首次申领',
        '个体工商户设立登记',
      ]);
      expect(input.getAttribute('aria-expanded')).to.equal('true');
    });

    it('should search a recent search again, choose a hit and clear the history', async () => {
      const { el, input, type, press, options } = await setup();
      await type('老年证');
      await press('Enter');
      await type('暂住证');
      await press('Enter');
      await press('Escape');

      // Enter on a recent search (the second, the older one) types it again
      await press('ArrowDown');
      await press('ArrowDown');
      await press('Enter');
      expect(input.value).to.equal('老年证');
      expect(options()).to.deep.equal(['老年人优待证办理']);

      // arrows and Enter choose the hit
      await press('ArrowDown');
      const selected = oneEvent(el, 'gov-matter-select');
      await press('Enter');
      expect((await selected).detail).to.deep.equal({ kind: 'matter', id: 'm-elder' });

      // Escape empties the box; the option after the two searches clears the history
      await press('Escape');
      await press('ArrowDown');
      await press('ArrowDown');
      await press('ArrowDown');
      const active = input.getAttribute('aria-activedescendant')!;
      expect(shadow(el).getElementById(active)!.textContent!.trim()).to.equal('清除搜索记录');
      await press('Enter');
      expect(texts(el, '[role="group"] > .group-label')).to.deep.equal(['常办事项']);
      expect(localStorage.getItem(RECENT_KEY)).to.equal('[]');
    });

    it('should go on when the page refuses storage (a sandboxed iframe)', async () => {
      const { getItem, setItem } = Storage.prototype;
      const refuse = () => {
        throw new DOMException('The document is sandboxed.', 'SecurityError');
      };
      Storage.prototype.getItem = refuse;
      Storage.prototype.setItem = refuse;
      try {
        const { type, press, input, options } = await setup();
        await type('暂住证');
        await press('Enter');
        await press('Escape');
        await press('ArrowDown');

        expect(input.value).to.equal('');
        expect(options().slice(0, 2)).to.deep.equal(['暂住证', '清除搜索记录']);
      } finally {
        Storage.prototype.getItem = getItem;
        Storage.prototype.setItem = setItem;
      }
    });
  });

  describe('on a page with only <matter-search>', () => {
    it('should download no map code, and the pinyin table only on a Latin letter', async () => {
      const frame = await fixture<HTMLIFrameElement>(html`
        <iframe
          src="/test/fixtures/matter-search-only.html"
          style="width: 600px; height: 400px"
        ></iframe>
      `);
      await waitUntil(() => {
        const inner = frame.contentDocument?.querySelector('matter-search');
        return inner?.shadowRoot?.querySelector('input');
      }, 'the element in the frame is ready');
      const win = frame.contentWindow!;
      const inner = frame.contentDocument!.querySelector('matter-search') as MatterSearch;
      const innerInput = inner.shadowRoot!.querySelector('input')!;
      const loaded = () => win.performance.getEntriesByType('resource').map((entry) => entry.name);
      const typeInside = async (text: string) => {
        innerInput.value = text;
        innerInput.dispatchEvent(new Event('input'));
        await inner.updateComplete;
      };

      await typeInside('居住证');
      expect(loaded().some((url) => url.includes('/src/elements/matter-search/'))).to.equal(true);
      expect(loaded().filter((url) => /\/ol\/|gov-map|map-view/.test(url))).to.deep.equal([]);
      expect(loaded().filter((url) => /pinyin-table|t2s-table/.test(url))).to.deep.equal([]);

      await typeInside('j');
      await waitUntil(() => loaded().some((url) => url.includes('pinyin-table')), 'pinyin table');
      expect(loaded().filter((url) => /\/ol\/|gov-map|map-view|t2s-table/.test(url))).to.deep.equal(
        [],
      );
    });
  });
});
