// The published packages as a user gets them: `pnpm pack` of each into a temp dir, then `npm install` of the
// tarballs into an empty project beside them. Nothing of the workspace is reachable from there (no symlinks, no
// source condition), so what works in it works from npm.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));

/** The packages published from this repository, by folder under packages/. */
export const PUBLISHED = ['sdk', 'widget', 'console', 'server'] as const;

export interface PackedProject {
  /** The temp dir: tarballs/ and app/ inside. */
  root: string;
  /** The project the tarballs are installed in. */
  app: string;
  /** The tarball of each package (`closeloop-sdk-0.1.0.tgz`…), by folder name. */
  tarballs: Record<(typeof PUBLISHED)[number], string>;
  /** Runs a command in the project (the environment of the install included); resolves to its stdout. */
  exec(command: string, args: string[]): Promise<string>;
  /** Runs `npx closeloop <args>` in the project to its end; resolves to its stdout. */
  closeloop(args: string[]): Promise<string>;
  /** The environment commands in the project run with. */
  env: NodeJS.ProcessEnv;
}

/**
 * Node's headers for node-gyp, which builds better-sqlite3 from source when no prebuilt binary fits: beside the
 * running node (`<prefix>/include/node`, as Debian's /usr/bin/node and the official tarballs lay them out). Without
 * them node-gyp would download the headers; undefined leaves npm's own setting alone.
 */
function nodeHeadersDir(): string | undefined {
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

/**
 * The workspace's better-sqlite3 binary as a prebuilt tarball in `dir`, under the name prebuild-install (the package's
 * install script) looks for among local prebuilds before it downloads or compiles: the install then unpacks the
 * binary this Node already loads instead of compiling SQLite again, 1–2 minutes of CI on this 2-core machine. The
 * package's own install script still runs and checks that the binary loads. Undefined (so the install compiles, as
 * with no network) when the workspace's binary is not for the running Node.
 */
async function localPrebuilds(dir: string): Promise<string | undefined> {
  const fromServer = createRequire(join(repo, 'packages', 'server', 'package.json'));
  try {
    const Sqlite = fromServer('better-sqlite3') as new (file: string) => { close(): void };
    new Sqlite(':memory:').close();
  } catch {
    return undefined;
  }
  const pkgDir = dirname(fromServer.resolve('better-sqlite3/package.json'));
  const { version } = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  await mkdir(dir, { recursive: true });
  const tarball = join(dir, `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`);
  await run('tar', ['-czf', tarball, '-C', pkgDir, 'build/Release/better_sqlite3.node']);
  return dir;
}

/** Packs the published packages (built already: `pnpm build`) and installs them with npm into a fresh project. */
export async function packAndInstall(): Promise<PackedProject> {
  const root = await mkdtemp(join(tmpdir(), 'closeloop-pack-'));
  const tarballDir = join(root, 'tarballs');
  const app = join(root, 'app');
  await mkdir(app);
  // pnpm pack, as publishing does: workspace:* becomes the version, .pnpmfile.mjs drops the source condition.
  const filters = PUBLISHED.flatMap((name) => ['--filter', `@closeloop/${name}`]);
  await run('npx', ['--yes', 'pnpm@12.21.0', '--recursive', ...filters, 'pack', '--pack-destination', tarballDir], { cwd: repo });
  const files = await readdir(tarballDir);
  const tarballs = Object.fromEntries(
    PUBLISHED.map((name) => {
      const file = files.find((f) => f.startsWith(`closeloop-${name}-`) && f.endsWith('.tgz'));
      if (!file) throw new Error(`pnpm pack wrote no tarball for @closeloop/${name} in ${tarballDir}: ${files.join(', ')}`);
      return [name, join(tarballDir, file)];
    }),
  ) as PackedProject['tarballs'];

  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'closeloop-pack-check', private: true, type: 'module' }, null, 2));
  const headers = nodeHeadersDir();
  // The node running this test first on PATH: npm, node-gyp and `npx closeloop` (`#!/usr/bin/env node`) then all run
  // on it, so the native module is built for the Node that loads it (CI runs these tests under a second version).
  const PATH = [dirname(process.execPath), process.env['PATH']].filter(Boolean).join(delimiter);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH, ...(headers && { npm_config_nodedir: headers }) };
  // Outside the workspace: pnpm's own npm_config_* (set when `pnpm test` runs this) would steer npm.
  for (const key of Object.keys(env)) if (key.startsWith('npm_config_') && key !== 'npm_config_nodedir') delete env[key];
  const prebuilds = await localPrebuilds(join(root, 'prebuilds'));
  if (prebuilds) env['npm_config_better_sqlite3_local_prebuilds'] = prebuilds;
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...Object.values(tarballs)], { cwd: app, env, maxBuffer: 16 * 1024 * 1024 });

  const exec = async (command: string, args: string[]) => {
    try {
      return (await run(command, args, { cwd: app, env, maxBuffer: 16 * 1024 * 1024 })).stdout;
    } catch (error) {
      // tsc and node print what went wrong on stdout or stderr; the error's message alone says only "failed".
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`${command} ${args.join(' ')} failed:\n${stdout}${stderr}`, { cause: error });
    }
  };
  const closeloop = (args: string[]) => exec('npx', ['--no-install', 'closeloop', ...args]);
  return { root, app, tarballs, exec, closeloop, env };
}

export interface Started {
  child: ChildProcess;
  origin: string;
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM to npx and the closeloop process it started (npx does not pass the signal on), then waits for npx. */
  stop(): Promise<void>;
}

/**
 * Starts `npx closeloop <args>` in the project and resolves once its banner names the `label` URL (`Shop`,
 * `Server`); the origin is that URL's.
 */
export async function startInstalled(project: PackedProject, args: string[], label: string): Promise<Started> {
  // Its own process group, so stop() reaches the server too: killing npx alone left it running after the suite.
  const child = spawn('npx', ['--no-install', 'closeloop', ...args], { cwd: project.app, env: project.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const origin = await new Promise<string>((resolve, reject) => {
    const pattern = new RegExp(`${label}:\\s+(http\\S+)`);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = pattern.exec(output)?.[1];
      if (url) resolve(new URL(url).origin);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`closeloop ${args.join(' ')} exited (${code}) before printing "${label}:":\n${output}`)));
  });
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // The group is gone already.
    }
    await exited;
  };
  return { child, origin, output: () => output, exited, stop };
}
