// Matter search beside MiniSearch (configured for Chinese) and Fuse.js, in one
// page: an index of 50,000 matters generated from the real 广安区 names, the
// frozen labelled queries typed keystroke by keystroke (every prefix timed from
// one character, each timed result checked against an untimed run), build
// time and memory, recall@5 and MRR on the real 1,135 names without aliases and
// on the sample data, and the first Latin keystroke (pinyin table on demand).
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { parseServiceData } from '../src/core/parse.js';
import { createSearchIndex, loadSearchTables } from '../src/core/search.js';
import type { SearchIndex } from '../src/core/search.js';
import type { ServiceData } from '../src/core/types.js';
import { localize } from '../src/core/text.js';
import { evaluate, joinSets, realDocument } from '../test/search/quality.js';
import type { Labelled, Quality, QuerySet } from '../test/search/quality.js';

declare global {
  interface Window {
    benchDone?: { name: string; markdown: string; data: unknown };
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

const SIZE = 50_000;
const LIMIT = 10;
const status = document.getElementById('status')!;
const say = (text: string): void => {
  status.textContent = text;
  console.log(text);
};

// county-level areas of 四川, for realistic variations of the real names
const AREAS = (
  '锦江区 青羊区 金牛区 武侯区 成华区 龙泉驿区 青白江区 新都区 温江区 双流区 郫都区 新津区 简阳市 ' +
  '都江堰市 彭州市 邛崃市 崇州市 金堂县 大邑县 蒲江县 自流井区 贡井区 大安区 沿滩区 荣县 富顺县 ' +
  '仁和区 米易县 盐边县 江阳区 纳溪区 龙马潭区 泸县 合江县 叙永县 古蔺县 旌阳区 罗江区 中江县 ' +
  '广汉市 什邡市 绵竹市 涪城区 游仙区 安州区 三台县 盐亭县 梓潼县 平武县 江油市 利州区 昭化区 ' +
  '朝天区 旺苍县 青川县 剑阁县 苍溪县 船山区 安居区 蓬溪县 大英县 射洪市 广安区 前锋区 岳池县 ' +
  '武胜县 邻水县 华蓥市 顺庆区 高坪区'
).split(' ');
const KINDS = ['', '', '', '（承诺件）', '（即办件）'];

/** A small seeded generator (mulberry32), so every run indexes the same matters. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 50,000 distinct matters: each real name in other counties, some as 承诺件/即办件. */
function province(real: { name: string; department: string }[]): object {
  const next = random(20261203);
  const pairs: [number, number][] = [];
  for (let n = 0; n < real.length; n++) for (let a = 0; a < AREAS.length; a++) pairs.push([n, a]);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
  }
  const names = new Set<string>();
  const matters: object[] = [];
  for (const [n, a] of pairs) {
    if (matters.length === SIZE) break;
    const { name, department } = real[n];
    const level = next() < 0.1 && name.includes('（县级）') ? name.replace('（县级）', '（市级）') : name;
    const full = `${level}${KINDS[Math.floor(next() * KINDS.length)]}（${AREAS[a]}）`;
    if (names.has(full)) continue;
    names.add(full);
    matters.push({
      id: `p-${matters.length}`,
      name: full,
      department: AREAS[a] + department.replace(/^区/, ''),
    });
  }
  return { version: 1, venues: [], matters };
}

// the peers ----------------------------------------------------------------------

interface Doc {
  id: string;
  name: string;
  aliases: string;
  other: string;
}

/** The fields every engine gets: name, aliases, department/topics/address. */
function docsOf(data: ServiceData): Doc[] {
  const docs: Doc[] = [];
  for (const m of data.matters) {
    const other = [localize(m.department), ...m.topics].join(' ');
    docs.push({ id: m.id, name: localize(m.name), aliases: m.aliases.join(' '), other });
  }
  for (const b of data.bundles) {
    docs.push({ id: b.id, name: localize(b.name), aliases: b.aliases.join(' '), other: '' });
  }
  for (const v of data.venues) {
    docs.push({ id: v.id, name: localize(v.name), aliases: '', other: localize(v.address) });
  }
  return docs;
}

/** Chinese as overlapping character pairs (a lone character as itself), Latin as words. */
function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(/[\u3400-\u9fff]+|[a-z0-9]+/g) ?? []) {
    if (!/[\u3400-\u9fff]/.test(run) || run.length === 1) out.push(run);
    else for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

interface Engine {
  name: string;
  /** Whether each timed answer is checked against an untimed run (Fuse.js is too slow for both). */
  verify?: boolean;
  /** Builds from the peers' documents, or (this project) from the dataset itself. */
  build: (docs: Doc[], data: ServiceData) => void;
  search: (q: string) => string[];
}

/** This project's index; its pinyin index (built on the first Latin query) is timed apart. */
const ours = (): Engine & { pinyinMs: number } => {
  let index: SearchIndex;
  const engine = {
    name: 'gov-service-map',
    pinyinMs: 0,
    build: (_docs: Doc[], data: ServiceData) => {
      index = createSearchIndex(data);
    },
    search: (q: string) => index.search(q, { limit: LIMIT }).map((hit) => hit.id),
    warm: () => {
      const t0 = performance.now();
      index.search('j');
      engine.pinyinMs = performance.now() - t0;
    },
  };
  return engine;
};

const minisearch = (): Engine => {
  let index: MiniSearch<Doc>;
  return {
    name: 'MiniSearch (bigrams, prefix, fuzzy)',
    build: (docs) => {
      index = new MiniSearch<Doc>({
        fields: ['name', 'aliases', 'other'],
        tokenize: bigrams,
        searchOptions: { prefix: true, fuzzy: 0.2, boost: { name: 2, aliases: 1.5 } },
      });
      index.addAll(docs);
    },
    search: (q) => index.search(q).slice(0, LIMIT).map((r) => String(r.id)),
  };
};

const fuse = (): Engine => {
  let index: Fuse<Doc>;
  return {
    name: 'Fuse.js (ignoreLocation)',
    verify: false,
    build: (docs) => {
      index = new Fuse(docs, {
        keys: [
          { name: 'name', weight: 2 },
          { name: 'aliases', weight: 1.5 },
          { name: 'other', weight: 1 },
        ],
        ignoreLocation: true,
      });
    },
    search: (q) => index.search(q, { limit: LIMIT }).map((r) => r.item.id),
  };
};

// measuring ------------------------------------------------------------------------

const heap = (): number => {
  window.gc?.();
  return performance.memory?.usedJSHeapSize ?? NaN;
};

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

interface Timing {
  engine: string;
  buildMs: number;
  heapMB: number;
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Timed answers unlike an untimed run; null when not checked. */
  mismatches: number | null;
}

/** Builds an engine, then types every query keystroke by keystroke, timing each prefix. */
function typeAll(
  engine: Engine & { warm?: () => void },
  data: ServiceData,
  queries: string[],
): Timing {
  const docs = docsOf(data);
  const before = heap();
  const start = performance.now();
  engine.build(docs, data);
  const buildMs = performance.now() - start;
  // the first Latin keystroke's pinyin index, outside the keystroke timings
  engine.warm?.();
  const heapMB = (heap() - before) / 2 ** 20;

  const times: number[] = [];
  let mismatches = 0;
  for (const query of queries) {
    const letters = [...query];
    for (let n = 1; n <= letters.length; n++) {
      const prefix = letters.slice(0, n).join('');
      const t0 = performance.now();
      const timed = engine.search(prefix);
      times.push(performance.now() - t0);
      // the timed answer must be the real one: the same as an untimed run
      if (engine.verify !== false) {
        if (JSON.stringify(timed) !== JSON.stringify(engine.search(prefix))) mismatches++;
      }
    }
  }
  times.sort((a, b) => a - b);
  return {
    engine: engine.name,
    buildMs,
    heapMB,
    keystrokes: times.length,
    medianMs: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    maxMs: times[times.length - 1],
    mismatches: engine.verify === false ? null : mismatches,
  };
}

/** recall@5 and MRR of an engine built on `data`, answers mapped to names or ids. */
function qualityOf(
  engine: Engine,
  data: ServiceData,
  queries: Labelled[],
  byName: boolean,
): Quality {
  engine.build(docsOf(data), data);
  const nameOf = new Map(data.matters.map((m) => [m.id, localize(m.name)]));
  return evaluate(queries, (q) => {
    const ids = engine.search(q);
    return byName ? ids.map((id) => nameOf.get(id) ?? id) : ids;
  });
}

async function json<T>(url: string): Promise<T> {
  return (await (await fetch(url)).json()) as T;
}

async function run(): Promise<void> {
  say('loading the real names, the sample data and the labelled queries …');
  const list = await json<{ matters: { name: string; department: string }[] }>(
    '/test/search/guangan-matters.json',
  );
  const sets = joinSets(
    await json<QuerySet>('/test/search/queries.json'),
    await json<QuerySet>('/test/search/queries-fresh.json'),
  );
  const real = parseServiceData(realDocument(list)).data;
  const sample = parseServiceData(await json('/demo/data/hongshan.json')).data;

  // the first Latin keystroke: the pinyin table fetched on demand, then the pinyin index
  say('first Latin keystroke …');
  const small = createSearchIndex(sample);
  small.search('居住证');
  let t0 = performance.now();
  small.search('j');
  await small.prepare('j');
  const sampleHits = small.search('j');
  const firstSample = performance.now() - t0;
  const firstSampleOk = sampleHits.length > 0;
  t0 = performance.now();
  await loadSearchTables(); // the traditional-character table, for the record
  const t2sMs = performance.now() - t0;

  say(`generating ${SIZE} matters …`);
  const big = parseServiceData(province(list.matters)).data;
  // the queries about the real list, typed into an index built from it
  const typed = sets.real.map((q) => q.q);

  const timings: Timing[] = [];
  say('gov-service-map at 50,000 …');
  const engine = ours();
  timings.push(typeAll(engine, big, typed));
  const firstBig = engine.pinyinMs;
  for (const peer of [minisearch(), fuse()]) {
    say(`${peer.name} at 50,000 …`);
    timings.push(typeAll(peer, big, typed));
  }

  // quality on the real list (no aliases) and the sample data, every engine alike
  say('quality …');
  const quality = [ours(), minisearch(), fuse()].map((e) => ({
    engine: e.name,
    real: qualityOf(e, real, sets.real, true),
    sample: qualityOf(e, sample, sets.sample, false),
  }));

  // the report
  const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(0));
  const fastestPeer = Math.min(timings[1].p95Ms, timings[2].p95Ms);
  const rows = timings.map(
    (t) =>
      `| ${t.engine} | ${ms(t.buildMs)} | ${t.heapMB.toFixed(1)} | ${t.keystrokes} | ` +
      `${ms(t.medianMs)} | ${ms(t.p95Ms)} | ${ms(t.maxMs)} | ${t.mismatches ?? 'not checked'} |`,
  );
  const qualityRows = quality.map(
    (q) =>
      `| ${q.engine} | ${q.real.recall5.toFixed(3)} | ${q.real.mrr.toFixed(3)} | ` +
      `${q.sample.recall5.toFixed(3)} | ${q.sample.mrr.toFixed(3)} |`,
  );
  const ourQuality = quality[0];
  const bestPeerRecall = Math.max(quality[1].real.recall5, quality[2].real.recall5);
  const verdicts = [
    `p95 per keystroke at 50,000 ≤ 5 ms: ${timings[0].p95Ms <= 5 ? 'yes' : 'NO'} ` +
      `(${ms(timings[0].p95Ms)} ms)`,
    `no slower than the faster peer (${ms(fastestPeer)} ms): ` +
      `${timings[0].p95Ms <= fastestPeer ? 'yes' : 'NO'}`,
    `higher recall@5 than both on the real list: ` +
      `${ourQuality.real.recall5 > bestPeerRecall ? 'yes' : 'NO'} ` +
      `(${ourQuality.real.recall5.toFixed(3)} vs ${bestPeerRecall.toFixed(3)})`,
    `every timed result equal to an untimed run: ` +
      `${timings.every((t) => !t.mismatches) ? 'yes' : 'NO'} (Fuse.js not checked: ` +
      'at its speed a second run of every keystroke would double a run of minutes)',
  ];
  const markdown = `## Search: ${SIZE.toLocaleString('en')} matters, typed keystroke by keystroke

The ${typed.length} labelled queries about the real list (frozen before tuning), typed
keystroke by keystroke: every prefix from one character timed, each answer checked against
an untimed run. The index holds ${SIZE.toLocaleString('en')} matters generated from the
real 广安区 names in ${AREAS.length} counties (some as 承诺件/即办件; seeded, no two alike), with
name and department fields for every engine. Memory is the JS heap after the build, less before.

| engine | build ms | heap MB | keystrokes | median ms | p95 ms | max ms | timed ≠ untimed |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Quality on the frozen labelled queries (recall@5, MRR over the first ten): the real list is
the 1,135 real names with departments and no aliases; the sample data is demo/data/hongshan.json.

| engine | real recall@5 | real MRR | sample recall@5 | sample MRR |
| --- | ---: | ---: | ---: | ---: |
${qualityRows.join('\n')}

First Latin keystroke (the pinyin table is its own chunk, fetched on demand): on the sample
data, typing “j” to pinyin hits ${ms(firstSample)} ms (table download, decode and pinyin index;
hits: ${firstSampleOk ? 'yes' : 'no'}); at ${SIZE.toLocaleString('en')} matters, the pinyin index
over every name ${ms(firstBig)} ms once the table is there. The traditional-character table
loads in ${ms(t2sMs)} ms on the first character the data does not use.

${verdicts.map((v) => `- ${v}`).join('\n')}
`;
  say('done');
  window.benchDone = {
    name: 'search',
    markdown,
    data: {
      size: SIZE,
      queries: typed.length,
      keystrokes: timings[0].keystrokes,
      timings,
      quality: quality.map((q) => ({
        engine: q.engine,
        real: { ...q.real, misses: q.real.misses.map((m) => m.q) },
        sample: { ...q.sample, misses: q.sample.misses.map((m) => m.q) },
      })),
      firstLatinKeystroke: { sampleMs: firstSample, bigIndexMs: firstBig, t2sMs },
    },
  };
}

run().catch((error: unknown) => {
  say(`failed: ${String(error)}`);
  window.benchDone = { name: 'search', markdown: `failed: ${String(error)}`, data: null };
});
