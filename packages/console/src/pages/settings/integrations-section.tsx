import { useSignal } from '@preact/signals';
import { EmailTestRequest, SlackIntegration } from '@closeloop/sdk/schemas';
import type { IntegrationTestResult } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { useServices } from '../../services.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { ErrorMessage } from '../../ui/error-message.js';
import { Field } from '../../ui/field.js';
import { useAction } from '../../ui/use-action.js';
import { schemaErrors } from './form-errors.js';
import type { FieldErrors } from './form-errors.js';
import { useLoaded } from './use-loaded.js';

/** A "send test" outcome in words: sent, or the receiver's refusal. */
function TestOutcome({ result, what }: { result: IntegrationTestResult; what: string }) {
  return result.ok ? (
    <Badge tone="success">
      {what} accepted it{result.statusCode === null ? '' : ` (${result.statusCode})`} in {result.durationMs} ms
    </Badge>
  ) : (
    <Badge tone="danger">
      {what} refused it: {result.error}
    </Badge>
  );
}

/** The Slack channel new and overdue cases are posted to, and a test post. */
export function SlackSection() {
  const { api, toasts } = useServices();
  const current = useLoaded(() => api.integrations.slack());
  const url = useSignal<string | null>(null);
  const errors = useSignal<FieldErrors>({});
  const save = useAction();
  const test = useAction();
  const result = useSignal<IntegrationTestResult | null>(null);

  const shownUrl = url.value ?? current.data.value ?? '';

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = schemaErrors(SlackIntegration, { url: shownUrl.trim() });
    errors.value = checked.errors ?? {};
    if (checked.data === null) return;
    const input = checked.data;
    const done = await save.run(async () => {
      current.data.value = (await api.integrations.putSlack(input.url)).url;
    });
    if (done) toasts.show('success', 'Slack URL saved.');
  }
  async function remove() {
    if (await save.run(() => api.integrations.removeSlack())) {
      current.data.value = null;
      toasts.show('success', 'Slack hears of no new case from now on.');
    }
  }
  async function sendTest() {
    result.value = null;
    await test.run(async () => {
      result.value = await api.integrations.testSlack();
    });
  }

  return (
    <section class="card settings-section" id="slack" aria-labelledby="slack-title">
      <h2 id="slack-title">Slack</h2>
      {current.error.value && <ErrorMessage message={current.error.value} onRetry={() => void current.reload()} />}
      <form onSubmit={submit} noValidate aria-label="Slack incoming webhook">
        <Field label="Incoming-webhook URL" error={errors.value['url'] ?? save.issueAt('url')} hint="https://hooks.slack.com/services/… (Slack: Apps → Incoming Webhooks). New and overdue cases are posted there.">
          {(control) => <input {...control} name="slackUrl" type="url" inputMode="url" value={shownUrl} onInput={(e) => (url.value = e.currentTarget.value)} />}
        </Field>
        {save.error.value && !save.issueAt('url') && (
          <p class="form-error" role="alert">
            {save.error.value}
          </p>
        )}
        <div class="row">
          <Button type="submit" variant="primary" busy={save.busy.value}>
            Save Slack URL
          </Button>
          <Button busy={test.busy.value} disabled={!current.data.value} onClick={() => void sendTest()}>
            Send test to Slack
          </Button>
          {current.data.value && (
            <Button variant="danger" busy={save.busy.value} onClick={() => void remove()}>
              Remove
            </Button>
          )}
        </div>
      </form>
      <div aria-live="polite">
        {result.value && <TestOutcome result={result.value} what="Slack" />}
        {test.error.value && (
          <p class="form-error" role="alert">
            {test.error.value}
          </p>
        )}
      </div>
    </section>
  );
}

/** A test mail through the server's SMTP settings (which only whoever runs the server sets). */
export function EmailSection() {
  const { api, session } = useServices();
  const to = useSignal(session.user.value?.email ?? '');
  const errors = useSignal<FieldErrors>({});
  const test = useAction();
  const result = useSignal<IntegrationTestResult | null>(null);

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    result.value = null;
    const checked = schemaErrors(EmailTestRequest, { to: to.value.trim() });
    errors.value = checked.errors ?? {};
    if (checked.data === null) return;
    const input = checked.data;
    await test.run(async () => {
      result.value = await api.integrations.testEmail(input.to);
    });
  }

  return (
    <section class="card settings-section" id="email" aria-labelledby="email-title">
      <h2 id="email-title">Email</h2>
      <p class="muted">
        Staff are mailed about new and overdue cases, and customers get the messages that close the loop, through the server's SMTP settings
        (<code>CLOSELOOP_SMTP_URL</code>, <code>CLOSELOOP_MAIL_FROM</code>, set where the server runs).
      </p>
      <form class="inline-form" onSubmit={submit} noValidate aria-label="Send a test email">
        <Field label="Send a test mail to" error={errors.value['to'] ?? test.issueAt('to')}>
          {(control) => <input {...control} name="to" type="email" autoComplete="email" value={to.value} onInput={(e) => (to.value = e.currentTarget.value)} />}
        </Field>
        <Button type="submit" busy={test.busy.value}>
          Send test email
        </Button>
      </form>
      <div aria-live="polite">
        {result.value && <TestOutcome result={result.value} what="The mail server" />}
        {test.error.value && !test.issueAt('to') && (
          <p class="form-error" role="alert">
            {test.error.value}
          </p>
        )}
      </div>
    </section>
  );
}
