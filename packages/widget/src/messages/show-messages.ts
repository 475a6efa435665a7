import type { SignedVisitor } from '@closeloop/sdk';
import { wantedLanguages } from '../i18n/wanted-languages.js';
import { report } from '../loader/report.js';
import { HOST_TAG } from '../mount.js';
import { pageColorScheme } from '../styles/page-color-scheme.js';
import { CLOSED } from '../surfaces/share-screen.js';
import { surfaceOpen } from '../surfaces/surface-open.js';
import { fetchMessages, reportSeen } from './message-api.js';
import { openMessagePanel, type MessagePanel } from './message-panel.js';
import { messagesStrings, panelTitle, resolveMessagesLocale } from './messages-strings.js';

export type MessagesColorScheme = 'auto' | 'light' | 'dark';

export interface MessagesOptions {
  /** The document to show the panel in; defaults to the global one. */
  document?: Document;
  /** The page's language (the npm option); default: the script tag's `data-locale`, then identify's, then `<html lang>`, then the browser's. */
  locale?: string | undefined;
  /** The name the title gives (`A reply from …`); default: the script tag's `data-project-name`, else a neutral title. */
  projectName?: string | undefined;
  /** Default: the script tag's `data-color-scheme`, else `auto` (the page's declared `color-scheme`, else the system's). */
  colorScheme?: MessagesColorScheme | undefined;
}

/** Message ids shown in each document: a message shows once per page however often the core asks. */
const shown = new WeakMap<Document, Set<string>>();

/** Whether a survey is on screen or set aside (its host exists from showing to closing) or another surface is open. */
const screenTaken = (doc: Document) => !!doc.querySelector(`${HOST_TAG}:not([data-inline])`) || surfaceOpen(doc);

/** Resolves when no survey, feedback form or other message panel is open: at once, or when the last of them closes. */
function whenFree(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (screenTaken(doc)) return;
      doc.removeEventListener(CLOSED, check);
      resolve();
    };
    doc.addEventListener(CLOSED, check);
    check();
  });
}

/**
 * What the core's `signed` option calls for a visitor with a signed identity: fetches their unseen messages and
 * shows them in the message panel once the screen is free (never over a survey or the feedback form), then reports
 * each one seen, so the next visit does not show it again. Everything that goes wrong (a 403 for a signature the
 * server refuses, the network, a malformed reply) is one console warning: the visitor sees nothing, the page goes
 * on. Resolves to the panel, or undefined when nothing showed.
 */
export async function showMessages(visitor: SignedVisitor, options: MessagesOptions = {}): Promise<MessagePanel | undefined> {
  const doc = options.document ?? document;
  try {
    const fetched = await fetchMessages(visitor);
    if (!fetched.length) return undefined;
    await whenFree(doc);
    // Checked after the wait: an earlier call for the same visitor may have shown them meanwhile.
    const ids = shown.get(doc) ?? new Set<string>();
    shown.set(doc, ids);
    const messages = fetched.filter((message) => !ids.has(message.id));
    if (!messages.length) return undefined;
    for (const message of messages) ids.add(message.id);

    const script = doc.querySelector('script[data-project]');
    const locale = resolveMessagesLocale(wantedLanguages(doc, options.locale, visitor.attributes));
    const strings = messagesStrings(locale);
    const panel = openMessagePanel(doc, {
      messages,
      title: panelTitle(strings, options.projectName ?? script?.getAttribute('data-project-name') ?? undefined),
      closeLabel: strings.close,
      locale,
      scheme: colorScheme(doc, options.colorScheme ?? script?.getAttribute('data-color-scheme')?.trim()),
    });
    for (const message of messages) reportSeen(visitor, message.id).catch((error: unknown) => report('warn', 'could not report a message seen:', error));
    return panel;
  } catch (error) {
    report('warn', 'no messages shown:', error);
    return undefined;
  }
}

/** A fixed scheme for the panel's host, or undefined to follow the system (an unknown value counts as `auto`). */
function colorScheme(doc: Document, wanted: string | undefined): 'light' | 'dark' | undefined {
  return wanted === 'light' || wanted === 'dark' ? wanted : pageColorScheme(doc);
}
