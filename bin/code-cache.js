// V8's code cache for the program's modules: compiling them is a large part of starting
// a command. On Node 22.1 and later, Node keeps it (module.enableCompileCache). Node 20
// has no cache of its own: each module in dist/ is compiled with the cache saved by an
// earlier run, if V8 accepts it; a module that had none (or whose cache V8 refused) gets
// one at exit, holding every function the run compiled.
//
// The cache lives in $XDG_CACHE_HOME/circle (else ~/.cache/circle), one folder per build
// (dist/build-id), install folder and V8 version: a cache never outlives the code it was
// made from, and never names another install's files. When a run makes its folder,
// the folders not written to for a week are removed. CIRCLE_CODE_CACHE=0 turns it off.
// Any problem with it costs speed only.
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

function cacheFolder(dist) {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const build = fs.readFileSync(path.join(dist, 'build-id'), 'utf8').trim();
  const install = pathKey(dist);
  return path.join(base, 'circle', `${build}-${install}-${process.versions.v8}-${process.arch}`);
}

/** A short key for the install folder (FNV-1a, 2 × 32 bits; node:crypto alone costs more than a cached run of main.js). */
function pathKey(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ text.charCodeAt(i), 0x811c9dc5) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Remove the other folders not written to for a week. */
function pruneOld(folder) {
  const base = path.dirname(folder);
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of fs.readdirSync(base)) {
    const other = path.join(base, name);
    if (other !== folder && fs.statSync(other).mtimeMs < weekAgo) fs.rmSync(other, { recursive: true, force: true });
  }
}

exports.install = function install(dist) {
  if (process.env.CIRCLE_CODE_CACHE === '0') return;
  let folder;
  try {
    folder = cacheFolder(dist);
  } catch {
    return;
  }
  const fresh = !fs.existsSync(folder);
  /** What to do at exit: write the caches Node 20 made, then prune if the folder is new. */
  const atExit = [];
  if (typeof Module.enableCompileCache === 'function') Module.enableCompileCache(folder);
  else atExit.push(compileWithCache(dist, folder));
  if (fresh) atExit.push(() => pruneOld(folder));
  process.once('exit', () => {
    try {
      for (const step of atExit) step();
    } catch {
      // a read-only home only costs speed
    }
  });
};

/** Node 20: compile dist/'s modules with their cache from `folder`; returns what writes the missing ones. */
function compileWithCache(dist, folder) {
  const prefix = dist + path.sep;
  const main = require.main;
  /** Scripts compiled without a usable cache: their cache is written at exit. */
  const toSave = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (!filename.startsWith(prefix)) return compile.call(this, content, filename);
    const file = path.join(folder, `${path.basename(filename)}.bin`);
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      // none yet
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) toSave.push({ script, file });
    const moduleRequire = (id) => this.require(id);
    moduleRequire.resolve = (request, options) => Module._resolveFilename(request, this, false, options);
    moduleRequire.main = main;
    moduleRequire.cache = Module._cache;
    return script.runInThisContext().call(this.exports, this.exports, moduleRequire, this, filename, path.dirname(filename));
  };
  return () => {
    if (!toSave.length) return;
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    for (const { script, file } of toSave) {
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, script.createCachedData());
      fs.renameSync(temp, file);
    }
  };
}
