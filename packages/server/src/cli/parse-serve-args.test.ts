import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dir.js';
import { parseServeArgs, serveConfig } from './parse-serve-args.js';

// No closeloop.config.json here: only flags, the environment given and the defaults count.
const cwd = makeTempDir({});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const settingsOf = (command: 'serve' | 'demo', argv: string[], env: Record<string, string> = {}) => serveConfig(parseServeArgs(command, argv), env, cwd);

describe('closeloop serve|demo command line', () => {
  it('applies the defaults', () => {
    expect(settingsOf('serve', [])).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: './.closeloop',
      databaseUrl: null,
      publicUrl: null,
      allowPrivateWebhooks: false,
      logLevel: 'info',
      metricsToken: null,
      trustProxy: 0,
      rateLimits: { address: 100, project: 2000, key: 50 },
      mail: null,
      configFile: null,
    });
    expect(parseServeArgs('demo', []).demoDir).toBeUndefined();
  });

  it('reads every flag, in either form', () => {
    const argv = ['--port', '0', '--host=0.0.0.0', '--data', '/tmp/x', '--demo-dir', './site', '--rate-limit-address', '0', '--rate-limit-project=5', '--rate-limit-key', '7', '--trust-proxy', '1', '--log-level', 'debug', '--public-url', 'https://feedback.example.com/'];
    expect(parseServeArgs('demo', argv).demoDir).toBe('./site');
    expect(settingsOf('demo', argv)).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      allowPrivateWebhooks: true,
      rateLimits: { address: 0, project: 5, key: 7 },
      trustProxy: 1,
      logLevel: 'debug',
      publicUrl: 'https://feedback.example.com',
    });
  });

  it('refuses private webhook targets unless serve is told --allow-private-webhooks; the demo always allows them', () => {
    expect(settingsOf('serve', []).allowPrivateWebhooks).toBe(false);
    expect(settingsOf('serve', ['--allow-private-webhooks']).allowPrivateWebhooks).toBe(true);
    expect(settingsOf('serve', [], { CLOSELOOP_ALLOW_PRIVATE_WEBHOOKS: 'true' }).allowPrivateWebhooks).toBe(true);
    expect(settingsOf('demo', []).allowPrivateWebhooks).toBe(true);
  });

  it.each([
    [['now'], /unexpected argument "now"/],
    [['--prot', '1'], /--prot/],
    [['--port'], /--port/],
    [['--port', 'abc'], /^--port must be a whole number from 0 to 65535, got "abc" \(setting port\)$/],
    [['--port', '70000'], /--port must be/],
    [['--port', '-1'], /--port/],
    [['--host', ''], /--host must be an address/],
    [['--demo-dir', 'x'], /--demo-dir only applies/],
    [['--rate-limit-address=-1'], /--rate-limit-address must be a whole number .* got "-1"/],
    [['--rate-limit-project', '1.5'], /--rate-limit-project must be a whole number .* got "1.5"/],
    [['--rate-limit-key', 'lots'], /--rate-limit-key must be .* got "lots"/],
    [['--rate-limit-key', ''], /--rate-limit-key must be/],
    [['--trust-proxy', 'yes'], /--trust-proxy must be the number of reverse proxies .* got "yes"/],
    [['--trust-proxy', '11'], /--trust-proxy must be .* from 0 to 10, got "11"/],
    [['--rate-limit-address'], /--rate-limit-address/],
    [['--log-level', 'verbose'], /^--log-level must be fatal, error, warn, info, debug, trace or silent, got "verbose"/],
    [['--public-url', 'feedback.example.com'], /--public-url must be the http\(s\) URL/],
    [['--config', ''], /--config must not be empty/],
  ])('rejects %j naming the problem', (argv, message) => {
    expect(() => settingsOf('serve', argv)).toThrow(message);
  });
});
