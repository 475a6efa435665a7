import { useStrings } from '../i18n/strings-context.js';

export function CloseButton({ onClose }: { onClose: () => void }) {
  const t = useStrings();
  return (
    <button type="button" class="close" aria-label={t.close} onClick={onClose}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" stroke-linecap="round" fill="none" />
      </svg>
    </button>
  );
}
