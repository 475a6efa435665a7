// The SPA builds from the workspace's TypeScript sources ("@closeloop/source"), as an app that installed
// @closeloop/sdk and @closeloop/widget from npm would build from their dist. In dev and preview, /v1 (the
// Closeloop server's public API) and /api/closeloop-identity (the example backend) are proxied, so the built app
// holds no port numbers: CLOSELOOP_HOST and BACKEND_URL choose the targets when the server starts.
import { defaultClientConditions, defineConfig } from 'vite';

const closeloopHost = process.env['CLOSELOOP_HOST'] ?? 'http://127.0.0.1:8787';
const backendUrl = process.env['BACKEND_URL'] ?? 'http://127.0.0.1:8788';
const proxy = {
  '/v1': { target: closeloopHost, changeOrigin: true },
  '/api/closeloop-identity': { target: backendUrl, changeOrigin: true },
};

export default defineConfig({
  resolve: { conditions: ['@closeloop/source', ...defaultClientConditions] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  server: { host: '127.0.0.1', port: 5173, proxy },
  preview: { host: '127.0.0.1', port: 4173, proxy },
  build: { target: 'es2022' },
});
