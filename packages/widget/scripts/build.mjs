// Builds @closeloop/widget, three ways, with Vite's JS API (no config file: each build states all it needs).
//   dist/browser/closeloop-ui-<hash>.js  the UI chunk: ES module, preact + signals inside, loaded on demand
//   dist/browser/closeloop-<lang>-<hash>.js  one small chunk per built-in language but English, imported by the UI
//                                        chunk only for a visitor who reads that language
//   dist/browser/closeloop-feedback-<hash>.js  the feedback form: ES module, plain DOM, loaded when the tab opens
//   dist/browser/closeloop-<lang>-feedback-<hash>.js  the form's words in one language but English, imported by it
//   dist/browser/closeloop-messages-<hash>.js  the message panel: ES module, plain DOM, loaded for signed visitors
//   dist/browser/closeloop.js            the script tag: core + loader, a classic IIFE that imports the chunk above
//   dist/browser/closeloop-preview.html + closeloop-preview-<hash>.js  the console's live preview page (never loaded
//                                        by a host page; it parses the survey it is sent with the full schemas)
//   dist/npm/index.js + dist/types/      the npm package: ESM with preact, signals and the sdk left to the app
// Workspace packages resolve to their TypeScript sources ("@closeloop/source" condition), so the sdk needs no
// build first.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defaultClientConditions, runnerImport } from 'vite';
import { optionalSpreadCalls } from './optional-spread-calls.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const browser = join(dist, 'browser');

const resolve = { conditions: ['@closeloop/source', ...defaultClientConditions] };

/**
 * The stylesheets (`src/**\/*-css.ts`) declare their custom properties from the typed tokens (src/styles/tokens.ts)
 * when their module runs, code every chunk would carry. Run here once instead, a stylesheet module whose exports
 * are all strings becomes just those strings, so a page downloads the CSS text and nothing that builds it.
 */
const baked = new Map();
const bakeStylesheets = {
  name: 'closeloop-bake-stylesheets',
  enforce: 'pre',
  async transform(_code, id) {
    if (!/[\\/]src[\\/].*-css\.ts$/.test(id)) return null;
    if (!baked.has(id)) {
      const { module } = await runnerImport(id, { configFile: false, root, logLevel: 'warn', resolve });
      const exports = Object.entries(module);
      baked.set(id, exports.every(([, value]) => typeof value === 'string') ? exports.map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`).join('\n') : null);
    }
    const code = baked.get(id);
    // The module is replaced whole: no mapping back to the TypeScript is the truthful source map.
    return code === null ? null : { code, map: { mappings: "" } };
  },
};

/** Settings every build shares. */
const common = {
  configFile: false,
  root,
  logLevel: 'warn',
  resolve,
  plugins: [bakeStylesheets],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // Preact and the signals read NODE_ENV for dev-only checks; the browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
};

/** Browsers with native dynamic import(), adoptedStyleSheets and `??=` (Chrome 85+, Safari 16.4+, Firefox 101+). */
const target = ['es2021', 'chrome85', 'safari16.4', 'firefox101'];

// What a shop's page loads (closeloop.js and the survey, feedback and message chunks), for bytes: Chrome 85–90 run
// `?.` natively, but esbuild-style compat data lists it from Chrome 91 because of one V8 bug, an optional call with
// a non-final spread argument (`a?.b(...x, y)`, crbug.com/42201552), so `chrome85` made every `?.` ~20 bytes
// longer: the UI chunk 225 bytes of brotli, the feedback chunk 92. None of them has such a call, which every build
// checks (optional-spread-calls.mjs); the rest of `target` still holds for them (nothing else lands in Chrome 86–91
// that they use). The console's preview page keeps `target`.
const pageTarget = target.map((browser) => (browser === 'chrome85' ? 'chrome91' : browser));

/** The one entry file of a build (dynamically imported chunks may sit beside it). */
function only(output) {
  const files = [output].flat().flatMap((result) => result.output).filter((file) => file.type === 'chunk' && file.isEntry);
  if (files.length !== 1) throw new Error(`expected one entry file, got ${files.map((file) => file.fileName).join(', ')}`);
  return files[0];
}

/**
 * A minified build of one entry into dist/browser, the files a page downloads; returns its entry file. The ES
 * module chunks build in library mode: that keeps the entry's exports (the chunks exist to export them) and leaves
 * out Vite's module-preload helper (about 0.5 KB brotli per chunk), which serves HTML apps, not chunks our own
 * loader imports. Library mode keeps whitespace in ES output, hence the explicit `output.minify`, and the `@__PURE__`
 * marks of every JSX call, which only a bundler reads: a browser chunk goes to no bundler, so they are dropped
 * (117 in the UI chunk, ~80 bytes brotli). License comments stay.
 */
async function browserBuild({ input, output, define, target: browsers = target }) {
  return only(
    await build({
      ...common,
      define: { ...common.define, ...define },
      build: {
        outDir: browser,
        emptyOutDir: false,
        copyPublicDir: false,
        target: browsers,
        minify: true,
        sourcemap: false,
        ...(output.format === 'es' && { lib: { entry: join(root, input), formats: ['es'] } }),
        rolldownOptions: { input: join(root, input), output: { ...output, minify: true, comments: { legal: true, annotation: false, jsdoc: false } } },
      },
    }),
  );
}

rmSync(dist, { recursive: true, force: true });

// 1. The UI chunk. Content-hashed, so the server can cache it forever; closeloop.js names the current one.
const ui = await browserBuild({
  input: 'src/ui.tsx',
  target: pageTarget,
  output: { format: 'es', entryFileNames: 'closeloop-ui-[hash].js', chunkFileNames: 'closeloop-[name]-[hash].js' },
});

// 1b. The feedback form's chunk, loaded when a visitor opens the feedback tab: plain DOM, no preact, so it stays
//     small and never grows with the survey UI. Its language chunks are closeloop-<lang>-feedback-<hash>.js.
const feedback = await browserBuild({
  input: 'src/feedback/feedback-chunk.ts',
  target: pageTarget,
  output: { format: 'es', entryFileNames: 'closeloop-feedback-[hash].js', chunkFileNames: 'closeloop-[name]-feedback-[hash].js' },
});

// 1c. The message panel's chunk, loaded only for a visitor with a signed identity (the core's `signed`): plain DOM,
//     every language inside.
const messages = await browserBuild({
  input: 'src/messages/messages-chunk.ts',
  target: pageTarget,
  output: { format: 'es', entryFileNames: 'closeloop-messages-[hash].js' },
});

// 2. closeloop.js. A classic script (a page can include it without type="module"); its dynamic import() of the
//    UI chunk stays native, with the chunk's file name written in.
const core = await browserBuild({
  input: 'src/script-tag.ts',
  target: pageTarget,
  define: {
    __CLOSELOOP_UI_FILE__: JSON.stringify(ui.fileName), __CLOSELOOP_FEEDBACK_FILE__: JSON.stringify(feedback.fileName),
    __CLOSELOOP_MESSAGES_FILE__: JSON.stringify(messages.fileName),
  },
  output: { format: 'iife', entryFileNames: 'closeloop.js' },
});
// V8's explicit compile hint (Chrome 136+; other engines read a comment): compile every function of closeloop.js
// with the script, which chromium does off the main thread while the async script streams in, instead of lazily on
// the main thread at each function's first call. Traced on the example shop, that took the core's lazy compiles on
// the main thread from 40 to 1 (pnpm bench:page --breakdown). Written after minification, which drops comments.
// The UI chunk too: it is imported the moment a survey shows (or is about to), and showing one calls most of it.
// show() → survey visible at 4× throttling on the example shop, the UI chunk with and without the hint interleaved
// on one slow host: median 118 vs 142 ms over 21 pairs (16 faster with it), 122 vs 140 ms over 15; exit intent →
// visible 65 vs 89 ms. The feedback chunk, plain DOM and a third the size, gained nothing measurable (−3 ms
// median over 15 pairs), so it and the messages chunk stay lazily compiled.
for (const file of [core.fileName, ui.fileName]) {
  const path = join(browser, file);
  writeFileSync(path, `//# allFunctionsCalledOnLoad\n${readFileSync(path, 'utf8')}`);
}
// Every file a page may load (those built for `target` have no `?.` to check).
for (const file of readdirSync(browser).filter((name) => name.endsWith('.js'))) {
  const calls = optionalSpreadCalls(readFileSync(join(browser, file), 'utf8'));
  if (calls.length) throw new Error(`${file} keeps \`?.\` native for Chrome 85–90, which mishandle an optional call with a spread before the last argument: ${calls.join(', ')}. Move the spread last, or build the file for \`target\`.`);
}

// 2b. The console's live preview: a page and its entry, the survey UI driven by postMessage instead of the core.
//     Its own build, so neither closeloop.js nor the UI chunk carries a byte of it.
const preview = await browserBuild({
  input: 'src/preview/preview-entry.ts',
  output: { format: 'es', entryFileNames: 'closeloop-preview-[hash].js', chunkFileNames: 'closeloop-[name]-preview-[hash].js' },
});
const previewPage = readFileSync(join(root, 'src/preview/closeloop-preview.html'), 'utf8');
writeFileSync(join(browser, 'closeloop-preview.html'), previewPage.replaceAll('__CLOSELOOP_PREVIEW_FILE__', preview.fileName));

// 3. The npm build: readable ESM; the app's bundler dedupes and minifies preact, signals and the sdk.
const external = (id) => /^(preact|@preact\/signals|@closeloop\/sdk)(\/|$)/.test(id);
await build({
  ...common,
  build: {
    outDir: join(dist, 'npm'),
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: join(root, 'src/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    rolldownOptions: { external },
  },
});

// Type declarations, matching package.json's "types" (tsconfig.build.json writes them to dist/types).
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

process.stdout.write(`built dist/browser/${core.fileName} → ${ui.fileName} + ${feedback.fileName} + ${messages.fileName}, closeloop-preview.html → ${preview.fileName}, dist/npm/index.js, dist/types/index.d.ts\n`);
