#!/usr/bin/env node
'use strict';
// The CLI is bundled into dist/ by `npm install` (prepare) so that start-up loads one file.
require('../dist/cli.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
