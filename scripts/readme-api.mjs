// Writes the README's element tables from custom-elements.json and its table
// of problem codes from the doc comment of src/core/parse.ts, so the README
// cannot drift from the code. `--check` only reports whether it is current.
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');

const manifest = JSON.parse(read('custom-elements.json'));
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName)
  .sort((a, b) => order(a.tagName) - order(b.tagName));

function order(tag) {
  return ['matter-search', 'gov-map', 'venue-guide'].indexOf(tag);
}

const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

function table(head, rows) {
  if (!rows.length) return '';
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
  ].join('\n');
}

function elementSection(element) {
  const attributes = (element.attributes ?? []).map((a) => [`\`${a.name}\``, a.description]);
  const events = (element.events ?? []).filter((e) => e.name).map((e) => [`\`${e.name}\``, e.description]);
  const parts = (element.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description]);
  const props = (element.cssProperties ?? []).map((p) => [
    `\`${p.name}\``,
    p.default ? `\`${p.default}\`` : '',
    p.description,
  ]);
  return [
    `### \`<${element.tagName}>\``,
    '',
    element.summary ?? '',
    '',
    cell(element.description ?? ''),
    '',
    table(['attribute', 'meaning'], attributes),
    table(['event', 'when'], events),
    table(['part', 'node'], parts),
    table(['custom property', 'default', 'what it colours'], props),
  ].join('\n');
}

const api = ['## Elements', '', ...elements.map(elementSection)].join('\n');

// the problem codes table lives in parse.ts's top comment
const parse = read('src/core/parse.ts');
const rows = [...parse.matchAll(/^ \* \| `([a-z-]+)`\s*\| (\w+)\s*\| (.*?)\s*\|$/gm)];
const problems = table(
  ['code', 'severity', 'what happened'],
  rows.map(([, code, severity, what]) => [`\`${code}\``, severity, what]),
);

let readme = read('README.md');
const replace = (name, body) => {
  const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
  readme = readme.replace(pattern, `$1\n${body.trim()}\n$2`);
};
replace('api', api);
replace('problems', problems);

const current = read('README.md');
if (process.argv.includes('--check')) {
  if (current !== readme) {
    console.error('README.md is out of date: run `npm run docs`.');
    process.exit(1);
  }
} else if (current !== readme) {
  writeFileSync(new URL('README.md', root), readme);
  console.log('README.md updated');
}
