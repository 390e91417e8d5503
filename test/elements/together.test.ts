import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MatterSearch } from '../../src/elements/matter-search/define.js';
import type { VenueGuide } from '../../src/elements/venue-guide/define.js';
import { define } from '../../src/shared/define.js';
import { VenueGuide as VenueGuideClass } from '../../src/elements/venue-guide/define.js';
import {
  DISTRICT,
  captureWarnings,
  freshGroup,
  shadow,
  texts,
  venueIds,
} from '../helpers/elements.js';

/** Resource entries fetched for a URL, to count fetches. */
function fetches(url: string): number {
  const absolute = new URL(url, location.href).href;
  return performance.getEntriesByName(absolute).length;
}

describe('elements sharing a src', () => {
  describe('when they share a group', () => {
    it('should fetch the document once for all of them', async () => {
      const src = `${DISTRICT}?shared=${freshGroup()}`;
      const page = fixtureSync(html`<div>
        <matter-search src=${src}></matter-search>
        <venue-guide src=${src}></venue-guide>
        <venue-guide src=${new URL(src, location.href).href}></venue-guide>
      </div>`);
      const elements = [...page.children] as (MatterSearch | VenueGuide)[];

      expect(await Promise.all(elements.map((el) => el.ready))).to.deep.equal([
        'ready',
        'ready',
        'ready',
      ]);
      expect(fetches(src)).to.equal(1);
    });

    it('should filter the locator by the matter chosen in the search', async () => {
      const group = freshGroup();
      const page = fixtureSync(html`<div>
        <matter-search src=${DISTRICT} group=${group}></matter-search>
        <venue-guide src=${DISTRICT} group=${group}></venue-guide>
      </div>`);
      const [search, guide] = [...page.children] as [MatterSearch, VenueGuide];
      await Promise.all([search.ready, guide.ready]);
      const input = shadow(search).querySelector('input')!;

      input.value = '老年证';
      input.dispatchEvent(new Event('input'));
      await search.updateComplete;
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      await guide.updateComplete;

      expect(venueIds(guide)).to.deep.equal(['v-district', 'v-east', 'v-west', 'v-c1', 'v-nowhere', 'v-c2']);
    });

    it("should open a venue's card in one locator when chosen in another", async () => {
      const group = freshGroup();
      const page = fixtureSync(html`<div>
        <venue-guide src=${DISTRICT} group=${group}></venue-guide>
        <venue-guide src=${DISTRICT} group=${group}></venue-guide>
      </div>`);
      const [first, second] = [...page.children] as [VenueGuide, VenueGuide];
      await Promise.all([first.ready, second.ready]);

      shadow(first).querySelector<HTMLButtonElement>('[data-venue="v-c2"] button')!.click();
      await second.updateComplete;

      expect(texts(second, '[part="venue-title"]')[0]).to.contain('西一社区党群服务中心');
    });
  });

  describe('when they are in different groups', () => {
    it('should keep their own selections', async () => {
      const page = fixtureSync(html`<div>
        <venue-guide src=${DISTRICT} group=${freshGroup()}></venue-guide>
        <venue-guide src=${DISTRICT} group=${freshGroup()}></venue-guide>
      </div>`);
      const [first, second] = [...page.children] as [VenueGuide, VenueGuide];
      await Promise.all([first.ready, second.ready]);

      shadow(first).querySelector<HTMLButtonElement>('[data-venue="v-c2"] button')!.click();
      await first.updateComplete;
      await second.updateComplete;

      expect(texts(first, '[part="venue-title"]')[0]).to.contain('西一社区党群服务中心');
      expect(venueIds(second)).to.have.length(7);
    });
  });
});

describe('loading', () => {
  it('should tell the page what loaded, with the counts and problems', async () => {
    const el = document.createElement('venue-guide');
    el.group = freshGroup();
    const loaded = oneEvent(el, 'gov-load');
    el.src = DISTRICT;
    document.body.append(el);

    const { detail } = await loaded;
    el.remove();

    expect(detail.venues).to.equal(7);
    expect(detail.matters).to.equal(4);
    expect(detail.bundles).to.equal(1);
    expect(detail.areas).to.equal(5);
    expect(detail.src).to.equal(new URL(DISTRICT, location.href).href);
  });

  it('should take the document as a property', async () => {
    const el = await fixture<VenueGuide>(html`<venue-guide
      .data=${{ version: 1, venues: [{ id: 'a', name: '甲服务站', level: 'community' }] }}
    ></venue-guide>`);

    expect(await el.ready).to.equal('ready');
    expect(venueIds(el)).to.deep.equal(['a']);
  });

  it('should show the data problems in words with debug', async () => {
    const el = await fixture<VenueGuide>(html`<venue-guide
      debug
      .data=${{
        version: 1,
        venues: [{ id: 'a', name: '甲服务站', level: 'community', location: [30.5, 114.3] }],
      }}
    ></venue-guide>`);
    await el.ready;

    const problems = texts(el, '[part="problems"] li').map((p) => p.replace(/\s+/g, ' '));
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(/^\/venues\/0\/location warning 经纬度可能写反了 /);
    expect(venueIds(el)).to.deep.equal(['a']);
  });
});

describe('a failed load', () => {
  it('should show an error with retry, fire gov-error and warn once per URL', async () => {
    const warnings = captureWarnings();
    const src = `/__test__/status/500?k=${freshGroup()}`;
    const page = fixtureSync(html`<div>
      <venue-guide src=${src}></venue-guide>
      <matter-search src=${src}></matter-search>
    </div>`);
    const [guide, search] = [...page.children] as [VenueGuide, MatterSearch];
    const failed = oneEvent(search, 'gov-error');

    expect(await guide.ready).to.equal('error');
    expect(await search.ready).to.equal('error');
    warnings.restore();

    expect(shadow(guide).querySelector('[part="retry-button"]')).to.exist;
    expect(texts(guide, '[part="error"] p')[1]).to.equal(
      '服务器返回错误（HTTP 500），数据文件可能不存在或地址有误。',
    );
    expect(shadow(search).querySelector('[part="error"]')).to.exist;
    expect(warnings.messages.filter((m) => m.includes('500'))).to.have.length(1);
    expect(warnings.messages[0]).to.match(/^\[(venue-guide|matter-search)\]/);
    expect((await failed).detail.kind).to.equal('http');
  });

  it('should report a document that is not JSON', async () => {
    const warnings = captureWarnings();
    const el = document.createElement('matter-search');
    const failed = oneEvent(el, 'gov-error');
    el.src = `/__test__/not-json?k=${freshGroup()}`;
    document.body.append(el);

    const { detail } = await failed;
    warnings.restore();
    el.remove();

    expect(detail.kind).to.equal('parse');
  });

  it('should give up on a hung request after the timeout', async () => {
    const warnings = captureWarnings();
    const el = document.createElement('venue-guide');
    el.timeout = 300;
    const failed = oneEvent(el, 'gov-error');
    el.src = `/__test__/hang?k=${freshGroup()}`;
    document.body.append(el);

    const { detail } = await failed;
    await el.updateComplete;
    warnings.restore();

    expect(detail.kind).to.equal('timeout');
    expect(shadow(el).querySelector('[part="retry-button"]')).to.exist;
    el.remove();
  });

  it('should load on retry once the server answers', async () => {
    const warnings = captureWarnings();
    const el = await fixture<VenueGuide>(html`
      <venue-guide src=${`/__test__/flaky?key=${freshGroup()}`}></venue-guide>
    `);
    expect(await el.ready).to.equal('error');
    warnings.restore();

    shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await waitUntil(() => venueIds(el).length === 7, 'the list never appeared');

    expect(shadow(el).querySelector('[part="error"]')).to.equal(null);
  });

  it('should keep the focus in the element when retry succeeds', async () => {
    const warnings = captureWarnings();
    const el = await fixture<MatterSearch>(html`
      <matter-search src=${`/__test__/flaky?key=${freshGroup()}`}></matter-search>
    `);
    expect(await el.ready).to.equal('error');
    warnings.restore();

    const retry = shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    retry.focus();
    retry.click();
    await waitUntil(() => shadow(el).querySelector('input'), 'the search box never appeared');
    await waitUntil(() => shadow(el).activeElement, 'the focus left the element');

    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('input'));
  });

  it('should treat a document without venues as a failure', async () => {
    const warnings = captureWarnings();
    const el = await fixture<VenueGuide>(html`<venue-guide
      .data=${{ version: 1, venues: [] }}
    ></venue-guide>`);

    expect(await el.ready).to.equal('error');
    warnings.restore();
    expect(shadow(el).querySelector('[part="error"]')).to.exist;
  });
});

describe('registration', () => {
  it('should keep the first definition of a tag and warn about the second', () => {
    const warnings = captureWarnings();

    define('venue-guide', class extends HTMLElement {});
    warnings.restore();

    expect(customElements.get('venue-guide')).to.equal(VenueGuideClass);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('[venue-guide] is already defined');
  });
});

describe('an element without data', () => {
  it('should warn once that src or data is missing', async () => {
    const warnings = captureWarnings();

    const el = await fixture<VenueGuide>(html`<venue-guide></venue-guide>`);
    await el.updateComplete;
    warnings.restore();

    expect(warnings.messages).to.deep.equal([
      '[venue-guide] no data: set src="…" (the data file\'s URL) or the data property.',
    ]);
  });
});
