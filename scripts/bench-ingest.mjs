#!/usr/bin/env node
// `pnpm bench:ingest`: POST /v1/responses throughput of `closeloop demo` on SQLite (and on PostgreSQL when
// CLOSELOOP_TEST_DATABASE_URL is set) beside a bare node:http server parsing the same JSON, each server in its own
// process and the load (autocannon) in another, so the table compares like with like on this machine, in one run.
// Needs a build (`pnpm run build`). BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 32),
// BENCH_ONLY=bare,sqlite,postgres to pick, BENCH_CPU_PROF=<dir> to write the Closeloop servers' CPU profiles there.
// BENCH_RANDOM_IDS=1 sends random UUIDv4 ids instead of the time-ordered ones the widget and the SDK make.
// Each Closeloop server is then loaded again at a steady BENCH_RATE responses/s (default 1,000; 0 skips it) for the
// p99 a shop sees below saturation.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostSpeedLine } from './host-speed.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const here = join(root, 'scripts', 'bench-ingest');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const only = process.env.BENCH_ONLY?.split(',');
const cpuProf = process.env.BENCH_CPU_PROF;
const rate = Number(process.env.BENCH_RATE ?? 1000);
const pgUrl = process.env.CLOSELOOP_TEST_DATABASE_URL;
// Before any server runs, so the probes have the host to themselves.
const host = hostSpeedLine();

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
    probe.once('error', fail);
  });
}

/** Starts a server process and resolves once `ready(port)` says it answers. */
async function startServer(args, env, port) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let exited = false;
  child.once('exit', () => (exited = true));
  child.stdout.resume();
  for (let i = 0; i < 300; i++) {
    if (exited) throw new Error(`server ${args.join(' ')} exited before answering`);
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false);
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server ${args.join(' ')} did not answer within 30 s`);
}

function stopServer(child) {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}

function drive(port, steadyRate) {
  return new Promise((done, fail) => {
    const args = [join(here, 'drive.mjs'), `http://127.0.0.1:${port}`, String(seconds), String(connections), ...(steadyRate ? [String(steadyRate)] : [])];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? done(JSON.parse(out.trim().split('\n').at(-1))) : fail(new Error(`load driver exited with ${code}`))));
  });
}

/**
 * The server's CPU time so far in ms (user + system, from /proc; null elsewhere). Responses/s swing with whatever
 * else runs on these 2 cores; CPU per response is what a change to the server moves.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function measure(name, start) {
  const port = await freePort();
  const { child, cleanup } = await start(port);
  try {
    const cpuBefore = cpuMs(child.pid);
    const figures = await drive(port);
    const cpuAfter = cpuMs(child.pid);
    const cpuPerResponse = cpuBefore === null || cpuAfter === null || figures.ok === 0 ? null : (cpuAfter - cpuBefore) / figures.ok;
    const steady = name !== 'bare' && rate > 0 ? await drive(port, rate) : null;
    return { name, ...figures, cpuPerResponse, steady };
  } finally {
    await stopServer(child);
    await cleanup?.();
  }
}

const RATE_FLAGS = ['--rate-limit-address', '0', '--rate-limit-project', '1000000'];
const profiled = (name) => (cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${resolve(cpuProf)}`, `--cpu-prof-name=${name}.cpuprofile`] : []);
const closeloop = (name, port, dataDir, env) =>
  // The load comes from one address at thousands per second, which the per-address limit exists to refuse: off here.
  // The project limit stays on (its cost is measured) but high enough that one project at full speed never meets it.
  startServer([...profiled(name), join(root, 'packages/server/bin/closeloop.js'), 'demo', '--port', String(port), '--data', dataDir, ...RATE_FLAGS], env, port);

const servers = {
  bare: async (port) => {
    // The bare server has no /healthz route, but any answer means it listens.
    return { child: await startServer([join(here, 'bare-server.mjs'), String(port)], {}, port) };
  },
  sqlite: async (port) => {
    const dir = mkdtempSync(join(tmpdir(), 'closeloop-bench-'));
    return { child: await closeloop('sqlite', port, dir, { DATABASE_URL: '' }), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  },
  postgres: async (port) => {
    // A database of its own, dropped afterwards: the demo seeds and migrates it like a first start.
    const pg = createRequire(join(root, 'packages/server/package.json'))('pg');
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    const name = `closeloop_bench_${process.pid}_${port}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const dir = mkdtempSync(join(tmpdir(), 'closeloop-bench-'));
    const child = await closeloop('postgres', port, dir, { DATABASE_URL: url.toString() });
    return {
      child,
      cleanup: async () => {
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin.end();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const wanted = ['bare', 'sqlite', ...(pgUrl ? ['postgres'] : [])].filter((n) => !only || only.includes(n));
const labels = { bare: 'bare node:http', sqlite: 'closeloop, SQLite', postgres: 'closeloop, PostgreSQL' };
const rows = [];
for (const name of wanted) {
  console.error(`bench:ingest: ${labels[name]}, ${connections} connections, ${seconds} s…`);
  rows.push(await measure(name, servers[name]));
}
const bare = rows.find((r) => r.name === 'bare');
const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.log(`\nPOST /v1/responses, ${connections} connections, ${seconds} s each, unique ${process.env.BENCH_RANDOM_IDS === '1' ? 'random (UUIDv4)' : 'time-ordered (UUIDv7)'} ids, NPS 0–10`);
console.log(`closeloop started with ${RATE_FLAGS.join(' ')}: the load is one address and one project at full speed`);
console.log(`${host}\n`);
console.log('| server | responses/s | p99 | ratio to bare node:http | server CPU per 2xx | 2xx | non-2xx | errors |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const ratio = bare ? (r.perSecond / bare.perSecond).toFixed(3) : 'n/a';
  console.log(`| ${labels[r.name]} | ${fmt(r.perSecond)} | ${r.p99} ms | ${ratio} | ${r.cpuPerResponse === null ? 'n/a' : `${r.cpuPerResponse.toFixed(3)} ms`} | ${r.ok} | ${r.non2xx} | ${r.errors + r.timeouts} |`);
}
const steadyRows = rows.filter((r) => r.steady);
if (steadyRows.length > 0) {
  console.log(`\nThe same at a steady ${fmt(rate)} responses/s (goal: p99 < 50 ms)\n`);
  console.log('| server | responses/s | p50 | p99 | 2xx | non-2xx | errors |');
  console.log('|---|---|---|---|---|---|---|');
  for (const { name, steady: s } of steadyRows) console.log(`| ${labels[name]} | ${fmt(s.perSecond)} | ${s.p50} ms | ${s.p99} ms | ${s.ok} | ${s.non2xx} | ${s.errors + s.timeouts} |`);
}
if (!pgUrl) console.log('\n(PostgreSQL skipped: set CLOSELOOP_TEST_DATABASE_URL to include it.)');
if (rows.some((r) => r.non2xx > 0 || r.errors > 0 || r.steady?.non2xx > 0 || r.steady?.errors > 0)) process.exitCode = 1;
