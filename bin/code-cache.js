// V8's code cache for the program's modules: compiling them is a large part of starting
// a command, and Node 20 keeps no cache of its own. Each module in dist/ is compiled
// with the cache saved by an earlier run, if V8 accepts it; a module that had none (or
// whose cache V8 refused) gets one at exit, holding every function the run compiled.
//
// The cache lives in $XDG_CACHE_HOME/circle (else ~/.cache/circle), one folder per build
// (dist/build-id) and V8 version, so a cache never outlives the code it was made from;
// folders of other builds not written to for a week are removed. CIRCLE_CODE_CACHE=0 turns it
// off. Any problem with it costs speed only.
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const main = require.main;

function cacheFolder(dist) {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const build = fs.readFileSync(path.join(dist, 'build-id'), 'utf8').trim();
  return path.join(base, 'circle', `${build}-${process.versions.v8}-${process.arch}`);
}

/** Remove the folders of other builds not written to for a week (each build makes its own). */
function pruneOld(base, current) {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of fs.readdirSync(base)) {
    const other = path.join(base, name);
    if (other !== current && fs.statSync(other).mtimeMs < weekAgo) fs.rmSync(other, { recursive: true, force: true });
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
  const prefix = dist + path.sep;
  // The chunks require each other as "./chunk-….js", all in dist/: found without the
  // general search (stat, realpath, package.json lookups) for each of them.
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (request.startsWith('./') && parent?.filename?.startsWith(prefix) && !request.includes('/', 2)) return prefix + request.slice(2);
    return resolve.call(this, request, parent, ...rest);
  };
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
  process.once('exit', () => {
    if (!toSave.length) return;
    try {
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      for (const { script, file } of toSave) {
        const temp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, file);
      }
      pruneOld(path.dirname(folder), folder);
    } catch {
      // a read-only home only costs speed
    }
  });
};
