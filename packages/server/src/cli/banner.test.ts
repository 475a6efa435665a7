import { describe, expect, it } from 'vitest';
import { banner } from './banner.js';

describe('banner', () => {
  it('prints the demo URLs with the real origin, the shop line in the shape scripts parse', () => {
    const logins = [
      { email: 'admin@demo.closeloop.dev', password: 'demo-admin', role: 'admin' },
      { email: 'agent@demo.closeloop.dev', password: 'demo-agent', role: 'agent' },
    ];
    const text = banner({ command: 'demo', origin: 'http://127.0.0.1:4321', dataLocation: 'sqlite /tmp/x', widgetBuilt: true, consoleBuilt: true, logins });
    expect(text).toContain('\n  Shop:      http://127.0.0.1:4321/demo/\n');
    expect(/Shop:\s+(\S+)/.exec(text)?.[1]).toBe('http://127.0.0.1:4321/demo/');
    expect(text).toContain("curl -H 'Authorization: Bearer sk_demo' http://127.0.0.1:4321/api/v1/follow-ups");
    expect(text).toContain('  OpenAPI:   http://127.0.0.1:4321/openapi.json');
    expect(text).toContain('  Widget:    http://127.0.0.1:4321/closeloop.js');
    expect(text).toContain('  Console:   http://127.0.0.1:4321/console/\n  Logins:    admin@demo.closeloop.dev / demo-admin (admin)\n             agent@demo.closeloop.dev / demo-agent (agent)\n');
  });

  it('says when the widget or the console is not built, and has no shop or login lines outside the demo', () => {
    const text = banner({ command: 'serve', origin: 'http://127.0.0.1:8787', dataLocation: 'sqlite x', widgetBuilt: false, consoleBuilt: false });
    expect(text).not.toContain('Shop:');
    expect(text).not.toContain('Logins:');
    expect(text).toContain('  Console:   not built: run `pnpm build`, /console/ answers 503 until then');
    expect(text).toContain('  Server:    http://127.0.0.1:8787');
    expect(text).toContain('pnpm build');
  });
});
