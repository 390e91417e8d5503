// Builds the browser bundles (self-contained, code-split, for a <script
// type="module"> tag), the core for Node, and a server-side build of the
// elements that leaves lit external so Node picks lit's own server build.
import esbuild from 'rollup-plugin-esbuild';
import resolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';

const target = ['chrome87', 'safari14', 'firefox78', 'edge88'];

const elements = {
  'gov-service-map': 'src/index.ts',
  'gov-map': 'src/elements/gov-map/define.ts',
  'matter-search': 'src/elements/matter-search/define.ts',
  'venue-guide': 'src/elements/venue-guide/define.ts',
};

const plugins = (browser) => [
  resolve({ browser, exportConditions: browser ? ['browser'] : ['node'] }),
  commonjs(),
  // Safari 14's only destructuring fault is array-rest (avoided here), so
  // esbuild may keep destructuring as written.
  esbuild({
    target,
    supported: { destructuring: true },
    tsconfig: 'tsconfig.json',
    minify: true,
    legalComments: 'none',
    // module scripts are always read as UTF-8, so Chinese text need not be escaped
    charset: 'utf8',
  }),
];

const quiet = (warning, warn) => {
  // OpenLayers and lit carry harmless `this` rewrites and pure annotations.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: { ...elements, core: 'src/core/index.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    plugins: plugins(true),
    onwarn: quiet,
  },
  {
    input: elements,
    external: (id) => /^(lit|lit-html|lit-element|@lit)(\/|$)/.test(id),
    output: {
      dir: 'dist/node',
      format: 'es',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    plugins: plugins(false),
    onwarn: quiet,
  },
  // the data tool (`npx gov-service-map`, src/tool): one file for Node; the
  // packages it imports are dependencies of the package, so they stay external
  {
    input: 'src/tool/cli.ts',
    external: (id) =>
      id.startsWith('node:') ||
      /^(commander|csv-parse|read-excel-file|pinyin-pro|gcoord|chinese-days)(\/|$)/.test(id),
    output: { file: 'dist/tool.js', format: 'es', banner: '#!/usr/bin/env node' },
    plugins: [
      resolve({ exportConditions: ['node'] }),
      commonjs(),
      esbuild({ target: 'node20', tsconfig: 'tsconfig.json' }),
    ],
    onwarn: quiet,
  },
];
