// pnpm bench:page — what closeloop.js costs the page that carries it, measured in a real chromium.
// The example shop is served by the built `closeloop demo` (build first: pnpm run build). Each round loads it twice
// in fresh contexts under 4× CPU throttling: once as served (the snippet + closeloop.js) and once with those two
// tags removed (the bare page). After the page has settled (config fetched, triggers armed, no survey yet: the demo's
// triggers are exit intent and a 20 s dwell), Performance.getMetrics' ScriptDuration and TaskDuration are read; what
// the script tag adds is the difference between the two. A third load times `closeloop('show', 'nps')` → the survey
// dialog rendered with a size, a fourth the pointer leaving through the top edge → the same. Medians of 7 rounds (ms),
// each with the middle half of its rounds, which says whether a goal is clear of the run's noise.
// With --breakdown, a fifth load per round is traced (chromium's devtools.timeline events) and the main-thread tasks
// that ran closeloop's code are summed by what started them: closeloop.js evaluated at load (its compile and run),
// the idle start, event listeners and timers. Tracing slows the page, so those loads are not in the figures above.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { hostSpeedLine } from './host-speed.mjs';

const ROUNDS = Number(process.env.BENCH_PAGE_ROUNDS ?? 7);
const BREAKDOWN = process.argv.includes('--breakdown');
const THROTTLE = 4;
// Long enough for the config request and the idle work after it at 4× throttling, well short of the 20 s dwell.
const SETTLE_MS = 2500;
const cli = fileURLToPath(new URL('../packages/server/bin/closeloop.js', import.meta.url));
// Before the server and the browser start, so the probes have the host to themselves.
const host = hostSpeedLine();

/** Starts `closeloop demo` on a free port with its data in a temp dir; resolves to the shop URL and a stop(). */
async function startDemo() {
  const dataDir = await mkdtemp(join(tmpdir(), 'closeloop-bench-page-'));
  const child = spawn(process.execPath, [cli, 'demo', '--port', '0', '--data', dataDir], {
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const shopUrl = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`closeloop demo did not start:\n${out}`)), 30_000);
    const read = (chunk) => {
      out += chunk;
      const match = /Shop:\s+(http\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`closeloop demo exited (${code}):\n${out}`)));
  });
  return {
    shopUrl,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A fresh context and page under 4× CPU throttling; `bare` strips the snippet and closeloop.js from the shop's HTML. */
async function openPage(shopUrl, bare) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (bare)
    await page.route(shopUrl, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<script>window\.closeloop=[^<]*<\/script>/, '').replace(/<script[^>]*closeloop\.js[^>]*><\/script>/, '');
      if (/closeloop/.test(html.replace(/<!--[\s\S]*?-->/g, '').replace(/Closeloop/g, ''))) throw new Error('bench-page: the bare page still loads closeloop');
      await route.fulfill({ response, body: html });
    });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return { context, page, cdp };
}

/** ScriptDuration and TaskDuration (ms) after the shop has loaded and settled, with no survey shown. */
async function pageCost(shopUrl, bare) {
  const { context, page, cdp } = await openPage(shopUrl, bare);
  try {
    await page.goto(shopUrl, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    if (await page.locator('closeloop-widget').count()) throw new Error('bench-page: a survey showed while the page settled');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const read = (name) => metrics.find((metric) => metric.name === name).value * 1000;
    return { script: read('ScriptDuration'), task: read('TaskDuration') };
  } finally {
    await context.close();
  }
}

/**
 * ms until the survey dialog is laid out with a size, measured inside the page, from one of two starts: `show`, the
 * call `closeloop('show', 'nps')`; `exit`, the pointer leaving through the top edge (exit intent, the demo survey's
 * trigger), after moving up over the page first as a visitor's does on the way to the tabs.
 */
async function timeToSurvey(shopUrl, start) {
  const { context, page } = await openPage(shopUrl, false);
  try {
    const config = page.waitForResponse(/\/v1\/config/);
    await page.goto(shopUrl, { waitUntil: 'load' });
    await config;
    await page.waitForTimeout(SETTLE_MS);
    const visible = page.evaluate(
      (start) =>
        new Promise((resolve, reject) => {
          let startedAt;
          if (start === 'show') {
            startedAt = performance.now();
            window.closeloop('show', 'nps');
          } else {
            document.addEventListener('mouseout', (event) => (startedAt ??= !event.relatedTarget && event.clientY <= 0 ? performance.now() : undefined), true);
          }
          const check = () => {
            const dialog = document.querySelector('closeloop-widget')?.shadowRoot?.querySelector('[role="dialog"]');
            const box = dialog?.getBoundingClientRect();
            if (startedAt !== undefined && box && box.width > 0 && box.height > 0) resolve(performance.now() - startedAt);
            else if (startedAt !== undefined && performance.now() - startedAt > 10_000) reject(new Error(`no survey dialog within 10 s of ${start === 'show' ? 'show()' : 'the exit'}`));
            else requestAnimationFrame(check);
          };
          check();
        }),
      start,
    );
    if (start === 'exit') {
      await page.mouse.move(640, 400);
      await page.mouse.move(640, 40, { steps: 8 });
      await page.mouse.move(640, -10);
    }
    return await visible;
  } finally {
    await context.close();
  }
}

/**
 * One traced load of the shop: the renderer main thread's top-level tasks that ran closeloop code (a script event
 * whose URL is a closeloop file), in ms summed by what started each task, with the script time inside them.
 */
async function closeloopTasks(shopUrl) {
  const { context, page } = await openPage(shopUrl, false);
  try {
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'] });
    await page.goto(shopUrl, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
    const main = traceEvents.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain' && traceEvents.some((e) => e.pid === event.pid && e.name === 'EvaluateScript' && /closeloop\.js/.test(e.args?.data?.url ?? '')));
    const events = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const STARTS = { EvaluateScript: 'closeloop.js evaluated (load)', FireIdleCallback: 'idle start', EventDispatch: 'event listeners', TimerFire: 'timers' };
    const sums = {};
    let task;
    for (const event of events) {
      if (event.name === 'RunTask' && (!task || event.ts >= task.ts + task.dur)) task = { ts: event.ts, dur: event.dur, start: undefined, counted: false, scriptEnd: 0 };
      if (!task) continue;
      const url = event.args?.data?.url ?? '';
      // The outermost of these in the task is what started it.
      if (!task.start && Object.hasOwn(STARTS, event.name)) task.start = STARTS[event.name];
      // Each outermost closeloop script event counts its time once; the task it ran in counts once.
      if (event.ts >= (task.scriptEnd ?? 0) && /\/closeloop[\w-]*\.js/.test(url) && ['EvaluateScript', 'FunctionCall', 'v8.evaluateModule'].includes(event.name)) {
        const label = task.start ?? 'other (promise jobs, network)';
        sums[label] ??= { task: 0, script: 0, count: 0 };
        if (!task.counted) {
          sums[label].task += task.dur / 1000;
          sums[label].count++;
        }
        sums[label].script += event.dur / 1000;
        task.scriptEnd = event.ts + event.dur;
        task.counted = true;
      }
    }
    return sums;
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;
/** The value a share `q` of the rounds lies at or below (nearest rank). */
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.max(0, Math.ceil(q * values.length) - 1))];

const demo = await startDemo();
try {
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, so a noisy neighbour on the shared cores hits both variants alike.
    const bare = await pageCost(demo.shopUrl, true);
    const tagged = await pageCost(demo.shopUrl, false);
    const show = await timeToSurvey(demo.shopUrl, 'show');
    const exit = await timeToSurvey(demo.shopUrl, 'exit');
    const breakdown = BREAKDOWN ? await closeloopTasks(demo.shopUrl) : {};
    rounds.push({ script: tagged.script - bare.script, task: tagged.task - bare.task, show, exit, bare, tagged, breakdown });
    process.stderr.write(`round ${round + 1}/${ROUNDS}: +script ${fmt(tagged.script - bare.script)}, +task ${fmt(tagged.task - bare.task)}, show→visible ${fmt(show)}, exit→visible ${fmt(exit)}\n`);
  }
  const pick = (key) => median(rounds.map((round) => round[key]));
  // A figure is a difference of two noisy loads: the middle half of the rounds says whether a goal lies inside the
  // noise of this run (then the run shows nothing either way) or clear of it.
  const spread = (key) => {
    const values = rounds.map((round) => round[key]);
    return `middle half of rounds ${quantile(values, 0.25).toFixed(1)} to ${quantile(values, 0.75).toFixed(1)} ms`;
  };
  const line = (label, key, goal) => console.log(`  ${label.padEnd(44)}${fmt(pick(key)).padStart(9)}   ${goal ? `(goal ${goal}; ` : '('}${spread(key)})`);
  console.log(`closeloop.js on the example shop, chromium, ${THROTTLE}× CPU throttling, median of ${ROUNDS}:`);
  console.log(`  ${host}`);
  line('script time added before any survey shows', 'script', '≤ 10 ms');
  line('task time added before any survey shows', 'task', '≤ 30 ms');
  line('show() → survey visible', 'show', '≤ 100 ms');
  line('exit intent → survey visible', 'exit');
  console.log(`  bare page: script ${fmt(median(rounds.map((r) => r.bare.script)))}, task ${fmt(median(rounds.map((r) => r.bare.task)))}`);
  if (BREAKDOWN) {
    console.log('tasks that ran closeloop code, traced (slower than untraced), median per load, by what started them:');
    const labels = [...new Set(rounds.flatMap((round) => Object.keys(round.breakdown)))];
    for (const label of labels) {
      const of = (key) => median(rounds.map((round) => round.breakdown[label]?.[key] ?? 0));
      console.log(`  ${label.padEnd(32)} ${of('count')} task(s), ${fmt(of('task'))} of task, ${fmt(of('script'))} of it script`);
    }
  }
} finally {
  await demo.stop();
  await browser.close();
}
