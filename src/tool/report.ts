/**
 * Printing problems for people (grouped by severity, then a count by code) and
 * for machines (`{ problems: [...] }`).
 */
import type { Problem, Severity } from '../core/types.js';

/**
 * A problem as the tool reports it: the core's four fields, and for a problem
 * found while converting, the input file and the row (spreadsheet row, or the
 * record's position in a JSON list) it came from.
 */
export interface ToolProblem extends Problem {
  file?: string;
  row?: number;
}

const ORDER: Severity[] = ['error', 'warning', 'info'];
const HEADING: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
};

export interface Counts {
  error: number;
  warning: number;
  info: number;
  /** `[code, severity, count]`, most severe first, then most frequent, then by code. */
  byCode: [string, Severity, number][];
}

export function countProblems(problems: readonly Problem[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, byCode: [] };
  const byCode = new Map<string, [string, Severity, number]>();
  for (const problem of problems) {
    counts[problem.severity]++;
    const key = `${problem.severity}\n${problem.code}`;
    const entry = byCode.get(key);
    if (entry) entry[2]++;
    else byCode.set(key, [problem.code, problem.severity, 1]);
  }
  counts.byCode = [...byCode.values()].sort(
    (a, b) =>
      ORDER.indexOf(a[1]) - ORDER.indexOf(b[1]) || b[2] - a[2] || (a[0] < b[0] ? -1 : 1),
  );
  return counts;
}

function plural(n: number, severity: Severity): string {
  return `${n} ${HEADING[severity][n === 1 ? 0 : 1]}`;
}

/** Where a problem is: its JSON pointer, and `file:row` of the input it came from. */
function where(problem: ToolProblem): string {
  const source =
    problem.row !== undefined ? `${problem.file ?? 'input'}:${problem.row}` : (problem.file ?? '');
  if (problem.path && source) return `${problem.path} (${source})`;
  return problem.path || source || '(document)';
}

/**
 * The report as text: a heading line, every problem under its severity, and
 * the counts by code.
 */
export function formatReport(heading: string, problems: readonly ToolProblem[]): string {
  const lines: string[] = [heading, ''];
  for (const severity of ORDER) {
    const group = problems.filter((p) => p.severity === severity);
    if (group.length === 0) continue;
    const [one, many] = HEADING[severity];
    lines.push(`${(group.length === 1 ? one : many).replace(/^./, (c) => c.toUpperCase())} ` +
      `(${group.length})`);
    for (const problem of group) {
      lines.push(`  ${where(problem)}  [${problem.code}]`);
      lines.push(`    ${problem.message}`);
    }
    lines.push('');
  }

  const counts = countProblems(problems);
  if (problems.length === 0) {
    lines.push('No problems found.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `Summary: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
      `${plural(counts.info, 'info')}.`,
  );
  const width = Math.max(...counts.byCode.map(([code]) => code.length));
  for (const [code, severity, count] of counts.byCode) {
    lines.push(`  ${code.padEnd(width)}  ${String(count).padStart(4)}  ${severity}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The machine form: the four fields, plus file and row where they are known. */
export function problemsJson(problems: readonly ToolProblem[]): ToolProblem[] {
  return problems.map((p) => {
    const { path, severity, code, message } = p;
    const out: ToolProblem = { path, severity, code, message };
    if (p.file !== undefined) out.file = p.file;
    if (p.row !== undefined) out.row = p.row;
    return out;
  });
}
