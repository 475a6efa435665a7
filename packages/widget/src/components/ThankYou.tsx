import type { SurveyDefinition } from '@closeloop/sdk/schemas';
import { useStrings } from '../i18n/strings-context.js';

export const THANK_YOU_TITLE_ID = 'cl-thank-you';

export type ThankYouProps = Pick<SurveyDefinition['thankYou'], 'title' | 'body'> & { onDone: () => void };

export function ThankYou({ title, body, onDone }: ThankYouProps) {
  const t = useStrings();
  return (
    <div>
      <h2 class="thanks" id={THANK_YOU_TITLE_ID}>
        {title}
      </h2>
      {body && <p class="body">{body}</p>}
      <div class="actions">
        <button type="button" class="button primary" data-autofocus="" onClick={onDone}>
          {t.done}
        </button>
      </div>
    </div>
  );
}
