import { ProjectKey } from '@closeloop/sdk/schemas';
import { PROJECT_KEY, readSettings } from './read-settings.js';

function script(attributes: Record<string, string>): HTMLScriptElement {
  const element = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

const page = 'https://shop.example/cart';

describe('readSettings', () => {
  beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));
  afterEach(() => void vi.restoreAllMocks());

  it('reads data-project and defaults the host to the origin closeloop.js came from', () => {
    const settings = readSettings(script({ src: 'https://feedback.example/closeloop.js', 'data-project': 'pk_demo' }), page);
    expect(settings).toEqual({ project: 'pk_demo', host: 'https://feedback.example', base: 'https://feedback.example/closeloop.js' });
    expect(console.error).not.toHaveBeenCalled();
  });

  it('takes data-host when given, relative to the page, without a trailing slash', () => {
    const tag = script({ src: 'https://cdn.example/closeloop.js', 'data-project': 'pk_demo', 'data-host': 'https://feedback.example/cl/' });
    expect(readSettings(tag, page)?.host).toBe('https://feedback.example/cl');
    expect(readSettings(script({ src: '/closeloop.js', 'data-project': 'pk_demo', 'data-host': '/feedback' }), page)?.host).toBe('https://shop.example/feedback');
  });

  it.each([
    ['missing', {}, /needs a data-project attribute/],
    ['empty', { 'data-project': '  ' }, /needs a data-project attribute/],
    ['not a public key', { 'data-project': 'sk_live_secret' }, /data-project="sk_live_secret" is not a public project key/],
  ])('reports a %s data-project with one console.error and starts nothing', (_, attributes, message) => {
    expect(readSettings(script({ src: 'https://feedback.example/closeloop.js', ...attributes }), page)).toBeUndefined();
    expect(console.error).toHaveBeenCalledOnce();
    expect(vi.mocked(console.error).mock.calls[0]![0]).toMatch(message);
  });

  it('reports a data-host that is not a URL', () => {
    const tag = script({ src: 'https://feedback.example/closeloop.js', 'data-project': 'pk_demo', 'data-host': 'http://[bad' });
    expect(readSettings(tag, page)).toBeUndefined();
    expect(vi.mocked(console.error).mock.calls[0]![0]).toMatch(/data-host="http:\/\/\[bad" is not a URL/);
  });

  it('reports a missing script like a missing data-project', () => {
    expect(readSettings(null, page)).toBeUndefined();
    expect(vi.mocked(console.error).mock.calls[0]![0]).toMatch(/data-project/);
  });

  it('accepts exactly the keys the ProjectKey schema accepts', () => {
    const samples = ['pk_demo', 'pk_A-b_9', `pk_${'x'.repeat(64)}`, `pk_${'x'.repeat(65)}`, 'pk_', 'sk_demo', 'pk_demo!', ' pk_demo', 'PK_demo'];
    for (const sample of samples) expect(PROJECT_KEY.test(sample), sample).toBe(ProjectKey.safeParse(sample).success);
  });
});
