#!/usr/bin/env node
// The command: dist/main.js, compiled with V8's code cache (bin/code-cache.js). CommonJS
// (see bin/package.json), as is dist/.
require('./code-cache.js').install(require('node:path').join(__dirname, '..', 'dist'));
require('../dist/main.js');
