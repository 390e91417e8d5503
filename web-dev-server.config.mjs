// Serves the demo pages on the built bundles: http://localhost:8000/demo/
export default {
  port: Number(process.env.PORT) || 8000,
  rootDir: '.',
  open: false,
  nodeResolve: false,
};
