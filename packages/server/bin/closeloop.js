#!/usr/bin/env node
// The command, bundled into a few files at build time (scripts/bundle-cli.mjs): it starts in half the time.
import '../dist/bundle/closeloop.js';
