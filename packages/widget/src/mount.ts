import { widgetCss } from './styles/widget-css.js';

/** The tag of the element that hosts the widget's shadow root; unique to Closeloop so find-or-create is safe. */
export const HOST_TAG = 'closeloop-widget';

export interface Mounted {
  /** `<closeloop-widget>`: a direct child of `<body>`, or of the element given to `mount(el)`. */
  readonly host: HTMLElement;
  /** Its open shadow root (open so tests, devtools and the console's preview can look inside). */
  readonly root: ShadowRoot;
  /** The element the UI renders into. */
  readonly container: HTMLElement;
  /** Remove the host element and everything in it. */
  unmount(): void;
}

/**
 * Find or create the widget's host, shadow root, stylesheet and render container: at the end of `<body>` for a
 * document, or inside `target` for an element (an inline survey). Calling it again (a second script tag, the npm
 * build beside the script tag, a second survey) returns the same nodes and never adds a second host, root or
 * stylesheet.
 */
export function mount(target: Document | Element = document): Mounted {
  const inline = target.nodeType === 1;
  const doc = inline ? (target as Element).ownerDocument : (target as Document);
  const host = findOrCreateHost(doc, inline ? (target as Element) : undefined);
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (root.adoptedStyleSheets.length === 0) root.adoptedStyleSheets = [createSheet(doc, widgetCss)];
  let container = root.querySelector<HTMLElement>('[data-closeloop-root]');
  if (!container) {
    container = doc.createElement('div');
    container.setAttribute('data-closeloop-root', '');
    root.append(container);
  }
  return { host, root, container, unmount: () => host.remove() };
}

function findOrCreateHost(doc: Document, parent: Element | undefined): HTMLElement {
  // `body` is missing only while a script in <head> runs before it is parsed; the root element stands in.
  const place = parent ?? doc.body ?? doc.documentElement;
  const existing = parent ? parent.querySelector<HTMLElement>(`:scope > ${HOST_TAG}`) : doc.querySelector<HTMLElement>(`${HOST_TAG}:not([data-inline])`);
  // A host whose shadow root we cannot reach (a closed root, or a page's own element of that name) is useless
  // to us; replace it rather than fail.
  if (existing && (existing.shadowRoot || canAttachShadow(existing))) return existing;
  const host = doc.createElement(HOST_TAG);
  if (parent) host.setAttribute('data-inline', '');
  if (existing) existing.replaceWith(host);
  else place.append(host);
  return host;
}

function canAttachShadow(element: HTMLElement): boolean {
  try {
    element.attachShadow({ mode: 'open' });
    return true;
  } catch {
    return false;
  }
}

/** A constructable sheet; it must come from the document's own realm to be adoptable (iframes, tests). */
export function createSheet(doc: Document, css: string): CSSStyleSheet {
  const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
  const sheet = new Sheet();
  sheet.replaceSync(css);
  return sheet;
}
