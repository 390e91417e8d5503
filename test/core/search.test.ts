import { expect } from '@open-wc/testing';
import { parseServiceData } from '../../src/core/parse.js';
import { createSearchIndex, loadSearchTables } from '../../src/core/search.js';
import type {
  Bundle,
  LngLat,
  Matter,
  SearchHit,
  ServiceData,
  Text,
  Venue,
} from '../../src/core/types.js';

function matter(id: string, name: Text, aliases: string[] = []): Matter {
  return {
    id,
    name,
    aliases,
    code: null,
    type: null,
    department: null,
    audience: [],
    topics: [],
    scope: null,
    visits: null,
    online: null,
    promised: null,
    legal: null,
    fee: null,
    conditions: null,
    materials: [],
    steps: [],
    basis: [],
    phone: null,
    complaintPhone: null,
    faq: [],
  };
}

function venue(id: string, name: string, location: LngLat | null, matters: string[] = []): Venue {
  return {
    id,
    name,
    level: 'street',
    area: null,
    address: null,
    location,
    phone: null,
    hours: null,
    openingHours: null,
    closures: [],
    matters: matters.map((m) => ({ matter: m })),
    appointment: null,
    queue: null,
    facilities: [],
    note: null,
    updated: null,
  };
}

function bundle(id: string, name: string, aliases: string[], matters: string[]): Bundle {
  return { id, name, aliases, matters };
}

function dataset(parts: Partial<ServiceData>): ServiceData {
  return {
    version: 1,
    title: null,
    lang: 'zh-CN',
    crs: 'WGS84',
    timezone: 'Asia/Shanghai',
    updated: null,
    attribution: null,
    areas: [],
    venues: [],
    matters: [],
    bundles: [],
    calendar: { region: 'CN', years: [], off: [], work: [] },
    ...parts,
  };
}

// document order deliberately unlike the expected orders
const DATA = dataset({
  matters: [
    matter('m-alias-sub', '开办餐馆', ['办营业执照和食品经营许可']),
    matter('m-sub', '个体工商户营业执照注销'),
    matter('m-alias-exact', '企业开办', ['营业执照']),
    matter('m-prefix', '营业执照变更登记'),
    matter('m-exact', '营业执照'),
    matter('m-permit', '居住证（首次）申领', ['办居住证', '暂住证']),
    matter('m-social-b', '社保卡申领'),
    matter('m-social-c', '社保卡挂失与解挂'),
    matter('m-social-a', '社保卡补办'),
  ],
  bundles: [bundle('b-newborn', '新生儿出生一件事', ['出生一件事', '生娃'], ['m-social-a'])],
  venues: [
    venue('v-etc', 'ETC服务网点', [114.35, 30.52]),
    venue('v-east', '东湖便民服务站', [114.4, 30.55], ['m-social-a', 'm-social-c']),
    venue('v-south', '南湖便民服务站', [114.33, 30.5], ['m-social-a', 'm-social-c', 'm-social-b']),
    venue('v-tax', 'Ａ级纳税人服务窗口', null),
  ],
});

const NEAR_SOUTH_LAKE: LngLat = [114.331, 30.501];

const ids = (hits: SearchHit[]): string[] => hits.map((hit) => hit.id);

describe('createSearchIndex', () => {
  describe('when ranking', () => {
    it('should put exact, prefix, substring, alias exact, alias substring in that order', () => {
      const hits = createSearchIndex(DATA).search('营业执照');

      expect(ids(hits)).to.deep.equal([
        'm-exact',
        'm-prefix',
        'm-sub',
        'm-alias-exact',
        'm-alias-sub',
      ]);
      expect(hits.map((hit) => hit.score)).to.deep.equal([5, 4, 3, 2, 1]);
      expect(hits.map((hit) => hit.ranges)).to.deep.equal([[[0, 4]], [[0, 4]], [[5, 9]], [], []]);
    });

    it('should put matters with more venues first, then shorter names', () => {
      // 补办 and 挂失与解挂 have two venues each, 申领 one
      const hits = createSearchIndex(DATA).search('社保卡');

      expect(ids(hits)).to.deep.equal(['m-social-a', 'm-social-c', 'm-social-b']);
    });

    it('should break the last ties by document order, or by the nearer venue', () => {
      const index = createSearchIndex(DATA);

      expect(ids(index.search('便民服务站'))).to.deep.equal(['v-east', 'v-south']);
      expect(ids(index.search('便民服务站', { origin: NEAR_SOUTH_LAKE }))).to.deep.equal([
        'v-south',
        'v-east',
      ]);
    });

    it('should give one hit per record, from its best field', () => {
      // 居住证 starts the name and sits inside the alias 办居住证
      const hits = createSearchIndex(DATA).search('居住证');

      expect(hits).to.deep.equal([{ kind: 'matter', id: 'm-permit', score: 4, ranges: [[0, 3]] }]);
    });

    it('should find bundles by name and alias', () => {
      const index = createSearchIndex(DATA);

      expect(index.search('新生儿')).to.deep.equal([
        { kind: 'bundle', id: 'b-newborn', score: 4, ranges: [[0, 3]] },
      ]);
      expect(index.search('生娃')).to.deep.equal([
        { kind: 'bundle', id: 'b-newborn', score: 2, ranges: [] },
      ]);
    });
  });

  describe('when matching', () => {
    it('should give an alias hit empty ranges', () => {
      // 生娃 is an alias of the bundle and no everyday word
      const hits = createSearchIndex(DATA).search('生娃');

      expect(hits).to.deep.equal([{ kind: 'bundle', id: 'b-newborn', score: 2, ranges: [] }]);
    });

    it('should highlight the official term that an everyday word stands for', () => {
      // 暂住证 is an alias here and, in the built-in table, the everyday word for 居住证
      const hits = createSearchIndex(DATA).search('暂住证');

      expect(hits).to.deep.equal([
        { kind: 'matter', id: 'm-permit', score: 2.1, ranges: [[0, 3]] },
      ]);
    });

    it('should skip punctuation in the name and not highlight it', () => {
      // 居住证（首次）申领: the brackets sit at 3 and 6
      const hits = createSearchIndex(DATA).search('首次申领');

      expect(hits[0].id).to.equal('m-permit');
      expect(hits[0].score).to.equal(3);
      expect(hits[0].ranges).to.deep.equal([
        [4, 6],
        [7, 9],
      ]);
    });

    it('should ignore spaces and punctuation in the query', () => {
      const hits = createSearchIndex(DATA).search(' 居住证 （首次） ');

      expect(hits[0].ranges).to.deep.equal([
        [0, 3],
        [4, 6],
      ]);
    });

    it('should match full-width and upper-case input', () => {
      const index = createSearchIndex(DATA);

      expect(index.search('ｅｔｃ服务')).to.deep.equal([
        { kind: 'venue', id: 'v-etc', score: 4, ranges: [[0, 5]] },
      ]);
      expect(index.search('etc')[0].ranges).to.deep.equal([[0, 3]]);
    });

    it('should give ranges on a displayed name written full-width', () => {
      const index = createSearchIndex(DATA);

      expect(index.search('a级纳税人')).to.deep.equal([
        { kind: 'venue', id: 'v-tax', score: 4, ranges: [[0, 5]] },
      ]);
      expect(index.search('Ａ级')[0].ranges).to.deep.equal([[0, 2]]);
    });

    it('should find nothing for an empty or punctuation-only query', () => {
      const index = createSearchIndex(DATA);

      for (const query of ['', '   ', '，。！', '（）', '\u3000']) {
        expect(index.search(query)).to.deep.equal([]);
      }
    });

    it('should find nothing that is not there', () => {
      expect(createSearchIndex(DATA).search('护照')).to.deep.equal([]);
    });

    it('should search names in the language asked for', () => {
      const data = dataset({
        matters: [matter('m-permit', { 'zh-CN': '居住证首次申领', en: 'First residence permit' })],
      });

      const english = createSearchIndex(data, { lang: 'en' }).search('PERMIT');
      const chinese = createSearchIndex(data).search('PERMIT');

      expect(english).to.deep.equal([
        { kind: 'matter', id: 'm-permit', score: 3, ranges: [[16, 22]] },
      ]);
      expect(chinese).to.deep.equal([]);
    });
  });

  describe('when limiting', () => {
    const many = dataset({
      venues: Array.from({ length: 12 }, (_, i) => venue(`v-${i + 1}`, `服务点${i + 1}`, null)),
    });

    it('should give ten hits by default', () => {
      const hits = createSearchIndex(many).search('服务点');

      // prefix hits all; 服务点1 … 服务点9 are shorter than 服务点10 … 服务点12
      expect(ids(hits)).to.deep.equal([
        'v-1',
        'v-2',
        'v-3',
        'v-4',
        'v-5',
        'v-6',
        'v-7',
        'v-8',
        'v-9',
        'v-10',
      ]);
    });

    it('should give at most the limit asked for', () => {
      const index = createSearchIndex(many);

      expect(ids(index.search('服务点', { limit: 3 }))).to.deep.equal(['v-1', 'v-2', 'v-3']);
      expect(index.search('服务点', { limit: 0 })).to.deep.equal([]);
      expect(index.search('服务点', { limit: 50 })).to.have.length(12);
    });

    it('should pick the best few of many hits', () => {
      // listed 服务点100 down to 服务点1: among the shortest names, document order
      const hundred = dataset({
        venues: Array.from({ length: 100 }, (_, i) => venue(`v-${100 - i}`, `服务点${100 - i}`, null)),
      });

      const hits = createSearchIndex(hundred).search('服务点', { limit: 5 });

      expect(ids(hits)).to.deep.equal(['v-9', 'v-8', 'v-7', 'v-6', 'v-5']);
    });

    it('should give the same hits again and again', () => {
      const index = createSearchIndex(DATA);

      const first = index.search('营业执照', { limit: 2 });
      index.search('社保卡');
      const again = index.search('营业执照', { limit: 2 });

      expect(again).to.deep.equal(first);
      expect(ids(again)).to.deep.equal(['m-exact', 'm-prefix']);
    });
  });
});

describe('createSearchIndex, as citizens type', () => {
  it("should search the data tool's pinyin before the pinyin table loads", () => {
    const { data } = parseServiceData({
      version: 1,
      venues: [{ id: 'v', name: '派出所', level: 'street', matters: ['m-permit'] }],
      matters: [
        { id: 'm-permit', name: '居住证办理', pinyin: { full: 'juzhuzheng', initials: 'jzz' } },
      ],
    });

    expect(data.matters[0].pinyin).to.deep.equal({ full: 'juzhuzheng', initials: 'jzz' });
    expect(createSearchIndex(data).search('jzz')).to.deep.equal([
      { kind: 'matter', id: 'm-permit', score: 2, ranges: [] },
    ]);
  });

  it('should ask for the pinyin table on the first Latin letter only, once', async () => {
    const index = createSearchIndex(DATA);

    expect(index.prepare('居住证')).to.equal(null);
    const pending = index.prepare('jzz');
    expect(pending).to.be.an.instanceOf(Promise);
    await pending;
    expect(index.prepare('jzz')).to.equal(null);
  });

  it('should reduce a question to its subject', () => {
    const hits = createSearchIndex(DATA).search('办居住证需要什么材料');

    expect(hits[0]).to.deep.equal({ kind: 'matter', id: 'm-permit', score: 4, ranges: [[0, 3]] });
  });

  it('should read what citizens add to a matter (丢了 → 补办, 挂失)', () => {
    const hits = createSearchIndex(DATA).search('社保卡丢了');

    // both words in 补办 and 挂失与解挂 (the shorter first); 申领 holds only 社保卡:
    // 0.4 × (社保卡 3×2) / (3×2 + 丢了 2×2) = 0.24
    expect(ids(hits)).to.deep.equal(['m-social-a', 'm-social-c', 'm-social-b']);
    expect(hits.map((hit) => hit.score)).to.deep.equal([1.9, 1.9, 0.24]);
  });

  it('should find a name with one character wrong', () => {
    // 社保卡挂失 with 桂 for 挂 (alike in shape, not in sound); the others hold only
    // 社保卡: 0.4 × 6 / (6 + 2) = 0.3
    const hits = createSearchIndex(DATA).search('社保卡桂失');

    expect(hits[0]).to.deep.equal({
      kind: 'matter',
      id: 'm-social-c',
      score: 0.5,
      ranges: [[0, 5]],
    });
    expect(hits.slice(1).map((hit) => hit.score)).to.deep.equal([0.3, 0.3]);
  });

  it('should take an everyday word with one character wrong (居往证 → 居住证)', () => {
    const hits = createSearchIndex(DATA).search('居往证');

    expect(hits).to.deep.equal([{ kind: 'matter', id: 'm-permit', score: 2.1, ranges: [[0, 3]] }]);
  });

  it('should find a name with one character missing in a longer query', () => {
    const data = dataset({ matters: [matter('m-card', '社会保障卡申领'), matter('m-other', '就业登记')] });

    const hits = createSearchIndex(data).search('社会保卡申领');

    expect(hits).to.deep.equal([{ kind: 'matter', id: 'm-card', score: 0.5, ranges: [[0, 7]] }]);
  });

  it('should take an everyday word typed with a homophone (营业只照)', () => {
    const hits = createSearchIndex(DATA).search('营业只照');

    expect(ids(hits).slice(0, 3)).to.deep.equal(['m-exact', 'm-prefix', 'm-sub']);
  });

  it('should extend the everyday words from the document', () => {
    const { data } = parseServiceData({
      version: 1,
      words: { 开车证: ['驾驶证'] },
      venues: [{ id: 'v', name: '车管所', level: 'district', matters: ['m-drive'] }],
      matters: [{ id: 'm-drive', name: '机动车驾驶证申领' }],
    });

    expect(createSearchIndex(data).search('开车证')).to.deep.equal([
      { kind: 'matter', id: 'm-drive', score: 1.9, ranges: [[3, 6]] },
    ]);
  });

  describe('when the tables are loaded', () => {
    before(() => loadSearchTables());

    it('should match full pinyin and initials, marking the name they spell', () => {
      const index = createSearchIndex(DATA);

      for (const query of ['juzhuzheng', 'jzz', 'JZZ', 'ｊｚｚ']) {
        expect(index.search(query)[0]).to.deep.equal({
          kind: 'matter',
          id: 'm-permit',
          score: 4,
          ranges: [[0, 3]],
        });
      }
    });

    it('should read a polyphonic character as its word says (行业 is hangye)', () => {
      const data = dataset({ venues: [venue('v-trade', '交通行业服务站', null)] });
      const index = createSearchIndex(data);

      expect(index.search('jiaotonghangye')).to.deep.equal([
        { kind: 'venue', id: 'v-trade', score: 4, ranges: [[0, 4]] },
      ]);
      expect(index.search('jiaotongxingye')).to.deep.equal([]);
    });

    it('should spell out an everyday word (yyzz is 营业执照)', () => {
      expect(ids(createSearchIndex(DATA).search('yyzz')).slice(0, 2)).to.deep.equal([
        'm-exact',
        'm-prefix',
      ]);
    });

    it('should not flood results with one letter: only names whose pinyin starts with it', () => {
      const index = createSearchIndex(DATA);

      // 东湖便民服务站 is the only name starting with d; many hold an f (服务) inside
      expect(ids(index.search('d'))).to.deep.equal(['v-east']);
      expect(ids(index.search('f'))).to.deep.equal([]);
    });

    it('should take a homophone typed by an input method (矢 for 失), above other typos', () => {
      const hits = createSearchIndex(DATA).search('社保卡挂矢');

      expect(hits[0]).to.deep.equal({
        kind: 'matter',
        id: 'm-social-c',
        score: 0.55,
        ranges: [[0, 5]],
      });
    });

    it('should fold traditional characters to simplified', () => {
      expect(createSearchIndex(DATA).search('居住證')[0]).to.deep.equal({
        kind: 'matter',
        id: 'm-permit',
        score: 4,
        ranges: [[0, 3]],
      });
    });
  });
});
