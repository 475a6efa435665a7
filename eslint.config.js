// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Package boundaries: imports run widget → sdk ← server, console → sdk. The sdk knows neither of them; the server serves the
// widget's built files (it resolves the package's dist/, never imports its code); nothing reaches into another
// package's src/ (workspace packages resolve to their sources through the "@closeloop/source" export condition).
const intoAnotherSrc = {
  regex: '^@closeloop/[^/]+/src(/|$)|^(\\.\\./)+(.*/)?(sdk|widget|server|console)/src(/|$)',
  message: "Import another package through its exports (@closeloop/sdk, @closeloop/sdk/schemas, …), never its src/.",
};
const packagesOtherThan = (allowed, why) => ({
  regex: `^@closeloop/(?!(${allowed.join('|')})(/|$))`,
  message: why,
});
const noImportsExcept = (allowed, why) => ({
  'no-restricted-imports': ['error', { patterns: [intoAnotherSrc, ...(allowed ? [packagesOtherThan(allowed, why)] : [])] }],
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.closeloop/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Library code speaks to the host page only through warnings: one line per failure.
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['**/*.{js,mjs,ts,tsx}'], rules: noImportsExcept(null) },
  {
    files: ['packages/sdk/**'],
    rules: noImportsExcept(['sdk'], 'The sdk is the shared base: the widget and the server import it, never the other way.'),
  },
  {
    // Rules the browser runs: no zod at run time (types are free), nothing from the contract but its zod-free modules
    // (the scale range, the feedback limits). Their tests run in Node and may build inputs with the contract.
    files: ['packages/sdk/src/logic/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            intoAnotherSrc,
            packagesOtherThan(['sdk'], 'The sdk is the shared base: the widget and the server import it, never the other way.'),
            { regex: '^zod(/|$)|^\\.\\./schemas/(?!(scale-range|feedback-limits|submission-limits)\\.js$)', allowTypeImports: true, message: '@closeloop/sdk/logic is zod-free: import types only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/widget/**'],
    rules: noImportsExcept(['sdk', 'widget'], 'The widget imports the sdk only; it talks to the server over HTTP.'),
  },
  {
    files: ['packages/server/**'],
    rules: noImportsExcept(['sdk', 'server'], 'The server imports the sdk only; it serves the widget’s built files, never its code.'),
  },
  {
    // The server's tests deliver webhooks and mail to the private test receivers; the server itself never sees them.
    files: ['packages/server/**/*.test.ts', 'packages/server/**/*.bench.ts'],
    rules: noImportsExcept(['sdk', 'server', 'test-receivers'], 'Server tests import the sdk and the test receivers only.'),
  },
  {
    files: ['packages/console/**'],
    rules: noImportsExcept(['sdk'], 'The console imports the sdk only; it talks to the server over HTTP.'),
  },
  {
    // Command-line programs and examples talk to people on stdout.
    files: ['packages/server/src/cli/**', 'scripts/**', 'examples/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
);
