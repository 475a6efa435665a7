import type { Closeloop, CloseloopOptions } from '@closeloop/sdk';
import { watchEarlyExits } from '@closeloop/sdk';
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
import { whenIdle } from './when-idle.js';

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
  /** Schedules the start of the core: `whenIdle` in a page; tests pass their own to run it when they choose. */
  later?: (start: () => void) => void;
}

/**
 * What closeloop.js does when it runs, which is all a page pays for at load: read its settings, take over
 * `window.closeloop` (calls wait there) and start keeping exits. The rest waits for an idle moment (or a `show`):
 * the core (stored ids, the outbox of earlier pages, the config request, the triggers), the feedback tab, then the
 * calls the snippet queued and those made since, in order. Runs at most once per page.
 */
export function boot({ window: win, createCloseloop, uiFile, feedbackFile, messagesFile, load, later = whenIdle }: BootDeps): void {
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
    const exitsWatch = new AbortController();
    const exits = watchEarlyExits(exitsWatch.signal);
    const create = () => {
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
        exits,
      });
      // Armed triggers watch exits themselves from then on.
      void core.ready?.finally(() => exitsWatch.abort());
      const feedback = readFeedbackSettings(script);
      if (feedback) startFeedbackButton(win.document, feedback, core, () => loadBeside(feedbackFile) as Promise<FeedbackModule>);
      return core;
    };
    const { dispatch, start } = createDispatcher(settings.project, queuedCalls(running), create);
    win.closeloop = dispatch;
    later(start);
  } catch (error) {
    report('error', 'could not start:', error);
  }
}
