import { createCloseloop } from '@closeloop/sdk';
import { memoryStorage, startLocalServer, type LocalServer } from '@closeloop/sdk/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { surfaceOpen } from '../surfaces/surface-open.js';
import { messages } from './messages.js';

const SIGNATURE = 'cd'.repeat(32);
let server: LocalServer;
const destroy: Array<() => void> = [];

beforeEach(async () => {
  server = await startLocalServer((request) => {
    if (request.path.startsWith('/v1/config')) return { body: { configVersion: 2, project: 'pk_test', surveys: [] } };
    if (request.path.startsWith('/v1/messages?')) return { body: { data: [{ id: '0190f5c2-0000-7000-8000-0000000000aa', body: 'Fixed, thanks!', createdAt: '2026-11-30T10:00:00.000Z' }] } };
    return { status: 204 };
  });
});
afterEach(async () => {
  for (const stop of destroy.splice(0)) stop();
  document.body.replaceChildren();
  vi.restoreAllMocks();
  await server.close();
});

const start = () => {
  const closeloop = createCloseloop({ project: 'pk_test', host: server.url, storage: memoryStorage(), busy: surfaceOpen, signed: messages({ projectName: 'Trail Shop' }) });
  destroy.push(() => closeloop.destroy());
  return closeloop;
};
const panel = () => document.querySelector('closeloop-messages')?.shadowRoot?.querySelector('.card') ?? null;

describe('messages(): the panel for apps that use the npm packages', () => {
  it('shows a signed visitor their message through the core’s signed option, and then counts as a busy surface', async () => {
    const closeloop = start();
    closeloop.identify('user-1', { locale: 'en' }, { signature: SIGNATURE });
    await vi.waitFor(() => expect(panel()?.querySelector('h2')?.textContent).toBe('A reply from Trail Shop'));
    expect(panel()?.querySelector('p')?.textContent).toBe('Fixed, thanks!');
    expect(surfaceOpen(document)).toBe(true);
    await vi.waitFor(() => expect(server.received.some((r) => r.method === 'POST' && r.path.endsWith('/seen'))).toBe(true));
  });

  it('asks nothing for an anonymous or unsigned visitor', async () => {
    await start().ready;
    const unsigned = start();
    unsigned.identify('user-1', { plan: 'pro' });
    await unsigned.ready;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.received.filter((r) => r.path.startsWith('/v1/messages'))).toEqual([]);
    expect(panel()).toBeNull();
  });
});
