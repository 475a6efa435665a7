import { describe, expect, it } from 'vitest';
import { banner } from './banner.js';

describe('banner', () => {
  it('prints the demo URLs with the real origin, the shop line in the shape scripts parse', () => {
    const text = banner({ command: 'demo', origin: 'http://127.0.0.1:4321', dataLocation: 'sqlite /tmp/x', widgetBuilt: true });
    expect(text).toContain('\n  Shop:      http://127.0.0.1:4321/demo/\n');
    expect(/Shop:\s+(\S+)/.exec(text)?.[1]).toBe('http://127.0.0.1:4321/demo/');
    expect(text).toContain("curl -H 'Authorization: Bearer sk_demo' http://127.0.0.1:4321/api/v1/follow-ups");
    expect(text).toContain('  OpenAPI:   http://127.0.0.1:4321/openapi.json');
    expect(text).toContain('  Widget:    http://127.0.0.1:4321/closeloop.js');
  });

  it('says when the widget is not built, and has no shop line outside the demo', () => {
    const text = banner({ command: 'serve', origin: 'http://127.0.0.1:8787', dataLocation: 'sqlite x', widgetBuilt: false });
    expect(text).not.toContain('Shop:');
    expect(text).toContain('  Server:    http://127.0.0.1:8787');
    expect(text).toContain('pnpm build');
  });
});
