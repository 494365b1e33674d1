// Build dist/ from src/: one ESM bundle split per command, so each command loads only
// what it uses (start-up is measured in bench/startup.bench.mjs). Type-checking is `npm run typecheck`.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// The source maps carry the program's own sources only: a dependency's code is
// its package's to ship, so its entries keep their path and lose their text.
const dist = new URL('../dist/', import.meta.url);
for (const name of readdirSync(dist).filter((n) => n.endsWith('.map'))) {
  const file = new URL(name, dist);
  const map = JSON.parse(readFileSync(file, 'utf8'));
  map.sourcesContent = map.sources.map((source, i) => (source.includes('node_modules/') ? null : map.sourcesContent[i]));
  writeFileSync(file, JSON.stringify(map));
}
