import { parseArgs } from 'node:util';
import type { RateLimits } from '../middleware/rate-limit/index.js';
import { DEFAULT_RATE_LIMITS } from '../middleware/rate-limit/index.js';
import { CliUsageError } from './cli-usage-error.js';

export interface CliArgs {
  command: 'serve' | 'demo' | 'help';
  port: number;
  host: string;
  dataDir: string;
  demoDir: string | undefined;
  /** Webhooks and Slack may target loopback and private networks: `--allow-private-webhooks`, always under demo. */
  allowPrivateWebhooks: boolean;
  /** `--rate-limit-address|project|key <per second>`, 0 = off. */
  rateLimits: RateLimits;
  /** `--trust-proxy <hops>`: reverse proxies in front whose `X-Forwarded-For` names the client; 0 = none. */
  trustedProxies: number;
}

const COMMANDS = ['serve', 'demo'] as const;

/** The command line, checked: every wrong flag or value is a {@link CliUsageError} that names it. */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string', default: './.closeloop' },
        'demo-dir': { type: 'string' },
        'allow-private-webhooks': { type: 'boolean', default: false },
        'rate-limit-address': { type: 'string', default: String(DEFAULT_RATE_LIMITS.address) },
        'rate-limit-project': { type: 'string', default: String(DEFAULT_RATE_LIMITS.project) },
        'rate-limit-key': { type: 'string', default: String(DEFAULT_RATE_LIMITS.key) },
        'trust-proxy': { type: 'string', default: '0' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // Node's messages go on about positionals after `--`; the first sentence names the flag, which is what helps.
    const message = error instanceof Error ? (error.message.split(/\.\s/)[0] ?? error.message) : String(error);
    throw new CliUsageError(message.replace(/\.$/, ''));
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help || command === 'help') return { command: 'help', port: 0, host: '', dataDir: '', demoDir: undefined, allowPrivateWebhooks: false, rateLimits: DEFAULT_RATE_LIMITS, trustedProxies: 0 };
  if (command === undefined) throw new CliUsageError('missing command: serve, demo or users');
  if (!isCommand(command)) throw new CliUsageError(`unknown command "${command}": use serve, demo or users`);
  if (extra.length > 0) throw new CliUsageError(`unexpected argument "${extra[0]}"`);
  if (values['demo-dir'] !== undefined && command !== 'demo') throw new CliUsageError('--demo-dir only applies to closeloop demo');

  return {
    command,
    port: parsePort(values.port),
    host: nonEmpty('--host', values.host),
    dataDir: nonEmpty('--data', values.data),
    demoDir: values['demo-dir'] === undefined ? undefined : nonEmpty('--demo-dir', values['demo-dir']),
    // The demo's webhooks go to a receiver on the same machine (examples/backend), so it allows them.
    allowPrivateWebhooks: command === 'demo' || values['allow-private-webhooks'],
    rateLimits: {
      address: parsePerSecond('--rate-limit-address', values['rate-limit-address']),
      project: parsePerSecond('--rate-limit-project', values['rate-limit-project']),
      key: parsePerSecond('--rate-limit-key', values['rate-limit-key']),
    },
    trustedProxies: parseProxyHops(values['trust-proxy']),
  };
}

function isCommand(value: string): value is (typeof COMMANDS)[number] {
  return (COMMANDS as readonly string[]).includes(value);
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new CliUsageError(`--port must be a whole number from 0 to 65535, got "${text}"`);
  return port;
}

function parsePerSecond(flag: string, text: string): number {
  const rate = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
  if (!(rate >= 0 && rate <= 1_000_000)) throw new CliUsageError(`${flag} must be a whole number of requests per second from 0 (off) to 1000000, got "${text}"`);
  return rate;
}

function parseProxyHops(text: string): number {
  const hops = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
  if (!(hops >= 0 && hops <= 10)) throw new CliUsageError(`--trust-proxy must be the number of reverse proxies in front of the server, from 0 to 10, got "${text}"`);
  return hops;
}

function nonEmpty(flag: string, text: string): string {
  if (text.trim() === '') throw new CliUsageError(`${flag} must not be empty`);
  return text;
}
