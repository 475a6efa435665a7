import type { Presenter } from '@closeloop/sdk';

export interface UiModule {
  present: Presenter;
}

export interface LazyUi {
  present: Presenter;
  /** Starts fetching the UI chunk ahead of a showing that may come soon (the core's `prepare`). */
  prepare: () => void;
}

/**
 * A Presenter that fetches the UI chunk on first use (or when the core says a survey may show soon), so pages where
 * no survey comes near showing never download it. A failed load rejects the showing (the core then reports it and
 * frees the screen) and is retried at the next one; a failed early fetch stays silent, as no survey waited on it.
 */
export function lazyPresenter(load: () => Promise<UiModule>): LazyUi {
  let ui: Promise<UiModule> | undefined;
  const fetchUi = () =>
    (ui ??= load().catch((error: unknown) => {
      ui = undefined;
      // Passed on as is: the core's warning names the survey and this error (a browser's names the chunk's URL).
      throw error;
    }));
  return {
    present: async (session) => (await fetchUi()).present(session),
    prepare: () => void fetchUi().catch(() => {}),
  };
}
