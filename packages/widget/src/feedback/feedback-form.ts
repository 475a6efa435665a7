import { FEEDBACK_CATEGORIES, FEEDBACK_COMMENT_MAX } from '@closeloop/sdk';
import type { Closeloop } from '@closeloop/sdk';
import { isRtl } from '../i18n/language-tag.js';
import { wantedLanguages } from '../i18n/wanted-languages.js';
import { report } from '../loader/report.js';
import { pageColorScheme } from '../styles/page-color-scheme.js';
import { deepActiveElement } from '../surfaces/deep-active-element.js';
import { claimScreen, shareScreen } from '../surfaces/share-screen.js';
import { draftOf, forgetDraft } from './feedback-draft.js';
import type { FeedbackPosition } from './feedback-settings.js';
import { formCss } from './form-css.js';
import { loadFeedbackStrings, resolveFeedbackLocale } from './i18n/load-feedback-strings.js';
import type { FeedbackStrings } from './i18n/strings.js';
import type { FeedbackTab } from './mount-feedback-tab.js';

export type FeedbackColorScheme = 'auto' | 'light' | 'dark';

export interface FeedbackFormOptions {
  tab: Pick<FeedbackTab, 'root' | 'button'>;
  core: Pick<Closeloop, 'feedback' | 'identified' | 'attributes'>;
  position: FeedbackPosition;
  /** The page's language (the npm option); default: the script tag's `data-locale`, then identify's, then `<html lang>`, then the browser's. */
  locale?: string | undefined;
  /** Default: the script tag's `data-color-scheme`, else `auto` (the page's declared `color-scheme`, else the system's). */
  colorScheme?: FeedbackColorScheme | undefined;
}

const SCHEMES: readonly string[] = ['auto', 'light', 'dark'];
const CLOSE_ICON = 'M4 4l8 8M12 4l-8 8';

type Attrs = Record<string, string | number | boolean>;

/** A DOM element with attributes and children: the form is small enough not to need a UI library. */
function el(doc: Document, tag: string, attrs: Attrs = {}, ...children: Array<Node | string>): HTMLElement {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children);
  return node;
}

/** Brings the form back to the front and focus into it when it is already open (maybe set aside); whether it was. */
function refocus(root: ShadowRoot): boolean {
  const open = root.querySelector<HTMLElement>('.card');
  if (open) claimScreen(open);
  (open?.querySelector<HTMLElement>('input:checked') ?? open?.querySelector<HTMLElement>('input, textarea, .actions button'))?.focus();
  return open !== null;
}

/**
 * Opens the feedback form beside the tab, in the visitor's language (English at once; another language after its
 * small chunk, so the call then returns a promise). The script tag's `data-locale` and `data-color-scheme` are
 * read here, in the form's chunk, so closeloop.js carries none of it; npm callers pass `locale`/`colorScheme`.
 */
export function openFeedbackForm(options: FeedbackFormOptions): void | Promise<void> {
  const { root, button } = options.tab;
  if (refocus(root)) return;
  const doc = button.ownerDocument;
  const script = doc.querySelector('script[data-project]');
  // The survey's order of languages; every word of the form is built in, so without words for any of them it is
  // English, laid out (and tagged) as English, never as English text mirrored right to left.
  const locale = resolveFeedbackLocale(wantedLanguages(doc, options.locale, options.core.attributes));
  let scheme = options.colorScheme ?? script?.getAttribute('data-color-scheme')?.trim() ?? 'auto';
  if (!SCHEMES.includes(scheme)) {
    report('warn', `data-color-scheme="${scheme}" is not one of ${SCHEMES.join(', ')}; using auto.`);
    scheme = 'auto';
  }
  // A fixed scheme goes on the host, where both the tab's and the form's sheets read it, as the survey's does;
  // `auto` takes the page's own declared scheme when it has one.
  const fixed = scheme === 'auto' ? pageColorScheme(doc) : scheme;
  if (fixed) root.host.setAttribute('data-scheme', fixed);
  else root.host.removeAttribute('data-scheme');
  const strings = loadFeedbackStrings(locale);
  // A second activation while a language chunk loads must not open a second form: check again once it is here.
  const show = (t: FeedbackStrings) => void (refocus(root) || renderForm(options, t, locale));
  return 'then' in strings ? strings.then(show) : show(strings);
}

/**
 * The form beside the tab, inside the tab's shadow root: a non-modal dialog with the category as a radio group
 * (arrow keys move, as native radios do), the comment, and an email field for anonymous visitors. The visitor
 * asked for it, so focus goes to the category (the chosen one, else the first), and when it closes (Escape, the close
 * button) back to where it was before (the tab, or the page's field when a tap did not focus the tab). Closing keeps
 * what was typed for the next opening (feedback-draft.ts); an error goes once the field it names is changed. While
 * open it shares the screen (share-screen.ts): a survey the visitor asks for sets it aside, and the other way round.
 * A polite live region announces the confirmation. `lang` and `dir` follow the language, mirrored right to left.
 */
function renderForm({ tab, core, position }: FeedbackFormOptions, t: FeedbackStrings, locale: string): void {
  const { root, button } = tab;
  const doc = button.ownerDocument;
  const before = deepActiveElement(doc);
  const returnTo = before && before !== doc.body ? before : button;
  const draft = draftOf(root);
  if (!root.adoptedStyleSheets.some((s) => s.cssRules.length > 20)) {
    const sheet = new (doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(formCss);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  const status = el(doc, 'div', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const error = el(doc, 'p', { class: 'error', id: 'clf-error' });
  const radios = FEEDBACK_CATEGORIES.map((category) => el(doc, 'input', { type: 'radio', name: 'category', value: category }) as HTMLInputElement);
  const categories = el(
    doc,
    'fieldset',
    {},
    el(doc, 'legend', { class: 'label' }, t.about),
    el(doc, 'div', { class: 'cats' }, ...FEEDBACK_CATEGORIES.map((category, i) => el(doc, 'label', { class: 'cat' }, radios[i]!, el(doc, 'span', {}, t.categories[category])))),
  );
  const count = el(doc, 'p', { class: 'meta', id: 'clf-count', 'aria-live': 'off' }, `0 / ${FEEDBACK_COMMENT_MAX}`);
  const comment = el(doc, 'textarea', { id: 'clf-comment', class: 'field', maxlength: FEEDBACK_COMMENT_MAX, required: true, 'aria-describedby': 'clf-count' }) as HTMLTextAreaElement;
  const counted = () => (count.textContent = `${comment.value.length} / ${FEEDBACK_COMMENT_MAX}`);
  comment.addEventListener('input', counted);
  const anonymous = core.identified !== true;
  const email = anonymous
    ? (el(doc, 'input', { id: 'clf-email', class: 'field', type: 'email', autocomplete: 'email', maxlength: 254 }) as HTMLInputElement)
    : undefined;
  const form = el(
    doc,
    'form',
    { novalidate: true },
    categories,
    el(doc, 'label', { class: 'label', for: 'clf-comment' }, t.comment),
    comment,
    count,
    ...(email ? [el(doc, 'label', { class: 'label', for: 'clf-email' }, t.email), email] : []),
    error,
    el(doc, 'div', { class: 'actions' }, el(doc, 'button', { type: 'submit', class: 'button' }, t.send)),
  );
  const closeButton = el(doc, 'button', { type: 'button', class: 'close', 'aria-label': t.close });
  closeButton.innerHTML = `<svg viewBox="0 0 16 16" aria-hidden="true"><path d="${CLOSE_ICON}" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;
  const card = el(
    doc,
    'div',
    { class: `card ${position}`, role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'clf-title', tabindex: -1, lang: locale, dir: isRtl(locale) ? 'rtl' : 'ltr' },
    closeButton,
    el(doc, 'h2', { class: 'title', id: 'clf-title' }, t.title),
    form,
    status,
  );

  const chosen = () => FEEDBACK_CATEGORIES[radios.findIndex((radio) => radio.checked)];
  radios.forEach((radio, i) => (radio.checked = FEEDBACK_CATEGORIES[i] === draft.category));
  comment.value = draft.comment;
  counted();
  if (email) email.value = draft.email;
  let release = () => {};

  function close() {
    // Give focus back only when it is still ours: a visitor who clicked elsewhere on the page keeps their spot.
    const focusWasInside = root.activeElement !== null || doc.activeElement === doc.body;
    card.remove();
    release();
    button.setAttribute('aria-expanded', 'false');
    if (focusWasInside) (returnTo.isConnected ? returnTo : button).focus();
  }

  /** The controls the shown error is about: it goes once one of them changes. */
  let faulty: HTMLElement[] = [];
  function clearError() {
    error.textContent = '';
    for (const control of faulty) {
      control.removeAttribute('aria-invalid');
      if (control === comment) comment.setAttribute('aria-describedby', 'clf-count');
      else control.removeAttribute('aria-describedby');
    }
    faulty = [];
  }

  function fail(message: string, field: HTMLElement) {
    clearError();
    error.textContent = message;
    faulty = field === radios[0] ? radios : [field];
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', field === comment ? 'clf-count clf-error' : 'clf-error');
    field.focus();
  }

  const edited = (event: Event) => {
    draft.category = chosen();
    draft.comment = comment.value;
    if (email) draft.email = email.value;
    if (faulty.some((control) => control === event.target)) clearError();
  };
  form.addEventListener('input', edited);
  form.addEventListener('change', edited);

  closeButton.addEventListener('click', close);
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const category = chosen();
    if (!category) return fail(t.needCategory, radios[0]!);
    if (!comment.value.trim()) return fail(t.needComment, comment);
    const address = email?.value.trim();
    if (email && address && !email.checkValidity()) return fail(t.badEmail, email);
    if (!core.feedback({ category, comment: comment.value, ...(address && { email: address }) })) {
      return fail(t.notSent, comment);
    }
    forgetDraft(root);
    const thanks = el(doc, 'p', { class: 'thanks', tabindex: -1 }, t.thanks);
    const done = el(doc, 'button', { type: 'button', class: 'button' }, t.done);
    done.addEventListener('click', close);
    form.replaceWith(thanks, el(doc, 'p', { class: 'body' }, t.received), el(doc, 'div', { class: 'actions' }, done));
    status.textContent = `${t.thanks} ${t.received}`;
    done.focus();
  });

  root.append(card);
  release = shareScreen(card);
  button.setAttribute('aria-expanded', 'true');
  (radios.find((radio) => radio.checked) ?? radios[0])?.focus();
}
