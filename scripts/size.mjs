// Measures what a page downloads from packages/widget/dist/browser and fails when a budget is exceeded.
// Every page pays for closeloop.js; the UI chunk is fetched only when a survey shows, the feedback chunk only when a
// visitor opens the feedback tab, the messages chunk only for a visitor with a signed identity. Brotli at quality 11 is what a CDN serves for static files, so the budgets are
// brotli bytes (1 KB = 1024 bytes).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'packages/widget/dist/browser');
const KB = 1024;
const BUDGETS = { core: 8.4 * KB, ui: 17.5 * KB, total: 25.875 * KB, feedback: 4 * KB, messages: 3.5 * KB };

function fail(message) {
  console.error(`size: ${message}`);
  process.exit(1);
}

const coreFile = join(dir, 'closeloop.js');
if (!existsSync(coreFile)) fail(`${relative(root, coreFile)} is missing; build first: pnpm --filter @closeloop/widget build`);
const uiNames = readdirSync(dir).filter((name) => /^closeloop-ui-[\w-]+\.js$/.test(name));
if (uiNames.length !== 1)
  fail(`expected one closeloop-ui-<hash>.js in ${relative(root, dir)}, found ${uiNames.length ? uiNames.join(', ') : 'none'}; rebuild the widget`);

/** raw, gzip (level 9) and brotli (quality 11) byte counts of a buffer. */
function measure(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

const feedbackNames = readdirSync(dir).filter((name) => /^closeloop-feedback-[\w-]+\.js$/.test(name));
if (feedbackNames.length !== 1)
  fail(`expected one closeloop-feedback-<hash>.js in ${relative(root, dir)}, found ${feedbackNames.length ? feedbackNames.join(', ') : 'none'}; rebuild the widget`);

const messagesNames = readdirSync(dir).filter((name) => /^closeloop-messages-[\w-]+\.js$/.test(name));
if (messagesNames.length !== 1)
  fail(`expected one closeloop-messages-<hash>.js in ${relative(root, dir)}, found ${messagesNames.length ? messagesNames.join(', ') : 'none'}; rebuild the widget`);

const core = readFileSync(coreFile);
const ui = readFileSync(join(dir, uiNames[0]));
// Two separate downloads, so the total is the sum of each file compressed on its own.
const coreSize = measure(core);
const uiSize = measure(ui);
const feedbackSize = measure(readFileSync(join(dir, feedbackNames[0])));
const rows = [
  { label: 'closeloop.js', size: coreSize, budget: BUDGETS.core },
  { label: uiNames[0], size: uiSize, budget: BUDGETS.ui },
  {
    label: 'core + UI',
    size: { raw: coreSize.raw + uiSize.raw, gzip: coreSize.gzip + uiSize.gzip, brotli: coreSize.brotli + uiSize.brotli },
    budget: BUDGETS.total,
  },
  { label: feedbackNames[0], size: feedbackSize, budget: BUDGETS.feedback },
  { label: messagesNames[0], size: measure(readFileSync(join(dir, messagesNames[0]))), budget: BUDGETS.messages },
];

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const width = Math.max(...rows.map((row) => row.label.length));
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}  ${'brotli'.padStart(10)}  ${'budget'.padStart(10)}`);
for (const { label, size, budget } of rows) {
  const mark = size.brotli <= budget ? 'ok' : 'OVER';
  console.log(`${label.padEnd(width)}  ${kb(size.raw).padStart(10)}  ${kb(size.gzip).padStart(10)}  ${kb(size.brotli).padStart(10)}  ${kb(budget).padStart(10)}  ${mark}`);
}

const over = rows.filter((row) => row.size.brotli > row.budget);
if (over.length)
  fail(over.map((row) => `${row.label} is ${kb(row.size.brotli)} brotli, over its ${kb(row.budget)} budget by ${row.size.brotli - row.budget} bytes`).join('; '));
