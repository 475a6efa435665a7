import { useRef, useState } from 'preact/hooks';
import { FEEDBACK_EMAIL_MAX } from '@closeloop/sdk';
import { isContactAnswer, normalizePhone } from '@closeloop/sdk/logic';
import type { ContactAnswer, ContactQuestion as ContactQuestionDefinition } from '@closeloop/sdk/schemas';
import { useStrings } from '../i18n/strings-context.js';
import { Prompt } from './Prompt.js';
import { promptId } from './prompt-id.js';
import { RadioButtons } from './RadioButtons.js';
import { SkipAction } from './SkipAction.js';

type Channel = 'email' | 'phone';

export type ContactQuestionProps = Pick<ContactQuestionDefinition, 'id' | 'prompt'> & {
  onSubmit: (answer: ContactAnswer) => void;
  /** Given when the question is optional: shows a Skip button. */
  onSkip?: (() => void) | undefined;
};

/** The words of the address field per channel: its label, and what is wrong with a bad address. */
const WORDS = {
  email: { label: 'emailAddress', fault: 'badEmail' },
  phone: { label: 'phoneNumber', fault: 'badPhone' },
} as const;

/**
 * "May we contact you about this?": yes or no, and on yes the channel and the address. The address is checked by
 * the rule the core and the server apply (`isContactAnswer`, behind `answerFault`), so what this sends is never
 * refused; a bad one is named under the field once the visitor tries to send it, and the message goes as soon as it
 * is fixed. A phone number goes as digits: the spaces and dashes people type are for reading, not for dialling.
 */
export function ContactQuestion({ id, prompt, onSubmit, onSkip }: ContactQuestionProps) {
  const t = useStrings();
  const [consent, setConsent] = useState<boolean | undefined>();
  const [channel, setChannel] = useState<Channel>('email');
  const [address, setAddress] = useState('');
  const [tried, setTried] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const typed = address.trim();
  const wrong = consent === true && !isContactAnswer({ consent, channel, address: typed });
  const showFault = tried && wrong;
  const { label, fault } = WORDS[channel];
  const fieldId = `cl-field-${id}`;
  const channelId = `cl-channel-${id}`;
  const faultId = `cl-fault-${id}`;

  const field = {
    ref: input,
    id: fieldId,
    class: 'field',
    value: address,
    maxLength: FEEDBACK_EMAIL_MAX,
    'aria-invalid': showFault,
    'aria-describedby': showFault ? faultId : undefined,
    onInput: (event: Event) => setAddress((event.currentTarget as HTMLInputElement).value),
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (consent === undefined) return;
    if (wrong) {
      setTried(true);
      input.current?.focus();
      return;
    }
    onSubmit(consent ? { consent, channel, address: channel === 'phone' ? normalizePhone(typed) : typed } : { consent });
  };

  return (
    <form class="question" onSubmit={submit} noValidate>
      <Prompt id={id} prompt={prompt} />
      <RadioButtons
        labelledBy={promptId(id)}
        options={[
          { value: 'yes', label: t.yes },
          { value: 'no', label: t.no },
        ]}
        value={consent === undefined ? undefined : consent ? 'yes' : 'no'}
        onCheck={(value) => setConsent(value === 'yes')}
        autofocus
      />
      {consent && (
        <>
          <p class="label" id={channelId}>
            {t.contactChannel}
          </p>
          <RadioButtons
            labelledBy={channelId}
            options={[
              { value: 'email', label: t.email },
              { value: 'phone', label: t.phone },
            ]}
            value={channel}
            onCheck={(value) => {
              if (value === channel) return;
              // A different channel wants a different address: an email address is no phone number.
              setChannel(value);
              setAddress('');
              setTried(false);
            }}
          />
          <label class="label" for={fieldId}>
            {t[label]}
          </label>
          {/* Each channel its own field: the keyboard a phone shows and what the browser may fill in differ. */}
          {channel === 'email' ? (
            <input {...field} type="email" autocomplete="email" inputMode="email" />
          ) : (
            <input {...field} type="tel" autocomplete="tel" inputMode="tel" />
          )}
          {showFault && (
            <p class="fault" id={faultId}>
              {t[fault]}
            </p>
          )}
        </>
      )}
      <div class="actions">
        <SkipAction onSkip={onSkip} />
        <button type="submit" class="button primary" disabled={consent === undefined}>
          {t.submit}
        </button>
      </div>
    </form>
  );
}
