import { useStrings } from '../i18n/strings-context.js';

/** The Skip button of an optional question; nothing for a required one. */
export function SkipAction({ onSkip }: { onSkip?: (() => void) | undefined }) {
  const t = useStrings();
  return onSkip ? (
    <button type="button" class="button secondary" onClick={onSkip}>
      {t.skip}
    </button>
  ) : null;
}
