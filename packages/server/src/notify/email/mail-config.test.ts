import { describe, expect, it } from 'vitest';
import { MailConfigError } from './mail-config-error.js';
import { readMailConfig } from './mail-config.js';

describe('readMailConfig', () => {
  it('is null, email off, when neither variable is set', () => {
    expect(readMailConfig({})).toBeNull();
    expect(readMailConfig({ CLOSELOOP_SMTP_URL: '', CLOSELOOP_MAIL_FROM: ' ' })).toBeNull();
  });

  it('reads the SMTP URL and the sender address', () => {
    expect(readMailConfig({ CLOSELOOP_SMTP_URL: 'smtp://user:pa%40ss@mail.example:587', CLOSELOOP_MAIL_FROM: 'feedback@shop.example' })).toEqual({
      smtpUrl: 'smtp://user:pa%40ss@mail.example:587',
      from: 'feedback@shop.example',
    });
    expect(readMailConfig({ CLOSELOOP_SMTP_URL: 'smtps://mail.example', CLOSELOOP_MAIL_FROM: 'a@b.example' })?.smtpUrl).toBe('smtps://mail.example');
  });

  it.each([
    [{ CLOSELOOP_SMTP_URL: 'smtp://mail.example:25' }, 'CLOSELOOP_MAIL_FROM', /must be set too/],
    [{ CLOSELOOP_MAIL_FROM: 'feedback@shop.example' }, 'CLOSELOOP_SMTP_URL', /must be set too/],
    [{ CLOSELOOP_SMTP_URL: 'mail.example:25', CLOSELOOP_MAIL_FROM: 'a@b.example' }, 'CLOSELOOP_SMTP_URL', /smtp:\/\/user:password@host:port/],
    [{ CLOSELOOP_SMTP_URL: 'http://mail.example', CLOSELOOP_MAIL_FROM: 'a@b.example' }, 'CLOSELOOP_SMTP_URL', /smtp:\/\/ or smtps:\/\//],
    [{ CLOSELOOP_SMTP_URL: 'smtp://', CLOSELOOP_MAIL_FROM: 'a@b.example' }, 'CLOSELOOP_SMTP_URL', /host/],
    [{ CLOSELOOP_SMTP_URL: 'smtp://mail.example', CLOSELOOP_MAIL_FROM: 'not an address' }, 'CLOSELOOP_MAIL_FROM', /email address/],
    [{ CLOSELOOP_SMTP_URL: 'smtp://mail.example', CLOSELOOP_MAIL_FROM: 'Shop <a@b.example>' }, 'CLOSELOOP_MAIL_FROM', /display name/],
  ])('refuses %o, naming %s', (env, variable, message) => {
    const error = (() => {
      try {
        readMailConfig(env);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(MailConfigError);
    expect(error).toMatchObject({ name: 'MailConfigError', variable });
    expect((error as Error).message).toMatch(new RegExp(`^${variable} `));
    expect((error as Error).message).toMatch(message);
  });

  it('never repeats the password in its error', () => {
    expect(() => readMailConfig({ CLOSELOOP_SMTP_URL: 'ftp://user:hunter2@mail.example', CLOSELOOP_MAIL_FROM: 'a@b.example' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
