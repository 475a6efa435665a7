import { escapeHtml, htmlParagraphs } from './escape-html.js';
import { CLOSE_LOOP_WORDS } from './close-loop-words.js';
import type { CloseLoopLanguage } from './close-loop-words.js';
import type { MailMessage } from './mail-message.js';

export interface CloseLoopMailInput {
  projectName: string;
  /** The customer's verified email address. */
  to: string;
  /** Their name when known, for the greeting. */
  customerName: string | null;
  /** The locale of the customer's response (`sv-SE`): the mail is written in its language. */
  locale: string | undefined;
  /** What they told us: their comment, quoted back; null when they only gave a score. */
  customerSaid: string | null;
  /** What we did: the agent's message, as typed (blank lines make paragraphs). */
  reply: string;
}

/**
 * The mail that closes the loop with a customer: "you told us X", then the agent's message, signed with the
 * project's name (the customer wrote to the shop, not to us), in the language of their response.
 */
export function buildCloseLoopMail(input: CloseLoopMailInput): MailMessage {
  const language = closeLoopLanguage(input.locale);
  const words = CLOSE_LOOP_WORDS[language];
  // Replacer functions, not strings: a name such as `Shop $&` must come out as typed, not as a replacement pattern.
  const fill = (template: string) => template.replace('{project}', () => input.projectName).replace('{name}', () => input.customerName ?? '');
  const greeting = input.customerName?.trim() ? fill(words.greetingWithName) : words.greeting;
  const said = input.customerSaid?.trim() || null;
  const reply = input.reply.trim();

  const text = [
    greeting,
    '',
    ...(said === null ? [] : [words.youToldUs, ...said.split('\n').map((line) => `> ${line}`), '']),
    reply,
    '',
    words.signOff,
    input.projectName,
    '',
  ].join('\n');

  const escapedGreeting = input.customerName?.trim()
    ? escapeHtml(words.greetingWithName).replace('{name}', () => escapeHtml(input.customerName ?? ''))
    : escapeHtml(words.greeting);
  const html = `<!doctype html>
<html lang="${language}" dir="${words.direction}"><body style="font-family:sans-serif;line-height:1.5">
<p>${escapedGreeting}</p>
${said === null ? '' : `<p>${escapeHtml(words.youToldUs)}</p>\n<blockquote style="margin:0 0 16px;padding:0 12px;border-inline-start:3px solid #ccc;color:#444">${htmlParagraphs(said)}</blockquote>`}
${htmlParagraphs(reply)}
<p>${escapeHtml(words.signOff)}<br>${escapeHtml(input.projectName)}</p>
</body></html>
`;
  return { to: [input.to], subject: fill(words.subject), text, html, language };
}

/** The language of the mail for a response's locale: its primary subtag when we have words for it, else English. */
export function closeLoopLanguage(locale: string | undefined): CloseLoopLanguage {
  const primary = (locale ?? '').split(/[-_]/)[0]?.toLowerCase() ?? '';
  // Norwegian answers come tagged `no`, `nb` or `nn`; Bokmål is what most readers of any of them read.
  if (primary === 'no' || primary === 'nn') return 'nb';
  return isLanguage(primary) ? primary : 'en';
}

function isLanguage(tag: string): tag is CloseLoopLanguage {
  return Object.hasOwn(CLOSE_LOOP_WORDS, tag);
}
