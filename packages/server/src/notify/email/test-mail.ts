import { escapeHtml } from './escape-html.js';
import type { MailMessage } from './mail-message.js';

/** The mail "send test" sends: proves the SMTP settings work and says nothing needs doing. */
export function buildTestMail(projectName: string, to: string): MailMessage {
  const lead = `This is a test from Closeloop for ${projectName}: the server's mail settings work, and case notifications and close-the-loop messages will go out this way.`;
  return {
    to: [to],
    subject: `Test from Closeloop (${projectName})`,
    text: `${lead}\n\nSent with "Send test" in the Closeloop settings; nothing to do.\n`,
    html: `<!doctype html>
<html lang="en"><body style="font-family:sans-serif;line-height:1.5">
<p>${escapeHtml(lead)}</p>
<p>Sent with “Send test” in the Closeloop settings; nothing to do.</p>
</body></html>
`,
    language: 'en',
  };
}
