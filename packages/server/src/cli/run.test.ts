import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from './run.js';

describe('closeloop serve, mail settings', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('refuses to start with a wrong mail setting, naming the variable and never the password, before opening anything', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    await run(['serve', '--port', '0'], { CLOSELOOP_SMTP_URL: 'mail.example:25', CLOSELOOP_MAIL_FROM: 'feedback@shop.example', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(process.exitCode).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^closeloop: CLOSELOOP_SMTP_URL must be smtp:\/\/user:password@host:port \(or smtps:\/\/ for TLS from the start\) \(setting smtp\.url, from the environment\)/);

    await run(['serve', '--port', '0'], { CLOSELOOP_SMTP_URL: 'ftp://user:hunter2@mail.example', CLOSELOOP_MAIL_FROM: 'feedback@shop.example', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(errors[1]).toMatch(/^closeloop: CLOSELOOP_SMTP_URL must be smtp:/);
    expect(errors[1]).not.toContain('hunter2');
  });
});

describe('closeloop <command>', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
  const io = (lines: string[]) => ({ interactive: false, promptHidden: async () => '', out: (line: string) => void lines.push(line) });

  it('reads flags given before the command as the command\'s, as it always has', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    await run(['--rate-limit-key', 'lots', '--allow-private-webhooks', 'serve'], {}, io([]));
    expect(process.exitCode).toBe(2);
    expect(errors[0]).toMatch(/^closeloop: --rate-limit-key must be .* got "lots" \(setting rateLimit\.key\)\nRun `closeloop serve --help`/);
  });

  it('prints the overview for --help, help or nothing after help, and a command\'s usage for help <command>', async () => {
    const lines: string[] = [];
    await run(['--help'], {}, io(lines));
    await run(['help', 'keys'], {}, io(lines));
    await run(['migrate', '-h'], {}, io(lines));
    expect(lines.map((l) => l.split('\n')[0])).toEqual([
      'Usage: closeloop <command> [options]     (closeloop <command> --help for its options)',
      'Usage: closeloop keys list [--project <pk_…>] [options]',
      'Usage: closeloop migrate [options]',
    ]);
    expect(process.exitCode).toBeUndefined();
  });

  it('exits 2 without a command, or with an unknown one', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    await run([], {}, io([]));
    expect(errors[0]).toMatch(/^closeloop: missing command: serve, demo, init, projects, keys, users, migrate\nRun `closeloop --help`/);
    await run(['start'], {}, io([]));
    expect(errors[1]).toMatch(/^closeloop: unknown command "start"/);
    expect(process.exitCode).toBe(2);
  });
});
