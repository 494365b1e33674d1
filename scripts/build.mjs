// Build dist/ from src/ (type-checking is `npm run typecheck`):
// - dist/main.js (the command line), dist/NAME.js (each command's run, which main.js
//   imports when that command runs) and the chunks they share: esbuild's code splitting.
//   Bundled as ES modules, then each file made CommonJS for V8's code cache on Node 20
//   (bin/code-cache.js);
// - dist/fonts/: the two fonts the PDFs use, with their licence;
// - dist/build-id: a hash of what went into the build, which the caches are keyed with;
// - dist/meta.json: which sources each output file holds (test/perf/loads.test.ts reads it).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';

/** A YAML file the program imports (templates/prompts.yaml) is embedded as its data. */
const yamlData = {
  name: 'yaml-data',
  setup: (b) => b.onLoad({ filter: /\.yaml$/ }, (args) => ({ contents: JSON.stringify(parse(readFileSync(args.path, 'utf8'), { uniqueKeys: true })), loader: 'json' })),
};

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);

/**
 * This build: a hash of the sources, package.json (the version is built in), the lockfile,
 * the embedded templates and this script (the caches are keyed with it: V8's code cache
 * checks little more than a script's length).
 */
function buildId() {
  const hash = createHash('sha1');
  const files = ['package.json', 'package-lock.json', 'scripts/build.mjs', ...readdirSync(join(root, 'src'), { recursive: true }).map((f) => join('src', f)), ...readdirSync(join(root, 'templates')).map((f) => join('templates', f))];
  for (const file of files.sort()) {
    if (!statSync(join(root, file)).isFile()) continue;
    hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Each command's run module (src/commands/NAME/run.ts), by NAME. */
function commandRuns() {
  const dir = join(root, 'src', 'commands');
  const names = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'run.ts')));
  return Object.fromEntries(names.map((name) => [name, `src/commands/${name}/run.ts`]));
}

const id = buildId();
writeFileSync(join(dist, 'build-id'), id); // bin/code-cache.js keys its cache with it
/** import.meta.url, for the CommonJS files. */
const URL_SHIM = "var __circle_url=require('node:url').pathToFileURL(__filename).href;";

const { metafile } = await build({
  absWorkingDir: root,
  // Each command's run is an entry (dist/NAME.js, imported by main.js when it runs).
  entryPoints: { main: 'src/main.ts', ...commandRuns() },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  sourcemap: 'linked',
  metafile: true,
  plugins: [yamlData],
  define: {
    __CIRCLE_BUILD__: JSON.stringify(id),
    __CIRCLE_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version),
    __CIRCLE_FONTS__: JSON.stringify('./fonts/'),
    'import.meta.url': '__circle_url',
  },
  logLevel: 'warning',
});
writeFileSync(join(dist, 'meta.json'), JSON.stringify(metafile));

// Each file becomes a CommonJS module (dist/package.json says so): bin/code-cache.js can
// then compile it with V8's code cache, which Node 20 has no way to do for ES modules.
// import() stays lazy: it becomes a require() when it runs.
// dist/package.json is written first: esbuild then reads each file as CommonJS, so an
// import() of a chunk gives its exports as they are (its default is its default).
writeFileSync(join(dist, 'package.json'), '{ "type": "commonjs" }\n');
for (const file of Object.keys(metafile.outputs).filter((f) => f.endsWith('.js'))) {
  await build({
    absWorkingDir: root,
    entryPoints: [file],
    outfile: file,
    allowOverwrite: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifySyntax: true,
    minifyWhitespace: true,
    sourcemap: 'linked',
    // Only the files that use import.meta.url work it out.
    ...(readFileSync(join(root, file), 'utf8').includes('__circle_url') && { banner: { js: URL_SHIM } }),
    supported: { 'dynamic-import': false },
    // A duplicate key in fontkit's tables: not reported inside node_modules, nor here.
    logOverride: { 'duplicate-object-key': 'silent' },
    logLevel: 'warning',
  });
}

// The PDFs use DejaVu Sans and DejaVu Sans Bold (src/render/pdf.ts): those two of the font
// package's 22 files are shipped, with its licence.
const fonts = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')));
mkdirSync(join(dist, 'fonts'));
for (const file of ['ttf/DejaVuSans.ttf', 'ttf/DejaVuSans-Bold.ttf', 'LICENSE']) copyFileSync(join(fonts, file), join(dist, 'fonts', file.replace('ttf/', '')));
