import type { IntegrationTestResult } from '@closeloop/sdk/schemas';
import type { Mailer } from '../notify/email/mailer.js';
import { sendMail } from '../notify/email/send-mail.js';
import { buildTestMail } from '../notify/email/test-mail.js';

/** Sends the test mail through the server's SMTP settings, once, and says how it went (the mail server's reason when refused). */
export async function sendEmailTest(mailer: Mailer, projectName: string, to: string): Promise<IntegrationTestResult> {
  const delivery = await sendMail(mailer.transport, { from: mailer.from, projectName }, buildTestMail(projectName, to));
  return { ok: delivery.ok, statusCode: null, durationMs: delivery.durationMs, error: delivery.error };
}
