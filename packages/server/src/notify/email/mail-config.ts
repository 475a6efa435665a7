/**
 * Where mail goes out and from which address; the project's name becomes the sender's display name per mail. The
 * CLI builds it from the `smtp` settings (config/mail-config-of.ts), which are checked when the server starts.
 */
export interface MailConfig {
  /** `smtp://user:password@host:port` (STARTTLS when the server offers it) or `smtps://…` (TLS from the start). */
  smtpUrl: string;
  /** A bare address, e.g. `feedback@shop.example`. */
  from: string;
}
