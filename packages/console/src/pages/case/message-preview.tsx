import type { MessageChannel } from '@closeloop/sdk/schemas';

/** The agent's text as paragraphs (blank lines split them), shown as text, never as HTML, as the customer gets it. */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .trim()
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '');
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index} class="preserve-lines">
          {paragraph}
        </p>
      ))}
    </>
  );
}

interface MessagePreviewProps {
  channel: MessageChannel;
  message: string;
  projectName: string;
  /** The email address, or the verified user id the widget shows it to. */
  recipient: string;
  /** What the customer wrote, quoted back in the email. */
  customerSaid: string | null;
  /** The customer's locale: the email's fixed words are written in its language. */
  locale: string | undefined;
  /** Their `name` attribute, for the email's greeting. */
  customerName: string | null;
}

/**
 * What the customer will see on one channel. The email's fixed words (greeting, "you told us", sign-off) are shown
 * in English; the server writes them in the customer's language, which the preview names when it is another.
 */
export function MessagePreview({ channel, message, projectName, recipient, customerSaid, locale, customerName }: MessagePreviewProps) {
  const body = message.trim() === '' ? 'Your message appears here.' : message;
  if (channel === 'widget') {
    return (
      <figure class="preview">
        <figcaption>In the widget, on {recipient}'s next visit</figcaption>
        <div class="preview-widget">
          <p class="preview-title">A message from {projectName}</p>
          <Paragraphs text={body} />
        </div>
      </figure>
    );
  }
  const language = (locale ?? 'en').split(/[-_]/)[0]?.toLowerCase();
  return (
    <figure class="preview">
      <figcaption>
        By email to {recipient}
        {language && language !== 'en' && ` (sent in the customer's language, ${locale}; shown here in English)`}
      </figcaption>
      <div class="preview-email">
        <p class="preview-subject">Subject: Your feedback to {projectName}</p>
        <p>{customerName ? `Hi ${customerName},` : 'Hi,'}</p>
        {customerSaid && (
          <>
            <p>You told us:</p>
            <blockquote>
              <Paragraphs text={customerSaid} />
            </blockquote>
          </>
        )}
        <Paragraphs text={body} />
        <p>
          Best regards,
          <br />
          {projectName}
        </p>
      </div>
    </figure>
  );
}
