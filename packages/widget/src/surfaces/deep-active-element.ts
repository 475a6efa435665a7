/** `target` when it is an element that can take focus (duck-typed, as below), else null. */
export function asFocusable(target: EventTarget | null | undefined): (Element & HTMLOrSVGElement) | null {
  return target && 'focus' in target && 'getRootNode' in target ? (target as Element & HTMLOrSVGElement) : null;
}

/** The element that has focus, looking inside open shadow roots (the focused element of a web component). */
export function deepActiveElement(doc: Document): (Element & HTMLOrSVGElement) | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  // Duck-typed rather than `instanceof HTMLElement`, which fails for elements of another realm (iframes).
  return asFocusable(active);
}
