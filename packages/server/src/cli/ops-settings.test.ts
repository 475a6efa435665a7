import { afterEach, describe, expect, it, vi } from 'vitest';
import { readOpsSettings } from './ops-settings.js';
import { run } from './run.js';

describe('CLOSELOOP_LOG_LEVEL and CLOSELOOP_METRICS_TOKEN', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('default: info, no /metrics', () => {
    expect(readOpsSettings({})).toEqual({ logLevel: 'info', metricsToken: undefined });
    expect(readOpsSettings({ CLOSELOOP_LOG_LEVEL: '', CLOSELOOP_METRICS_TOKEN: '' })).toEqual({ logLevel: 'info', metricsToken: undefined });
  });

  it('takes a level and a token', () => {
    expect(readOpsSettings({ CLOSELOOP_LOG_LEVEL: 'warn', CLOSELOOP_METRICS_TOKEN: 'f'.repeat(64) })).toEqual({ logLevel: 'warn', metricsToken: 'f'.repeat(64) });
  });

  it.each([
    [{ CLOSELOOP_LOG_LEVEL: 'verbose' }, /^closeloop: CLOSELOOP_LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent \(got "verbose"\)/],
    [{ CLOSELOOP_METRICS_TOKEN: 'short' }, /^closeloop: CLOSELOOP_METRICS_TOKEN: must be at least 16 characters without spaces/],
    [{ CLOSELOOP_METRICS_TOKEN: 'sixteen chars and a space' }, /^closeloop: CLOSELOOP_METRICS_TOKEN: must be at least 16 characters/],
  ])('%o stops start-up naming the variable, before opening anything', async (env, message) => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    await run(['serve', '--port', '0'], { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(process.exitCode).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });
});
