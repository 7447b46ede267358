#!/usr/bin/env node
// Installed entry point: runs the bundled CLI (build it with `npm run build`).
import '../dist/cli.js';
