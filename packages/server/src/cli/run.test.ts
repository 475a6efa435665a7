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
