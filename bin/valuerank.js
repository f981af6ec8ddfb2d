#!/usr/bin/env node
// The valuerank CLI: runs ValueRank's core against a Jira Cloud site or the local site.
// Installed, it runs the JavaScript `npm run build` compiles to dist/ (and `npm pack` ships), with production
// dependencies only; in a development checkout it runs the TypeScript source with tsx.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

// `valuerank … | head` closes the pipe early: stop quietly, as Unix tools do, instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

function load() {
  // A development checkout runs its TypeScript source (so a stale dist/ never answers for it); an installed
  // package has no src/ and runs the JavaScript in dist/.
  const source = path.join(__dirname, '..', 'src', 'cli', 'main.ts');
  if (fs.existsSync(source)) {
    let tsx;
    try {
      tsx = require('tsx/cjs/api');
    } catch {
      tsx = undefined; // no dev dependencies: the built JavaScript below
    }
    if (tsx) {
      tsx.register();
      return require(source);
    }
  }
  const built = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
  if (!fs.existsSync(built)) {
    process.stderr.write(
      'valuerank: the CLI is not built (dist/cli/main.js is missing); run `npm run build` in the repository, or reinstall the package\n',
    );
    process.exit(1);
  }
  return require(built);
}

load()
  .main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env })
  .then((code) => {
    process.exitCode = code;
  });
