// Generates custom-elements.json from the elements' doc comments.
export default {
  globs: ['src/elements/*/*.ts', 'src/shared/gov-element.ts'],
  exclude: ['src/elements/**/*.test.ts', 'src/elements/gov-map/ol-css.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
};
