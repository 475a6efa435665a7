import type { Closeloop, CloseloopOptions } from '@closeloop/sdk';
import { readFeedbackSettings } from '../feedback/feedback-settings.js';
import { startFeedbackButton } from '../feedback/start-feedback-button.js';
import type { FeedbackModule } from '../feedback/start-feedback-button.js';
import type { MessagesModule } from '../messages/messages-module.js';
import { surfaceOpen } from '../surfaces/surface-open.js';
import { createDispatcher, isDispatcher, queuedCalls } from './command-queue.js';
import { findOwnScript } from './find-script.js';
import type { UiModule } from './lazy-presenter.js';
import { lazyPresenter } from './lazy-presenter.js';
import { readSettings } from './read-settings.js';
import { report } from './report.js';

export interface BootDeps {
  window: Window & { closeloop?: unknown };
  createCloseloop: (options: CloseloopOptions) => Closeloop;
  /** File name of the UI chunk, beside closeloop.js. */
  uiFile: string;
  /** File name of the feedback form's chunk, beside closeloop.js. */
  feedbackFile: string;
  /** File name of the message panel's chunk, beside closeloop.js. */
  messagesFile: string;
  /**
   * Loads a chunk from its absolute URL (a dynamic `import()` in the real build). One loader for the three chunks:
   * closeloop.js is paid for on every page view, and each chunk's exports are typed where it is used.
   */
  load: (url: string) => Promise<unknown>;
}

/**
 * What closeloop.js does when it runs: read its settings, start the core with a UI that loads on demand, then
 * take over `window.closeloop` and replay the calls the snippet queued, in order. Runs at most once per page.
 */
export function boot({ window: win, createCloseloop, uiFile, feedbackFile, messagesFile, load }: BootDeps): void {
  try {
    const script = findOwnScript(win.document);
    const settings = readSettings(script, win.location.href);
    if (!settings) return;
    const running = win.closeloop;
    if (isDispatcher(running)) {
      if (running.project !== settings.project)
        report('warn', `closeloop.js is on this page twice, for ${running.project} and ${settings.project}; only ${running.project} runs.`);
      return;
    }
    const loadBeside = (file: string) => load(new URL(file, settings.base).href);
    const core = createCloseloop({
      project: settings.project,
      host: settings.host,
      // `present` and `prepare`: the UI chunk loads when a survey shows or may show soon.
      ...lazyPresenter(() => loadBeside(uiFile) as Promise<UiModule>),
      // One surface at a time: a survey trigger that fires while the feedback form or a message is open is dropped.
      busy: () => surfaceOpen(win.document),
      // Only a signed visitor can have messages: the chunk loads for them alone. A failed load is reported, and
      // tried again at the next signed identify.
      signed: (visitor) =>
        void (loadBeside(messagesFile) as Promise<MessagesModule>).then(
          (chunk) => chunk.showMessages(visitor),
          (error: unknown) => report('error', 'could not load the messages:', error),
        ),
    });
    const feedback = readFeedbackSettings(script);
    if (feedback) startFeedbackButton(win.document, feedback, core, () => loadBeside(feedbackFile) as Promise<FeedbackModule>);
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
