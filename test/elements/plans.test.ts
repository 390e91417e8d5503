import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { MatterSearch } from '../../src/elements/matter-search/define.js';
import type { VenueGuide } from '../../src/elements/venue-guide/define.js';
import { DISTRICT, freshGroup, shadow, texts, venueIds } from '../helpers/elements.js';

// Thursday 2026-12-03 in Beijing; the fixture's district centre keeps
// 周一至周五 9:00-12:00，13:30-17:30 and 西街道 the same with a closure.
const LUNCH = '2026-12-03T12:30:00+08:00';
const MORNING = '2026-12-03T10:00:00+08:00';

async function card(venue: string, now: string) {
  const el = await fixture<VenueGuide>(html`
    <venue-guide src=${DISTRICT} group=${freshGroup()} venue=${venue} now=${now}></venue-guide>
  `);
  expect(await el.ready).to.equal('ready');
  return el;
}

async function search(matter: string, attrs: { origin?: string; now?: string } = {}) {
  const el = await fixture<MatterSearch>(html`
    <matter-search
      src=${DISTRICT}
      group=${freshGroup()}
      matter=${matter}
      origin=${attrs.origin ?? ''}
      now=${attrs.now ?? MORNING}
    ></matter-search>
  `);
  expect(await el.ready).to.equal('ready');
  await el.updateComplete;
  return el;
}

function select(el: Element, selector: string, value: string) {
  const node = shadow(el).querySelector<HTMLSelectElement>(selector)!;
  node.value = value;
  node.dispatchEvent(new Event('change'));
}

afterEach(() => localStorage.clear());

describe('open states', () => {
  it('should show a hall at its lunch break as closed, with the reopening time', async () => {
    const el = await card('v-district', LUNCH);

    expect(texts(el, '[part="venue-card"] [part="open-state"]')).to.deep.equal([
      '未办公 · 13:30 开始办公',
    ]);
  });

  it('should show it open in the morning, with the closing time', async () => {
    const el = await card('v-district', MORNING);

    expect(texts(el, '[part="venue-card"] [part="open-state"]')).to.deep.equal([
      '办公中 · 12:00 结束',
    ]);
  });

  it('should say when a closed hall opens after the weekend', async () => {
    const el = await card('v-district', '2026-12-05T10:00:00+08:00');

    expect(texts(el, '[part="venue-card"] [part="open-state"]')).to.deep.equal([
      '未办公 · 周一 09:00 开始办公',
    ]);
  });

  it('should show a dated closure with its note', async () => {
    const el = await card('v-west', '2026-12-10T10:00:00+08:00');

    const state = texts(el, '[part="venue-card"] [part="open-state"]')[0];
    expect(state).to.contain('未办公');
    expect(state).to.contain('系统升级暂停办理');
  });

  it('should re-rank when the citizen chooses to go later today', async () => {
    const el = await search('m-food', { now: LUNCH });
    const states = () => texts(el, '[part="venue-list"] [part="open-state"] strong');
    expect(states()).to.deep.equal(['办公中', '未办公']);
    expect(venueIds(el)).to.deep.equal(['v-east', 'v-district']);

    select(el, '.when-select', 'later');
    await el.updateComplete;
    const time = shadow(el).querySelector<HTMLInputElement>('.when-time')!;
    time.value = '15:00';
    time.dispatchEvent(new Event('change'));
    await el.updateComplete;

    expect(states()).to.deep.equal(['办公中', '办公中']);
    expect(venueIds(el)).to.deep.equal(['v-district', 'v-east']);
  });
});

describe('eligibility (属地)', () => {
  it('should label the guessed area and drop it once the citizen chooses', async () => {
    const el = await search('m-permit', { origin: '114.40,30.50' });
    expect(venueIds(el)).to.deep.equal(['v-east', 'v-district']);
    expect(texts(el, '[part="area-guess"]')).to.deep.equal(['（根据位置推测）']);

    const changed = oneEvent(el, 'gov-area-change');
    select(el, '.area-select', 's2');
    expect((await changed).detail).to.deep.equal({ area: 's2' });
    await el.updateComplete;

    expect(venueIds(el)).to.deep.equal(['v-district', 'v-west']);
    expect(texts(el, '[part="area-guess"]')).to.deep.equal([]);
  });

  it('should say to choose an area when none is known', async () => {
    const el = await search('m-permit');

    expect(texts(el, '.area-unknown')[0]).to.contain('请先选择您的户籍或居住地');
    expect(texts(el, '[part="eligibility"]')).to.deep.equal([]);
  });

  it('should remember the chosen area for the next visit', async () => {
    const first = await search('m-permit');
    select(first, '.area-select', 's1');
    await first.updateComplete;
    first.remove();

    const again = await search('m-permit');

    expect(shadow(again).querySelector<HTMLSelectElement>('.area-select')!.value).to.equal('s1');
    // the area's centre stands in for the origin: 东街道's own centre first
    expect(venueIds(again)).to.deep.equal(['v-east', 'v-district']);
  });
});

describe('the plan', () => {
  it('should put the online way first for a matter done online', async () => {
    const el = await search('m-shop');

    const online = shadow(el).querySelector<HTMLAnchorElement>('[part="plan"] a')!;
    expect(online.href).to.equal('https://zwfw.example.cn/shop');
    expect(online.textContent!.trim()).to.equal('全程网办，无需跑腿');
  });

  it('should name the one venue that handles a whole life event', async () => {
    const el = await search('b-shop', { origin: '114.40,30.50' });

    expect(texts(el, '.plan-line')).to.deep.equal(['一次办齐：东街道便民服务中心']);
  });

  it('should name the nearest venue for a matter done on site', async () => {
    const el = await search('m-food', { origin: '114.30,30.50' });

    expect(texts(el, '.plan-line')).to.deep.equal(['最近可办：测试区政务服务中心']);
  });

  it('should not call a venue the nearest when no start point is known', async () => {
    const el = await search('m-food');

    expect(texts(el, '.plan-line')).to.deep.equal([
      '可前往：测试区政务服务中心（定位或选择居住地后，按距离推荐最近的场所）',
    ]);
  });
});

describe('navigation and appointment', () => {
  it('should offer map apps at the venue and a copy of the address', async () => {
    const el = await card('v-east', MORNING);

    const providers = [...shadow(el).querySelectorAll<HTMLAnchorElement>('[data-provider]')];
    expect(providers.map((a) => a.dataset.provider)).to.include.members(['amap', 'baidu', 'tencent']);
    for (const link of providers) expect(new URL(link.href).protocol).to.equal('https:');
    expect(shadow(el).querySelector('[part="copy-address"]')).to.exist;
  });

  it('should leave the start point to the map app unless the citizen chose one', async () => {
    const el = await fixture<VenueGuide>(html`
      <venue-guide src=${DISTRICT} group=${freshGroup()} venue="v-east" origin="114.30,30.50">
      </venue-guide>
    `);
    await el.ready;

    const amap = shadow(el).querySelector<HTMLAnchorElement>('[data-provider="amap"]')!;
    expect(new URL(amap.href).searchParams.has('from')).to.equal(false);
  });

  it('should let the host cancel an appointment from a matter\'s venue list', async () => {
    const el = await search('m-permit', { origin: '114.40,30.50' });
    const link = shadow(el).querySelector<HTMLAnchorElement>(
      '[data-venue="v-district"] [part="appointment"]',
    )!;
    let detail: unknown = null;
    el.addEventListener('gov-appointment', (event) => {
      detail = event.detail;
      event.preventDefault();
    });

    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);

    expect(detail).to.deep.equal({
      venue: 'v-district',
      matter: 'm-permit',
      url: 'https://booking.example.cn/?venue=v-district&matter=m-permit',
    });
    expect(click.defaultPrevented).to.equal(true);
  });
});
