import type { SurveyDefinition } from '@closeloop/sdk/schemas';
import { useStrings } from '../i18n/strings-context.js';
import { useTextMarks } from '../i18n/text-marks.js';

export const THANK_YOU_TITLE_ID = 'cl-thank-you';

export type ThankYouProps = Pick<SurveyDefinition['thankYou'], 'title' | 'body'> & {
  onDone: () => void;
  /** The visitor declined (or skipped) being contacted: the widget's words replace a body that may promise a reply. */
  noReply?: boolean;
};

export function ThankYou({ title, body, onDone, noReply = false }: ThankYouProps) {
  const t = useStrings();
  const marks = useTextMarks();
  return (
    <div>
      <h2 class="thanks" id={THANK_YOU_TITLE_ID} {...marks.thankYou('title')}>
        {title}
      </h2>
      {noReply ? (
        <p class="body">{t.noReply}</p>
      ) : (
        body && (
          <p class="body" {...marks.thankYou('body')}>
            {body}
          </p>
        )
      )}
      <div class="actions">
        <button type="button" class="button primary" data-autofocus="" onClick={onDone}>
          {t.done}
        </button>
      </div>
    </div>
  );
}
