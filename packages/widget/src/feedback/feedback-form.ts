import { FEEDBACK_CATEGORIES, FEEDBACK_COMMENT_MAX } from '@closeloop/sdk';
import type { Closeloop, FeedbackInput } from '@closeloop/sdk';
import type { FeedbackPosition } from './feedback-settings.js';
import { formCss } from './form-css.js';
import type { FeedbackTab } from './mount-feedback-tab.js';

export interface FeedbackFormOptions {
  tab: Pick<FeedbackTab, 'root' | 'button'>;
  core: Pick<Closeloop, 'feedback' | 'identified'>;
  position: FeedbackPosition;
}

const CATEGORY_LABELS: Record<FeedbackInput['category'], string> = { idea: 'Idea', problem: 'Problem', praise: 'Praise', other: 'Other' };
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

/**
 * Opens the feedback form beside the tab, inside the tab's shadow root: a non-modal dialog with the category as a
 * radio group (arrow keys move, as native radios do), the comment, and an email field for anonymous visitors.
 * Focus goes to the first control and back to the tab when it closes (Escape, the close button); a polite live
 * region announces the confirmation. Opening it again while it is open just brings focus back to it.
 */
export function openFeedbackForm({ tab, core, position }: FeedbackFormOptions): void {
  const { root, button } = tab;
  const open = root.querySelector<HTMLElement>('.card');
  if (open) {
    (open.querySelector<HTMLElement>('input:checked') ?? open.querySelector<HTMLElement>('input, textarea, .actions button'))?.focus();
    return;
  }
  const doc = button.ownerDocument;
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
    el(doc, 'legend', { class: 'label' }, 'What is it about?'),
    el(doc, 'div', { class: 'cats' }, ...FEEDBACK_CATEGORIES.map((category, i) => el(doc, 'label', { class: 'cat' }, radios[i]!, el(doc, 'span', {}, CATEGORY_LABELS[category])))),
  );
  const count = el(doc, 'p', { class: 'meta', id: 'clf-count', 'aria-live': 'off' }, `0 / ${FEEDBACK_COMMENT_MAX}`);
  const comment = el(doc, 'textarea', { id: 'clf-comment', class: 'field', maxlength: FEEDBACK_COMMENT_MAX, required: true, 'aria-describedby': 'clf-count' }) as HTMLTextAreaElement;
  comment.addEventListener('input', () => (count.textContent = `${comment.value.length} / ${FEEDBACK_COMMENT_MAX}`));
  const anonymous = core.identified !== true;
  const email = anonymous
    ? (el(doc, 'input', { id: 'clf-email', class: 'field', type: 'email', autocomplete: 'email', maxlength: 254 }) as HTMLInputElement)
    : undefined;
  const form = el(
    doc,
    'form',
    { novalidate: true },
    categories,
    el(doc, 'label', { class: 'label', for: 'clf-comment' }, 'Your feedback'),
    comment,
    count,
    ...(email ? [el(doc, 'label', { class: 'label', for: 'clf-email' }, 'Email (optional, so we can reply)'), email] : []),
    error,
    el(doc, 'div', { class: 'actions' }, el(doc, 'button', { type: 'submit', class: 'button' }, 'Send')),
  );
  const closeButton = el(doc, 'button', { type: 'button', class: 'close', 'aria-label': 'Close feedback' });
  closeButton.innerHTML = `<svg viewBox="0 0 16 16" aria-hidden="true"><path d="${CLOSE_ICON}" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;
  const card = el(
    doc,
    'div',
    { class: `card ${position}`, role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'clf-title', tabindex: -1 },
    closeButton,
    el(doc, 'h2', { class: 'title', id: 'clf-title' }, 'Send feedback'),
    form,
    status,
  );

  function close() {
    // Give focus back only when it is still ours: a visitor who clicked elsewhere on the page keeps their spot.
    const focusWasInside = root.activeElement !== null || doc.activeElement === doc.body;
    card.remove();
    button.setAttribute('aria-expanded', 'false');
    if (focusWasInside) button.focus();
  }

  function fail(message: string, field: HTMLElement) {
    error.textContent = message;
    for (const control of [comment, ...radios]) control.removeAttribute('aria-invalid');
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', field === comment ? 'clf-count clf-error' : 'clf-error');
    field.focus();
  }

  closeButton.addEventListener('click', close);
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const category = radios.find((radio) => radio.checked)?.value as FeedbackInput['category'] | undefined;
    if (!category) return fail('Choose what your feedback is about.', radios[0]!);
    if (!comment.value.trim()) return fail('Write a few words before sending.', comment);
    const address = email?.value.trim();
    if (email && address && !email.checkValidity()) return fail('That email address does not look right; fix it or leave it empty.', email);
    if (!core.feedback({ category, comment: comment.value, ...(address && { email: address }) })) {
      return fail('Your feedback could not be sent. Please check it and try again.', comment);
    }
    const thanks = el(doc, 'p', { class: 'thanks', tabindex: -1 }, 'Thank you!');
    const done = el(doc, 'button', { type: 'button', class: 'button' }, 'Close');
    done.addEventListener('click', close);
    form.replaceWith(thanks, el(doc, 'p', { class: 'body' }, 'We received your feedback.'), el(doc, 'div', { class: 'actions' }, done));
    status.textContent = 'Thank you! We received your feedback.';
    done.focus();
  });

  root.append(card);
  button.setAttribute('aria-expanded', 'true');
  radios[0]?.focus();
}
