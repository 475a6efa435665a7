import { z } from 'zod';
import { LogLevel } from '../log/log-level.js';
import { DEFAULT_RATE_LIMITS } from '../middleware/rate-limit/rate-limits.js';

/** Long enough that guessing it is hopeless; `openssl rand -hex 32` gives 64. */
const MIN_METRICS_TOKEN_LENGTH = 16;

const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);
const nonEmpty = z.string().trim().min(1);

function hasProtocol(value: string, protocols: string[]): boolean {
  return URL.canParse(value) && protocols.includes(new URL(value).protocol) && new URL(value).hostname !== '';
}

/**
 * Every server setting, as `closeloop.config.json` holds it (each one optional there): the one schema that flags,
 * environment variables and the file are all checked against. Unknown keys are refused, so a typo never passes for
 * a setting left at its default.
 */
export const ConfigFile = z.strictObject({
  port: wholeNumber(0, 65535).optional(),
  host: nonEmpty.optional(),
  dataDir: nonEmpty.optional(),
  databaseUrl: z
    .string()
    .refine((v) => hasProtocol(v, ['postgres:', 'postgresql:']))
    .optional(),
  publicUrl: z
    .string()
    .refine((v) => hasProtocol(v, ['http:', 'https:']) && new URL(v).search === '' && new URL(v).hash === '')
    .optional(),
  allowPrivateWebhooks: z.boolean().optional(),
  logLevel: LogLevel.optional(),
  metricsToken: z.string().min(MIN_METRICS_TOKEN_LENGTH).regex(/^\S+$/).optional(),
  trustProxy: wholeNumber(0, 10).optional(),
  rateLimit: z
    .strictObject({
      address: wholeNumber(0, 1_000_000).optional(),
      project: wholeNumber(0, 1_000_000).optional(),
      key: wholeNumber(0, 1_000_000).optional(),
    })
    .optional(),
  smtp: z
    .strictObject({
      url: z
        .string()
        .refine((v) => hasProtocol(v, ['smtp:', 'smtps:']))
        .optional(),
      host: z
        .string()
        .regex(/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/)
        .optional(),
      port: wholeNumber(1, 65535).optional(),
      secure: z.boolean().optional(),
      user: nonEmpty.optional(),
      pass: z.string().min(1).optional(),
      // A bare address: each project's name becomes the display name of the mail it sends.
      from: z.email().max(254).optional(),
    })
    .optional(),
});
export type ConfigFile = z.infer<typeof ConfigFile>;

/** How a value written as text (a flag, an environment variable) becomes the JSON value the schema checks. */
export type TextKind = 'number' | 'boolean' | 'text';

export interface Setting {
  /** Its path in closeloop.config.json (`smtp.host`), and its name in every error. */
  key: string;
  /** The command-line flag without `--`; none for secrets, which a flag would show to everyone running `ps`. */
  flag: string | undefined;
  env: string;
  kind: TextKind;
  /** What a right value looks like: errors say "must be …". */
  expected: string;
  /** The default, as shown in `--help` and the README; undefined when the setting is off until set. */
  default: string | number | boolean | undefined;
  /** Never repeated in an error (a password, a URL that may carry one). */
  secret: boolean;
}

const off = undefined;

/** Where each setting of {@link ConfigFile} may come from. A test holds the two equal. */
export const SETTINGS: readonly Setting[] = [
  { key: 'port', flag: 'port', env: 'CLOSELOOP_PORT', kind: 'number', expected: 'a whole number from 0 to 65535', default: 8787, secret: false },
  { key: 'host', flag: 'host', env: 'CLOSELOOP_HOST', kind: 'text', expected: 'an address to listen on, such as 127.0.0.1 or 0.0.0.0', default: '127.0.0.1', secret: false },
  { key: 'dataDir', flag: 'data', env: 'CLOSELOOP_DATA_DIR', kind: 'text', expected: 'a folder (it holds closeloop.sqlite)', default: './.closeloop', secret: false },
  { key: 'databaseUrl', flag: off, env: 'DATABASE_URL', kind: 'text', expected: 'a postgres://user:password@host:5432/db URL', default: off, secret: true },
  { key: 'publicUrl', flag: 'public-url', env: 'CLOSELOOP_PUBLIC_URL', kind: 'text', expected: 'the http(s) URL the server is reached at, such as https://feedback.example.com', default: off, secret: false },
  { key: 'allowPrivateWebhooks', flag: 'allow-private-webhooks', env: 'CLOSELOOP_ALLOW_PRIVATE_WEBHOOKS', kind: 'boolean', expected: 'true or false', default: false, secret: false },
  { key: 'logLevel', flag: 'log-level', env: 'CLOSELOOP_LOG_LEVEL', kind: 'text', expected: LogLevel.options.join(', ').replace(/, (?=\w+$)/, ' or '), default: 'info', secret: false },
  {
    key: 'metricsToken',
    flag: off,
    env: 'CLOSELOOP_METRICS_TOKEN',
    kind: 'text',
    expected: `a bearer token of ${MIN_METRICS_TOKEN_LENGTH} characters or more, without spaces (openssl rand -hex 32); GET /metrics is served to it alone`,
    default: off,
    secret: true,
  },
  { key: 'trustProxy', flag: 'trust-proxy', env: 'CLOSELOOP_TRUST_PROXY', kind: 'number', expected: 'the number of reverse proxies in front of the server, from 0 to 10', default: 0, secret: false },
  ...(['address', 'project', 'key'] as const).map((limit) => ({
    key: `rateLimit.${limit}`,
    flag: `rate-limit-${limit}`,
    env: `CLOSELOOP_RATE_LIMIT_${limit.toUpperCase()}`,
    kind: 'number' as const,
    expected: 'a whole number of requests per second from 0 (off) to 1000000',
    default: DEFAULT_RATE_LIMITS[limit],
    secret: false,
  })),
  { key: 'smtp.url', flag: off, env: 'CLOSELOOP_SMTP_URL', kind: 'text', expected: 'smtp://user:password@host:port (or smtps:// for TLS from the start)', default: off, secret: true },
  { key: 'smtp.host', flag: 'smtp-host', env: 'CLOSELOOP_SMTP_HOST', kind: 'text', expected: 'the mail server\'s host name, such as mail.example', default: off, secret: false },
  { key: 'smtp.port', flag: 'smtp-port', env: 'CLOSELOOP_SMTP_PORT', kind: 'number', expected: 'a whole number from 1 to 65535', default: off, secret: false },
  { key: 'smtp.secure', flag: 'smtp-secure', env: 'CLOSELOOP_SMTP_SECURE', kind: 'boolean', expected: 'true (TLS from the start, port 465) or false (STARTTLS when offered)', default: false, secret: false },
  { key: 'smtp.user', flag: 'smtp-user', env: 'CLOSELOOP_SMTP_USER', kind: 'text', expected: 'the SMTP user name', default: off, secret: false },
  { key: 'smtp.pass', flag: off, env: 'CLOSELOOP_SMTP_PASS', kind: 'text', expected: 'the SMTP password', default: off, secret: true },
  { key: 'smtp.from', flag: 'mail-from', env: 'CLOSELOOP_MAIL_FROM', kind: 'text', expected: 'a bare email address such as feedback@shop.example (each project\'s name is the display name)', default: off, secret: false },
];

export function settingByKey(key: string): Setting | undefined {
  return SETTINGS.find((s) => s.key === key);
}
