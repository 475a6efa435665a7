import { computed, signal } from '@preact/signals';
import { ROLE_PERMISSIONS } from '@closeloop/sdk/logic';
import type { Permission } from '@closeloop/sdk/logic';
import type { ConsoleSession, LoginRequest } from '@closeloop/sdk/schemas';
import { ApiError } from '../api/api-error.js';
import type { SessionApi } from '../api/session.js';

/** Where the console stands with the server: still asking, nobody signed in, or a member's session. */
export type SessionState =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'signed-out'; reason?: 'expired' }
  | { kind: 'signed-in'; session: ConsoleSession };

/** The signed-in member as signals: the shell, the pages and the API client (its CSRF token) read it. */
export function createSessionModel() {
  const state = signal<SessionState>({ kind: 'loading' });
  const session = computed(() => (state.value.kind === 'signed-in' ? state.value.session : null));

  return {
    state,
    session,
    user: computed(() => session.value?.user ?? null),
    csrfToken: () => session.peek()?.csrfToken,
    can: (permission: Permission) => {
      const user = session.value?.user;
      return user !== undefined && ROLE_PERMISSIONS[user.role].has(permission);
    },
    /** The server forgot the session (expired, signed out elsewhere): back to the login, saying why. */
    expired() {
      if (state.peek().kind === 'signed-in') state.value = { kind: 'signed-out', reason: 'expired' };
    },
    /** Asks the server who is signed in: a 401 means nobody; any other failure is shown with a way to try again. */
    async restore(api: SessionApi) {
      state.value = { kind: 'loading' };
      try {
        state.value = { kind: 'signed-in', session: await api.current() };
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) state.value = { kind: 'signed-out' };
        else state.value = { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
      }
    },
    async login(api: SessionApi, credentials: LoginRequest) {
      state.value = { kind: 'signed-in', session: await api.login(credentials) };
    },
    async logout(api: SessionApi) {
      try {
        await api.logout();
      } catch (error) {
        // Already gone on the server: signed out either way.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
      state.value = { kind: 'signed-out' };
    },
  };
}
export type SessionModel = ReturnType<typeof createSessionModel>;
