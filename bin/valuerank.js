#!/usr/bin/env node
// The valuerank CLI: runs ValueRank's core against a Jira Cloud site or the local site.
require('tsx/cjs/api').register();
require('../src/cli/main.ts')
  .main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env })
  .then((code) => {
    process.exitCode = code;
  });
