/** An environment variable of the mail settings is wrong; the server refuses to start and says which and why. */
export class MailConfigError extends Error {
  override readonly name = 'MailConfigError';

  constructor(
    /** `CLOSELOOP_SMTP_URL` or `CLOSELOOP_MAIL_FROM`. */
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
  }
}
