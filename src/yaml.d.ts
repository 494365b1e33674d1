// YAML files imported by the sources are bundled as data (scripts/build.mjs, vitest.config.ts).
declare module '*.yaml' {
  const data: unknown;
  export default data;
}
