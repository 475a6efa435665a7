// Builds the console into dist/ for the server to serve at /console/ (index.html for every client-side route;
// hashed assets under dist/assets/ cached for good). The sdk resolves to its sources ("@closeloop/source").
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  base: '/console/',
  resolve: { conditions: ['@closeloop/source', ...defaultClientConditions] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // Preact and the signals read NODE_ENV for dev-only checks.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: ['es2022', 'chrome111', 'safari16.4', 'firefox111'],
    // No inline module-preload polyfill script: the server's strict CSP allows only same-origin scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
