// The share of a dataset's hours texts that the hours engine understands.
//
//   node scripts/hours-coverage.mjs <file.json|file.geojson> …
//
// Reads venues (`venues[].hours`) or GeoJSON features (`properties.hours`,
// `properties.opening_hours` when a string, and `properties.weekday_text`,
// Google's one-line-per-weekday list, both line by line and joined with "；"),
// and prints how many are understood and every text that is not.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const bundle = await build({
  entryPoints: [new URL('../src/core/hours.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  write: false,
  logLevel: 'silent',
});
const source = Buffer.from(bundle.outputFiles[0].text).toString('base64');
const { readHours } = await import(`data:text/javascript;base64,${source}`);

for (const file of process.argv.slice(2)) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const records = doc.venues ?? (doc.features ?? []).map((f) => f.properties ?? {});
  const groups = { texts: [], lines: [] };
  for (const record of records) {
    for (const key of ['hours', 'opening_hours', 'openingHours']) {
      if (typeof record[key] === 'string' && record[key].trim()) groups.texts.push(record[key]);
    }
    if (Array.isArray(record.weekday_text) && record.weekday_text.length > 0) {
      groups.texts.push(record.weekday_text.join('；'));
      groups.lines.push(...record.weekday_text);
    }
  }

  console.log(`# ${file}`);
  for (const [name, texts] of Object.entries(groups)) {
    if (texts.length === 0) continue;
    const missed = texts.filter((text) => readHours(text) === null);
    const share = (((texts.length - missed.length) / texts.length) * 100).toFixed(1);
    const understood = texts.length - missed.length;
    console.log(`${name}: ${understood} of ${texts.length} understood (${share}%)`);
    for (const text of new Set(missed)) {
      console.log(`  missed ×${missed.filter((t) => t === text).length}: ${JSON.stringify(text)}`);
    }
  }
}
