import { run } from './run.js';

// The CLI entry (bin/closeloop.js imports its bundle, built from this by scripts/bundle-cli.mjs). Anything run() did
// not handle is a bug: say so, exit 1.
try {
  await run(process.argv.slice(2), process.env);
} catch (error) {
  console.error('closeloop: unexpected error:', error instanceof Error ? error.stack : error);
  process.exitCode = 1;
}
