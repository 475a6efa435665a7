import type { Presenter } from '@closeloop/sdk';

export interface UiModule {
  present: Presenter;
}

/**
 * A Presenter that fetches the UI chunk on first use, so pages where no survey shows never download it. A failed
 * load rejects (the core then reports it and frees the screen) and is retried at the next showing.
 */
export function lazyPresenter(load: () => Promise<UiModule>): Presenter {
  let ui: Promise<UiModule> | undefined;
  return async function present(session) {
    ui ??= load().catch((error: unknown) => {
      ui = undefined;
      // import() rejects with an Error (TypeError), which the template names in full (type and message).
      throw new Error(`could not load the survey UI: ${error}`);
    });
    const { present: show } = await ui;
    return show(session);
  };
}
