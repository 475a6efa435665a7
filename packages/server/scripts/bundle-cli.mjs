// Part of the server's build, after tsc: bundles the `closeloop` command (dist/cli/main.js and what it imports) into
// dist/bundle/, which bin/closeloop.js runs. Node 20 has no compile cache, and loading ~840 separate ES modules (our
// 360, Kysely's 262, zod's 95, nodemailer's, hono's) took two thirds of a second before the server did anything:
// `closeloop demo` was ready in 1.65 s on a new data folder and 0.94–1.28 s on an existing one, bundled in 0.9 s and
// 0.5 s (2 Dec 2026, this 2-core machine); every browser test starts one. Each command stays its own chunk (cli/run.ts
// imports them lazily), so `closeloop --help` loads none of the server. dist/ stays as tsc wrote it: the package's
// library entry (`@closeloop/server`) and its types.
//
// Left outside the bundle, loaded from node_modules as before: better-sqlite3 (a native addon found by path), pg (it
// looks up its optional pg-native by name) and pino (its transports run in worker threads that load files by path).
// Node's own modules stay outside as the platform's.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(entry)) throw new Error(`${entry} is missing: tsc runs before the bundle`);

await build({
  input: { closeloop: entry },
  platform: 'node',
  external: ['better-sqlite3', 'pg', 'pino'],
  logLevel: 'warn',
  output: {
    // demo-site/ and the widget's and console's assets are found relative to the module (cli/locate-assets.ts):
    // every chunk sits two levels below the package, as dist/cli/ does.
    dir: join(root, 'dist', 'bundle'),
    format: 'esm',
  },
});
process.stdout.write('bundled the closeloop command → dist/bundle/\n');
