import type { SignedVisitor } from '@closeloop/sdk';
import { holdBackFetchFailures, startLocalServer, type LocalServer, type Reply } from '@closeloop/sdk/testing';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { showMessages } from './show-messages.js';

const SIGNATURE = 'ab'.repeat(32);
// A page remembers the messages it showed (for its document, which every test here shares): each test has its own.
let serial = 0;
const message = () => ({ id: `0190f5c2-0000-7000-8000-${String(++serial).padStart(12, '0')}`, body: 'We refunded the shipping.\n\nSorry for the wait.', createdAt: '2026-11-30T10:00:00.000Z' });
let MESSAGE: ReturnType<typeof message>;

let server: LocalServer;
let messagesReply: Reply;
let warn: ReturnType<typeof vi.spyOn>;

const visitor = (extra: Partial<SignedVisitor> = {}): SignedVisitor => ({ project: 'pk_test', host: server.url, userId: 'user 42', signature: SIGNATURE, ...extra });
const panel = () => document.querySelector('closeloop-messages')?.shadowRoot?.querySelector<HTMLElement>('.card') ?? null;
const title = () => panel()?.querySelector('h2')?.textContent;
const seenPosts = () => server.received.filter((r) => r.method === 'POST' && r.path.endsWith('/seen'));

beforeEach(async () => {
  MESSAGE = message();
  messagesReply = { body: { data: [MESSAGE] } };
  server = await startLocalServer((request) => (request.path.startsWith('/v1/messages?') ? messagesReply : { status: 204 }));
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  document.body.replaceChildren();
  document.head.querySelectorAll('script').forEach((s) => s.remove());
  document.documentElement.lang = '';
  vi.restoreAllMocks();
  await server.close();
});

describe('showMessages (what the core calls for a signed visitor)', () => {
  it('asks for this signed user’s messages, shows them and reports each one seen with the same identity', async () => {
    const shown = await showMessages(visitor(), { document });
    expect(shown).toBeDefined();
    expect(server.received[0]?.path).toBe(`/v1/messages?project=pk_test&user=user+42&signature=${SIGNATURE}`);
    expect(title()).toBe('A reply to your feedback');
    expect([...panel()!.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['We refunded the shipping.', 'Sorry for the wait.']);
    await vi.waitFor(() => expect(seenPosts()).toHaveLength(1));
    const [seen] = seenPosts();
    expect(seen!.path).toBe(`/v1/messages/${MESSAGE.id}/seen`);
    expect(seen!.headers['content-type']).toMatch(/^text\/plain/);
    expect(JSON.parse(seen!.body)).toEqual({ project: 'pk_test', user: 'user 42', signature: SIGNATURE });
    expect(warn).not.toHaveBeenCalled();
  });

  it('never shows the same message twice on one page, however often the core asks', async () => {
    await showMessages(visitor(), { document });
    panel()!.querySelector<HTMLButtonElement>('button.close')!.click();
    // The server has not marked it seen yet (a slow POST): the page remembers it showed it.
    expect(await showMessages(visitor(), { document })).toBeUndefined();
    expect(panel()).toBeNull();
    await vi.waitFor(() => expect(seenPosts()).toHaveLength(1));
  });

  it('titles the panel in the visitor’s language, in the surveys’ order: data-locale, identify’s locale, <html lang>', async () => {
    document.documentElement.lang = 'fr';
    (await showMessages(visitor({ attributes: { locale: 'sv-SE' } }), { document }))!.close();
    expect(document.querySelector('closeloop-messages')).toBeNull();
    messagesReply = { body: { data: [message()] } };
    await showMessages(visitor({ attributes: { locale: 'sv-SE' } }), { document, locale: 'de' });
    expect(title()).toBe('Eine Antwort auf Ihr Feedback');
    expect(panel()!.querySelector<HTMLButtonElement>('button.close')!.getAttribute('aria-label')).toBe('Nachricht schließen');
    expect(panel()!.getAttribute('lang')).toBe('de');
    await vi.waitFor(() => expect(seenPosts()).toHaveLength(2));
  });

  it('names the project in the title when the page gives its name (the npm option, or data-project-name)', async () => {
    const script = document.head.appendChild(document.createElement('script'));
    script.type = 'text/plain';
    script.setAttribute('data-project', 'pk_test');
    script.setAttribute('data-project-name', 'Trail Shop');
    await showMessages(visitor(), { document });
    expect(title()).toBe('A reply from Trail Shop');
    await vi.waitFor(() => expect(seenPosts()).toHaveLength(1));
  });

  it('waits while a survey or the feedback form is open, and shows once the last of them closes', async () => {
    const survey = document.body.appendChild(document.createElement('closeloop-widget'));
    const shown = showMessages(visitor(), { document });
    await vi.waitFor(() => expect(server.received).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(panel()).toBeNull();
    expect(seenPosts()).toHaveLength(0);

    // The survey closes while the feedback form is open: still not free.
    const feedback = document.body.appendChild(document.createElement('closeloop-feedback'));
    feedback.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('div'), { className: 'card' }));
    survey.remove();
    document.dispatchEvent(new CustomEvent('closeloop:surface-closed', { detail: survey }));
    expect(panel()).toBeNull();

    feedback.remove();
    document.dispatchEvent(new CustomEvent('closeloop:surface-closed', { detail: feedback }));
    await shown;
    expect(panel()).not.toBeNull();
    await vi.waitFor(() => expect(seenPosts()).toHaveLength(1));
  });

  it('an inline survey in the page does not hold it back', async () => {
    const inline = document.body.appendChild(document.createElement('closeloop-widget'));
    inline.setAttribute('data-inline', '');
    await showMessages(visitor(), { document });
    expect(panel()).not.toBeNull();
    await vi.waitFor(() => expect(seenPosts()).toHaveLength(1));
  });

  it.each<[string, () => void]>([
    ['a refused signature (403)', () => (messagesReply = { status: 403, body: { error: { code: 'identity_not_verified', message: 'signature' } } })],
    ['a reply without a data list', () => (messagesReply = { body: { messages: [MESSAGE] } })],
    ['a network error', () => (messagesReply = { hangUp: true })],
  ])('shows nothing and warns once for %s', async (_, arrange) => {
    onTestFinished(holdBackFetchFailures());
    arrange();
    await expect(showMessages(visitor(), { document })).resolves.toBeUndefined();
    expect(panel()).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(vi.mocked(console.warn).mock.calls[0]![0])).toMatch(/^\[closeloop\] no messages shown/);
    expect(seenPosts()).toHaveLength(0);
  });

  it('leaves out entries it cannot show and shows nothing at all for an empty list', async () => {
    messagesReply = { body: { data: [{ id: 7, body: 'x' }, { id: 'a', body: '   ' }, 'junk'] } };
    expect(await showMessages(visitor(), { document })).toBeUndefined();
    expect(panel()).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });
});
