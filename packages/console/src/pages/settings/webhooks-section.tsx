import { useSignal } from '@preact/signals';
import { NewWebhook, WebhookEventType } from '@closeloop/sdk/schemas';
import type { Webhook, WebhookCreated, WebhookDelivery } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { useServices } from '../../services.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { ErrorMessage } from '../../ui/error-message.js';
import { Field } from '../../ui/field.js';
import { Table } from '../../ui/table.js';
import { useAction } from '../../ui/use-action.js';
import { schemaErrors } from './form-errors.js';
import type { FieldErrors } from './form-errors.js';
import { ShownOnce } from './shown-once.js';
import { useLoaded } from './use-loaded.js';
import { when } from './when.js';

const EVENT_WORDS: Record<WebhookEventType, string> = {
  'follow_up.opened': 'Case opened',
  'follow_up.assigned': 'Case assigned',
  'follow_up.status_changed': 'Status changed',
  'follow_up.overdue': 'Case overdue',
  'follow_up.resolved': 'Case resolved',
  'follow_up.loop_closed': 'Loop closed',
  'follow_up.answer_updated': 'Late comment or contact',
};

/** Webhooks: register one for some case events (its signing secret shown once), send it a test, read its log, delete it. */
export function WebhooksSection() {
  const { api } = useServices();
  const hooks = useLoaded(() => api.webhooks.list());
  const url = useSignal('');
  const events = useSignal<WebhookEventType[]>(['follow_up.opened']);
  const errors = useSignal<FieldErrors>({});
  const created = useSignal<WebhookCreated | null>(null);
  const add = useAction();

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = schemaErrors(NewWebhook, { url: url.value.trim(), events: events.value });
    errors.value = checked.errors ?? {};
    if (checked.data === null) return;
    const input = checked.data;
    await add.run(async () => {
      created.value = await api.webhooks.create(input);
      url.value = '';
      await hooks.reload();
    });
  }

  function toggle(type: WebhookEventType, on: boolean) {
    events.value = on ? WebhookEventType.options.filter((t) => t === type || events.value.includes(t)) : events.value.filter((t) => t !== type);
  }

  return (
    <section class="card settings-section" id="webhooks" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p class="muted">Closeloop POSTs each chosen case event to your URL, signed per Standard Webhooks (check it with verifyWebhook from @closeloop/sdk/node), and retries for hours until it gets a 2xx.</p>
      {created.value && (
        <ShownOnce
          label={`Signing secret for ${created.value.url}`}
          secret={created.value.secret}
          hint="Your receiver verifies each delivery with it; if it is lost, delete the webhook and add it again."
          onDone={() => (created.value = null)}
        />
      )}
      {hooks.error.value && <ErrorMessage message={hooks.error.value} onRetry={() => void hooks.reload()} />}
      {hooks.data.value?.length === 0 && <p>No webhooks yet.</p>}
      <ul class="plain-list webhook-list">
        {hooks.data.value?.map((hook) => (
          <WebhookItem key={hook.id} hook={hook} onDeleted={() => void hooks.reload()} />
        ))}
      </ul>
      <form onSubmit={submit} noValidate aria-label="Add a webhook">
        <h3>Add a webhook</h3>
        <Field label="URL" error={errors.value['url'] ?? add.issueAt('url')} hint="https://… on your backend.">
          {(control) => <input {...control} name="url" type="url" inputMode="url" value={url.value} onInput={(e) => (url.value = e.currentTarget.value)} />}
        </Field>
        <fieldset aria-describedby={errors.value['events'] || add.issueAt('events') ? 'webhook-events-error' : undefined}>
          <legend>Events</legend>
          <div class="checkbox-grid">
            {WebhookEventType.options.map((type) => (
              <label key={type}>
                <input type="checkbox" name="events" value={type} checked={events.value.includes(type)} onChange={(e) => toggle(type, e.currentTarget.checked)} />
                <span class="choice-text">
                  {EVENT_WORDS[type]} <code class="muted">{type}</code>
                </span>
              </label>
            ))}
          </div>
          {(errors.value['events'] ?? add.issueAt('events')) && (
            <p class="field-error" id="webhook-events-error">
              {errors.value['events'] ?? add.issueAt('events')}
            </p>
          )}
        </fieldset>
        {add.error.value && !add.issueAt('url') && !add.issueAt('events') && (
          <p class="form-error" role="alert">
            {add.error.value}
          </p>
        )}
        <Button type="submit" variant="primary" busy={add.busy.value}>
          Add webhook
        </Button>
      </form>
    </section>
  );
}

function WebhookItem({ hook, onDeleted }: { hook: Webhook; onDeleted: () => void }) {
  const { api, toasts } = useServices();
  const log = useLoaded(async () => (await api.webhooks.deliveries(hook.id)).data);
  const test = useAction();
  const remove = useAction();
  const lastTest = useSignal<WebhookDelivery | null>(null);

  async function sendTest() {
    await test.run(async () => {
      lastTest.value = await api.webhooks.sendTest(hook.id);
      await log.reload();
    });
  }
  async function deleteHook() {
    if (!confirm(`Delete the webhook to ${hook.url}? Nothing more is sent to it; its log stays readable through the API.`)) return;
    if (await remove.run(() => api.webhooks.remove(hook.id))) {
      toasts.show('success', 'Webhook deleted.');
      onDeleted();
    }
  }

  return (
    <li class="webhook">
      <p class="break">
        <strong>{hook.url}</strong>
      </p>
      <p class="muted">{hook.events.map((e) => EVENT_WORDS[e]).join(', ')}</p>
      <div class="row">
        <Button busy={test.busy.value} onClick={() => void sendTest()} aria-label={`Send a test to ${hook.url}`}>
          Send test
        </Button>
        <Button variant="danger" busy={remove.busy.value} onClick={() => void deleteHook()} aria-label={`Delete the webhook to ${hook.url}`}>
          Delete
        </Button>
        {lastTest.value && <DeliveryOutcome delivery={lastTest.value} />}
      </div>
      {(test.error.value ?? remove.error.value) && (
        <p class="form-error" role="alert">
          {test.error.value ?? remove.error.value}
        </p>
      )}
      {log.error.value && <ErrorMessage message={log.error.value} onRetry={() => void log.reload()} />}
      {log.data.value && log.data.value.length > 0 && (
        <Table
          caption={`Latest deliveries to ${hook.url}`}
          rows={log.data.value}
          rowKey={(d) => d.id}
          columns={[
            { label: 'When', cell: (d) => when(d.at) },
            { label: 'Event', cell: (d) => <code>{d.type}</code> },
            { label: 'Attempt', cell: (d) => d.attempt },
            { label: 'Result', cell: (d) => <DeliveryOutcome delivery={d} /> },
            { label: 'Time', cell: (d) => `${d.durationMs} ms` },
          ]}
        />
      )}
      {log.data.value?.length === 0 && <p class="muted">Nothing delivered yet.</p>}
    </li>
  );
}

/** A delivery's result in words: `204 delivered`, `500: HTTP 500`, `no answer: timed out`. */
function DeliveryOutcome({ delivery }: { delivery: WebhookDelivery }) {
  if (delivery.error === null) return <Badge tone="success">{delivery.statusCode} delivered</Badge>;
  return (
    <Badge tone="danger" title={delivery.error}>
      {delivery.statusCode ?? 'No answer'}: {delivery.error}
    </Badge>
  );
}
