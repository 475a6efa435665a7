/** happy-dom's document is always visible: this lets a test hide and show the tab, with the event browsers send. */
export function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

export function restoreVisibility(): void {
  Reflect.deleteProperty(document, 'visibilityState');
}
