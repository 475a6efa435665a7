/** One email, built by a message builder and sent by `sendMail`: always both a plain-text and an HTML part. */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  /** Every text in it from a person is HTML-escaped. */
  html: string;
  /** The language it is written in (`en`, `sv`): the `Content-Language` header. */
  language: string;
}
