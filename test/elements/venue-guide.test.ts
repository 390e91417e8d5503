import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { VenueGuide } from '../../src/elements/venue-guide/define.js';
import type { GovAppointmentEvent } from '../../src/shared/events.js';
import { DISTRICT, freshGroup, shadow, texts, venueIds } from '../helpers/elements.js';

async function locator(attrs: { origin?: string; area?: string; matter?: string } = {}) {
  const el = await fixture<VenueGuide>(html`
    <venue-guide
      src=${DISTRICT}
      group=${freshGroup()}
      origin=${attrs.origin ?? ''}
      area=${attrs.area ?? ''}
      matter=${attrs.matter ?? ''}
    ></venue-guide>
  `);
  expect(await el.ready).to.equal('ready');
  await el.updateComplete;
  return el;
}

async function card(venue: string) {
  const el = await fixture<VenueGuide>(html`
    <venue-guide src=${DISTRICT} group=${freshGroup()} venue=${venue}></venue-guide>
  `);
  expect(await el.ready).to.equal('ready');
  return el;
}

describe('<venue-guide>', () => {
  describe('when it has no venue (a locator)', () => {
    it('should list every venue by level, then name, without an origin', async () => {
      const el = await locator();

      expect(venueIds(el)).to.deep.equal([
        'v-district',
        'v-east',
        'v-west',
        'v-c1',
        'v-nowhere',
        'v-c2',
        'v-self',
      ]);
    });

    it('should rank by distance from the origin, the unlocated venue last', async () => {
      const el = await locator({ origin: '114.40,30.50' });

      expect(venueIds(el)).to.deep.equal([
        'v-east',
        'v-self',
        'v-c1',
        'v-district',
        'v-west',
        'v-c2',
        'v-nowhere',
      ]);
      const distances = texts(el, '[part="distance"]');
      expect(distances[1]).to.equal('730 米');
      expect(distances[3]).to.equal('5.7 公里');
      expect(distances[6]).to.equal('');
    });

    it('should keep the venues serving the area when one is set', async () => {
      const el = await locator({ area: 's1' });

      expect(venueIds(el)).to.have.members(['v-district', 'v-east', 'v-c1', 'v-nowhere', 'v-self']);
    });

    it('should filter by the preset matter', async () => {
      const el = await locator({ matter: 'm-food' });

      expect(venueIds(el)).to.deep.equal(['v-district', 'v-east']);
      const select = shadow(el).querySelector<HTMLSelectElement>('.matter-select')!;
      expect(select.value).to.equal('m-food');
    });

    it('should filter by level when a level is chosen', async () => {
      const el = await locator();
      const select = shadow(el).querySelector<HTMLSelectElement>('.level-filter')!;

      select.value = 'community';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;

      expect(venueIds(el)).to.deep.equal(['v-c1', 'v-nowhere', 'v-c2']);
    });

    it('should open a venue card when a name is chosen, and go back', async () => {
      const el = await locator();
      const name = shadow(el).querySelector<HTMLButtonElement>(
        '[data-venue="v-west"] button.venue-name',
      )!;

      const selected = oneEvent(el, 'gov-venue-select');
      name.click();
      expect((await selected).detail).to.deep.equal({ id: 'v-west' });
      await el.updateComplete;

      expect(texts(el, '[part="venue-title"]')[0]).to.contain('西街道便民服务中心');
      shadow(el).querySelector<HTMLButtonElement>('[part="back-button"]')!.click();
      await el.updateComplete;
      expect(venueIds(el)).to.have.length(7);
    });
  });

  describe('when it shows one venue', () => {
    it('should show the name, level, address, phone link and matters', async () => {
      const el = await card('v-district');

      expect(texts(el, '[part="venue-title"]')[0]).to.contain('测试区政务服务中心');
      expect(texts(el, '[part="venue-card"] [part="level"]')).to.deep.equal(['区级政务服务中心']);
      expect(shadow(el).textContent).to.contain('测试大道1号');
      const phone = shadow(el).querySelector<HTMLAnchorElement>('[part="phone"]')!;
      expect(phone.getAttribute('href')).to.equal('tel:027-87000001');
      expect(texts(el, '[part="matter-list"] button')).to.deep.equal([
        '居住证首次申领',
        '个体工商户设立登记',
        '老年人优待证办理',
        '食品经营许可',
      ]);
      expect(texts(el, '[part="matter-list"] .tag')).to.deep.equal(['3号窗口']);
    });

    it('should filter its matters by the typed text', async () => {
      const el = await card('v-district');
      const filter = shadow(el).querySelector<HTMLInputElement>('.matter-filter')!;

      filter.value = '老年';
      filter.dispatchEvent(new Event('input'));
      await el.updateComplete;

      expect(texts(el, '[part="matter-list"] button')).to.deep.equal(['老年人优待证办理']);
    });

    it('should understand everyday words in the filter, and say when nothing matches', async () => {
      const el = await card('v-district');
      const filter = shadow(el).querySelector<HTMLInputElement>('.matter-filter')!;

      filter.value = '老年证';
      filter.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(texts(el, '[part="matter-list"] button')).to.deep.equal(['老年人优待证办理']);

      filter.value = '结婚登记';
      filter.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(texts(el, '[part="matter-list"] button')).to.deep.equal([]);
      expect(texts(el, '[role="status"]')).to.include('本场所没有与“结婚登记”相符的事项');
    });

    it('should give fingers targets of at least 24 × 24 px', async () => {
      const el = await card('v-district');
      const targets = [
        ...shadow(el).querySelectorAll<HTMLElement>(
          '[part="phone"], [part="navigation"] > summary',
        ),
      ];

      expect(targets.length).to.equal(2);
      for (const target of targets) {
        const { width, height } = target.getBoundingClientRect();
        expect(Math.min(width, height), target.outerHTML).to.be.at.least(24);
      }
    });

    it("should open a matter's guide with its materials and steps", async () => {
      const el = await card('v-district');
      const button = shadow(el).querySelector<HTMLButtonElement>('[data-matter="m-permit"]')!;

      button.click();
      await el.updateComplete;

      expect(texts(el, '[part="materials"] strong')).to.deep.equal([
        '居住证申领登记表',
        '居民身份证',
        '住址证明',
      ]);
      expect(texts(el, '.guide-section ol li')).to.include('受理审核');
    });

    it('should fill the appointment link and let the host cancel it', async () => {
      const el = await card('v-district');
      const link = shadow(el).querySelector<HTMLAnchorElement>('[part="appointment"]')!;
      expect(link.href).to.equal('https://booking.example.cn/?venue=v-district&matter=');

      let detail: GovAppointmentEvent['detail'] | null = null;
      el.addEventListener('gov-appointment', (event) => {
        detail = event.detail;
        event.preventDefault();
      });
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      link.dispatchEvent(click);

      expect(detail).to.deep.equal({
        venue: 'v-district',
        matter: '',
        url: 'https://booking.example.cn/?venue=v-district&matter=',
      });
      expect(click.defaultPrevented).to.equal(true);
    });

    it('should say so when the venue is not in the data', async () => {
      const el = await card('no-such-venue');

      expect(texts(el, '[part="status"]')).to.deep.equal(['找不到这个办事场所']);
    });

    it('should speak English with lang="en"', async () => {
      const el = await fixture<VenueGuide>(html`
        <venue-guide src=${DISTRICT} group=${freshGroup()} venue="v-east" lang="en"></venue-guide>
      `);
      await el.ready;

      expect(texts(el, '[part="venue-card"] [part="level"]')).to.deep.equal([
        'Street service centre',
      ]);
      expect(texts(el, 'h4')[0]).to.equal('What you can do here (4)');
    });

    it('should be accessible', async () => {
      const el = await card('v-east');

      await expect(el).to.be.accessible();
    });
  });

  describe('when it has a limit', () => {
    it('should list that many, say the total and offer the rest', async () => {
      const el = await fixture<VenueGuide>(html`
        <venue-guide src=${DISTRICT} group=${freshGroup()} limit="3"></venue-guide>
      `);
      await el.ready;

      expect(venueIds(el)).to.have.length(3);
      expect(texts(el, '.summary')[0]).to.contain('共 7 个办事场所');
      shadow(el).querySelector<HTMLButtonElement>('.show-all')!.click();
      await el.updateComplete;

      expect(venueIds(el)).to.have.length(7);
      expect(shadow(el).querySelector('.show-all')).to.equal(null);
    });
  });

  describe('when used by keyboard', () => {
    it('should move focus into the card, then back to the venue it came from', async () => {
      const el = await locator();
      const name = () =>
        shadow(el).querySelector<HTMLButtonElement>('[data-venue="v-west"] button.venue-name')!;

      name().focus();
      name().click();
      await el.updateComplete;
      expect(shadow(el).activeElement?.getAttribute('part')).to.equal('back-button');

      (shadow(el).activeElement as HTMLButtonElement).click();
      await el.updateComplete;
      expect(shadow(el).activeElement).to.equal(name());
    });
  });
});

