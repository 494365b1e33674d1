// A YAML file imported by the program is embedded as its data at build
// (scripts/build.mjs and, for the tests, vitest.config.ts).
declare module '*.yaml' {
  const data: unknown;
  export default data;
}
