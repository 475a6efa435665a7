import { fakeSession } from '../test-support/fake-session.js';
import { lazyPresenter } from './lazy-presenter.js';

describe('lazyPresenter', () => {
  it('loads the UI only when the first survey shows, and once', async () => {
    const shown: string[] = [];
    const load = vi.fn(async () => ({ present: (session: { survey: { id: string } }) => void shown.push(session.survey.id) }));
    const { present } = lazyPresenter(load);
    expect(load).not.toHaveBeenCalled();
    await present(fakeSession());
    await present(fakeSession());
    expect(load).toHaveBeenCalledOnce();
    expect(shown).toEqual(['nps-q4', 'nps-q4']);
  });

  it('rejects with the reason when the chunk fails to load, and retries at the next showing', async () => {
    const present = vi.fn();
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValueOnce({ present });
    const lazy = lazyPresenter(load);
    await expect(lazy.present(fakeSession())).rejects.toThrow('Failed to fetch dynamically imported module');
    await lazy.present(fakeSession());
    expect(load).toHaveBeenCalledTimes(2);
    expect(present).toHaveBeenCalledOnce();
  });

  it('prepare fetches the chunk ahead of the showing, which then uses it without loading again', async () => {
    const present = vi.fn();
    const load = vi.fn(async () => ({ present }));
    const lazy = lazyPresenter(load);
    lazy.prepare();
    lazy.prepare();
    expect(load).toHaveBeenCalledOnce();
    expect(present).not.toHaveBeenCalled();
    await lazy.present(fakeSession());
    expect(load).toHaveBeenCalledOnce();
    expect(present).toHaveBeenCalledOnce();
  });

  it('a failed prepare stays silent and the showing loads again', async () => {
    const present = vi.fn();
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValueOnce({ present });
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    onTestFinished(() => void process.off('unhandledRejection', unhandled));
    const lazy = lazyPresenter(load);
    lazy.prepare();
    await vi.waitFor(() => expect(load).toHaveBeenCalledOnce());
    await new Promise((resolve) => setTimeout(resolve, 0));
    await lazy.present(fakeSession());
    expect(load).toHaveBeenCalledTimes(2);
    expect(present).toHaveBeenCalledOnce();
    expect(unhandled).not.toHaveBeenCalled();
  });
});
