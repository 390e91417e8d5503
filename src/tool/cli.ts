/// <reference types="node" />
/**
 * `gov-service-map`: the data tool for the people who keep the venue and
 * matter lists.
 *
 *   gov-service-map validate FILE|URL [--json]
 *   gov-service-map convert INPUT [--matters FILE] [--venue-matters FILE] [--crs GCJ02]
 *                                 [--map 名称=name,…] [-o out.json]
 *
 * Exit codes: 0 no errors, 1 errors found (or warnings, with --fail-on warning),
 * 2 input that cannot be used (missing, unreadable, not a document, bad options).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { Crs } from '../core/types.js';
import { convertSources, type ConvertOptions } from './convert.js';
import { Progress } from './progress.js';
import { InputError } from './read.js';
import { formatReport, problemsJson, type ToolProblem } from './report.js';
import { validateSource } from './validate.js';

const EXIT_CLEAN = 0;
const EXIT_PROBLEMS = 1;
const EXIT_UNUSABLE = 2;

const CRS_NAMES: Record<string, Crs> = {
  WGS84: 'WGS84',
  CGCS2000: 'CGCS2000',
  EPSG4490: 'CGCS2000',
  EPSG4326: 'WGS84',
  GCJ02: 'GCJ02',
  BD09: 'BD09',
  BD09LL: 'BD09',
};

interface CommonOptions {
  json?: boolean;
  progress?: boolean;
  failOn: 'error' | 'warning';
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    return String(pkg.version);
  } catch {
    return '0.0.0';
  }
}

function crsOption(value: string): Crs {
  const crs = CRS_NAMES[value.toUpperCase().replace(/[\s_:-]/g, '')];
  if (!crs) {
    throw new InputError(`--crs ${value} is not WGS84, CGCS2000, GCJ02 or BD09.`);
  }
  return crs;
}

/** 1 when a problem at or above the failing severity was found, else 0. */
function exitFor(problems: readonly ToolProblem[], failOn: CommonOptions['failOn']): number {
  const failing = problems.some(
    (p) => p.severity === 'error' || (failOn === 'warning' && p.severity === 'warning'),
  );
  return failing ? EXIT_PROBLEMS : EXIT_CLEAN;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function runValidate(source: string, options: CommonOptions): Promise<number> {
  const progress = new Progress(Boolean(options.progress || process.stderr.isTTY));
  const { problems, data } = await validateSource(source, progress);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ problems: problemsJson(problems) }, null, 2)}\n`);
  } else {
    const heading =
      `${source}: ${plural(data.venues.length, 'venue')}, ` +
      `${plural(data.matters.length, 'matter')}, ${plural(data.areas.length, 'area')}, ` +
      `${plural(data.bundles.length, 'bundle')}.`;
    process.stdout.write(formatReport(heading, problems));
  }
  return exitFor(problems, options.failOn);
}

interface ConvertCliOptions extends CommonOptions {
  matters?: string;
  venueMatters?: string;
  crs?: string;
  map?: string;
  mattersMap?: string;
  venueMattersMap?: string;
  sheet?: string;
  level?: string;
  title?: string;
  lang?: string;
  timezone?: string;
  schema: string | boolean;
  keepPlaceholders?: boolean;
  output?: string;
}

async function runConvert(input: string, options: ConvertCliOptions): Promise<number> {
  const progress = new Progress(Boolean(options.progress || process.stderr.isTTY));
  const settings: ConvertOptions = {
    matters: options.matters,
    venueMatters: options.venueMatters,
    crs: options.crs ? crsOption(options.crs) : undefined,
    map: options.map,
    mattersMap: options.mattersMap,
    venueMattersMap: options.venueMattersMap,
    sheet: options.sheet,
    level: options.level,
    title: options.title,
    lang: options.lang,
    timezone: options.timezone,
    schema: options.schema === false ? null : options.schema === true ? undefined : options.schema,
    keepPlaceholders: options.keepPlaceholders,
    progress,
  };
  const { document, problems, stats } = await convertSources(input, settings);
  const text = `${JSON.stringify(document, null, 2)}\n`;

  // the document to its file, or to stdout with the report on stderr
  if (options.output) {
    try {
      writeFileSync(options.output, text);
    } catch (error) {
      throw new InputError(`Could not write ${options.output} (${(error as Error).message}).`);
    }
  }
  const heading =
    `${input} → ${options.output ?? 'standard output'}: ${plural(stats.rows, 'row')} read; ` +
    `${plural(stats.venues, 'venue')}, ${plural(stats.matters, 'matter')} and ` +
    `${plural(stats.areas, 'area')} written.`;
  if (options.json) {
    const report: Record<string, unknown> = { problems: problemsJson(problems), stats };
    if (!options.output) report.document = document;
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (options.output) {
    process.stdout.write(formatReport(heading, problems));
  } else {
    process.stdout.write(text);
    process.stderr.write(formatReport(heading, problems));
  }
  return exitFor(problems, options.failOn);
}

function program(): Command {
  const failOn = () =>
    new Option('--fail-on <severity>', 'exit 1 on problems of this severity or worse')
      .choices(['error', 'warning'])
      .default('error');

  const cli = new Command()
    .name('gov-service-map')
    .description('Checks and builds the data documents of gov-service-map.')
    .version(version())
    .exitOverride()
    .showHelpAfterError();

  cli
    .command('validate')
    .description('check a data document (a file or an http(s) address) and print every problem')
    .argument('<source>', 'a JSON or GeoJSON document, or its URL')
    .option('--json', 'print { problems: [...] } instead of the report')
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .addOption(failOn())
    .action(async (source: string, options: CommonOptions) => {
      process.exitCode = await runValidate(source, options);
    });

  cli
    .command('convert')
    .description('build a data document from a CSV, XLSX, JSON list or GeoJSON of venues')
    .argument('<input>', 'the venue sheet (book.xlsx#sheet names a sheet)')
    .option('--matters <file>', 'a sheet of matters (事项清单)')
    .option('--venue-matters <file>', 'a sheet of venue–matter pairs (场所, 事项, 窗口 …)')
    .option('--crs <crs>', 'the coordinate system of the positions: WGS84, CGCS2000, GCJ02, BD09')
    .option('--map <mapping>', 'columns of the venue sheet: 列名=field,… (field - leaves it out)')
    .option('--matters-map <mapping>', 'columns of the matter sheet')
    .option('--venue-matters-map <mapping>', 'columns of the venue–matter sheet')
    .option('--sheet <sheet>', 'the venue sheet of a workbook (name or number)')
    .option('--level <level>', 'the level of venues whose row gives none')
    .option('--title <title>', 'the document title')
    .option('--lang <lang>', 'the document language, e.g. zh-HK')
    .option('--timezone <zone>', 'the document timezone, e.g. Asia/Hong_Kong')
    .option('--schema <url>', 'the $schema to write (default: the published schema)')
    .option('--no-schema', 'write no $schema')
    .option('--keep-placeholders', 'keep whole- and round-degree positions')
    .option('-o, --output <file>', 'write the document here (else to standard output)')
    .option('--json', 'print { problems, stats } (and the document without -o)')
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .addOption(failOn())
    .action(async (input: string, options: ConvertCliOptions) => {
      process.exitCode = await runConvert(input, options);
    });

  return cli;
}

async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version end well; a bad option or argument is unusable input
      const fine = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      process.exitCode = fine ? EXIT_CLEAN : EXIT_UNUSABLE;
      return;
    }
    if (error instanceof InputError) {
      process.stderr.write(`gov-service-map: ${error.message}\n`);
      process.exitCode = EXIT_UNUSABLE;
      return;
    }
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `gov-service-map: an internal fault stopped the work; please report it.\n${reason}\n`,
    );
    process.exitCode = EXIT_UNUSABLE;
  }
}

await main(process.argv);
