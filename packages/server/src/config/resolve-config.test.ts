import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeTempDir } from '../testing/temp-dir.js';
import { COMMAND_USAGE } from '../cli/usage.js';
import { ConfigError } from './config-error.js';
import { resolveConfig } from './resolve-config.js';
import { ConfigFile, SETTINGS } from './settings.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A working directory holding `closeloop.config.json` with `file` (raw text, or an object as JSON), or none. */
function cwdWith(file?: unknown): string {
  const dir = makeTempDir(file === undefined ? {} : { 'closeloop.config.json': typeof file === 'string' ? file : JSON.stringify(file) });
  dirs.push(dir);
  return dir;
}

function resolve(options: { flags?: Record<string, string | boolean>; env?: Record<string, string>; file?: unknown; configFile?: string; cwd?: string }) {
  return resolveConfig({ flags: options.flags ?? {}, env: options.env ?? {}, configFile: options.configFile, cwd: options.cwd ?? cwdWith(options.file) });
}

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no ConfigError thrown');
}

/** Every leaf key of a zod object schema, dotted. */
function leafKeys(schema: z.ZodType, prefix = ''): string[] {
  const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  if (!(inner instanceof z.ZodObject)) return [prefix];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, value]) => leafKeys(value, prefix === '' ? key : `${prefix}.${key}`));
}

describe('the settings table', () => {
  it('names every key of the schema once, each with its own env var and flag', () => {
    expect(SETTINGS.map((s) => s.key).sort()).toEqual(leafKeys(ConfigFile).sort());
    expect(new Set(SETTINGS.map((s) => s.env)).size).toBe(SETTINGS.length);
    const flags = SETTINGS.flatMap((s) => (s.flag === undefined ? [] : [s.flag]));
    expect(new Set(flags).size).toBe(flags.length);
  });

  it('has defaults the schema accepts', () => {
    const config = resolve({});
    expect(config).toMatchObject({ port: 8787, host: '127.0.0.1', dataDir: './.closeloop', logLevel: 'info', trustProxy: 0, mail: null, databaseUrl: null });
  });

  it('is all in the README, a row per setting: flag, environment variable, config key', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const setting of SETTINGS) {
      const row = readme.split('\n').find((line) => line.includes(`| \`${setting.env}\` | \`${setting.key}\` |`));
      expect(row, setting.key).toBeDefined();
      expect(row?.startsWith(setting.flag === undefined ? '| |' : `| \`--${setting.flag}`), setting.key).toBe(true);
    }
  });

  it('is all in closeloop serve --help', () => {
    for (const setting of SETTINGS) {
      expect(COMMAND_USAGE.serve).toContain(`${setting.env}, ${setting.key}:`);
      if (setting.flag !== undefined) expect(COMMAND_USAGE.serve).toContain(`--${setting.flag}`);
    }
  });
});

describe('resolveConfig', () => {
  it('takes the flag over the environment over the file over the default, setting by setting', () => {
    const file = { port: 1001, host: '0.0.0.0', trustProxy: 2, rateLimit: { key: 9 } };
    expect(resolve({ file })).toMatchObject({ port: 1001, host: '0.0.0.0', trustProxy: 2, rateLimits: { address: 100, project: 2000, key: 9 } });
    expect(resolve({ file, env: { CLOSELOOP_PORT: '1002', CLOSELOOP_RATE_LIMIT_KEY: '0' } })).toMatchObject({ port: 1002, host: '0.0.0.0', rateLimits: { key: 0 } });
    expect(resolve({ file, env: { CLOSELOOP_PORT: '1002' }, flags: { port: '1003' } })).toMatchObject({ port: 1003, host: '0.0.0.0', trustProxy: 2 });
  });

  it('counts an empty environment variable as unset', () => {
    expect(resolve({ file: { databaseUrl: 'postgres://db.example/x' }, env: { DATABASE_URL: '', CLOSELOOP_PORT: ' ' } })).toMatchObject({ databaseUrl: 'postgres://db.example/x', port: 8787 });
  });

  it('reads yes/no words from the environment, and log levels', () => {
    expect(resolve({ env: { CLOSELOOP_ALLOW_PRIVATE_WEBHOOKS: 'yes', CLOSELOOP_LOG_LEVEL: 'trace' } })).toMatchObject({ allowPrivateWebhooks: true, logLevel: 'trace' });
    expect(resolve({ env: { CLOSELOOP_ALLOW_PRIVATE_WEBHOOKS: 'off' }, file: { allowPrivateWebhooks: true } }).allowPrivateWebhooks).toBe(false);
  });

  it('reads --config <file> instead of the working directory\'s, and says when it is missing', () => {
    const cwd = cwdWith({ port: 1 });
    const other = join(cwdWith({ port: 2 }), 'closeloop.config.json');
    expect(resolve({ cwd, configFile: other })).toMatchObject({ port: 2, configFile: other });
    expect(resolve({ cwd })).toMatchObject({ port: 1, configFile: join(cwd, 'closeloop.config.json') });
    expect(errorOf(() => resolve({ cwd, configFile: 'nope.json' })).message).toBe(`--config ${join(cwd, 'nope.json')}: no such file`);
  });

  it('names the file for malformed JSON, and a file that is not an object', () => {
    const cwd = cwdWith('{ "port": 80,');
    expect(errorOf(() => resolve({ cwd })).message).toMatch(new RegExp(`^${join(cwd, 'closeloop.config.json')} is not valid JSON: `));
    expect(errorOf(() => resolve({ file: [1] })).message).toMatch(/closeloop\.config\.json must hold a JSON object of settings/);
  });

  it('refuses unknown keys in the file, at any depth', () => {
    expect(errorOf(() => resolve({ file: { prot: 80 } }))).toMatchObject({ setting: 'prot', message: expect.stringMatching(/closeloop\.config\.json: unknown setting "prot"/) });
    expect(errorOf(() => resolve({ file: { smtp: { hots: 'mail.example' } } })).message).toMatch(/unknown setting "smtp\.hots"/);
  });

  it.each([
    [{ file: { port: '8080' } }, /closeloop\.config\.json: port must be a whole number from 0 to 65535, got "8080"$/],
    [{ file: { rateLimit: { address: -1 } } }, /closeloop\.config\.json: rateLimit\.address must be a whole number of requests per second from 0 \(off\) to 1000000, got -1$/],
    [{ file: { smtp: 'mail.example' } }, /closeloop\.config\.json: smtp must be an object of settings, got "mail\.example"$/],
    [{ file: { logLevel: 'verbose' } }, /logLevel must be fatal, error, warn, info, debug, trace or silent, got "verbose"$/],
    [{ env: { CLOSELOOP_TRUST_PROXY: '1.5' } }, /^CLOSELOOP_TRUST_PROXY must be the number of reverse proxies .* got "1.5" \(setting trustProxy, from the environment\)$/],
    [{ env: { CLOSELOOP_ALLOW_PRIVATE_WEBHOOKS: 'maybe' } }, /^CLOSELOOP_ALLOW_PRIVATE_WEBHOOKS must be true or false, got "maybe"/],
    [{ env: { CLOSELOOP_PUBLIC_URL: 'https://feedback.example/?x=1' } }, /^CLOSELOOP_PUBLIC_URL must be the http\(s\) URL/],
    [{ flags: { 'smtp-port': '0' } }, /^--smtp-port must be a whole number from 1 to 65535, got "0" \(setting smtp\.port\)$/],
  ])('refuses %j naming the setting, its source and what was expected', (input, message) => {
    expect(errorOf(() => resolve(input)).message).toMatch(message);
  });

  it('never repeats a secret it refuses', () => {
    const error = errorOf(() => resolve({ env: { DATABASE_URL: 'mysql://root:hunter2@db.example/x' } }));
    expect(error.message).toBe('DATABASE_URL must be a postgres://user:password@host:5432/db URL (setting databaseUrl, from the environment)');
    expect(errorOf(() => resolve({ file: { smtp: { url: 'ftp://u:hunter2@mail.example', from: 'a@b.example' } } })).message).not.toContain('hunter2');
    const shortToken = errorOf(() => resolve({ env: { CLOSELOOP_METRICS_TOKEN: 'hunter2' } }));
    expect(shortToken.message).toMatch(/^CLOSELOOP_METRICS_TOKEN must be a bearer token of 16 characters or more/);
    expect(shortToken.message).not.toContain('hunter2');
  });

  it('serves /metrics only to a token set in the environment or the file', () => {
    expect(resolve({}).metricsToken).toBeNull();
    expect(resolve({ env: { CLOSELOOP_METRICS_TOKEN: 'a'.repeat(32) } }).metricsToken).toBe('a'.repeat(32));
    expect(resolve({ file: { metricsToken: 'b'.repeat(16) } }).metricsToken).toBe('b'.repeat(16));
  });
});

describe('resolveConfig, mail', () => {
  it('is off when no mail server is set', () => {
    expect(resolve({}).mail).toBeNull();
  });

  it('takes an SMTP URL whole, or builds one from host, port, secure, user and pass', () => {
    expect(resolve({ env: { CLOSELOOP_SMTP_URL: 'smtp://user:pa%40ss@mail.example:587', CLOSELOOP_MAIL_FROM: 'feedback@shop.example' } }).mail).toEqual({ smtpUrl: 'smtp://user:pa%40ss@mail.example:587', from: 'feedback@shop.example' });
    expect(resolve({ file: { smtp: { host: 'mail.example', port: 2525, user: 'me@shop', pass: 'p@ss:word/', from: 'feedback@shop.example' } } }).mail).toEqual({
      smtpUrl: 'smtp://me%40shop:p%40ss%3Aword%2F@mail.example:2525',
      from: 'feedback@shop.example',
    });
    expect(resolve({ flags: { 'smtp-host': 'mail.example', 'smtp-secure': true, 'mail-from': 'a@b.example' } }).mail).toEqual({ smtpUrl: 'smtps://mail.example', from: 'a@b.example' });
  });

  it.each([
    [{ CLOSELOOP_SMTP_HOST: 'mail.example' }, /^smtp\.from must be set too when a mail server is/],
    [{ CLOSELOOP_MAIL_FROM: 'a@b.example' }, /^smtp\.from is set \(environment variable CLOSELOOP_MAIL_FROM\) but no mail server/],
    [{ CLOSELOOP_SMTP_PORT: '25' }, /^smtp\.port is set \(environment variable CLOSELOOP_SMTP_PORT\) but smtp\.host is not/],
    [{ CLOSELOOP_SMTP_URL: 'smtp://mail.example', CLOSELOOP_SMTP_HOST: 'mail.example', CLOSELOOP_MAIL_FROM: 'a@b.example' }, /both name the mail server/],
    [{ CLOSELOOP_SMTP_URL: 'smtp://mail.example', CLOSELOOP_SMTP_USER: 'me', CLOSELOOP_MAIL_FROM: 'a@b.example' }, /smtp\.user .* applies with smtp\.host only/],
    [{ CLOSELOOP_SMTP_HOST: 'mail.example', CLOSELOOP_SMTP_PASS: 'x', CLOSELOOP_MAIL_FROM: 'a@b.example' }, /smtp\.pass is set .* but smtp\.user is not/],
    [{ CLOSELOOP_SMTP_URL: 'http://mail.example', CLOSELOOP_MAIL_FROM: 'a@b.example' }, /^CLOSELOOP_SMTP_URL must be smtp:\/\/user:password@host:port/],
    [{ CLOSELOOP_SMTP_URL: 'smtp://', CLOSELOOP_MAIL_FROM: 'a@b.example' }, /^CLOSELOOP_SMTP_URL must be/],
    [{ CLOSELOOP_SMTP_HOST: 'smtp://mail.example', CLOSELOOP_MAIL_FROM: 'a@b.example' }, /^CLOSELOOP_SMTP_HOST must be the mail server's host name/],
    [{ CLOSELOOP_SMTP_URL: 'smtp://mail.example', CLOSELOOP_MAIL_FROM: 'not an address' }, /^CLOSELOOP_MAIL_FROM must be a bare email address/],
    [{ CLOSELOOP_SMTP_URL: 'smtp://mail.example', CLOSELOOP_MAIL_FROM: 'Shop <a@b.example>' }, /^CLOSELOOP_MAIL_FROM must be a bare email address .*display name/],
  ])('refuses %j naming the setting', (env, message) => {
    expect(errorOf(() => resolve({ env })).message).toMatch(message);
  });
});
