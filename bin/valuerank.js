#!/usr/bin/env node
// The valuerank CLI: runs ValueRank's core against a Jira Cloud site or the local site.
// It runs the JavaScript `npm run build` compiles to dist/ (and `npm pack` ships), with production
// dependencies only. In a development checkout that was not built, it runs the TypeScript source with tsx.
'use strict';
const path = require('node:path');

// `valuerank … | head` closes the pipe early: stop quietly, as Unix tools do, instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

function load() {
  const built = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
  try {
    return require(built);
  } catch (error) {
    if (!error || error.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes(built)) throw error;
  }
  try {
    require('tsx/cjs/api').register();
  } catch {
    process.stderr.write(
      'valuerank: the CLI is not built (dist/cli/main.js is missing); run `npm run build` in the repository, or reinstall the package\n',
    );
    process.exit(1);
  }
  return require('../src/cli/main.ts');
}

load()
  .main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env })
  .then((code) => {
    process.exitCode = code;
  });
