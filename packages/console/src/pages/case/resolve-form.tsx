import { useSignal } from '@preact/signals';
import { CaseResolution, ResolutionKind } from '@closeloop/sdk/schemas';
import type { FollowUp, RootCause } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { RESOLUTION_WORDS } from '../../cases/case-words.js';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import { useAction } from '../../ui/use-action.js';
import type { CaseModel } from './case-model.js';

type Errors = Record<string, string | undefined>;

interface ResolveFormProps {
  followUp: FollowUp;
  model: CaseModel;
  rootCauses: RootCause[];
  /** Opened from the inbox's `e`: the first field takes focus. */
  focusFirst: boolean;
}

/** Resolves the case: how, a summary, the root cause (the project's list), and any compensation given. */
export function ResolveForm({ followUp, model, rootCauses, focusFirst }: ResolveFormProps) {
  const { api, toasts } = useServices();
  const resolution = useSignal('');
  const summary = useSignal('');
  const rootCause = useSignal('');
  const compensationKind = useSignal('');
  const compensationValue = useSignal('');
  const compensationCode = useSignal('');
  const errors = useSignal<Errors>({});
  const action = useAction();
  const first = useRef<HTMLSelectElement>(null);
  const compensated = resolution.value === 'compensated';

  useEffect(() => {
    if (focusFirst) first.current?.focus();
  }, [focusFirst]);

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      resolution: resolution.value || undefined,
      summary: summary.value,
      ...(rootCause.value && { rootCause: rootCause.value }),
      ...(compensated && {
        compensation: {
          kind: compensationKind.value,
          value: compensationValue.value.trim() === '' ? undefined : Number(compensationValue.value),
          ...(compensationCode.value.trim() && { code: compensationCode.value }),
        },
      }),
    };
    const parsed = CaseResolution.safeParse(input);
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) found[issue.path.join('.')] ??= issue.message;
      errors.value = found;
      return;
    }
    errors.value = {};
    const sent = await action.run(() => model.change((version) => api.followUps.resolve(followUp.id, { ...parsed.data, version })));
    if (sent) toasts.show('success', 'Case resolved. Tell the customer what was done: close the loop below.');
  }

  const errorOf = (path: string) => errors.value[path] ?? action.issueAt(path);

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="resolve-title">
      <h2 id="resolve-title">Resolve</h2>
      <Field label="Resolution" error={errorOf('resolution')}>
        {(control) => (
          <select {...control} ref={first} name="resolution" value={resolution.value} onChange={(e) => (resolution.value = e.currentTarget.value)}>
            <option value="">Choose…</option>
            {ResolutionKind.options.map((kind) => (
              <option key={kind} value={kind}>
                {RESOLUTION_WORDS[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Summary" error={errorOf('summary')} hint="What was done, for colleagues and the statistics.">
        {(control) => <textarea {...control} name="summary" value={summary.value} onInput={(e) => (summary.value = e.currentTarget.value)} />}
      </Field>
      <Field label="Root cause" error={errorOf('rootCause')} hint={rootCauses.length === 0 ? 'The project lists no root causes yet (an admin adds them in the settings).' : undefined}>
        {(control) => (
          <select {...control} name="rootCause" value={rootCause.value} disabled={rootCauses.length === 0} onChange={(e) => (rootCause.value = e.currentTarget.value)}>
            <option value="">None</option>
            {rootCauses.map((cause) => (
              <option key={cause.id} value={cause.id}>
                {cause.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {compensated && (
        <fieldset class="compensation">
          <legend>Compensation</legend>
          <Field label="Kind" error={errorOf('compensation.kind')} hint="Refund, voucher, credit…">
            {(control) => <input {...control} name="compensationKind" value={compensationKind.value} onInput={(e) => (compensationKind.value = e.currentTarget.value)} />}
          </Field>
          <Field label="Value" error={errorOf('compensation.value')}>
            {(control) => <input {...control} name="compensationValue" inputMode="decimal" value={compensationValue.value} onInput={(e) => (compensationValue.value = e.currentTarget.value)} />}
          </Field>
          <Field label="Code (optional)" error={errorOf('compensation.code')}>
            {(control) => <input {...control} name="compensationCode" value={compensationCode.value} onInput={(e) => (compensationCode.value = e.currentTarget.value)} />}
          </Field>
        </fieldset>
      )}
      {action.error.value && (
        <p class="form-error" role="alert">
          {action.error.value}
        </p>
      )}
      <Button type="submit" variant="primary" busy={action.busy.value}>
        Resolve case
      </Button>
    </form>
  );
}
