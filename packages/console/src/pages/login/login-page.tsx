import { useSignal } from '@preact/signals';
import { LoginRequest } from '@closeloop/sdk/schemas';
import { useEffect } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { ApiError } from '../../api/api-error.js';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import { waitText } from './wait-text.js';

type FieldErrors = Partial<Record<'email' | 'password', string>>;

/** The sign-in form, shown at any console URL while nobody is signed in (the URL is kept, so a link still lands). */
export function LoginPage() {
  const { api, session } = useServices();
  const email = useSignal('');
  const password = useSignal('');
  const fieldErrors = useSignal<FieldErrors>({});
  const formError = useSignal<string | null>(null);
  const busy = useSignal(false);
  const expired = session.state.value.kind === 'signed-out' && session.state.value.reason === 'expired';

  useEffect(() => {
    document.title = 'Sign in · Closeloop';
  }, []);

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    formError.value = null;
    const parsed = LoginRequest.safeParse({ email: email.value.trim(), password: password.value });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const name = issue.path[0];
        if ((name === 'email' || name === 'password') && !errors[name]) errors[name] = issue.message;
      }
      fieldErrors.value = errors;
      return;
    }
    fieldErrors.value = {};
    busy.value = true;
    try {
      await session.login(api.session, parsed.data);
    } catch (error) {
      formError.value = loginFailure(error);
      if (error instanceof ApiError) fieldErrors.value = { email: error.issueAt('email'), password: error.issueAt('password') };
    } finally {
      busy.value = false;
    }
  }

  return (
    <main id="main" class="login">
      <div class="login-card">
        <p class="brand" aria-hidden="true">
          Closeloop
        </p>
        <h1>Sign in to the console</h1>
        {expired && <p class="notice">Your session has ended. Sign in again to go on.</p>}
        <form onSubmit={submit} noValidate aria-describedby={formError.value ? 'login-error' : undefined}>
          <Field label="Email" error={fieldErrors.value.email}>
            {(control) => (
              <input {...control} type="email" name="email" autoComplete="username" required value={email.value} onInput={(e) => (email.value = e.currentTarget.value)} />
            )}
          </Field>
          <Field label="Password" error={fieldErrors.value.password}>
            {(control) => (
              <input
                {...control}
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password.value}
                onInput={(e) => (password.value = e.currentTarget.value)}
              />
            )}
          </Field>
          {formError.value && (
            <p class="form-error" id="login-error" role="alert">
              {formError.value}
            </p>
          )}
          <Button type="submit" variant="primary" busy={busy.value}>
            {busy.value ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      </div>
    </main>
  );
}

/** What to tell someone whose sign-in failed. */
function loginFailure(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Signing in failed. Try again.';
  if (error.status === 429) {
    const wait = error.retryAfterSeconds === undefined ? 'a few minutes' : waitText(error.retryAfterSeconds);
    return `Too many failed sign-ins. Wait ${wait}, then try again.`;
  }
  if (error.status === 401) return 'The email or the password is wrong.';
  if (error.status === 422) return 'Check the fields marked below.';
  return error.message;
}
