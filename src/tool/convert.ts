/**
 * `convert`: a venue sheet (CSV, XLSX, a JSON list or GeoJSON), with an
 * optional matter sheet and venue–matter sheet, becomes a format-version-1
 * document in WGS-84. Every row is either used or reported with the reason;
 * the document is then checked like `validate` checks one (in the input's
 * coordinate system, so placeholders show as written), and written with the
 * positions the core's parser shifted to WGS-84 with the core's `convert`;
 * what the parser drops (bad links, impossible positions) and whole- or
 * round-degree placeholders are left out.
 */
import { hoursToOpeningHours } from '../core/hours.js';
import type { Crs, LngLat, Text } from '../core/types.js';
import {
  headerKey,
  mapColumns,
  mappingHeaders,
  MULTI,
  parseMapping,
  type ColumnMap,
  type SheetKind,
} from './columns.js';
import { pinyinKeys } from './pinyin.js';
import type { Progress } from './progress.js';
import { InputError, looksGarbled, readRecords, type RecordRow, type Records } from './read.js';
import type { ToolProblem } from './report.js';
import { validateDocument } from './validate.js';

type Json = Record<string, unknown>;

export interface ConvertOptions {
  /** The matter sheet (`book.xlsx#事项` names a sheet). */
  matters?: string;
  /** The venue–matter sheet. */
  venueMatters?: string;
  /** The coordinate system of the input positions; else a header's hint, else WGS-84. */
  crs?: Crs;
  /** `header=field,…` for the venue sheet, and for the other two. */
  map?: string;
  mattersMap?: string;
  venueMattersMap?: string;
  /** The venue sheet of a workbook (name or 1-based number). */
  sheet?: string;
  /** The level of venues whose row gives none. */
  level?: string;
  title?: string;
  lang?: string;
  timezone?: string;
  /** The `$schema` to write; null writes none. */
  schema?: string | null;
  /** Keep whole- and round-degree positions instead of leaving them out. */
  keepPlaceholders?: boolean;
  progress?: Progress;
}

export interface ConvertStats {
  rows: number;
  venues: number;
  matters: number;
  areas: number;
}

export interface Conversion {
  document: Json;
  problems: ToolProblem[];
  stats: ConvertStats;
}

/** Where the published schema lives, for `$schema`. */
export const SCHEMA_URL = 'https://unpkg.com/gov-service-map/schema/service-data.v1.json';

/** Levels as Chinese lists write them. */
const LEVEL_WORDS: [RegExp, string][] = [
  [/^(?:区|县|区县|县区|旗|区本|市辖区)级?$|^(?:区|县)级|^区政务|^县政务/, 'district'],
  [/^(?:街道|乡镇|乡|镇|街|街道乡镇)级?$|^(?:街道|乡镇)级/, 'street'],
  [/^(?:社区|村|村居|社区村|村社区|村\(社区\)|社区\(村\))级?$|^(?:社区|村)级/, 'community'],
  [/自助|24\s*小时/, 'self-service'],
];

/** Places outside the mainland calendar: timezone, box (west, south, east, north), name. */
const ZONES: [string, [number, number, number, number], string][] = [
  ['Asia/Hong_Kong', [113.82, 22.13, 114.51, 22.57], 'Hong Kong'],
  ['Asia/Macau', [113.52, 22.1, 113.62, 22.22], 'Macau'],
  ['Asia/Taipei', [119.3, 21.8, 122.2, 25.4], 'Taiwan'],
];

const LIST_SEPARATORS = /[、,;\n]+/;
const ID_FIELDS = new Set(['id', 'area', 'code', 'venue', 'matter']);
const LANG_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;
const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december',
];

/** A column mapping applied to one sheet, with its readers. */
class Sheet {
  readonly columns: ColumnMap;
  private readonly notText = new Map<number, number>();
  /** Columns whose value differed from an earlier column's for the same field, by count. */
  private readonly conflicts = new Map<number, number>();

  constructor(
    readonly records: Records,
    readonly kind: SheetKind,
    mapping: string | undefined,
  ) {
    let explicit: Map<string, string>;
    try {
      explicit = mapping ? parseMapping(mapping, kind) : new Map();
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    // a mapping must name columns the sheet has, or the fields it meant stay empty
    const keys = new Set(records.header.map(headerKey));
    const missing = [...explicit.keys()].filter((key) => !keys.has(key));
    if (missing.length > 0) {
      const option = { venue: '--map', matter: '--matters-map', 'venue-matter': '--venue-matters-map' }[kind];
      const names = mappingHeaders(mapping ?? '').filter((h) => missing.includes(headerKey(h)));
      const columns = records.header.filter((h) => h !== '').map((h) => `"${h}"`).join(', ');
      throw new InputError(
        `${option} names ${names.length === 1 ? 'the column' : 'the columns'} ` +
          `${names.map((h) => `"${h}"`).join(', ')}, which ${records.file} does not have; its ` +
          `columns are ${columns || '(none)'}.`,
      );
    }
    this.columns = mapColumns(records.header, kind, explicit);
  }

  has(field: string): boolean {
    return this.columns.fields.has(field);
  }

  /**
   * The columns that may give a field in this row. In a JSON list the keys vary
   * record by record (`名称` in one, `name` in the next), so every column naming
   * a single-valued field is an alternative, the first non-empty one used.
   */
  private sources(field: string): number[] {
    const columns = this.columns.fields.get(field);
    if (!columns) return [];
    if (this.records.unit !== 'record' || MULTI.has(field)) return columns;
    const more = this.columns.repeated.filter((r) => r.field === field).map((r) => r.column);
    return [...columns, ...more];
  }

  /** The raw value of a single-valued field. */
  value(row: RecordRow, field: string): unknown {
    const columns = this.sources(field);
    const found = columns.find((c) => !blank(row.values[c]));
    return row.values[found ?? columns[0]];
  }

  /** A field as text: several columns (phones) and lists are joined with `joiner`. */
  text(row: RecordRow, field: string, joiner = '、'): string | null {
    const columns = this.sources(field);
    if (columns.length === 0) return null;
    const single = !MULTI.has(field);
    const parts: string[] = [];
    for (const column of columns) {
      const text = toText(row.values[column], joiner);
      if (text === undefined) {
        this.notText.set(column, (this.notText.get(column) ?? 0) + 1);
        continue;
      }
      if (text === null) continue;
      if (single && parts.length > 0) {
        // a record giving a field twice, differently: the first is used, and said so
        if (text !== parts[0]) this.conflicts.set(column, (this.conflicts.get(column) ?? 0) + 1);
        continue;
      }
      parts.push(text);
    }
    return parts.length === 0 ? null : parts.join(joiner);
  }

  /**
   * A text field that may be given by language (`{ "zh-CN": "…", "en": "…" }`, as
   * the format allows for names, addresses, hours and notes): the value to write,
   * and the text to use for ids, pinyin and messages.
   */
  textByLang(row: RecordRow, field: string, joiner = '、'): { value: Text; plain: string } | null {
    let found: { value: Text; plain: string } | null = null;
    for (const column of this.sources(field)) {
      const raw = row.values[column];
      let here: { value: Text; plain: string } | null = languageText(raw);
      if (!here) {
        const text = isObject(raw) ? undefined : toText(raw, joiner);
        if (text === undefined) {
          this.notText.set(column, (this.notText.get(column) ?? 0) + 1);
          continue;
        }
        if (text === null) continue;
        here = { value: text, plain: text };
      }
      if (found === null) found = here;
      else if (JSON.stringify(here.value) !== JSON.stringify(found.value)) {
        // a record giving a field twice, differently: the first is used, and said so
        this.conflicts.set(column, (this.conflicts.get(column) ?? 0) + 1);
      }
    }
    return found;
  }

  /** Whether every value of the row is empty. */
  empty(row: RecordRow): boolean {
    return row.values.every((value) => {
      if (value == null) return true;
      if (typeof value === 'string') return value.trim() === '';
      return Array.isArray(value) && value.length === 0;
    });
  }

  /** Problems about the columns: unused, repeated, not text. */
  columnProblems(): ToolProblem[] {
    const { file, header } = this.records;
    const out: ToolProblem[] = [];
    const kindWord = this.kind === 'venue-matter' ? 'venue–matter' : this.kind;
    const unused = this.columns.unused.filter((c) => header[c] !== '');
    if (unused.length > 0) {
      const names = unused.map((c) => `"${header[c]}"`).join(', ');
      out.push({
        path: '',
        severity: 'info',
        code: 'column-unused',
        message: unused.length === 1
          ? `Column ${names} of ${file} was not used; if it holds a ${kindWord} field, map ` +
            'it with --map.'
          : `Columns ${names} of ${file} were not used; if they hold ${kindWord} fields, ` +
            'map them with --map.',
        file,
      });
    }
    for (const { column, field, first } of this.columns.repeated) {
      if (this.records.unit === 'record') {
        // in a JSON list the other key is read where the first is missing
        const count = this.conflicts.get(column);
        if (!count) continue;
        out.push({
          path: '',
          severity: 'warning',
          code: 'column-repeated',
          message: `${count} record${count === 1 ? ' of ' + file + ' gives' : 's of ' + file + ' give'} the ${field} ` +
            `both as "${header[first]}" and, differently, as "${header[column]}"; ` +
            `"${header[first]}" was used.`,
          file,
        });
        continue;
      }
      out.push({
        path: '',
        severity: 'warning',
        code: 'column-repeated',
        message: `Column "${header[column]}" of ${file} also names the ${field}, which column ` +
          `"${header[first]}" gives; only "${header[first]}" was used.`,
        file,
      });
    }
    for (const [column, count] of this.notText) {
      const field = [...this.columns.fields].find(([, cols]) => cols.includes(column))?.[0];
      out.push({
        path: '',
        severity: 'warning',
        code: 'value-not-text',
        message: `Column "${header[column]}" of ${file} holds lists or objects ` +
          `(${count} ${this.records.unit}${count === 1 ? '' : 's'}), not text; it was not ` +
          `used for the ${field}.`,
        file,
      });
    }
    return out;
  }
}

/** A matter being built, with where it came from. */
interface MatterDraft {
  id: string;
  name: string;
  fields: Json;
  file?: string;
  row?: number;
}

/** One venue's facts about one matter. */
interface Pair {
  matter: string;
  window?: string;
  hours?: string;
  phone?: string;
  code?: string;
  appointment?: string;
}

/** A matter as a venue row names it, with what the row adds for the pair. */
interface MatterRef {
  name: string;
  extra: Omit<Pair, 'matter'>;
}

interface VenueDraft {
  /** The name as plain text (the Chinese one of a name given by language). */
  name: string;
  fields: Json;
  pairs: Map<string, Pair>;
  file: string;
  row: number;
}

/** Reads the sheets named, builds the document, checks it and returns what to write. */
export async function convertSources(
  input: string,
  options: ConvertOptions = {},
): Promise<Conversion> {
  const builder = new Builder(options);
  await builder.run(input);
  return builder.finish();
}

class Builder {
  private readonly problems: ToolProblem[] = [];
  private readonly venues: VenueDraft[] = [];
  private readonly areas = new Map<string, string>();
  private readonly matters: MatterDraft[] = [];
  private readonly matterIndex = new Map<string, MatterDraft>();
  private readonly takenMatterIds = new Set<string>();
  private readonly takenVenueIds = new Map<string, number>();
  private matterSheetGiven = false;
  private crs: Crs = 'WGS84';
  private rows = 0;
  /** The pointer of the record being read (`/venues/3`), for row problems; null between. */
  private base: string | null = null;
  private venueFile = '';
  private matterFile = '';
  private pairFile = '';

  constructor(private readonly options: ConvertOptions) {}

  async run(input: string): Promise<void> {
    const { options } = this;

    // the matter sheet first, so that venues can name its matters
    if (options.matters) {
      this.matterSheetGiven = true;
      const records = await readRecords(options.matters, 'matter');
      this.matterFile = records.file;
      this.readMatters(new Sheet(records, 'matter', options.mattersMap));
    }

    // the venues
    const records = await readRecords(input, 'venue', options.sheet ?? null);
    const sheet = new Sheet(records, 'venue', options.map);
    this.venueFile = records.file;
    this.problems.push(...records.notes);
    if (records.unit === 'record' && records.rows.length === 0) {
      throw new InputError(
        records.notes.some((p) => p.code === 'record-not-object')
          ? `${records.file} holds no records that are objects (a venue is written as ` +
              '{ "名称": "…", "地址": "…" }), so there is no document to write.'
          : `${records.file} holds an empty list, so there is no document to write.`,
        [...this.problems],
      );
    }
    if (!sheet.has('name')) {
      const columns = records.header.filter((h) => h !== '').map((h) => `"${h}"`).join(', ');
      const garbled = looksGarbled(records.header) ||
        (records.encoding !== undefined && records.encoding !== 'utf-8' &&
          !records.header.some((h) => mapColumns([h], 'venue').fields.size > 0));
      throw new InputError(
        `No column of ${records.file} holds the venue names (such as 名称, 网点名称 or name; ` +
          (columns === '' ? 'it has no column headers' : `its columns are ${columns}`) +
          '); name one with --map 列名=name.' +
          (garbled
            ? ' The header looks garbled, so the file\'s encoding may be the cause: in Excel, ' +
              'save it as "CSV UTF-8" (File > Save As > CSV UTF-8) and convert that file.'
            : ''),
        [...this.problems],
      );
    }
    this.chooseCrs(sheet, records);
    this.readVenues(sheet);
    this.problems.push(...sheet.columnProblems());

    // the venue–matter sheet adds pairs to the venues read
    if (options.venueMatters) {
      const pairs = await readRecords(options.venueMatters, 'venue-matter');
      this.pairFile = pairs.file;
      this.readPairs(new Sheet(pairs, 'venue-matter', options.venueMattersMap));
    }
  }

  // ---- coordinate system ----

  private chooseCrs(sheet: Sheet, records: Records): void {
    const { file } = records;
    const hint = sheet.columns.crsHint;
    const located = sheet.has('lng') || sheet.has('location');
    const geojson = records.header.includes('geometry') && records.unit === 'record';
    const declared = this.options.crs;
    if (declared) {
      this.crs = declared;
      if (hint && hint.crs !== declared) {
        this.problems.push({
          path: '',
          severity: 'warning',
          code: 'crs-header-differs',
          message: `Column "${records.header[hint.column]}" of ${file} names ${hint.crs}, but ` +
            `--crs says ${declared}; the positions were read as ${declared}.`,
          file,
        });
      }
      return;
    }
    if (hint) {
      this.crs = hint.crs;
      this.problems.push({
        path: '',
        severity: 'info',
        code: 'crs-from-header',
        message: `Column "${records.header[hint.column]}" of ${file} names ${hint.crs}, so the ` +
          `positions were read as ${hint.crs}.`,
        file,
      });
      return;
    }
    if (located && !geojson) {
      this.problems.push({
        path: '',
        severity: 'info',
        code: 'crs-assumed',
        message: `${file} does not say which coordinate system its positions use; they were ` +
          'read as WGS84. If they were picked on Amap or Tencent maps give --crs GCJ02, on ' +
          'Baidu maps --crs BD09.',
        file,
      });
    }
  }

  // ---- matters ----

  private readMatters(sheet: Sheet): void {
    const { file } = sheet.records;
    if (!sheet.has('name')) {
      throw new InputError(
        `No column of ${file} holds the matter names (such as 事项名称 or name); name one ` +
          'with --matters-map 列名=name.',
      );
    }
    this.problems.push(...sheet.records.notes);
    let generated = 0;
    const empty: number[] = [];
    for (const row of sheet.records.rows) {
      if (sheet.empty(row)) {
        empty.push(row.row);
        continue;
      }
      const named = sheet.textByLang(row, 'name');
      const name = named?.plain ?? null;
      if (named === null || name === null) {
        this.rowProblem(sheet, row, 'row-no-name', 'has no matter name; it was not used.');
        continue;
      }

      // the id: its own, else the code (stable across exports), else from the name
      this.base = `/matters/${this.matters.length}`;
      const code = this.idText(sheet, row, 'code');
      let id = this.idText(sheet, row, 'id') ?? code;
      if (id === null) {
        id = this.matterIdFromName(name);
        generated++;
      }
      const fields: Json = {};
      if (code !== null) fields.code = code;
      this.matterFields(sheet, row, fields);
      if (typeof named.value !== 'string') fields.name = named.value;
      this.addMatter({ id, name, fields, file, row: row.row });
    }
    this.base = null;
    if (generated > 0) this.generatedNote(file, generated, 'matter', 'id or code');
    this.emptyNote(file, empty, sheet.records.unit);
    this.problems.push(...sheet.columnProblems());
  }

  private matterFields(sheet: Sheet, row: RecordRow, fields: Json): void {
    const put = (key: string, value: unknown) => {
      if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) {
        fields[key] = value;
      }
    };
    put('aliases', splitList(sheet.text(row, 'aliases')));
    put('type', sheet.text(row, 'type'));
    put('department', sheet.text(row, 'department'));
    put('audience', audienceOf(sheet.text(row, 'audience')));
    put('topics', splitList(sheet.text(row, 'topics')));
    const scopeText = sheet.text(row, 'scope');
    const scope = scopeOf(scopeText);
    put('scope', scope);
    if (scopeText !== null && scope === null) {
      this.rowProblem(sheet, row, 'value-unknown',
        `gives the scope "${scopeText}", which is neither 通办 (anywhere) nor 属地 (area); ` +
          'it was left out.', 'warning', 'scope');
    }
    const visitsText = sheet.text(row, 'visits');
    const visits = visitsOf(visitsText);
    put('visits', visits);
    if (visitsText !== null && visits === null) {
      this.rowProblem(sheet, row, 'value-unknown',
        `gives the number of visits "${visitsText}", which is not a number; it was left out.`,
        'warning', 'visits');
    }
    put('online', sheet.text(row, 'online'));
    put('promised', sheet.text(row, 'promised'));
    put('legal', sheet.text(row, 'legal'));
    put('fee', sheet.text(row, 'fee'));
    put('conditions', sheet.text(row, 'conditions'));
    put('materials', splitLines(sheet.text(row, 'materials', '\n')));
    put('steps', splitLines(sheet.text(row, 'steps', '\n')));
    put('basis', splitLines(sheet.text(row, 'basis', '\n')));
    put('phone', sheet.text(row, 'phone'));
    put('complaintPhone', sheet.text(row, 'complaintPhone'));
  }

  private addMatter(draft: MatterDraft): void {
    this.matters.push(draft);
    this.takenMatterIds.add(draft.id);
    for (const key of [`id:${draft.id}`, `name:${squeeze(draft.name)}`]) {
      if (!this.matterIndex.has(key)) this.matterIndex.set(key, draft);
    }
    const code = draft.fields.code;
    if (typeof code === 'string' && !this.matterIndex.has(`code:${code}`)) {
      this.matterIndex.set(`code:${code}`, draft);
    }
    // the words people use name the matter too (暂住证 for 居住证首次申领)
    const aliases = Array.isArray(draft.fields.aliases) ? (draft.fields.aliases as string[]) : [];
    for (const alias of aliases) {
      if (!this.matterIndex.has(`alias:${squeeze(alias)}`)) {
        this.matterIndex.set(`alias:${squeeze(alias)}`, draft);
      }
    }
  }

  /** The matter a venue names (by id, code, name or alias); made from the name when unknown. */
  private matterFor(ref: string, sheet: Sheet, row: RecordRow): MatterDraft {
    const found =
      this.matterIndex.get(`id:${ref}`) ??
      this.matterIndex.get(`code:${ref}`) ??
      this.matterIndex.get(`name:${squeeze(ref)}`) ??
      this.matterIndex.get(`alias:${squeeze(ref)}`);
    if (found) return found;
    if (this.matterSheetGiven) {
      this.rowProblem(sheet, row, 'matter-not-found',
        `names the matter "${ref}", which the matter sheet does not list; a matter with only ` +
          'this name was made.', 'warning', 'matters');
    }
    const draft: MatterDraft = { id: this.matterIdFromName(ref), name: ref, fields: {} };
    this.addMatter(draft);
    return draft;
  }

  private matterIdFromName(name: string): string {
    return uniqueId('m', name, (id) => this.takenMatterIds.has(id));
  }

  // ---- venues ----

  private readVenues(sheet: Sheet): void {
    const { records } = sheet;
    const { file } = records;
    const empty: number[] = [];
    let generated = 0;
    let unnamedAreas = false;
    const total = records.rows.length;
    this.rows = total;

    for (let i = 0; i < total; i++) {
      const row = records.rows[i];
      this.options.progress?.step(`Reading ${file}`, i + 1, total);
      if (sheet.empty(row)) {
        empty.push(row.row);
        continue;
      }

      // a row without a name cannot become a venue
      const named = sheet.textByLang(row, 'name');
      const name = named?.plain ?? null;
      if (named === null || name === null) {
        const seen = row.values
          .map((v) => toText(v, ' '))
          .filter((v): v is string => typeof v === 'string')
          .slice(0, 3);
        const reads = seen.length > 0 ? ` (it reads ${seen.map((v) => `"${v}"`).join(', ')})` : '';
        this.rowProblem(sheet, row, 'row-no-name', `has no venue name${reads}; it was not used.`);
        continue;
      }

      // identity
      this.base = `/venues/${this.venues.length}`;
      const fields: Json = {};
      let id = this.idText(sheet, row, 'id');
      if (id === null) {
        id = uniqueId('v', name, (candidate) => this.takenVenueIds.has(candidate));
        generated++;
      }
      this.takenVenueIds.set(id, (this.takenVenueIds.get(id) ?? 0) + 1);
      fields.id = id;
      fields.name = named.value;
      const keys = pinyinKeys(name);
      if (keys) fields.pinyin = keys;

      // level and area
      let level = levelOf(sheet.text(row, 'level') ?? this.options.level ?? null);
      if (level === null) {
        const inferred = levelFromName(name);
        if (inferred) {
          level = inferred.level;
          this.rowProblem(sheet, row, 'level-inferred',
            `gives no level; the name "${name}" has "${inferred.word}" in it, so the level ` +
              `was set to ${inferred.level}.`, 'info', 'level');
        }
      }
      if (level !== null) fields.level = level;
      const areaCode = this.idText(sheet, row, 'area');
      const areaName = sheet.text(row, 'areaName');
      if (areaCode !== null || areaName !== null) {
        const areaId = areaCode ?? areaName!;
        if (!this.areas.has(areaId) || (areaName !== null && this.areas.get(areaId) === areaId)) {
          this.areas.set(areaId, areaName ?? areaId);
        }
        if (areaName === null) unnamedAreas = true;
        fields.area = areaId;
      }

      // what a citizen reads
      put(fields, 'address', sheet.textByLang(row, 'address')?.value);
      const point = this.point(sheet, row);
      if (point) fields.location = point;
      put(fields, 'phone', sheet.text(row, 'phone'));
      const hoursByLang = sheet.has('hours') && sheet.records.unit === 'record'
        ? sheet.textByLang(row, 'hours', '；')
        : null;
      const hours = hoursByLang ? hoursByLang.plain : sheet.text(row, 'hours', '；');
      put(fields, 'hours', hoursByLang ? hoursByLang.value : hours);
      // the machine form where the hours engine can say the same as the text
      const machine = sheet.text(row, 'openingHours') ?? (hours && hoursToOpeningHours(hours));
      put(fields, 'openingHours', machine);
      put(fields, 'appointment', sheet.text(row, 'appointment'));
      put(fields, 'queue', sheet.text(row, 'queue'));
      const facilities = splitList(sheet.text(row, 'facilities'));
      if (facilities.length > 0) fields.facilities = facilities;
      const noteByLang = sheet.records.unit === 'record' ? sheet.textByLang(row, 'note', '；') : null;
      put(fields, 'note', noteByLang && typeof noteByLang.value !== 'string'
        ? noteByLang.value
        : sheet.text(row, 'note', '；'));
      put(fields, 'updated', dateOf(sheet.text(row, 'updated')));

      // the matters it handles, by name, code or id
      const draft: VenueDraft = { name, fields, pairs: new Map(), file, row: row.row };
      for (const ref of this.matterRefs(sheet, row)) {
        const matter = this.matterFor(ref.name, sheet, row);
        addPair(draft, { matter: matter.id, ...ref.extra });
      }
      this.venues.push(draft);
    }
    this.base = null;
    this.options.progress?.end();

    if (generated > 0) this.generatedNote(file, generated, 'venue', 'id');
    if (unnamedAreas) {
      this.problems.push({
        path: '/areas',
        severity: 'info',
        code: 'area-unnamed',
        message: `${file} gives area codes without area names, so the areas are named by ` +
          'their codes; add a column such as 所属街道 with the names.',
        file,
      });
    }
    this.emptyNote(file, empty, records.unit);
  }

  /** The matters a venue row names: text split at 、 , ; or a list of names or objects. */
  private matterRefs(sheet: Sheet, row: RecordRow): MatterRef[] {
    const columns = sheet.columns.fields.get('matters') ?? [];
    const refs: MatterRef[] = [];
    for (const column of columns) {
      const value = row.values[column];
      const items = Array.isArray(value)
        ? value
        : typeof value === 'string'
          ? splitMatters(value)
          : value == null
            ? []
            : [value];
      for (const item of items) {
        if (typeof item === 'string' || typeof item === 'number') {
          const name = String(item).trim();
          if (name === '') continue;
          refs.push({ name, extra: {} });
          if (looksLikeSeveral(name)) {
            this.rowProblem(sheet, row, 'matters-unsplit',
              `names the matter "${name}", which looks like several matters in one; separate ` +
                'them with 、 or ; (or one per line in the cell).', 'warning', 'matters');
          }
          continue;
        }
        if (isObject(item)) {
          // { name, phone, window, hours, code, appointment }, as JSON lists nest them
          const name = [item.name, item.matter, item.title, item.id].find(
            (v) => typeof v === 'string' && v.trim() !== '',
          ) as string | undefined;
          if (name === undefined) continue;
          const extra: Omit<Pair, 'matter'> = {};
          for (const key of ['window', 'hours', 'phone', 'code', 'appointment'] as const) {
            const text = toText(item[key], '、');
            if (typeof text === 'string') extra[key] = text;
          }
          refs.push({ name: name.trim(), extra });
        }
      }
    }
    return refs;
  }

  /** The position of a venue row, in the input's coordinate system, or null (reported). */
  private point(sheet: Sheet, row: RecordRow): [number, number] | null {
    let lngRaw: unknown;
    let latRaw: unknown;
    let shown: string;
    if (sheet.has('lng') || sheet.has('lat')) {
      lngRaw = sheet.value(row, 'lng');
      latRaw = sheet.value(row, 'lat');
      const lngEmpty = blank(lngRaw);
      const latEmpty = blank(latRaw);
      if (lngEmpty && latEmpty) {
        if (sheet.has('location')) return this.pointFrom(sheet, row, sheet.value(row, 'location'));
        return null;
      }
      if (lngEmpty || latEmpty) {
        this.rowProblem(sheet, row, 'location-half',
          `gives a ${lngEmpty ? 'latitude' : 'longitude'} ` +
            `(${JSON.stringify(lngEmpty ? latRaw : lngRaw)}) without a ` +
            `${lngEmpty ? 'longitude' : 'latitude'}; the position was left out.`,
          'warning', 'location');
        return null;
      }
      shown = `${JSON.stringify(lngRaw)}, ${JSON.stringify(latRaw)}`;
      const lng = numberOf(lngRaw);
      const lat = numberOf(latRaw);
      if (lng === null || lat === null) {
        this.rowProblem(sheet, row, 'location-unreadable',
          `gives the position ${shown}, which is not two numbers; the position was left out.`,
          'warning', 'location');
        return null;
      }
      return [lng, lat];
    }
    if (sheet.has('location')) return this.pointFrom(sheet, row, sheet.value(row, 'location'));
    return null;
  }

  private pointFrom(sheet: Sheet, row: RecordRow, value: unknown): [number, number] | null {
    if (blank(value)) return null;
    let parts: unknown[] | null = null;
    if (Array.isArray(value)) parts = value;
    else if (isObject(value) && value.type === 'Point' && Array.isArray(value.coordinates)) {
      parts = value.coordinates;
    } else if (typeof value === 'string') {
      parts = value.normalize('NFKC').split(/\s*[,;\s]\s*/).filter((p) => p !== '');
    }
    const lng = parts && parts.length >= 2 ? numberOf(parts[0]) : null;
    const lat = parts && parts.length >= 2 ? numberOf(parts[1]) : null;
    if (lng === null || lat === null) {
      const what = isObject(value) && typeof value.type === 'string'
        ? `a ${value.type}, not a Point`
        : 'not a longitude and a latitude';
      this.rowProblem(sheet, row, 'location-unreadable',
        `gives the position ${JSON.stringify(value).slice(0, 60)}, which is ${what}; the ` +
          'position was left out.', 'warning', 'location');
      return null;
    }
    return [lng, lat];
  }

  // ---- venue–matter pairs ----

  private readPairs(sheet: Sheet): void {
    const { file } = sheet.records;
    if (!sheet.has('venue') || !sheet.has('matter')) {
      throw new InputError(
        `${file} needs a venue column (such as 场所 or 网点名称) and a matter column (such ` +
          'as 事项 or 事项名称); name them with --venue-matters-map 列名=venue,列名=matter.',
      );
    }
    this.problems.push(...sheet.records.notes);
    const byId = new Map<string, VenueDraft>();
    const byName = new Map<string, VenueDraft>();
    for (const venue of this.venues) {
      byId.set(String(venue.fields.id), venue);
      const key = squeeze(venue.name);
      if (!byName.has(key)) byName.set(key, venue);
    }
    const empty: number[] = [];
    for (const row of sheet.records.rows) {
      if (sheet.empty(row)) {
        empty.push(row.row);
        continue;
      }
      const venueRef = this.idText(sheet, row, 'venue');
      const matterRef = this.idText(sheet, row, 'matter');
      if (venueRef === null || matterRef === null) {
        this.rowProblem(sheet, row, 'row-incomplete',
          `has no ${venueRef === null ? 'venue' : 'matter'}; it was not used.`);
        continue;
      }
      const venue = byId.get(venueRef) ?? byName.get(squeeze(venueRef));
      if (!venue) {
        this.rowProblem(sheet, row, 'venue-not-found',
          `names the venue "${venueRef}", which the venue sheet does not have; it was not used.`);
        continue;
      }
      const matter = this.matterFor(matterRef, sheet, row);
      const pair: Pair = { matter: matter.id };
      for (const key of ['window', 'hours', 'phone', 'code', 'appointment'] as const) {
        const text = sheet.text(row, key);
        if (text !== null) pair[key] = text;
      }
      addPair(venue, pair);
    }
    this.emptyNote(file, empty, sheet.records.unit);
    this.problems.push(...sheet.columnProblems());
  }

  // ---- shared readers and notes ----

  /** An id-like field as text, with Excel's number damage repaired (and reported). */
  private idText(sheet: Sheet, row: RecordRow, field: string): string | null {
    let text = sheet.text(row, field);
    if (text === null || !ID_FIELDS.has(field)) return text;
    // ４２０１１１: full-width digits and letters, so that other sheets' references match
    // (NFKC, as headers are compared)
    const folded = text.normalize('NFKC');
    if (folded !== text) {
      this.rowProblem(sheet, row, 'id-fullwidth',
        `gives the ${field} "${text}" in full-width characters; it was read as "${folded}", ` +
          'so that references to it from other sheets match.', 'info', field);
      text = folded;
    }
    // a number cell of more than 15 digits: Excel has already turned the rest into zeros
    const column = sheet.columns.fields.get(field)?.[0];
    if (column !== undefined && sheet.records.longNumbers?.has(`${row.row}:${column}`)) {
      this.rowProblem(sheet, row, 'id-excel-digits',
        `gives the ${field} ${text} as a number of ${text.length} digits; Excel keeps only ` +
          `15, so the last ${text.length - 15} were already lost (set to 0) in the workbook. ` +
          'Format the column as text in Excel, type the ids again and export again.',
        'warning', field);
    }
    const fixed = repairId(text);
    if (fixed.fault === 'float') {
      this.rowProblem(sheet, row, 'id-excel-number',
        `gives the ${field} "${text}", a number Excel wrote with a decimal part; it was read ` +
          `as "${fixed.id}".`, 'info', field);
    } else if (fixed.fault === 'exponent') {
      this.rowProblem(sheet, row, 'id-excel-exponent',
        `gives the ${field} "${text}" in Excel's scientific notation; it was read as ` +
          `"${fixed.id}".`, 'info', field);
    } else if (fixed.fault === 'exponent-lost') {
      this.rowProblem(sheet, row, 'id-excel-exponent',
        `gives the ${field} "${text}" in Excel's scientific notation, which keeps only its ` +
          `first digits; it was read as "${fixed.id}", but the rest are lost: format the ` +
          'column as text in Excel and export it again.', 'warning', field);
    }
    return fixed.id;
  }

  private rowProblem(
    sheet: Sheet,
    row: RecordRow,
    code: string,
    rest: string,
    severity: ToolProblem['severity'] = 'error',
    key: string | null = null,
  ): void {
    const { file, unit } = sheet.records;
    this.problems.push({
      path: key !== null && this.base !== null ? `${this.base}/${key}` : '',
      severity,
      code,
      message: `${unit === 'row' ? 'Row' : 'Record'} ${row.row} of ${file} ${rest}`,
      file,
      row: row.row,
    });
  }

  private generatedNote(file: string, count: number, kind: string, what: string): void {
    this.problems.push({
      path: '',
      severity: 'info',
      code: 'id-generated',
      message: `${count} ${kind}${count === 1 ? '' : 's'} of ${file} had no ${what}; ids were ` +
        `made from the pinyin initials of the names. Add an id column to keep links to ` +
        `${kind}s stable when names change.`,
      file,
    });
  }

  private emptyNote(file: string, rows: number[], unit: 'row' | 'record'): void {
    if (rows.length === 0) return;
    const list = rows.length > 8 ? `${rows.slice(0, 8).join(', ')} …` : rows.join(', ');
    this.problems.push({
      path: '',
      severity: 'info',
      code: 'rows-empty',
      message: `${rows.length} empty ${unit}${rows.length === 1 ? '' : 's'} of ${file} ` +
        `(${list}) ${rows.length === 1 ? 'was' : 'were'} skipped.`,
      file,
    });
  }

  // ---- the document ----

  finish(): Conversion {
    const { options } = this;

    // the document as read, positions still in the input's system
    const venues = this.venues.map((draft) => venueOut(draft));
    const matters = this.matters.map((draft) => {
      const out: Json = { id: draft.id, name: draft.name };
      const keys = pinyinKeys(draft.name);
      if (keys) out.pinyin = keys;
      return { ...out, ...draft.fields };
    });
    const areas = [...this.areas].map(([id, name]) => ({ id, name }));
    const head: Json = {};
    if (options.schema !== null) head.$schema = options.schema ?? SCHEMA_URL;
    head.version = 1;
    if (options.title) head.title = options.title;
    if (options.lang) head.lang = options.lang;
    const tail: Json = {};
    if (options.timezone) tail.timezone = options.timezone;
    if (areas.length > 0) tail.areas = areas;
    tail.venues = venues;
    if (matters.length > 0) tail.matters = matters;

    // checked like any document, in the input's system so placeholders show as written
    const asRead: Json = { ...head, crs: this.crs, ...tail };
    const { problems, data } = validateDocument(asRead, options.progress);

    // problems name the row they came from
    for (const problem of problems) {
      const venue = /^\/venues\/(\d+)/.exec(problem.path);
      const matter = /^\/matters\/(\d+)/.exec(problem.path);
      const source = venue
        ? this.venues[Number(venue[1])]
        : matter
          ? this.matters[Number(matter[1])]
          : undefined;
      if (source?.file !== undefined) {
        problem.file = source.file;
        if (source.row !== undefined) problem.row = source.row;
      }
    }

    // the schema requires a level: without one the document is incomplete
    for (const problem of problems) {
      if (problem.code === 'level-missing' && /^\/venues\/\d+\/level$/.test(problem.path)) {
        problem.severity = 'error';
        problem.message = problem.message.replace(/;[^;]*$/, '') +
          '; the published schema requires one. Add a level column (层级: 区级, 街道, 社区, ' +
          '自助) or give --level.';
      }
    }

    // a repeated id is written renamed, as the elements would read it
    for (const problem of problems) {
      const at = /^\/(venues|matters)\/(\d+)\/id$/.exec(problem.path);
      if (problem.code !== 'duplicate-id' || !at) continue;
      const k = Number(at[2]);
      const written = at[1] === 'venues' ? venues[k] : matters[k];
      const parsed = at[1] === 'venues' ? data.venues[k] : data.matters[k];
      const isVenue = at[1] === 'venues';
      const earlier = isVenue
        ? this.venues.slice(0, k).find((d) => d.fields.id === written.id)
        : this.matters.slice(0, k).find((d) => d.id === written.id);
      const kind = isVenue ? 'venue' : 'matter';
      const plain = isVenue ? this.venues[k].name : this.matters[k].name;
      problem.message = `${isVenue ? 'Venue' : 'Matter'} ${JSON.stringify(plain)} ` +
        `has the id "${String(written.id)}" of an earlier ${kind}` +
        (earlier?.row !== undefined ? ` (${earlier.file}:${earlier.row})` : '') +
        `; it was written with the id "${parsed.id}", as the elements would read it. Give ` +
        `each ${kind} its own id in the sheet, so that links to it stay the same.`;
      written.id = parsed.id;
    }

    // what is written: WGS-84, without what the core dropped or what is a placeholder
    const flagged = new Set(
      options.keepPlaceholders
        ? []
        : problems
            .filter((p) => p.code === 'location-rough' || p.code === 'location-round')
            .map((p) => p.path),
    );
    for (const problem of problems) {
      if (flagged.has(problem.path) && /^location-(rough|round)$/.test(problem.code)) {
        problem.message += ' It was left out of the document.';
      }
    }
    const shifted = this.crs === 'GCJ02' || this.crs === 'BD09';
    for (let k = 0; k < venues.length; k++) {
      const venue = venues[k];
      const parsed = data.venues[k];
      if (venue.location !== undefined) {
        const location = parsed.location;
        if (location === null || flagged.has(`/venues/${k}/location`)) delete venue.location;
        else {
          const asRead = venue.location;
          venue.location = round(location);
          // a point quoted from the sheet, in the sheet's system: the written one beside it
          const moved = Array.isArray(asRead) &&
            (round(asRead as LngLat)[0] !== (venue.location as number[])[0] ||
              round(asRead as LngLat)[1] !== (venue.location as number[])[1]);
          if (shifted && moved && Array.isArray(asRead)) {
            const quoted = `[${asRead[0]}, ${asRead[1]}]`;
            for (const problem of problems) {
              if (problem.path !== `/venues/${k}/location` || !problem.message.includes(quoted)) {
                continue;
              }
              problem.message = problem.message.replace(
                quoted,
                `${quoted} (${this.crs}, as in the sheet; written in WGS-84 as ` +
                  `[${(venue.location as number[]).join(', ')}])`,
              );
            }
          }
        }
      }
      if (venue.appointment !== undefined && parsed.appointment === null) delete venue.appointment;
      if (venue.queue !== undefined && parsed.queue === null) delete venue.queue;
    }
    for (let j = 0; j < matters.length; j++) {
      if (matters[j].online !== undefined && data.matters[j].online === null) {
        delete matters[j].online;
      }
    }

    // a list entirely in Hong Kong, Macau or Taiwan wants that place's holidays
    if (!options.timezone) {
      const located = data.venues.filter((v) => v.location !== null).map((v) => v.location!);
      const zone = ZONES.find(
        ([, box]) => located.length > 0 && located.every((p) => inBox(p, box)),
      );
      if (zone) {
        problems.push({
          path: '/timezone',
          severity: 'info',
          code: 'timezone-suggested',
          message: `Every venue lies in ${zone[2]}, but the document has no timezone, so ` +
            `mainland China's holidays apply; give --timezone ${zone[0]}.`,
        });
      }
    }

    // the report reads sheet by sheet, row by row; document-wide problems last
    const files = [this.venueFile, this.matterFile, this.pairFile];
    const rank = (p: ToolProblem) => {
      const at = p.file === undefined ? -1 : files.indexOf(p.file);
      return at < 0 ? files.length : at;
    };
    const all = [...this.problems, ...problems]
      .map((problem, index) => ({ problem, index }))
      .sort(
        (a, b) =>
          rank(a.problem) - rank(b.problem) ||
          (a.problem.row ?? -1) - (b.problem.row ?? -1) ||
          a.index - b.index,
      )
      .map(({ problem }) => problem);

    return {
      document: { ...head, crs: 'WGS84', ...tail },
      problems: all,
      stats: {
        rows: this.rows,
        venues: venues.length,
        matters: matters.length,
        areas: areas.length,
      },
    };
  }
}

// ---- helpers ----

function venueOut(draft: VenueDraft): Json {
  const { fields } = draft;
  const out: Json = {};
  // the documented order, so documents diff well
  for (const key of [
    'id', 'name', 'pinyin', 'level', 'area', 'address', 'location', 'phone', 'hours',
    'openingHours',
  ]) {
    if (fields[key] !== undefined) out[key] = fields[key];
  }
  if (draft.pairs.size > 0) {
    out.matters = [...draft.pairs.values()].map((pair) =>
      Object.keys(pair).length === 1 ? pair.matter : { ...pair },
    );
  }
  for (const key of ['appointment', 'queue', 'facilities', 'note', 'updated']) {
    if (fields[key] !== undefined) out[key] = fields[key];
  }
  return out;
}

/** Adds a pair; the same matter named again merges (phones and windows joined). */
function addPair(venue: VenueDraft, pair: Pair): void {
  const known = venue.pairs.get(pair.matter);
  if (!known) {
    venue.pairs.set(pair.matter, pair);
    return;
  }
  for (const key of ['window', 'hours', 'phone', 'code', 'appointment'] as const) {
    const value = pair[key];
    if (value === undefined) continue;
    const before = known[key];
    if (before === undefined) known[key] = value;
    else if (!before.split('、').includes(value)) known[key] = `${before}、${value}`;
  }
}

function inBox(point: LngLat, [w, s, e, n]: [number, number, number, number]): boolean {
  return point[0] >= w && point[0] <= e && point[1] >= s && point[1] <= n;
}

function put(fields: Json, key: string, value: unknown): void {
  if (value !== null && value !== undefined) fields[key] = value;
}

/** A cell or JSON value as text; undefined when it is not text (objects, nested lists). */
function toText(value: unknown, joiner: string): string | null | undefined {
  if (value == null) return null;
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? null : text;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    const parts = value.map((v) => String(v).trim()).filter((v) => v !== '');
    return parts.length === 0 ? null : parts.join(joiner);
  }
  return undefined;
}

/**
 * `{ "zh-CN": "戊中心", "en": "Wu Centre" }`: a text by language, kept as such;
 * the plain text is the Chinese one (or the first).
 */
function languageText(value: unknown): { value: Record<string, string>; plain: string } | null {
  if (!isObject(value)) return null;
  const entries = Object.entries(value);
  if (entries.length === 0) return null;
  const out: Record<string, string> = {};
  for (const [key, text] of entries) {
    if (!LANG_TAG.test(key) || typeof text !== 'string') return null;
    if (text.trim() !== '') out[key.replace('_', '-')] = text.trim();
  }
  const keys = Object.keys(out);
  if (keys.length === 0) return null;
  const chinese =
    ['zh-CN', 'zh-Hans', 'zh', 'zh-SG', 'zh-Hant', 'zh-TW', 'zh-HK', 'zh-MO'].find((k) => k in out) ??
    keys.find((k) => /^zh/i.test(k)) ??
    keys[0];
  return { value: out, plain: out[chinese] };
}

function blank(value: unknown): boolean {
  return value == null || (typeof value === 'string' && value.trim() === '');
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFKC').replace(/[°\s]/g, '');
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  return Number(text);
}

function round(point: LngLat): [number, number] {
  return [Math.round(point[0] * 1e6) / 1e6, Math.round(point[1] * 1e6) / 1e6];
}

/**
 * An id as Excel may have damaged it: `420111002001.0` (a float), `4.20111002001E+11`
 * (all digits kept) or `4.20111E+11` (digits lost).
 */
export function repairId(text: string): {
  id: string;
  fault?: 'float' | 'exponent' | 'exponent-lost';
} {
  const float = /^(\d+)\.0+$/.exec(text);
  if (float) return { id: float[1], fault: 'float' };
  const exp = /^(\d)(?:\.(\d+))?[eE]\+?(\d+)$/.exec(text);
  if (exp) {
    const fraction = exp[2] ?? '';
    const power = Number(exp[3]);
    if (fraction.length <= power && power <= 30) {
      const id = exp[1] + fraction + '0'.repeat(power - fraction.length);
      // Excel's General format shows about 6 significant digits: zeros padded past
      // them are digits that were lost, unless the code really ends in zeros
      return { id, fault: power - fraction.length > 0 ? 'exponent-lost' : 'exponent' };
    }
  }
  return { id: text };
}

/** `m-jzzsl` from 居住证首次申领; another name with the same initials gets a hash. */
function uniqueId(prefix: string, name: string, taken: (id: string) => boolean): string {
  const keys = pinyinKeys(name);
  const stem = `${prefix}-${keys ? keys.initials.slice(0, 24) : hash(name)}`;
  if (!taken(stem)) return stem;
  const hashed = `${stem}-${hash(name)}`;
  if (!taken(hashed)) return hashed;
  let n = 2;
  while (taken(`${hashed}-${n}`)) n++;
  return `${hashed}-${n}`;
}

/** FNV-1a, 32 bits, in base 36: a short stable tag for a name. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0').slice(0, 4);
}

/** What a venue's name says of its level, where it says it clearly, with the word. */
const NAME_LEVELS: [RegExp, string][] = [
  [/(自助|24\s*小时|24\s*h)/i, 'self-service'],
  [/(社区|村)(?:居委会|村委会|委员会)?(?:党群|便民|综合|公共)?服务(?:中心|站|点|室|大厅)/, 'community'],
  [/(街道|乡|镇)(?:办事处)?(?:政务|便民|综合|公共|党群|行政)?服务(?:中心|站|大厅)/, 'street'],
  [/(?<![园景校社片小营])(区|县|市|旗)(?:政务|行政|市民)服务(?:中心|大厅)/, 'district'],
];

/** The level a name makes clear (`…社区党群服务中心` → community), or null. */
export function levelFromName(name: string): { level: string; word: string } | null {
  const text = name.normalize('NFKC');
  for (const [pattern, level] of NAME_LEVELS) {
    const match = pattern.exec(text);
    if (match) return { level, word: match[1] };
  }
  return null;
}

function levelOf(text: string | null): string | null {
  if (text === null) return null;
  const word = text.normalize('NFKC').replace(/\s/g, '');
  const lower = word.toLowerCase();
  if (['district', 'street', 'community', 'self-service'].includes(lower)) return lower;
  for (const [pattern, level] of LEVEL_WORDS) if (pattern.test(word)) return level;
  return text;
}

function audienceOf(text: string | null): string[] {
  const out: string[] = [];
  for (const word of splitList(text)) {
    const value = /自然人|个人|公民|居民|person/i.test(word)
      ? 'person'
      : /法人|企业|单位|组织|business/i.test(word)
        ? 'business'
        : word;
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

function scopeOf(text: string | null): 'anywhere' | 'area' | null {
  if (text === null) return null;
  if (/通办|不限|anywhere/i.test(text)) return 'anywhere';
  if (/属地|辖区|本区|area/i.test(text)) return 'area';
  return null;
}

function visitsOf(text: string | null): number | null {
  if (text === null) return null;
  const normal = text.normalize('NFKC');
  if (/零|不跑|无需到现场/.test(normal)) return 0;
  const digits = /\d+/.exec(normal);
  if (digits) return Number(digits[0]);
  const words: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3 };
  const word = /[一二两三]/.exec(normal);
  return word ? words[word[0]] : null;
}

function splitList(text: string | null): string[] {
  if (text === null) return [];
  return text
    .normalize('NFKC')
    .split(LIST_SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * The matters of a cell: separated by 、 , ; / or new lines, or numbered
 * (`1.居住证首次申领 2.社保卡申领`, `①…②…`, `(1)…(2)…`).
 */
export function splitMatters(text: string): string[] {
  return text
    .replace(/[\u2460-\u2473\u2474-\u2487\u2488-\u249B\u3251-\u325F\u32B1-\u32BF\u2776-\u277F]/g, '\n')
    .normalize('NFKC')
    .replace(/(^|[\s、,;])[(]?\d{1,2}(?:[.、)](?!\d)|[)])\s*/g, '$1\n')
    .split(/[、,;/|\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Matter verbs: a name with two of them, or with spaces between long parts, is probably two. */
const MATTER_VERBS = /申领|申请|办理|登记|开具|备案|变更|注销|补办|换领|核发|签发|认定|审批|查询|缴纳|换证/g;

function looksLikeSeveral(name: string): boolean {
  if ((name.match(MATTER_VERBS) ?? []).length >= 2) return true;
  return /[\p{Script=Han}]{4,}\s+[\p{Script=Han}]{4,}/u.test(name);
}

function splitLines(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split(/\r?\n|；|;/)
    .map((part) => part.replace(/^\s*(?:\d+[.、)）]|[（(]\d+[)）])\s*/, '').trim())
    .filter((part) => part !== '');
}

/** Dates as YYYY-MM-DD when they can be read (`2019/3/24`, `2019年3月24日`, `24 March 2019`). */
function dateOf(text: string | null): string | null {
  if (text === null) return null;
  const pad = (n: string | number) => String(n).padStart(2, '0');
  const ymd = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (ymd) return `${ymd[1]}-${pad(ymd[2])}-${pad(ymd[3])}`;
  const dmy = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/i.exec(text.trim());
  if (dmy) {
    const month = MONTHS.indexOf(dmy[2].toLowerCase()) + 1;
    if (month > 0) return `${dmy[3]}-${pad(month)}-${pad(dmy[1])}`;
  }
  return text;
}

/** Text compared as people mean it: NFKC, no spaces or punctuation. */
function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}]/gu, '');
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
