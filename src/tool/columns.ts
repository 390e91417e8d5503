/**
 * Which column of a sheet holds which field: the usual Chinese (simplified and
 * traditional) and English headers of venue lists, matter lists and venue–matter
 * lists, or an explicit `--map 名称=name,…`. Headers are compared after NFKC,
 * lower case, without spaces, `_`, `-`, `*` and bracketed notes, so that
 * `经度（GCJ-02）`, `Longitude` and `LNG` all name the longitude.
 */
import type { Crs } from '../core/types.js';

/** The kinds of sheet the tool reads. */
export type SheetKind = 'venue' | 'matter' | 'venue-matter';

/** Fields a column can fill; `lng`/`lat` and `areaName` are sheet-only. */
export const FIELDS: Record<SheetKind, readonly string[]> = {
  venue: [
    'id', 'name', 'level', 'area', 'areaName', 'address', 'lng', 'lat', 'location', 'phone',
    'hours', 'openingHours', 'matters', 'appointment', 'queue', 'facilities', 'note', 'updated',
  ],
  matter: [
    'id', 'name', 'code', 'aliases', 'type', 'department', 'audience', 'topics', 'scope',
    'visits', 'online', 'promised', 'legal', 'fee', 'conditions', 'materials', 'steps', 'basis',
    'phone', 'complaintPhone',
  ],
  'venue-matter': ['venue', 'matter', 'window', 'hours', 'phone', 'code', 'appointment'],
};

/** Fields that several columns may fill together (their texts are joined). */
export const MULTI = new Set(['phone', 'matters', 'note', 'aliases', 'facilities']);

const VENUE_WORDS: Record<string, string[]> = {
  id: [
    'id', '编号', '编码', '网点编号', '网点编码', '场所编号', '场所编码', '机构编号', '机构编码',
    '机构代码', '站点编号', 'venueid', '編號', '編碼',
  ],
  name: [
    '名称', '网点名称', '场所名称', '机构名称', '单位名称', '中心名称', '服务中心名称', '站点名称',
    '大厅名称', '服务网点', '办事网点', '网点', 'name', 'title', 'chiname', 'namezh', 'zhname',
    'namecn', 'cnname', 'venuename', '名稱', '網點名稱', '場所名稱', '機構名稱', '單位名稱',
  ],
  level: [
    '层级', '级别', '层次', '网点层级', '场所层级', '网点级别', '场所级别', 'level', 'tier',
    '層級', '級別',
  ],
  area: [
    '区划代码', '行政区划代码', '统计用区划代码', '所属街道代码', '街道代码', '区域代码', '辖区代码',
    'areacode', 'areaid', 'districtcode', 'regioncode', 'area', '區劃代碼',
  ],
  areaName: [
    '所属街道', '所属区域', '所属社区', '所属乡镇', '所属辖区', '街道', '辖区', '区域', '行政区',
    'district', 'region', 'street', 'areaname', '所屬街道', '所屬區域', '地區', '區域',
  ],
  address: [
    '地址', '办公地址', '详细地址', '场所地址', '网点地址', '办公地点', '办理地点', '地点', 'address',
    'addr', 'chiaddress', 'addresszh', '地點', '辦公地址', '詳細地址',
  ],
  lng: ['经度', 'lng', 'lon', 'long', 'longitude', 'x', '經度'],
  lat: ['纬度', 'lat', 'latitude', 'y', '緯度'],
  location: [
    '坐标', '经纬度', '位置', 'location', 'coordinates', 'coord', 'lnglat', 'geometry', '坐標',
    '經緯度',
  ],
  phone: [
    '电话', '联系电话', '咨询电话', '办公电话', '服务电话', '值班电话', '联系方式', '电话号码',
    'phone', 'tel', 'telephone', 'tel1', 'tel2', 'tel3', 'phone1', 'phone2', '電話', '聯絡電話',
    '查詢電話', '諮詢電話', '聯繫電話',
  ],
  hours: [
    '办公时间', '办理时间', '工作时间', '服务时间', '开放时间', '营业时间', '受理时间', '窗口办公时间',
    'hours', 'weekdaytext', 'openinghourstext', '辦公時間', '辦理時間', '開放時間', '服務時間',
    '工作時間', '營業時間',
  ],
  openingHours: ['openinghours', 'osmopeninghours', 'osmhours'],
  matters: [
    '可办事项', '可办理事项', '办理事项', '服务事项', '事项', '事项清单', '业务范围', 'matters',
    'services', '可辦事項', '服務事項',
  ],
  appointment: [
    '预约', '预约链接', '预约地址', '预约网址', '在线预约', 'appointment', 'booking', '預約',
  ],
  queue: ['排队', '排队链接', '取号', '排队查询', 'queue'],
  facilities: ['设施', '便民设施', '服务设施', 'facilities', '設施'],
  note: ['备注', '说明', '附注', '提示', 'note', 'notes', 'remark', 'remarks', '備註', '說明'],
  updated: [
    '更新时间', '更新日期', '最后更新', 'updated', 'lastupdated', 'updatedat', '更新時間',
    '更新日期',
  ],
};

const MATTER_WORDS: Record<string, string[]> = {
  id: ['id', '编号', '事项编号', '事项id', 'matterid', '編號'],
  name: ['事项名称', '名称', '事项', 'name', 'mattername', '事項名稱', '名稱'],
  code: [
    '事项编码', '实施编码', '基本编码', '编码', '事项代码', 'code', '事項編碼', '實施編碼',
  ],
  aliases: ['别名', '俗称', '又称', '关键词', '搜索词', 'aliases', 'alias', 'keywords', '別名'],
  type: ['事项类型', '类型', '服务类型', '权力类型', 'type', '事項類型'],
  department: [
    '实施主体', '实施机构', '办理部门', '部门', '责任部门', '主管部门', '受理部门', 'department',
    '實施主體', '辦理部門',
  ],
  audience: ['服务对象', '办理对象', '适用对象', 'audience', '服務對象'],
  topics: ['主题', '主题分类', '分类', '事项分类', 'topics', 'topic', '主題'],
  scope: ['通办范围', '办理范围', '通办', '是否通办', 'scope', '通辦範圍'],
  visits: ['到现场次数', '跑动次数', '到办事现场次数', '最多跑几次', 'visits', '到現場次數'],
  online: [
    '在线办理', '网上办理', '网办地址', '办理链接', '在线办理地址', '办事链接', '网上办理地址',
    'online', 'url', 'link', '網上辦理',
  ],
  promised: ['承诺时限', '承诺办结时限', '承诺期限', 'promised', '承諾時限'],
  legal: ['法定时限', '法定办结时限', '法定期限', 'legal', '法定時限'],
  fee: ['收费', '是否收费', '收费标准', '收费情况', 'fee', 'fees', '收費'],
  conditions: ['受理条件', '申请条件', '办理条件', 'conditions', '受理條件', '申請條件'],
  materials: ['申请材料', '材料', '所需材料', '办理材料', 'materials', '申請材料'],
  steps: ['办理流程', '流程', '办理步骤', 'steps', '辦理流程'],
  basis: ['设定依据', '法律依据', '依据', '实施依据', 'basis', '設定依據'],
  phone: ['咨询电话', '电话', '咨询方式', 'phone', 'tel', '諮詢電話', '電話'],
  complaintPhone: [
    '监督投诉电话', '投诉电话', '监督电话', '投诉方式', 'complaintphone', '投訴電話', '監督投訴電話',
  ],
};

const VENUE_MATTER_WORDS: Record<string, string[]> = {
  venue: [
    '场所', '网点', '场所编号', '网点编号', '场所名称', '网点名称', '场所id', 'venue', 'venueid',
    'venuename', '場所', '網點',
  ],
  matter: [
    '事项', '事项名称', '事项编号', '事项编码', '实施编码', '事项id', 'matter', 'matterid',
    'mattername', '事項', '事項名稱',
  ],
  window: ['窗口', '办理窗口', '窗口号', 'window', '窗口號'],
  hours: ['办理时间', '办公时间', '窗口时间', 'hours', '辦理時間'],
  phone: ['电话', '咨询电话', '窗口电话', 'phone', 'tel', '電話'],
  code: ['事项编码', '实施编码', 'code', '實施編碼'],
  appointment: ['预约', '预约链接', 'appointment', '預約'],
};

const WORDS: Record<SheetKind, Record<string, string[]>> = {
  venue: VENUE_WORDS,
  matter: MATTER_WORDS,
  'venue-matter': VENUE_MATTER_WORDS,
};

/** A header as it is compared: NFKC, lower case, no spacing, marks or bracketed notes. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/[\s_\-*.:：]/g, '');
}

const LOOKUP = new Map<SheetKind, Map<string, string>>();
function lookupOf(kind: SheetKind): Map<string, string> {
  let map = LOOKUP.get(kind);
  if (!map) {
    map = new Map();
    for (const [field, words] of Object.entries(WORDS[kind])) {
      // a word may name two fields in one table (编码: id of a venue, code of a matter);
      // within one table the first field listed wins
      for (const word of words) if (!map.has(headerKey(word))) map.set(headerKey(word), field);
    }
    LOOKUP.set(kind, map);
  }
  return map;
}

/** Where each field comes from, and what was left over. */
export interface ColumnMap {
  /** field → the columns (indices into the header) that fill it, in header order. */
  fields: Map<string, number[]>;
  /** Columns that fill no field. */
  unused: number[];
  /** Columns naming a single-valued field that an earlier column already fills. */
  repeated: { column: number; field: string; first: number }[];
  /** A coordinate system named in a longitude, latitude or coordinate header. */
  crsHint: { crs: Crs; column: number } | null;
}

/** An explicit mapping `header=field,…`; throws a sentence naming the fault. */
export function parseMapping(spec: string, kind: SheetKind): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of spec.split(/[,，]/)) {
    if (pair.trim() === '') continue;
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) {
      throw new Error(`"${pair}" in --map should be written header=field, e.g. 名称=name.`);
    }
    const header = pair.slice(0, eq).trim();
    const field = pair.slice(eq + 1).trim();
    if (field !== '-' && !FIELDS[kind].includes(field)) {
      throw new Error(
        `"${field}" in --map is not a ${kind} field; use one of ${FIELDS[kind].join(', ')}, ` +
          'or - to leave the column out.',
      );
    }
    out.set(headerKey(header), field);
  }
  return out;
}

/** The headers a mapping names, as written. */
export function mappingHeaders(spec: string): string[] {
  return spec
    .split(/[,，]/)
    .map((pair) => pair.slice(0, pair.indexOf('=')).trim())
    .filter((header) => header !== '');
}

/** A coordinate system's name inside a header key: `lnggcj02`, `高德坐标`, `bd09lat`. */
const CRS_WORDS = /gcj(?:0?2)?|bd0?9(?:ll|mc)?|wgs0?84|cgcs2000|epsg4490|epsg4326|高德|百度|腾讯|騰訊|天地图|天地圖|火星|gps/g;

/**
 * Assigns the columns of `header` to fields: the explicit mapping first (its
 * `-` leaves a column out), then the usual words.
 */
export function mapColumns(
  header: readonly string[],
  kind: SheetKind,
  explicit: Map<string, string> = new Map(),
): ColumnMap {
  const words = lookupOf(kind);
  const fields = new Map<string, number[]>();
  const unused: number[] = [];
  const repeated: ColumnMap['repeated'] = [];
  let crsHint: ColumnMap['crsHint'] = null;

  for (let column = 0; column < header.length; column++) {
    const key = headerKey(header[column]);
    // `高德坐标`, `lng_gcj02`, `bd09_lat`: a coordinate header with its system's name
    const bare = key.replace(CRS_WORDS, '');
    const plain = bare !== key && bare !== '' ? words.get(bare) : undefined;
    const coordinate = plain === 'lng' || plain === 'lat' || plain === 'location' ? plain : undefined;
    const field = explicit.get(key) ?? words.get(key) ?? coordinate;
    if (field === '-') continue; // left out on purpose: not reported
    if (field === undefined || key === '') {
      unused.push(column);
      continue;
    }

    // single-valued fields take the first column that names them
    const taken = fields.get(field);
    if (taken && !MULTI.has(field)) {
      repeated.push({ column, field, first: taken[0] });
      continue;
    }
    if (taken) taken.push(column);
    else fields.set(field, [column]);

    // `经度（GCJ-02）`, `lng_bd09`, `纬度(百度)`: the header says which system
    if (crsHint === null && (field === 'lng' || field === 'lat' || field === 'location')) {
      const crs = crsIn(header[column]);
      if (crs) crsHint = { crs, column };
    }
  }
  return { fields, unused, repeated, crsHint };
}

/** A coordinate system named in a header, or null. */
export function crsIn(header: string): Crs | null {
  const text = header.normalize('NFKC').toLowerCase();
  if (/gcj|高德|腾讯|騰訊|火星/.test(text)) return 'GCJ02';
  if (/bd-?09|百度|baidu/.test(text)) return 'BD09';
  if (/cgcs|4490|天地图|天地圖/.test(text)) return 'CGCS2000';
  if (/wgs|gps|4326/.test(text)) return 'WGS84';
  return null;
}
