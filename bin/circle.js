#!/usr/bin/env node
// The command. CommonJS (see bin/package.json), which starts faster than an ES module:
// `circle --version` and `circle --help` are answered from dist/fast.cjs, made at build
// from the real command line, without loading the program; the rest runs dist/main.js
// with V8's code cache (bin/code-cache.js).
const FAST_ARGS = ['--version', '-V', '--help', '-h', 'help'];
const args = process.argv.slice(2);
if (args.length === 1 && FAST_ARGS.includes(args[0])) require('../dist/fast.cjs').answer(args[0]);
else {
  require('./code-cache.js').install(require('node:path').join(__dirname, '..', 'dist'));
  require('../dist/main.js');
}
