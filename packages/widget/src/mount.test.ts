import { HOST_TAG, mount } from './mount.js';

afterEach(() => {
  document.body.replaceChildren();
});

describe('mount', () => {
  it('creates one host with an open shadow root, one stylesheet and a render container', () => {
    const { host, root, container } = mount();
    expect(host.tagName.toLowerCase()).toBe(HOST_TAG);
    expect(host.parentElement).toBe(document.body);
    expect(host.shadowRoot).toBe(root);
    expect(root.mode).toBe('open');
    expect(root.adoptedStyleSheets).toHaveLength(1);
    expect(container.parentNode).toBe(root);
  });

  it('is idempotent: a second call returns the same host, root, sheet and container', () => {
    const first = mount();
    const sheet = first.root.adoptedStyleSheets[0];
    const second = mount();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(second.host).toBe(first.host);
    expect(second.root).toBe(first.root);
    expect(second.container).toBe(first.container);
    expect(second.root.adoptedStyleSheets).toEqual([sheet]);
    expect(second.root.querySelectorAll('[data-closeloop-root]')).toHaveLength(1);
  });

  it('adopts a sheet that isolates the host and exposes the theme as custom properties', () => {
    const { root } = mount();
    const rules = Array.from(root.adoptedStyleSheets[0]!.cssRules, (rule) => rule.cssText).join('\n');
    expect(rules).toMatch(/:host\s*\{[^}]*all:\s*initial\s*!important/);
    expect(rules).toMatch(/--cl-accent:/);
    expect(rules).toMatch(/prefers-color-scheme:\s*dark/);
    expect(rules).toMatch(/prefers-reduced-motion:\s*reduce/);
  });

  it('adopts the existing host a page (or an earlier build) left behind instead of adding another', () => {
    const placeholder = document.createElement(HOST_TAG);
    document.body.append(placeholder);
    const { host } = mount();
    expect(host).toBe(placeholder);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('unmount removes the host', () => {
    mount().unmount();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });
});
