// The real `closeloop demo` CLI (built server; SQLite in a data dir, or the PostgreSQL a `DATABASE_URL` names) as a
// child process, for tests that signal it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../packages/server/bin/closeloop.js', import.meta.url));

export interface Cli {
  child: ChildProcess;
  origin: string;
  /** Everything printed so far. */
  output(): string;
  /** Resolves once the output contains `text`. */
  printed(text: string): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * Starts `closeloop demo` (or `serve`) on `port` (0: any free one) and resolves once it prints where it listens.
 * SQLite in `dataDir` unless `databaseUrl` names a PostgreSQL database. The per-address rate limit is off: the
 * tests' clients all come from 127.0.0.1 and stand for many visitors, not one.
 */
export async function startCli(dataDir: string, port = 0, databaseUrl = '', command: 'demo' | 'serve' = 'demo'): Promise<Cli> {
  const child = spawn(process.execPath, [cli, command, '--port', String(port), '--data', dataDir, '--rate-limit-address', '0'], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of waiters.filter((w) => output.includes(w.text))) waiter.resolve();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (output.includes(text)) return resolve();
      waiters.push({ text, resolve });
      void exited.then((code) => reject(new Error(`closeloop exited (${code}) before printing "${text}":\n${output}`)));
    });
  await printed(command === 'demo' ? 'Shop:' : 'Server:');
  const shop = /(?:Shop|Server):\s+(http\S+)/.exec(output)?.[1];
  if (!shop) throw new Error(`no shop or server URL in:\n${output}`);
  return { child, origin: new URL(shop).origin, output: () => output, printed, exited };
}
