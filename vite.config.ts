// Shared test config for the whole workspace: one `vitest run` runs every package's unit tests.
// Workspace packages resolve to their TypeScript sources through the "@closeloop/source" export condition,
// so tests never need a build first. Browser specs (tests/e2e, Playwright) stay out of vitest's reach.
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

const source = '@closeloop/source';

export default defineConfig({
  resolve: { conditions: [source, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [source, ...defaultServerConditions], externalConditions: [source] } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    globals: true,
    // Vitest's default in a run is one worker fewer than the cores: one on this 2-core machine. Most suites wait on
    // I/O (databases, fsync, child processes, sockets, timers), so two share the cores well: the Node 20 run took
    // 650 s on one worker.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'sdk',
          root: 'packages/sdk',
          environment: 'happy-dom',
          include: ['src/**/*.test.ts'],
          // The public API's types (track/on checked against the host's event map) are tested too: *.test-d.ts.
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
          // Globs are relative to each project's root, so the root-level `benchmark.include` finds nothing here.
          benchmark: { include: ['src/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        test: { name: 'widget', root: 'packages/widget', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: {
          name: 'server',
          root: 'packages/server',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          // A worker's test files share one module graph instead of each importing the server afresh (hono, every
          // route, Kysely, both drivers): importing was 124 of the project's 150 s on a slow day, now 10 of 51. Safe
          // because the server keeps its state per database (db/per-database.ts: caches, prepared statements), never
          // per process, and every test opens a database of its own. So are the Node suites below; the browser
          // suites (happy-dom) are not: a page's DOM and storage would carry over from one file to the next.
          isolate: false,
          // `pnpm bench`: the case queue over 100,000 cases, and answer → webhook delivered.
          benchmark: { include: ['src/**/*.bench.ts'] },
        },
      },
      {
        // The console's components, in happy-dom at the address the server serves it from (relative API URLs resolve).
        // The survey editor's live preview is an iframe: happy-dom makes it a frame that stays empty (the preview runs
        // the built widget, tested in a browser by tests/e2e) instead of printing an error for every render.
        extends: true,
        test: {
          name: 'console',
          root: 'packages/console',
          environment: 'happy-dom',
          environmentOptions: {
            happyDOM: { url: 'http://console.test/', settings: { enableIframePageLoading: true, navigation: { disableChildFrameNavigation: true } } },
          },
          include: ['src/**/*.test.{ts,tsx}'],
        },
      },
      {
        // Cross-package, in Node: the SDK's Node client against the real server on a local port.
        extends: true,
        test: { name: 'integration', root: 'tests', environment: 'node', include: ['integration/**/*.test.ts'], isolate: false },
      },
      {
        // The examples' own tests, in Node: the example backend receiving real, signed webhooks.
        extends: true,
        test: { name: 'examples', root: 'examples', environment: 'node', include: ['*/src/**/*.test.ts'], isolate: false },
      },
    ],
    benchmark: { include: ['packages/*/src/**/*.bench.ts'] },
  },
});
