#!/usr/bin/env node
'use strict';
// The ecc365 command. A CommonJS launcher, because libuv sizes its thread pool on first use and
// node-rfc needs one thread per RFC connection: UV_THREADPOOL_SIZE must be set before any ES
// module is loaded. See gateway/src/cli/threadPool.ts.
const { prepareThreadPool } = require('../dist/cli/threadPool.js');

const warning = prepareThreadPool(process.argv.slice(2), process.env);
if (warning) process.stderr.write(`ecc365: ${warning}\n`);
import('../dist/cli/main.js').catch((error) => {
  process.stderr.write(`ecc365 could not start: ${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
