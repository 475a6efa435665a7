import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './parse-cli-args.js';

describe('parseCliArgs', () => {
  it('applies the defaults', () => {
    expect(parseCliArgs(['serve'])).toEqual({
      command: 'serve',
      port: 8787,
      host: '127.0.0.1',
      dataDir: './.closeloop',
      demoDir: undefined,
      allowPrivateWebhooks: false,
      rateLimits: { address: 100, project: 2000, key: 50 },
      trustedProxies: 0,
    });
  });

  it('reads every flag, in either form', () => {
    const argv = ['demo', '--port', '0', '--host=0.0.0.0', '--data', '/tmp/x', '--demo-dir', './site', '--rate-limit-address', '0', '--rate-limit-project=5', '--rate-limit-key', '7', '--trust-proxy', '1'];
    expect(parseCliArgs(argv)).toEqual({
      command: 'demo',
      port: 0,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      demoDir: './site',
      allowPrivateWebhooks: true,
      rateLimits: { address: 0, project: 5, key: 7 },
      trustedProxies: 1,
    });
  });

  it('refuses private webhook targets unless serve is told --allow-private-webhooks; the demo always allows them', () => {
    expect(parseCliArgs(['serve']).allowPrivateWebhooks).toBe(false);
    expect(parseCliArgs(['serve', '--allow-private-webhooks']).allowPrivateWebhooks).toBe(true);
    expect(parseCliArgs(['demo']).allowPrivateWebhooks).toBe(true);
  });

  it('asks for help with --help, -h or help', () => {
    for (const argv of [['--help'], ['serve', '-h'], ['help']]) expect(parseCliArgs(argv).command).toBe('help');
  });

  it.each([
    [[], /missing command/],
    [['start'], /unknown command "start"/],
    [['serve', 'now'], /unexpected argument "now"/],
    [['serve', '--prot', '1'], /--prot/],
    [['serve', '--port'], /--port/],
    [['serve', '--port', 'abc'], /--port must be .* got "abc"/],
    [['serve', '--port', '70000'], /--port must be/],
    [['serve', '--port', '-1'], /--port/],
    [['serve', '--host', ''], /--host must not be empty/],
    [['serve', '--demo-dir', 'x'], /--demo-dir only applies/],
    [['serve', '--rate-limit-address=-1'], /--rate-limit-address must be a whole number .* got "-1"/],
    [['serve', '--rate-limit-project', '1.5'], /--rate-limit-project must be a whole number .* got "1.5"/],
    [['serve', '--rate-limit-key', 'lots'], /--rate-limit-key must be .* got "lots"/],
    [['serve', '--rate-limit-key', ''], /--rate-limit-key must be/],
    [['serve', '--trust-proxy', 'yes'], /--trust-proxy must be the number of reverse proxies .* got "yes"/],
    [['serve', '--trust-proxy', '11'], /--trust-proxy must be .* from 0 to 10, got "11"/],
    [['serve', '--rate-limit-address'], /--rate-limit-address/],
  ])('rejects %j naming the problem', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
