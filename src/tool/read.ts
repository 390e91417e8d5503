/// <reference types="node" />
/**
 * Reading what office staff have: CSV (UTF-8 or the GB18030 that Excel writes
 * on Chinese Windows), XLSX (every cell as text, so codes keep their digits),
 * JSON arrays, a JSON object holding one list of records, and GeoJSON. Every
 * source becomes `Records`: a header and rows of values, numbered as the
 * spreadsheet numbers them.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { mapColumns, type SheetKind } from './columns.js';
import type { ToolProblem } from './report.js';

/** Input the tool cannot work with at all (exit code 2). */
export class InputError extends Error {
  override name = 'InputError';
  /** Problems found before the input turned out unusable (reported with it). */
  problems: ToolProblem[];
  constructor(message: string, problems: ToolProblem[] = []) {
    super(message);
    this.problems = problems;
  }
}

/** What a system error code means, in words (`ECONNREFUSED` → the server refused …). */
const SYSTEM_WORDS: Record<string, string> = {
  ECONNREFUSED:
    'the server refused the connection (is the address and port right, and is the server running?)',
  ENOTFOUND: 'no server has that name (check the address, or the network connection)',
  EAI_AGAIN: 'the server name could not be looked up (check the network connection)',
  ECONNRESET: 'the server broke off the connection',
  ETIMEDOUT: 'the server did not answer in time',
  UND_ERR_CONNECT_TIMEOUT: 'the server did not answer in time',
  EHOSTUNREACH: 'the server cannot be reached from this network',
  ENETUNREACH: 'this computer has no network connection to the server',
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed and not trusted",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate is not trusted",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate could not be checked",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate is for another name",
};

/** Why a fetch failed, in words. */
export function fetchFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return 'there was no answer within 30 seconds';
  }
  type Cause = { code?: string; message?: string };
  const cause = error instanceof Error ? (error.cause as Cause) : null;
  const code = cause && typeof cause === 'object' ? cause.code : undefined;
  if (code && SYSTEM_WORDS[code]) return `${SYSTEM_WORDS[code]}; ${code}`;
  if (code) return `${cause?.message ?? code}; ${code}`;
  if (cause && typeof cause === 'object' && cause.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** Why a file could not be read or written, in words. */
export function fileFailure(path: string, error: unknown, writing = false): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return writing
        ? `Could not write ${path}: its folder does not exist; create the folder first or ` +
            'write somewhere else.'
        : `There is no file ${path}.`;
    case 'EISDIR':
      return writing
        ? `Could not write ${path}: it is a folder; give a file name such as ` +
          `${path.replace(/[\\/]+$/, '')}/venues.json.`
        : `${path} is a folder, not a file; give the file inside it.`;
    case 'ENOTDIR':
      return `${writing ? 'Could not write' : 'Could not read'} ${path}: part of the path is a ` +
        'file, not a folder.';
    case 'EACCES':
    case 'EPERM':
      return `${writing ? 'Could not write' : 'Could not read'} ${path}: this user is not ` +
        `allowed to ${writing ? 'write' : 'read'} it.`;
    case 'EBUSY':
      return `${writing ? 'Could not write' : 'Could not read'} ${path}: another program has ` +
        'it open (close it in Excel and try again).';
    default:
      return `Could not ${writing ? 'write' : 'read'} ${path} (${(error as Error).message}).`;
  }
}

export interface RecordRow {
  /** The row as the user sees it: the spreadsheet row, or the record's 1-based position. */
  row: number;
  values: unknown[];
}

export interface Records {
  /** The file name as given, for messages. */
  file: string;
  sheet: string | null;
  /** What a row number means in messages: `row` (sheets) or `record` (JSON). */
  unit: 'row' | 'record';
  header: string[];
  rows: RecordRow[];
  /** Things said about the reading itself (encoding, skipped title rows, other sheets). */
  notes: ToolProblem[];
  /** How a text file was decoded (CSV and JSON). */
  encoding?: Encoding;
  /** `row:column` of workbook number cells with more than 15 digits (digits lost). */
  longNumbers?: Set<string>;
}

/** The bytes of a file or an http(s) address. */
export async function readBytes(source: string): Promise<Uint8Array> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new InputError(`Could not fetch ${source}: ${fetchFailure(error)}.`);
    }
    if (!response.ok) {
      throw new InputError(`${source} answered HTTP ${response.status}; nothing was read.`);
    }
    return new Uint8Array(await response.arrayBuffer());
  }
  try {
    return await readFile(source);
  } catch (error) {
    throw new InputError(fileFailure(source, error));
  }
}

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'mixed';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** For `mixed`: the 1-based lines that were not UTF-8 and were read as GB18030. */
  gbLines?: number[];
}

/**
 * The text of a file: UTF-16 (Excel's "Unicode text") by its BOM or its NUL
 * bytes; UTF-8; a UTF-8 file with some lines pasted in GBK read line by line;
 * else GB18030 (Excel's CSV on Chinese Windows).
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16, { ignoreBOM: false }).decode(bytes);
    return { text, encoding: utf16 };
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8 as a whole: line by line (a newline byte is never inside a GB18030 character)
  }
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, Math.min(i + 1, bytes.length)));
      start = i + 1;
    }
  }
  const gb = new TextDecoder('gb18030');
  const texts: string[] = [];
  const gbLines: number[] = [];
  let utf8Lines = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.every((b) => b < 0x80)) {
      texts.push(gb.decode(line));
      continue;
    }
    try {
      texts.push(new TextDecoder('utf-8', { fatal: true, ignoreBOM: n > 0 }).decode(line));
      utf8Lines++;
    } catch {
      texts.push(gb.decode(line));
      gbLines.push(n + 1);
    }
  }
  // mostly UTF-8, a few lines pasted from elsewhere
  if (utf8Lines > gbLines.length) {
    return { text: texts.join(''), encoding: 'mixed', gbLines };
  }
  return { text: gb.decode(bytes), encoding: 'gb18030' };
}

/** UTF-16 by its byte-order mark, or by NUL bytes in every other place. */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  // ASCII letters, digits, commas, tabs and newlines carry a NUL beside them
  const half = sample.length / 2;
  if (odd > half * 0.2 && even < odd / 10) return 'utf-16le';
  if (even > half * 0.2 && odd < even / 10) return 'utf-16be';
  return null;
}

/** Whether a header reads like text decoded in the wrong encoding. */
export function looksGarbled(header: readonly string[]): boolean {
  const text = header.join('');
  return /[\uFFFD\u0000-\u0008\u0080-\u009F\uE000-\uF8FF]|锟斤拷|烫烫|屯屯|[ÃÂâåæçèéäï][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¤¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿]/.test(text);
}

type Format = 'csv' | 'xlsx' | 'json';

function formatOf(path: string, bytes: Uint8Array): Format {
  const ext = extname(path.replace(/[?#].*$/, '')).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.json' || ext === '.geojson') return 'json';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  // a zip signature is a workbook; a brace or bracket is JSON
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  const first = decodeText(bytes.subarray(0, 64)).text.trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'csv';
}

/** `book.xlsx#事项` names a sheet, unless a file by that whole name exists. */
export function splitSheet(source: string): { path: string; sheet: string | null } {
  const hash = source.lastIndexOf('#');
  if (hash < 0 || /^https?:\/\//i.test(source) || existsSync(source)) {
    return { path: source, sheet: null };
  }
  return { path: source.slice(0, hash), sheet: source.slice(hash + 1) };
}

/**
 * Reads a sheet or a list of records. `kind` helps find the header row of a
 * sheet (the first of its first rows that names two known fields).
 */
export async function readRecords(
  source: string,
  kind: SheetKind,
  sheet: string | null = null,
): Promise<Records> {
  const split = splitSheet(source);
  const path = split.path;
  const wanted = sheet ?? split.sheet;
  const bytes = await readBytes(path);
  const file = basename(path.replace(/[?#].*$/, '')) || path;
  const format = formatOf(path, bytes);
  if (format === 'json') return jsonRecords(bytes, file);
  if (format === 'xlsx') return xlsxRecords(bytes, file, wanted, kind);
  return csvRecords(bytes, file, kind);
}

// ---- sheets ----

function csvRecords(bytes: Uint8Array, file: string, kind: SheetKind): Records {
  const notes: ToolProblem[] = [];
  const { text, encoding, gbLines } = decodeText(bytes);
  if (encoding === 'gb18030') {
    notes.push({
      path: '',
      severity: 'info',
      code: 'encoding-gb18030',
      message: `${file} is not UTF-8; it was read as GB18030 (the encoding Excel uses on ` +
        'Chinese Windows).',
      file,
    });
  } else if (encoding === 'mixed' && gbLines) {
    const shown = gbLines.length > 10 ? `${gbLines.slice(0, 10).join(', ')} …` : gbLines.join(', ');
    notes.push({
      path: '',
      severity: 'warning',
      code: 'encoding-mixed',
      message: `${file} is UTF-8, but ${gbLines.length === 1 ? 'line' : 'lines'} ${shown} ` +
        `${gbLines.length === 1 ? 'is' : 'are'} not; ${gbLines.length === 1 ? 'it was' : 'they were'} ` +
        'read as GBK/GB18030 (text pasted from another file). Check ' +
        `${gbLines.length === 1 ? 'it' : 'them'}, and save the file as "CSV UTF-8" in Excel.`,
      file,
    });
  } else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    notes.push({
      path: '',
      severity: 'info',
      code: 'encoding-utf16',
      message: `${file} is UTF-16 (what Excel saves as "Unicode text"); it was read as such.`,
      file,
    });
  }

  // the delimiter the header line uses most
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length] as const);
  const delimiter = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];

  let cells: string[][];
  try {
    cells = parseCsv(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    throw new InputError(`${file} is not a readable CSV file (${(error as Error).message}).`);
  }
  return { ...sheetRecords(cells, file, null, kind, notes, true), encoding };
}

async function xlsxRecords(
  bytes: Uint8Array,
  file: string,
  wanted: string | null,
  kind: SheetKind,
): Promise<Records> {
  // numbers come as the text Excel stored, so ids and codes keep every digit
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = await readXlsxFile(Buffer.from(bytes), {
      parseNumber: (text: string) => new ExcelNumber(text),
    });
  } catch (error) {
    throw new InputError(`${file} is not a readable XLSX workbook (${(error as Error).message}).`);
  }
  if (sheets.length === 0) throw new InputError(`${file} has no sheets.`);

  // the named sheet (by name or 1-based number), else the first that has a name column
  let chosen = sheets[0];
  const notes: ToolProblem[] = [];
  if (wanted !== null) {
    const byName = sheets.find((s) => s.sheet === wanted);
    const byNumber = /^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined;
    const found = byName ?? byNumber;
    if (!found) {
      const names = sheets.map((s) => `"${s.sheet}"`).join(', ');
      throw new InputError(`${file} has no sheet "${wanted}"; its sheets are ${names}.`);
    }
    chosen = found;
  } else if (sheets.length > 1 && !hasNameColumn(sheets[0].data, kind)) {
    // a first sheet of notes (说明, 填表说明) or a hidden one: the sheet with the names
    const names = sheets.map((s) => `"${s.sheet}"`).join(', ');
    const named = sheets.find((s) => hasNameColumn(s.data, kind));
    const what = kind === 'matter' ? 'matter' : 'venue';
    if (!named) {
      throw new InputError(
        `No sheet of ${file} has a column of ${what} names (such as 名称 or name); its ` +
          `sheets are ${names}. Name the ${what} sheet as ${file}#sheet` +
          (kind === 'venue' ? ' or with --sheet,' : ',') +
          ' and its name column with a mapping (列名=name).',
      );
    }
    chosen = named;
    notes.push({
      path: '',
      severity: 'info',
      code: 'sheet-chosen',
      message: `The first sheet of ${file}, "${sheets[0].sheet}", has no column of ${what} ` +
        `names, so the sheet "${named.sheet}" was read (name another as ${file}#sheet).`,
      file: `${file}#${named.sheet}`,
    });
  }
  // in a workbook of several sheets, messages name the sheet as --matters would
  const label = sheets.length > 1 ? `${file}#${chosen.sheet}` : file;
  if (wanted === null && sheets.length > 1) {
    const others = sheets.filter((s) => s !== chosen).map((s) => `"${s.sheet}"`).join(', ');
    notes.push({
      path: '',
      severity: 'info',
      code: 'sheet-ignored',
      message: `${file} has ${sheets.length} sheets; only ` +
        (chosen === sheets[0] ? `the first, "${chosen.sheet}",` : `"${chosen.sheet}"`) +
        ` was read (${others} not; name one as ${file}#sheet).`,
      file: label,
    });
  }
  const cells = chosen.data.map((row) => row.map(cellText));
  // number cells with more digits than Excel keeps (15): the rest are already zeros
  const longNumbers = new Set<string>();
  chosen.data.forEach((row, i) =>
    row.forEach((cell, column) => {
      if (cell instanceof ExcelNumber && /^\d{16,}$/.test(cell.text)) {
        longNumbers.add(`${i + 1}:${column}`);
      }
    }),
  );
  return { ...sheetRecords(cells, label, chosen.sheet, kind, notes), longNumbers };
}

/** A number cell of a workbook, as the text Excel stored. */
class ExcelNumber {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Whether one of the first rows of a sheet names the name field. */
function hasNameColumn(data: unknown[][], kind: SheetKind): boolean {
  return data
    .slice(0, 6)
    .some((row) => mapColumns(row.map((cell) => cellText(cell).trim()), kind).fields.has('name'));
}

/**
 * A cell as text: dates as YYYY-MM-DD, a time of day (Excel's day 0, 1899-12-30
 * or -31) as HH:MM, numbers as Excel stored them.
 */
function cellText(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    if (/^1899-12-3[01]T/.test(iso)) {
      return iso.endsWith(':00.000Z') ? iso.slice(11, 16) : iso.slice(11, 19);
    }
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
  }
  return String(value);
}

function sheetRecords(
  cells: string[][],
  file: string,
  sheet: string | null,
  kind: SheetKind,
  notes: ToolProblem[],
  csv = false,
): Records {
  // the header is the first of the first rows that names two known fields
  let headerAt = 0;
  for (let i = 0; i < Math.min(cells.length, 6); i++) {
    const row = cells[i].map((cell) => cell.trim());
    if (mapColumns(row, kind).fields.size >= 2) {
      headerAt = i;
      break;
    }
  }
  if (cells.length === 0 || cells[headerAt].every((cell) => cell.trim() === '')) {
    throw new InputError(`${file} is empty: it has no header row.`);
  }
  if (headerAt > 0) {
    notes.push({
      path: '',
      severity: 'info',
      code: 'rows-above-header',
      message: `${file}: row${headerAt > 1 ? `s 1–${headerAt}` : ' 1'} above the header ` +
        `(${JSON.stringify(cells[0].find((c) => c.trim() !== '') ?? '')}) ` +
        `${headerAt > 1 ? 'were' : 'was'} taken as a title and not read.`,
      file,
    });
  }

  const header = cells[headerAt].map((cell) => cell.trim());
  const rows: RecordRow[] = [];
  for (let i = headerAt + 1; i < cells.length; i++) {
    rows.push({ row: i + 1, values: cells[i] });
    // cells beyond the header (or under an empty header) belong to no column
    const extra = cells[i]
      .map((cell, column) => ({ cell: cell.trim(), column }))
      .filter(({ cell, column }) => cell !== '' && (header[column] ?? '') === '');
    if (extra.length === 0) continue;
    const shown = extra.map(({ cell }) => JSON.stringify(cell)).join(', ');
    const longer = cells[i].length > header.length && extra.some((e) => e.column >= header.length);
    notes.push({
      path: '',
      severity: 'warning',
      code: 'row-extra-cells',
      message: longer && csv
        ? `Row ${i + 1} of ${file} has ${cells[i].length} cells but the header has ` +
          `${header.length} columns; ${extra.length === 1 ? 'the cell' : 'the cells'} ${shown} ` +
          'fell outside them: a value with a comma not in quotes (such as an address) was ' +
          'probably split in two, moving the cells after it one column to the right. Check ' +
          'the row, and put values that contain commas in double quotes ("…,…").'
        : `Row ${i + 1} of ${file} has ${shown} in ${extra.length === 1 ? 'a column' : 'columns'} ` +
          'without a header, which no field reads; give the column a header or move the ' +
          'value.',
      file,
      row: i + 1,
    });
  }
  return { file, sheet, unit: 'row', header, rows, notes };
}

// ---- JSON ----

function jsonRecords(bytes: Uint8Array, file: string): Records {
  let value: unknown;
  try {
    value = JSON.parse(decodeText(bytes).text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${file} is not valid JSON (${(error as Error).message}).`);
  }
  const notes: ToolProblem[] = [];

  // GeoJSON: properties, plus the geometry and a Feature's own id
  if (isObject(value) && (value.type === 'FeatureCollection' || Array.isArray(value.features))) {
    const features = Array.isArray(value.features) ? value.features : [];
    const records: Record<string, unknown>[] = [];
    for (const feature of features) {
      const props = isObject(feature) && isObject(feature.properties) ? feature.properties : {};
      const record: Record<string, unknown> = { ...props };
      if (isObject(feature) && feature.id != null && record.id == null) record.id = feature.id;
      if (isObject(feature) && feature.geometry != null) record.geometry = feature.geometry;
      records.push(record);
    }
    return objectRecords(records, file, notes);
  }

  // a list of records, or an object holding one list of records
  if (Array.isArray(value)) return objectRecords(value, file, notes);
  if (isObject(value)) {
    if (Array.isArray(value.venues)) {
      throw new InputError(
        `${file} is already a data document (it has "venues"); check it with ` +
          '`gov-service-map validate`.',
      );
    }
    const lists = Object.keys(value).filter(
      (key) => Array.isArray(value[key]) && (value[key] as unknown[]).some(isObject),
    );
    if (lists.length === 1) {
      const key = lists[0];
      const others = Object.keys(value).filter((k) => k !== key);
      notes.push({
        path: '',
        severity: 'info',
        code: 'records-member',
        message: `${file} is an object; its list "${key}" was read as the records` +
          (others.length > 0 ? ` (${others.map((k) => `"${k}"`).join(', ')} not read).` : '.'),
        file,
      });
      return objectRecords(value[key] as unknown[], file, notes);
    }
    throw new InputError(
      lists.length === 0
        ? `${file} holds no list of records.`
        : `${file} holds several lists (${lists.map((k) => `"${k}"`).join(', ')}); ` +
            'give one list of records.',
    );
  }
  throw new InputError(`${file} holds ${JSON.stringify(value)}, not a list of records.`);
}

function objectRecords(list: unknown[], file: string, notes: ToolProblem[]): Records {
  const header: string[] = [];
  const index = new Map<string, number>();
  const rows: RecordRow[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isObject(item)) {
      notes.push({
        path: '',
        severity: 'error',
        code: 'record-not-object',
        message: `Record ${i + 1} of ${file} is ${JSON.stringify(item)}, not an object; ` +
          'it was not used.',
        file,
        row: i + 1,
      });
      continue;
    }
    const values: unknown[] = [];
    for (const key of Object.keys(item)) {
      let column = index.get(key);
      if (column === undefined) {
        column = header.length;
        header.push(key);
        index.set(key, column);
      }
      values[column] = item[key];
    }
    rows.push({ row: i + 1, values });
  }
  return { file, sheet: null, unit: 'record', header, rows, notes };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
