#!/usr/bin/env node
// The bundles are built by `npm run build` (and by `npm ci`, through `prepare`), with the CLI's
// V8 code cache beside them (server/src/cliLaunch.ts).
require('../server/out/cliLaunch.js').launchCli();
