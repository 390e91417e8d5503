/**
 * `validate`: the core's parse problems for a data document, then the tool's
 * own rules (checks.ts), in that order.
 */
import { parseServiceData } from '../core/parse.js';
import type { ServiceData } from '../core/types.js';
import { checkDocument } from './checks.js';
import type { Progress } from './progress.js';
import { decodeText, InputError, readBytes } from './read.js';
import type { ToolProblem } from './report.js';

export interface Validation {
  problems: ToolProblem[];
  data: ServiceData;
}

const LISTS = ['areas', 'venues', 'features', 'matters', 'bundles'];
const RECORD = /^\/(areas|venues|features|matters|bundles)\/(\d+)(?:\/|$)/;

/**
 * Every problem of a document (already read as JSON): the document's own
 * first, then record by record (areas, venues, matters, bundles), the core's
 * problems of a record before the tool's.
 */
export function validateDocument(doc: unknown, progress?: Progress): Validation {
  const result = parseServiceData(doc);
  const step = progress
    ? (done: number, total: number) => progress.step('Checking venues', done, total)
    : undefined;
  const found: ToolProblem[] = [...result.problems, ...checkDocument(doc, result, step)];
  progress?.end();
  const key = (path: string): [number, number] => {
    const match = RECORD.exec(path);
    return match ? [1 + LISTS.indexOf(match[1]), Number(match[2])] : [0, 0];
  };
  const problems = found
    .map((problem, index) => ({ problem, index, key: key(problem.path) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.index - b.index)
    .map(({ problem }) => problem);
  return { problems, data: result.data };
}

/**
 * Reads a document from a file or an http(s) address and validates it. Input
 * that is not a document at all (not JSON, a sheet, a bare list) throws an
 * `InputError`.
 */
export async function validateSource(source: string, progress?: Progress): Promise<Validation> {
  const bytes = await readBytes(source);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw new InputError(
      `${source} is a workbook, not a data document; make one with \`gov-service-map convert\`.`,
    );
  }
  const text = decodeText(bytes).text.replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const looksCsv = /^[^{[\n]*[,\t][^\n]*\n/.test(text);
    throw new InputError(
      `${source} is not JSON (${(error as Error).message})` +
        (looksCsv ? '; it looks like CSV: make a document with `gov-service-map convert`.' : '.'),
    );
  }
  if (Array.isArray(doc) || typeof doc !== 'object' || doc === null) {
    throw new InputError(
      `${source} holds ${Array.isArray(doc) ? 'a list' : JSON.stringify(doc)}, not a data ` +
        'document (an object with "version" and "venues")' +
        (Array.isArray(doc) ? '; make one from the list with `gov-service-map convert`.' : '.'),
    );
  }
  return validateDocument(doc, progress);
}
