// Build dist/ from src/ (type-checking is `npm run typecheck`):
// - dist/main.js and its chunks: one bundle split per command, so each command loads only
//   what it uses (start-up is measured in bench/startup.bench.mjs); bundled as ES modules,
//   then each chunk made CommonJS, for V8's code cache (bin/code-cache.js);
// - dist/fast.cjs: `circle --version` and `circle --help` made from the real commander
//   program at build, so that bin/circle.js answers them without loading the program;
// - dist/build-id: a hash of what went into the build, which the caches are keyed with;
// - dist/meta.json: which sources each output file holds (test/perf/loads.test.ts reads it).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';

/** A YAML file the program imports (templates/prompts.yaml) is embedded as its data. */
const yamlData = {
  name: 'yaml-data',
  setup: (b) => b.onLoad({ filter: /\.yaml$/ }, (args) => ({ contents: JSON.stringify(parse(readFileSync(args.path, 'utf8'), { uniqueKeys: true })), loader: 'json' })),
};

/**
 * commander loads child_process (for executable subcommands, which circle has none of) at
 * start; loading it costs every run a few milliseconds, so it is loaded when first used.
 */
const CHILD_PROCESS = "const childProcess = require('node:child_process');";
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup: (b) =>
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(CHILD_PROCESS)) throw new Error(`${args.path} no longer loads child_process as expected: update lazyChildProcess`);
      return { contents: source.replace(CHILD_PROCESS, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js' };
    }),
};

/**
 * chalk works out at load whether stdout and stderr take colour (loading node:tty and
 * node:os for it) for its default instance; circle never uses that instance but makes its
 * own with the level it decided (src/ui/output.ts), so the detection is left out.
 */
const noColorDetection = {
  name: 'no-color-detection',
  setup: (b) => {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'no-color-detection' }));
    b.onLoad({ filter: /.*/, namespace: 'no-color-detection' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

/** @inquirer/core wraps each line of a question with src/ui/quick-wrap.cjs, which loads wrap-ansi only for lines that need it. */
const quickWrap = {
  name: 'quick-wrap',
  setup: (b) =>
    b.onResolve({ filter: /^wrap-ansi$/ }, (args) => {
      if (!/@inquirer[\\/]core[\\/]/.test(args.importer)) return undefined;
      const shim = join(root, 'src', 'ui', 'quick-wrap.cjs');
      // The shim must load (and its test compare with) the wrap-ansi inquirer would have used.
      if (createRequire(args.importer).resolve('wrap-ansi') !== createRequire(shim).resolve('wrap-ansi')) {
        throw new Error('@inquirer/core has a wrap-ansi of its own: make src/ui/quick-wrap.cjs load that one');
      }
      return { path: shim };
    }),
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
/** import.meta.url, for the CommonJS chunks. */
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
  plugins: [yamlData, lazyChildProcess, noColorDetection, quickWrap],
  define: { __CIRCLE_BUILD__: JSON.stringify(id), __CIRCLE_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version), 'import.meta.url': '__circle_url' },
  // pdfkit reads its own data files at run time: it stays in node_modules.
  external: ['pdfkit', 'dejavu-fonts-ttf'],
  logLevel: 'warning',
});
writeFileSync(join(dist, 'meta.json'), JSON.stringify(metafile));

// Each chunk becomes a CommonJS module (dist/package.json says so): bin/circle.js can then
// compile it with V8's code cache (bin/code-cache.js), which Node 20 has no way to do
// for ES modules. import() stays lazy: it becomes a require() when it runs.
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
    // Only the chunks that use import.meta.url work it out.
    ...(readFileSync(join(root, file), 'utf8').includes('__circle_url') && { banner: { js: URL_SHIM } }),
    supported: { 'dynamic-import': false },
    logLevel: 'warning',
  });
}
writeFileSync(join(dist, 'package.json'), '{ "type": "commonjs" }\n');

// main.js, and each command's chunk, is packed with the chunks it needs (that main.js
// has not loaded):
// loading a module costs some 0.17 ms however small it is (its files, its script, its
// code cache), and a command needs twenty or thirty of them. A packed chunk still runs
// as its own module, registered under its own file name, and only if nothing loaded it
// before, so every module runs once whichever way it is reached.
const outputs = metafile.outputs;
const staticDeps = (file, seen = new Set()) => {
  for (const i of outputs[file].imports) if (i.kind === 'import-statement' && outputs[i.path] && !seen.has(i.path)) staticDeps(i.path, seen.add(i.path));
  return seen;
};
const atStart = staticDeps('dist/main.js');
const REQUIRE = /require\("\.\/((?:chunk|[\w-]+)-[\w]+\.js)"\)/g;
const commands = Object.keys(commandRuns()).map((name) => `dist/${name}.js`);
for (const file of ['dist/main.js', ...commands]) {
  const packed = [...staticDeps(file)].filter((f) => (file === 'dist/main.js' || !atStart.has(f)) && f !== file);
  if (!packed.length) continue;
  const names = new Set(packed.map((f) => f.slice('dist/'.length)));
  const local = (code) => code.replace(REQUIRE, (all, name) => (names.has(name) ? `__circle_require("./${name}")` : all));
  // A packed chunk's own source-map comment is dropped: the file's one comment stays its own.
  const factories = packed.map((f) => `case "./${f.slice('dist/'.length)}":return function(exports,require,module,__filename,__dirname){${local(readFileSync(join(root, f), 'utf8')).replace(/\/\/# sourceMappingURL=\S+/g, '')}\n};`);
  const code = readFileSync(join(root, file), 'utf8');
  writeFileSync(
    join(root, file),
    `${local(code)}
function __circle_require(id){var factory=__circle_factory(id);if(!factory)return require(id);var M=require("node:module"),filename=require("node:path").join(__dirname,id),done=M._cache[filename];if(done)return done.exports;var m=new M(filename,module);m.filename=filename;m.paths=module.paths;M._cache[filename]=m;factory.call(m.exports,m.exports,__circle_require,m,filename,__dirname);m.loaded=!0;return m.exports}
function __circle_factory(id){switch(id){${factories.join('')}}}
`,
  );
}

// The source maps carry the program's own sources only: a dependency's code is
// its package's to ship, so its entries keep their path and lose their text.
for (const name of readdirSync(dist).filter((n) => n.endsWith('.map'))) {
  const file = join(dist, name);
  const map = JSON.parse(readFileSync(file, 'utf8'));
  map.sourcesContent = map.sources.map((source, i) => (source.includes('node_modules/') ? null : map.sourcesContent[i]));
  writeFileSync(file, JSON.stringify(map));
}

// The top-level help and version, as commander writes them. The help is kept as a
// template: commander's own Help wraps each item at run time to the terminal's width.
const createProgram = await loadProgram();
const items = [];
const template = answer(['--help'], {
  formatItem: (term, termWidth, description) => `\0${items.push([term, termWidth, description]) - 1}\0`,
  boxWrap: (text) => `\0${items.push([text]) - 1}\0`,
});
const version = answer(['--version']);
const commanderHelp = join(dirname(createRequire(import.meta.url).resolve('commander')), 'lib', 'help.js');
await build({
  stdin: {
    contents: `// Made by scripts/build.mjs from src/cli.ts: do not edit.
const { Help } = require(${JSON.stringify(commanderHelp)});
const template = ${JSON.stringify(template)};
const items = ${JSON.stringify(items)};
const version = ${JSON.stringify(version)};
/** What \`circle ARG\` prints for ARG in FAST_ARGS (in bin/circle.js), at this help width. */
exports.text = (arg, width) => {
  if (arg === '--version' || arg === '-V') return version;
  const help = new Help();
  help.prepareContext({ helpWidth: width });
  return template.replace(/\\0(\\d+)\\0/g, (_, i) => {
    const [term, termWidth, description] = items[i];
    return termWidth === undefined ? help.boxWrap(term, help.helpWidth) : help.formatItem(term, termWidth, description, help);
  });
};
exports.answer = (arg) => {
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.stdout.write(exports.text(arg, process.stdout.isTTY ? process.stdout.columns : undefined));
};
`,
    resolveDir: root,
    sourcefile: 'fast.cjs',
  },
  outfile: join(dist, 'fast.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  logLevel: 'warning',
});

/** createProgram from src/cli.ts, bundled on its own with the commands left out. */
async function loadProgram() {
  const file = join(dist, '.cli-for-build.mjs'); // beside main.js: it reads ../package.json
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli.ts'],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "import{createRequire}from'node:module';const require=createRequire(import.meta.url);" },
    plugins: [yamlData, { name: 'no-commands', setup: (b) => b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'dynamic-import' ? { external: true } : undefined)) }],
    logLevel: 'warning',
  });
  const { createProgram } = await import(pathToFileURL(file).href);
  rmSync(file);
  return createProgram;
}

/** What the program writes to stdout for these arguments (it must succeed). */
function answer(argv, helpOverrides) {
  let out = '';
  const sink = { write: (s) => ((out += s), true) };
  const deps = { cwd: root, env: {}, stdin: {}, stdout: sink, stderr: sink, now: () => new Date() };
  const cli = createProgram(deps, () => {});
  cli.configureOutput({ getOutHelpWidth: () => undefined, getOutHasColors: () => false });
  if (helpOverrides) cli.configureHelp(helpOverrides);
  try {
    cli.parse(argv, { from: 'user' });
  } catch (error) {
    if (error.exitCode !== 0) throw error;
  }
  return out;
}
