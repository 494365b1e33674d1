// Build dist/ from src/: one ESM bundle split per command, so each command loads only
// what it uses (start-up is measured in bench/startup.bench.mjs). Type-checking is `npm run typecheck`.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { parse } from 'yaml';

/** templates/prompts.yaml is constant data: parsed here, once, and bundled as JSON. */
const yamlAsData = {
  name: 'yaml-as-data',
  setup(b) {
    b.onLoad({ filter: /\.yaml$/ }, (args) => ({ contents: JSON.stringify(parse(readFileSync(args.path, 'utf8'))), loader: 'json' }));
  },
};

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  // The parsing thread of the summary cache is its own entry, beside main.js.
  entryPoints: { main: 'src/main.ts', 'parse-worker': 'src/store/parse-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  sourcemap: 'linked',
  // pdfkit reads its own data files at run time: it stays in node_modules.
  external: ['pdfkit', 'dejavu-fonts-ttf'],
  // Bundled CommonJS dependencies (commander) still call require().
  banner: { js: "import{createRequire}from'node:module';const require=createRequire(import.meta.url);" },
  plugins: [yamlAsData],
  logLevel: 'warning',
});
