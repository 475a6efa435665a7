import { isRtl } from '../i18n/language-tag.js';
import { createSheet } from '../mount.js';
import { deepActiveElement } from '../surfaces/deep-active-element.js';
import { shareScreen } from '../surfaces/share-screen.js';
import { MESSAGES_HOST_TAG } from './message-host.js';
import type { ShownMessage } from './message-api.js';
import { messagesCss } from './messages-css.js';

const CLOSE_ICON = 'M4 4l8 8M12 4l-8 8';

export interface MessagePanelOptions {
  messages: readonly ShownMessage[];
  title: string;
  /** Name of the × button, in `locale`. */
  closeLabel: string;
  /** The language of the panel's own words (`lang`, and `dir` for right-to-left ones). */
  locale: string;
  /** A fixed colour scheme; none follows `prefers-color-scheme`. */
  scheme?: 'light' | 'dark' | undefined;
  /** Called once, after the panel is gone. */
  onClose?: () => void;
}

export interface MessagePanel {
  readonly host: HTMLElement;
  readonly card: HTMLElement;
  close(): void;
}

/** The agent's text as paragraphs of plain text: a blank line starts a new one; single line breaks stay (CSS). */
export function paragraphs(doc: Document, text: string): HTMLElement[] {
  return text
    .split(/\n[^\S\n]*\n\s*/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const p = doc.createElement('p');
      // textContent, never innerHTML: what an agent typed is shown exactly as typed, markup included.
      p.textContent = part;
      return p;
    });
}

/**
 * The panel that brings the messages closing the loop: a non-modal dialog in the page's bottom corner, in a shadow
 * root of its own (`<closeloop-messages>`, there only while it is open, which is how the core's `busy` sees it). It
 * opened by itself, so it takes no focus: a polite live region announces its title, and Tab reaches it at the end
 * of the page like the survey. The close button and Escape close it, and focus, when it was inside, goes back to
 * where it was before. While open it shares the screen (share-screen.ts): a survey or the feedback form the visitor
 * asks for sets it aside, and it comes back when they close.
 */
export function openMessagePanel(doc: Document, { messages, title, closeLabel, locale, scheme, onClose }: MessagePanelOptions): MessagePanel {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>) => {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  const before = deepActiveElement(doc);
  const host = doc.createElement(MESSAGES_HOST_TAG);
  if (scheme) host.setAttribute('data-scheme', scheme);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [createSheet(doc, messagesCss)];

  const closeButton = el('button', { type: 'button', class: 'close', 'aria-label': closeLabel });
  closeButton.innerHTML = `<svg viewBox="0 0 16 16" aria-hidden="true"><path d="${CLOSE_ICON}" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;
  const status = el('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const card = el(
    'div',
    { class: 'card', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'clm-title', lang: locale, dir: isRtl(locale) ? 'rtl' : 'ltr' },
    closeButton,
    el('h2', { class: 'title', id: 'clm-title' }, title),
    ...messages.map((message) => el('div', { class: 'message' }, ...paragraphs(doc, message.body))),
    status,
  );
  root.append(card);
  (doc.body ?? doc.documentElement).append(host);
  const release = shareScreen(card);
  // Filled after the region is in the page, so screen readers announce the change.
  setTimeout(() => (status.textContent = title), 100);

  let open = true;
  function close() {
    if (!open) return;
    open = false;
    const focusWasInside = root.activeElement !== null;
    host.remove();
    release();
    if (focusWasInside && before?.isConnected) before.focus();
    onClose?.();
  }
  closeButton.addEventListener('click', close);
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  });
  return { host, card, close };
}
