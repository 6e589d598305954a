#!/usr/bin/env node
// The bundle is built by `npm run build` (and by `npm ci`, through `prepare`).
require('../server/out/cli.js').run();
