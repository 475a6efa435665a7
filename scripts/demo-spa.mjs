// `pnpm demo:spa`: the SPA example with everything it talks to, after `pnpm build`:
//   1. `closeloop demo` on :8787 (embedded SQLite in ./.closeloop, the demo project pk_demo / sk_demo),
//   2. examples/backend on :8788 (puts the SPA's surveys into the demo project, signs the demo user),
//   3. examples/spa's Vite dev server on :5173 (proxies /v1 to 1 and /api/closeloop-identity to 2).
// Ctrl-C stops all three. Each one can also be started alone: see examples/spa/README.md.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const closeloopHost = 'http://127.0.0.1:8787';
const backendUrl = 'http://127.0.0.1:8788';
const children = [];

/** Starts a process, echoes its output with a prefix, resolves once a line matches `ready`. */
function start(name, args, { cwd = root, env = {}, ready }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let seen = '';
    const echo = (chunk) => {
      const text = chunk.toString();
      for (const line of text.split('\n').filter(Boolean)) console.log(`[${name}] ${line}`);
      seen += text;
      if (ready.test(seen)) resolve(child);
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    child.once('exit', (code) => reject(new Error(`${name} exited with code ${code} before it was ready`)));
  });
}

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.once('SIGINT', stopAll);
process.once('SIGTERM', stopAll);

try {
  await start('closeloop', ['packages/server/bin/closeloop.js', 'demo', '--port', '8787'], { env: { DATABASE_URL: '' }, ready: /Shop:/ });
  await start('backend', ['examples/backend/dist/main.js'], { env: { PORT: '8788', CLOSELOOP_HOST: closeloopHost }, ready: /Example backend on/ });
  await start('spa', [join(root, 'examples/spa/node_modules/vite/bin/vite.js')], {
    cwd: join(root, 'examples/spa'),
    env: { CLOSELOOP_HOST: closeloopHost, BACKEND_URL: backendUrl },
    ready: /Local:/,
  });
  console.log(`
Closeloop SPA example is running
  Shop (SPA): http://127.0.0.1:5173/   open a product (a survey on the route change), buy for over €100 (a survey after checkout)
  Responses:  curl -H 'Authorization: Bearer sk_demo' ${closeloopHost}/api/v1/responses
  Surveys:    curl -H 'Authorization: Bearer sk_demo' ${closeloopHost}/api/v1/surveys
Ctrl-C stops everything.`);
} catch (error) {
  console.error(`demo:spa: ${error.message}`);
  stopAll();
  process.exitCode = 1;
}
