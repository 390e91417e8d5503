// Checks demo/data/hongshan.json against the rules the sample dataset promises.
//
//   node scripts/sample-data/check-hongshan.mjs
//
// Exits 1 with a list of failures; prints counts and bundle coverage otherwise.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const file = path.resolve(repoRoot, 'demo', 'data', 'hongshan.json');
const text = readFileSync(file, 'utf8');
const doc = JSON.parse(text);
const fails = [];
const fail = (msg) => fails.push(msg);

// the committed file is exactly the generator's output
const generated = execFileSync(process.execPath, [path.join(here, 'make-hongshan.mjs'),
  '--stdout'], { encoding: 'utf8' });
if (generated !== text) fail('demo/data/hongshan.json differs from make-hongshan.mjs output');

// header
if (doc.version !== 1) fail('version is not 1');
if (doc.crs !== 'WGS84') fail('crs is not WGS84');
if (doc.timezone !== 'Asia/Shanghai') fail('timezone');
if (doc.lang !== 'zh-CN') fail('lang');
for (const k of ['title', 'updated', 'attribution']) if (!doc[k]) fail(`missing ${k}`);
if (JSON.stringify(doc.calendar) !== '{"region":"CN"}') fail('calendar must be {region: CN}');

// ids
const dupes = (list) => list.filter((x, i) => list.indexOf(x) !== i);
const areaIds = doc.areas.map((a) => a.id);
const venueIds = doc.venues.map((v) => v.id);
const matterIds = doc.matters.map((x) => x.id);
const bundleIds = doc.bundles.map((b) => b.id);
if (dupes(areaIds).length) fail(`duplicate area ids ${dupes(areaIds)}`);
if (dupes(venueIds).length) fail(`duplicate venue ids ${dupes(venueIds)}`);
if (dupes([...matterIds, ...bundleIds]).length) fail('duplicate matter/bundle ids');

// references
const areaSet = new Set(areaIds);
const matterSet = new Set(matterIds);
for (const a of doc.areas) {
  if (a.parent && !areaSet.has(a.parent)) fail(`area ${a.id}: parent ${a.parent} missing`);
  if (a.level === 'community' && !/^\d{12}$/.test(a.id)) fail(`community ${a.id} code`);
  if (a.level === 'street' && !/^\d{9}$/.test(a.id)) fail(`street ${a.id} code`);
}
const refOf = (r) => (typeof r === 'string' ? r : r.matter);
for (const v of doc.venues) {
  if (!areaSet.has(v.area)) fail(`venue ${v.id}: area ${v.area} missing`);
  for (const r of v.matters) if (!matterSet.has(refOf(r))) fail(`venue ${v.id}: ${refOf(r)}`);
  for (const k of ['id', 'name', 'level', 'area', 'address', 'location', 'phone', 'hours',
    'matters']) if (v[k] === undefined) fail(`venue ${v.id}: missing ${k}`);
}
for (const b of doc.bundles) {
  for (const id of b.matters) if (!matterSet.has(id)) fail(`bundle ${b.id}: ${id}`);
  if (!b.aliases?.length) fail(`bundle ${b.id}: no aliases`);
}

// counts
const count = (list, key, value) => list.filter((x) => x[key] === value).length;
const levels = ['district', 'street', 'community', 'self-service'];
const areaCounts = Object.fromEntries(levels.slice(0, 3)
  .map((l) => [l, count(doc.areas, 'level', l)]));
const venueCounts = Object.fromEntries(levels.map((l) => [l, count(doc.venues, 'level', l)]));
if (areaCounts.district !== 1 || areaCounts.street !== 10 || areaCounts.community < 60) {
  fail(`area counts ${JSON.stringify(areaCounts)}`);
}
if (venueCounts.district !== 1 || venueCounts.street !== 10 || venueCounts.community < 60
  || venueCounts['self-service'] < 4) fail(`venue counts ${JSON.stringify(venueCounts)}`);
if (doc.matters.length < 40) fail('fewer than 40 matters');
if (doc.bundles.length < 3) fail('fewer than 3 bundles');

// positions
const inBox = ([lng, lat]) => lng >= 114.2 && lng <= 114.5 && lat >= 30.4 && lat <= 30.7;
for (const a of doc.areas) {
  if (!inBox(a.center)) fail(`area ${a.id} center out of box`);
  for (const p of a.boundary?.coordinates[0] ?? []) if (!inBox(p)) fail(`area ${a.id} boundary`);
}
for (const v of doc.venues) if (!inBox(v.location)) fail(`venue ${v.id} location out of box`);

// every street has a boundary that holds its centre; no two street boundaries share much
const inRing = ([x, y], ring) => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const streets = doc.areas.filter((a) => a.level === 'street');
for (const s of streets) {
  if (s.boundary?.type !== 'Polygon') fail(`street ${s.id} has no Polygon boundary`);
  else if (!inRing(s.center, s.boundary.coordinates[0])) fail(`street ${s.id} centre outside`);
}
const overlaps = [];
for (let lng = 114.2; lng <= 114.5; lng += 0.0005) {
  for (let lat = 30.4; lat <= 30.7; lat += 0.0005) {
    const hits = streets.filter((s) => inRing([lng, lat], s.boundary.coordinates[0]));
    if (hits.length > 1) overlaps.push(hits.map((s) => s.name).join('/'));
  }
}
if (overlaps.length) fail(`street boundaries overlap at ${overlaps.length} grid points`);

// communities inside their street's boundary and within ~1.5 km of its centre
const R = 6371008.8;
const dist = ([a, b], [c, d]) => {
  const r = Math.PI / 180;
  const h = Math.sin(((d - b) * r) / 2) ** 2
    + Math.cos(b * r) * Math.cos(d * r) * Math.sin(((c - a) * r) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
};
const byId = new Map(doc.areas.map((a) => [a.id, a]));
for (const a of doc.areas.filter((x) => x.level === 'community')) {
  const s = byId.get(a.parent);
  if (!inRing(a.center, s.boundary.coordinates[0])) fail(`community ${a.id} outside ${s.name}`);
  if (dist(a.center, s.center) > 1700) fail(`community ${a.id} too far from ${s.name}`);
}
for (const v of doc.venues.filter((x) => x.area.length === 9)) {
  if (!inRing(v.location, byId.get(v.area).boundary.coordinates[0])) fail(`${v.id} outside area`);
}
for (const v of doc.venues.filter((x) => x.level === 'community')) {
  if (dist(v.location, byId.get(v.area).center) > 200) fail(`venue ${v.id} far from its area`);
}

// known points fall where the README says
const holder = (p) => streets.filter((s) => inRing(p, s.boundary.coordinates[0]))
  .map((s) => s.name);
const known = { 华科: [[114.413, 30.512], '关山街道'], 华师: [[114.36, 30.52], '珞南街道'],
  华农: [[114.355, 30.475], '狮子山街道'], 天兴洲: [[114.39, 30.66], '天兴乡'],
  光谷广场: [[114.398, 30.505], '关山街道'], 卓刀泉: [[114.37, 30.51], '卓刀泉街道'] };
for (const [name, [p, want]] of Object.entries(known)) {
  if (!holder(p).includes(want)) fail(`${name} not inside ${want} (${holder(p)})`);
}

// matters: every guide field, sizes, uniqueness
const GUIDE = ['id', 'name', 'aliases', 'code', 'type', 'department', 'audience', 'topics',
  'scope', 'visits', 'promised', 'legal', 'fee', 'conditions', 'materials', 'steps', 'basis',
  'phone', 'complaintPhone'];
const FORMS = ['原件', '复印件', '原件及复印件', '电子证照'];
const TYPES = ['行政许可', '公共服务', '行政确认', '行政给付', '其他行政权力'];
for (const x of doc.matters) {
  for (const k of GUIDE) if (x[k] === undefined || x[k] === '') fail(`matter ${x.id}: no ${k}`);
  if (!x.aliases?.length) fail(`matter ${x.id}: no aliases`);
  if (!TYPES.includes(x.type)) fail(`matter ${x.id}: type ${x.type}`);
  if (!['anywhere', 'area'].includes(x.scope)) fail(`matter ${x.id}: scope`);
  if (![0, 1, 2].includes(x.visits)) fail(`matter ${x.id}: visits`);
  if (x.visits === 0 && !x.online) fail(`matter ${x.id}: visits 0 without online`);
  if (x.online && !x.online.startsWith('https://')) fail(`matter ${x.id}: online not https`);
  if (x.materials.length < 3 || x.materials.length > 7) fail(`matter ${x.id}: materials count`);
  if (x.steps.length < 3 || x.steps.length > 6) fail(`matter ${x.id}: steps count`);
  for (const mat of x.materials) {
    if (typeof mat.name !== 'string' || typeof mat.required !== 'boolean'
      || !FORMS.includes(mat.form) || !Number.isInteger(mat.copies)) {
      fail(`matter ${x.id}: material ${JSON.stringify(mat)}`);
    }
  }
  if (!x.basis.every((b) => /^《.+》$/.test(b))) fail(`matter ${x.id}: basis`);
}
const same = (key) => dupes(doc.matters.map((x) => JSON.stringify(x[key])));
if (same('materials').length) fail('two matters share a materials list');
if (same('steps').length) fail('two matters share a steps list');
if (same('conditions').length) fail('two matters share conditions');
const withFaq = doc.matters.filter((x) => x.faq?.length).length;
if (withFaq < 10) fail(`only ${withFaq} matters with faq`);
const zeroVisit = doc.matters.filter((x) => x.visits === 0 && x.online).length;
if (zeroVisit < 5) fail(`only ${zeroVisit} fully online matters`);
const codes = doc.matters.map((x) => x.code);
if (dupes(codes).length) fail('duplicate matter codes');

// required matter names
const names = doc.matters.map((x) => x.name).join('|');
for (const want of ['居住证首次申领', '居住证换领', '居住证补领', '个体工商户设立登记', '企业设立登记',
  '食品经营许可', '出生医学证明', '预防接种证', '出生登记', '城乡居民医保参保登记', '社会保障卡申领',
  '社保卡补换', '生育登记', '老年人优待证', '最低生活保障', '残疾人证', '特困人员', '临时救助', '失业登记',
  '就业登记', '灵活就业', '退休养老金', '丧葬补助金', '死亡登记', '公积金提取', '不动产登记信息查询',
  '个人社保缴费证明', '高龄津贴', '结婚登记', '门诊慢特病', '异地就医备案', '身份证换领', '户口迁移']) {
  if (!names.includes(want)) fail(`no matter named like ${want}`);
}
const remote = doc.matters.find((x) => x.name === '异地就医备案');
if (remote?.visits !== 0) fail('异地就医备案 must be visits 0');

// venues: hours styles, phones, appointment, closures, openingHours
const hours = new Set(doc.venues.map((v) => v.hours));
if (hours.size < 8) fail(`only ${hours.size} hours styles`);
const phones = doc.venues.map((v) => v.phone);
if (dupes(phones).length) fail('venue phones not distinct');
if (!phones.every((p) => /^027-8\d{7}$/.test(p))) fail('venue phone format');
const staffed = doc.venues.filter((v) => v.level === 'district' || v.level === 'street');
if (!staffed.every((v) => v.appointment?.includes('{venue}'))) fail('appointment missing');
if (!doc.venues.some((v) => v.closures?.length)) fail('no closures');
if (doc.venues.filter((v) => v.openingHours).length < 3) fail('too few openingHours');
for (const v of doc.venues.filter((x) => x.level === 'self-service')) {
  if (!v.hours.startsWith('24小时') || !v.facilities?.includes('self-service-24h')) {
    fail(`self-service ${v.id} hours/facilities`);
  }
}
const district = doc.venues.find((v) => v.id === 'hs-district');
if (district.matters.length !== doc.matters.length) fail('district centre lacks some matters');
if (!district.matters.some((r) => typeof r === 'object')) fail('no window objects at district');

// bundles: who handles all of each
const handles = (v, ids) => ids.every((id) => v.matters.some((r) => refOf(r) === id));
const coverage = {};
for (const b of doc.bundles) {
  coverage[b.id] = doc.venues.filter((v) => handles(v, b.matters)).map((v) => v.id);
}
const streetFull = doc.bundles.some((b) => coverage[b.id].some((id) => id.startsWith('st-')));
if (!streetFull) fail('no street centre handles a whole bundle');
const noCommunity = doc.bundles.some((b) => !coverage[b.id].some((id) => id.startsWith('cm-')));
if (!noCommunity) fail('every bundle is fully handled by some community');

// report
console.log('areas', areaCounts, 'venues', venueCounts, 'matters', doc.matters.length,
  'bundles', doc.bundles.length);
console.log('hours styles', hours.size, 'faq', withFaq, 'fully online', zeroVisit,
  'openingHours', doc.venues.filter((v) => v.openingHours).length);
for (const [id, list] of Object.entries(coverage)) console.log(id, '->', list.join(', '));
if (fails.length) {
  console.error(`\n${fails.length} failure(s):\n- ${fails.join('\n- ')}`);
  process.exit(1);
}
console.log('ok');
