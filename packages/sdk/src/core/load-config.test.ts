import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CONFIG_VERSION } from '../schemas/config-version.js';
import { startLocalServer, type LocalServer, type Reply } from '../test-support/local-server.js';
import { survey } from '../test-support/survey.js';
import { loadConfig } from './load-config.js';

describe('loadConfig against a real server', () => {
  let server: LocalServer;
  let warn: ReturnType<typeof vi.spyOn>;
  const answered = [{ surveyId: 'nps', at: '2026-11-01T00:00:00.000Z' }];
  const reply: Reply = { body: { configVersion: CONFIG_VERSION, project: 'pk_test', surveys: [survey('nps')], answered } };

  beforeEach(async () => {
    server = await startLocalServer(() => reply);
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  test('returns the surveys and what the signed user answered elsewhere', async () => {
    const config = await loadConfig(server.url, 'pk_test', new AbortController().signal, { userId: 'u 1', signature: 'ab'.repeat(32) });
    expect(config).toEqual({ surveys: [survey('nps')], answered });
    expect(server.received[0]?.path).toBe(`/v1/config?project=pk_test&user=u%201&signature=${'ab'.repeat(32)}`);
  });

  test('a reply that lands after the core ended counts as none, without a warning', async () => {
    let release = () => {};
    server.handler = () => new Promise<Reply>((resolve) => (release = () => resolve(reply)));
    const ended = new AbortController();
    const loading = loadConfig(server.url, 'pk_test', ended.signal);
    await vi.waitFor(() => expect(server.received).toHaveLength(1));
    ended.abort();
    release();
    expect(await loading).toEqual({ surveys: [], answered: [] });
    expect(warn).not.toHaveBeenCalled();
  });

  test('an error status means no surveys, with one warning naming it', async () => {
    server.handler = () => ({ status: 503, body: {} });
    expect(await loadConfig(server.url, 'pk_test', new AbortController().signal)).toEqual({ surveys: [], answered: [] });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('status 503');
  });
});
