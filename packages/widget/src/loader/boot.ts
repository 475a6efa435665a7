import type { Closeloop, CloseloopOptions } from '@closeloop/sdk';
import { createDispatcher, isDispatcher, queuedCalls } from './command-queue.js';
import { findOwnScript } from './find-script.js';
import type { UiModule } from './lazy-presenter.js';
import { lazyPresenter } from './lazy-presenter.js';
import { readSettings } from './read-settings.js';
import { report } from './report.js';

export interface BootDeps {
  window: Window & { closeloop?: unknown };
  createCloseloop: (options: CloseloopOptions) => Closeloop;
  /** File name of the UI chunk, resolved against closeloop.js's own URL. */
  uiFile: string;
  /** Loads the UI chunk from an absolute URL (a dynamic `import()` in the real build). */
  loadUi: (url: string) => Promise<UiModule>;
}

/**
 * What closeloop.js does when it runs: read its settings, start the core with a UI that loads on demand, then
 * take over `window.closeloop` and replay the calls the snippet queued, in order. Runs at most once per page.
 */
export function boot({ window: win, createCloseloop, uiFile, loadUi }: BootDeps): void {
  try {
    const settings = readSettings(findOwnScript(win.document), win.location.href);
    if (!settings) return;
    const running = win.closeloop;
    if (isDispatcher(running)) {
      if (running.project !== settings.project)
        report('warn', `closeloop.js is on this page twice, for ${running.project} and ${settings.project}; only ${running.project} runs.`);
      return;
    }
    const uiUrl = new URL(uiFile, settings.base).href;
    const core = createCloseloop({
      project: settings.project,
      host: settings.host,
      present: lazyPresenter(() => loadUi(uiUrl)),
    });
    const queued = queuedCalls(running);
    const dispatch = createDispatcher(core, settings.project);
    // Installed before the replay, so a call made from inside a replayed one (an `on` handler, say) reaches the
    // core instead of a queue nobody reads any more.
    win.closeloop = dispatch;
    for (const [method, ...args] of queued) dispatch(method, ...args);
  } catch (error) {
    report('error', 'could not start:', error);
  }
}
