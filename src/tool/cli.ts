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
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { Crs } from '../core/types.js';
import { convertSources, type ConvertOptions } from './convert.js';
import { Progress } from './progress.js';
import { fileFailure, InputError, splitSheet } from './read.js';
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

/** `--timezone`: an IANA zone name that Intl knows. */
function timezoneOption(value: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new InputError(
      `--timezone ${value} is not a time zone name; give one such as Asia/Shanghai or ` +
        'Asia/Hong_Kong.',
    );
  }
}

/** `--lang`: a BCP 47 language tag. */
function langOption(value: string): string {
  try {
    const [tag] = Intl.getCanonicalLocales(value);
    if (tag) return tag;
  } catch {
    // reported below
  }
  throw new InputError(
    `--lang ${value} is not a language tag; give one such as zh-CN, zh-HK or en.`,
  );
}

/** The same file, whatever way its path is written (links, ./, case on some systems). */
function sameFile(a: string, b: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  return real(a) === real(b);
}

/** Whether --json was given: failures then print { problems } on stdout too. */
let jsonOutput = false;

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
  // -o must never overwrite one of the sheets being read
  if (options.output) {
    const sources = [input, options.matters, options.venueMatters].filter(
      (s): s is string => typeof s === 'string' && !/^https?:\/\//i.test(s),
    );
    for (const source of sources) {
      if (sameFile(splitSheet(source).path, options.output)) {
        throw new InputError(
          `-o ${options.output} is the file being read (${source}); writing the document ` +
            'there would destroy the sheet. Give another file name, such as venues.json.',
        );
      }
    }
  }
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
    lang: options.lang === undefined ? undefined : langOption(options.lang),
    timezone: options.timezone === undefined ? undefined : timezoneOption(options.timezone),
    schema: options.schema === false ? null : options.schema === true ? undefined : options.schema,
    keepPlaceholders: options.keepPlaceholders,
    progress,
  };
  const { document, problems, stats } = await convertSources(input, settings);
  // a document without venues is no use to the elements: write nothing
  if (stats.venues === 0) {
    const why =
      stats.rows === 0
        ? `${input} has a header but no rows of venues`
        : stats.rows === 1
          ? `the only row of ${input} could not be used as a venue`
          : `not one of the ${stats.rows} rows of ${input} could be used as a venue`;
    throw new InputError(
      `${why}, so there is no document to write` +
        (options.output ? `; ${options.output} was left as it was.` : '.'),
      problems,
    );
  }
  const text = `${JSON.stringify(document, null, 2)}\n`;

  // the document to its file, or to stdout with the report on stderr
  if (options.output) {
    try {
      writeFileSync(options.output, text);
    } catch (error) {
      throw new InputError(fileFailure(options.output, error, true));
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

const EXIT_HELP = `
Exit codes:
  0  no errors (warnings and info allowed; --fail-on warning makes warnings fail too)
  1  errors found in the data
  2  input that cannot be used: a missing or unreadable file, not JSON, a sheet without
     a name column, no venues at all, a bad option; nothing is written
`;

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
    .showHelpAfterError()
    .addHelpText('after', EXIT_HELP);

  cli
    .command('validate')
    .description('check a data document (a file or an http(s) address) and print every problem')
    .argument('<source>', 'a JSON or GeoJSON document, or its URL')
    .option('--json', 'print { problems: [...] } instead of the report')
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .addOption(failOn())
    .addHelpText('after', EXIT_HELP)
    .action(async (source: string, options: CommonOptions) => {
      jsonOutput = Boolean(options.json);
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
    .addHelpText('after', EXIT_HELP)
    .action(async (input: string, options: ConvertCliOptions) => {
      jsonOutput = Boolean(options.json);
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
      if (!fine && argv.includes('--json')) {
        // commander has said it on stderr; scripts reading stdout get it too
        const message = error.message.replace(/^error: /, '');
        const problems = [{ path: '', severity: 'error', code: 'input-unusable', message }];
        process.stdout.write(`${JSON.stringify({ problems }, null, 2)}\n`);
      }
      return;
    }
    if (error instanceof InputError) {
      process.stderr.write(`gov-service-map: ${error.message}\n`);
      const fatal: ToolProblem = {
        path: '',
        severity: 'error',
        code: 'input-unusable',
        message: error.message,
      };
      if (jsonOutput) {
        const problems = problemsJson([...error.problems, fatal]);
        process.stdout.write(`${JSON.stringify({ problems }, null, 2)}\n`);
      } else if (error.problems.length > 0) {
        process.stderr.write(`\n${formatReport('What was found before that:', error.problems)}`);
      }
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
