// The size of <gov-map>'s code, gzipped, beside its dependency floor: builds
// the gov-map entry as the browser bundle does (rollup, esbuild minify, into a
// temporary folder, leaving dist/ alone), then the floor, a bundle of only the
// OpenLayers modules (and kdbush) the map chunk imports, and the element's and
// map view's own code with every dependency left out. Writes
// bench/reports/map-size.md. Run: node bench/map-size.mjs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import resolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';

const root = new URL('..', import.meta.url).pathname;
const mapDir = join(root, 'src/elements/gov-map/');
const plugins = () => [
  resolve({ browser: true, exportConditions: ['browser'] }),
  commonjs(),
  esbuild({
    target: ['chrome87', 'safari14', 'firefox78', 'edge88'],
    supported: { destructuring: true },
    tsconfig: join(root, 'tsconfig.json'),
    minify: true,
    legalComments: 'none',
  }),
];
const quiet = (warning, warn) => warning.code !== 'THIS_IS_UNDEFINED' && warn(warning);

/**
 * Builds entries into a temporary folder; returns each output file's raw and
 * gzipped bytes, and whether it is loaded only on demand (a dynamic import).
 */
async function build(input, { external = () => false, single = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gov-map-size-'));
  const bundle = await rollup({ input, plugins: plugins(), external, onwarn: quiet });
  const { output } = await bundle.write({
    dir,
    format: 'es',
    chunkFileNames: '[name].js',
    inlineDynamicImports: single,
  });
  await bundle.close();
  const files = output.map((chunk) => {
    const code = readFileSync(join(dir, chunk.fileName));
    return {
      file: chunk.fileName,
      raw: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
      lazy: !!chunk.isDynamicEntry,
    };
  });
  rmSync(dir, { recursive: true, force: true });
  return files;
}

/**
 * An entry that re-exports exactly the OpenLayers and kdbush names the map
 * chunk's files import, so the floor keeps what the map keeps, no more.
 */
function floorEntry(files) {
  const lines = [];
  let n = 0;
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const imports = text.matchAll(/^import (?!type )([^;]*?) from ['"]([^'"]+)['"];/gms);
    for (const [, what, from] of imports) {
      if (!from.startsWith('ol/') && from !== 'kdbush') continue;
      const id = JSON.stringify(from === 'kdbush' ? from : join(root, 'node_modules', from));
      const braces = what.match(/\{([^}]*)\}/);
      const names = braces
        ? braces[1].split(',').map((name) => name.trim().split(' as ')[0]).filter(Boolean)
        : ['default'];
      for (const name of names) lines.push(`export { ${name} as n${n++} } from ${id};`);
    }
  }
  const file = join(root, 'bench', '.ol-floor.tmp.mjs');
  writeFileSync(file, [...new Set(lines)].join('\n') + '\n');
  return { file, count: new Set(lines.map((line) => line.split(' from ')[1])).size };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const exact = (bytes) => `${kb(bytes)} (${bytes.toLocaleString("en")} bytes)`;

// the browser build of the gov-map entry
const full = await build({ 'gov-map': join(mapDir, 'define.ts') });

// the floor: OpenLayers (and kdbush) as the map chunk imports them
const entry = floorEntry(['map-view.ts', 'gestures.ts', 'clusters.ts'].map((f) => join(mapDir, f)));
const floor = await build({ floor: entry.file });
rmSync(entry.file);

// the element's and the map view's own code: everything outside src/elements/gov-map
// (lit, ol, kdbush, gcoord, the core, the shared element code) and ol-css.ts left out
const ownOnly = (id, importer) => {
  if (!importer) return false;
  if (id.endsWith('ol-css.js') || id.endsWith('ol-css.ts')) return true;
  if (!id.startsWith('.')) return !id.startsWith(mapDir);
  return !join(importer, '..', id).startsWith(mapDir);
};
const own = await build({ own: join(mapDir, 'define.ts') }, { external: ownOnly, single: true });

const total = (files) => files.reduce((sum, f) => sum + f.gzip, 0);
const mapChunk = full.find((f) => f.file.startsWith('map-view'));
const lines = [
  '# `<gov-map>` code size (gzipped, level 9)',
  '',
  'The browser build of `gov-map.js` (what a page with only a map downloads):',
  '',
  '| file | raw | gzipped |',
  '| --- | ---: | ---: |',
  ...full.map(
    (f) =>
      `| \`${f.file}\`${f.lazy ? ' (loaded on demand)' : ''} | ${kb(f.raw)} | ${kb(f.gzip)} |`,
  ),
  '',
  'Beside its floor and its own part:',
  '',
  '| | gzipped |',
  '| --- | ---: |',
  `| map chunk (\`map-view\`, loaded when a map renders) | ${kb(mapChunk.gzip)} |`,
  `| its floor: the names it imports from ${entry.count} OpenLayers modules and kdbush, ` +
    `bundled alone | ${kb(total(floor))} |`,
  `| own code: src/elements/gov-map (element, map view, clusters, gestures, styles), ` +
    `without OpenLayers' CSS and every dependency (DESIGN §8: ≤ 15 KB) | ${exact(total(own))} |`,
];
const markdown = lines.join('\n');
writeFileSync(new URL('reports/map-size.md', import.meta.url), markdown + '\n');
console.log(markdown);
